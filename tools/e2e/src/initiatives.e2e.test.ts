import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { goToMenuItem, logIn } from './login';

const VIEWER = 'fylke-innsyn@demo.kompetansebro.no';

const PROJECT = 'Regionale kompetanseaktører og folkebibliotekenes rolle';
/** Spaces as a reader sees them: no-break spaces (in amounts) as spaces, runs of white space as one. */
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');

test.describe('initiatives and plans in the county console', () => {
  test.beforeEach(async ({ page }) => {
    await logIn(page);
  });

  test('open the NB project, see its extensions and remaining funds, and mark a plan item done on the board', async ({ page }) => {
    await goToMenuItem(page, 'Tiltak');
    await expect(page.getByRole('heading', { level: 1, name: 'Tiltak' })).toBeVisible();
    await expect(page.getByRole('status').getByText(/^\d+ tiltak$/)).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('combobox', { name: 'Type' }).selectOption('project');
    await expect(page).toHaveURL(/kind=project/);
    await page.getByRole('link', { name: PROJECT }).click();
    await expect(page.getByRole('heading', { level: 1, name: PROJECT })).toBeVisible();

    const funds = page.getByRole('region', { name: 'Midler' });
    await expect(funds).toBeVisible();
    expect(plain(await funds.textContent())).toContain('Gjenstående414 600,00 kr');

    const period = page.getByRole('region', { name: 'Periode og forlengelser' });
    const periodText = plain(await period.textContent());
    expect(periodText).toContain('ny slutt 30.06.2026 — innvilget');
    expect(periodText).toContain('ny slutt 30.06.2027 — søkt, ikke avgjort');
    expect(periodText).toContain('Gjeldende slutt: 30.06.2026');
    await expect(page.getByRole('link', { name: 'Lag rapport til finansiør' })).toHaveAttribute('href', /\/fylke\/rapporter\?tiltak=[0-9a-f-]{36}$/);
    await expectNoAxeViolations(page);

    // An item of its own, so a second run against the same data (and the report's journey) is not disturbed.
    const title = `Kurs i kildekritikk for bibliotekansatte ${Date.now()}`;
    await page.getByRole('button', { name: 'Legg til planpunkt' }).click();
    await page.getByRole('button', { name: 'Lagre' }).click();
    await expect(page.getByRole('link', { name: 'Tittel: Fyll ut feltet.' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('textbox', { name: /^Tittel/ }).fill(title);
    await page.getByLabel('Frist').fill('2026-12-15');
    await page.getByRole('button', { name: 'Lagre' }).click();

    const planned = page.getByRole('region', { name: /^Planlagt \(\d+\)$/ });
    const card = planned.getByRole('article', { name: title });
    await expect(card).toBeVisible();
    await card.getByRole('combobox', { name: /^Status/ }).selectOption('done');

    const done = page.getByRole('region', { name: /^Ferdig \(\d+\)$/ });
    await expect(done.getByRole('article', { name: title })).toBeVisible();
    await expect(planned.getByRole('article', { name: title })).toHaveCount(0);
    await expect(page.getByText(`«${title}» er flyttet til Ferdig.`)).toBeAttached();
    await expectNoAxeViolations(page);

    await page.reload();
    await expect(page.getByRole('region', { name: /^Ferdig \(\d+\)$/ }).getByRole('article', { name: title })).toBeVisible();

    // The item done is among the results in the funder report, not in the plan ahead.
    await page.getByRole('link', { name: 'Lag rapport til finansiør' }).click();
    const report = page.getByRole('article');
    await expect(report.getByRole('heading', { level: 3 })).toHaveText(`Rapport til Nasjonalbiblioteket: ${PROJECT}`);
    await expect(report.getByText(title)).toBeVisible();
    await expect(report.getByRole('table', { name: 'Åpne tiltak i planen' }).getByRole('cell', { name: title })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1, name: PROJECT })).toBeVisible();

    // The edit form shows the extensions as fields; leaving it changes nothing.
    await page.getByRole('link', { name: 'Rediger tiltaket' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Rediger ${PROJECT}` })).toBeVisible();
    await expect(page.getByRole('group', { name: 'Forlengelse 2' }).getByLabel('Ny slutt')).toHaveValue('2027-06-30');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Avbryt' }).click();
    await expect(page.getByRole('heading', { level: 1, name: PROJECT })).toBeVisible();
  });

  test('create an initiative through the form: the fields are checked first, then it has its own page and is in the list', async ({ page }) => {
    // A title of its own, so a second run against the same data finds just this one.
    const title = `Lesesirkler i Namdal ${Date.now()}`;
    await goToMenuItem(page, 'Tiltak');
    await page.getByRole('link', { name: 'Nytt tiltak' }).click();
    await expect(page).toHaveURL(/\/fylke\/tiltak\/ny$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Nytt tiltak' })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Opprett tiltaket' }).click();
    await expect(page.getByRole('link', { name: 'Tittel: Fyll ut feltet.' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Type: Fyll ut feltet.' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Tittel' })).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page);

    await page.getByRole('textbox', { name: 'Tittel' }).fill(title);
    await page.getByRole('combobox', { name: 'Type' }).selectOption('pilot');
    await page.getByRole('textbox', { name: 'Beskrivelse' }).fill('Lesesirkler for voksne i seks bibliotek.');
    await page.getByRole('checkbox', { name: 'Innovasjon' }).check();
    await page.getByRole('textbox', { name: 'Bevilget' }).fill('250 000');
    await page.getByRole('textbox', { name: 'Brukt' }).fill('0');
    await page.getByLabel('Start', { exact: true }).fill('2026-08-01');
    await page.getByLabel('Planlagt slutt').fill('2027-06-30');
    await page.getByRole('button', { name: 'Opprett tiltaket' }).click();

    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page).toHaveURL(/\/fylke\/tiltak\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('status').getByText('Tiltaket er opprettet.')).toBeVisible();
    expect(plain(await page.getByRole('region', { name: 'Midler' }).textContent())).toContain('250 000,00 kr');
    await expectNoAxeViolations(page);

    await page.goto(`/fylke/tiltak?q=${encodeURIComponent(title)}`);
    await expect(page.getByRole('link', { name: title })).toBeVisible();
  });

  test('rank the portfolio by the chosen weights, kept in the URL', async ({ page }) => {
    await page.goto('/fylke/tiltak');
    await page.getByRole('link', { name: 'Prioriter porteføljen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Prioritering av tiltak' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Tiltakene rangert etter vektingen' }).getByRole('row')).not.toHaveCount(1);
    await expectNoAxeViolations(page);
    await page.getByRole('combobox', { name: 'Modenhet' }).selectOption('5');
    await page.getByRole('combobox', { name: 'Samfunnseffekt' }).selectOption('0');
    await page.getByRole('combobox', { name: 'Kostnad' }).selectOption('0');
    await expect(page).toHaveURL(/effekt=0/);
    await expect(page).toHaveURL(/modenhet=5/);
    // Only maturity counts: the university-municipality pilot (3.0) comes first.
    const first = page.getByRole('table', { name: 'Tiltakene rangert etter vektingen' }).getByRole('row').nth(1);
    await expect(first).toContainText('Universitetskommune 3.0');
    await expectNoAxeViolations(page);
  });
});

test.describe('initiatives for the county viewer', () => {
  test('reads the list without "Nytt tiltak", and is refused the form', async ({ page }) => {
    await logIn(page, { email: VIEWER });
    await page.goto('/fylke/tiltak');
    await expect(page.getByRole('heading', { level: 1, name: 'Tiltak' })).toBeVisible();
    await expect(page.getByRole('status').getByText(/^\d+ tiltak$/)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Prioriter porteføljen' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Nytt tiltak' })).toHaveCount(0);

    await page.goto('/fylke/tiltak/ny');
    await expect(page.getByText(/Du har ikke tilgang til dette/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Opprett tiltaket' })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });
});
