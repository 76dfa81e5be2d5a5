import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { logIn } from './login';
import { pickerInput, pickOption } from './picker';

const NTNU = 'ntnu@demo.kompetansebro.no';
const NORD = 'nord@demo.kompetansebro.no';
const NOTE = 'NTNU UB: kan dere ta imot hentelån for studentene våre fra januar?';

// The university-library liaison view (issue 8), in order: the note NTNU writes is the one
// Nord must not see.
test.describe.serial('the university-library liaison view', () => {
  test('NTNU finds the libraries in Namdal that offer pick-up of university loans', async ({ page }) => {
    await logIn(page, { app: '/universitet/', email: NTNU });
    await expect(page.getByRole('heading', { level: 1, name: 'Universitetsbiblioteket og folkebibliotekene' })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('navigation').getByRole('link', { name: 'Bibliotek', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Bibliotek' })).toBeVisible();
    await page.getByLabel('Tjeneste', { exact: true }).selectOption({ label: 'Henting av lån fra universitetsbiblioteket' });
    await page.getByLabel('Region', { exact: true }).selectOption({ label: 'Namdal' });
    await expect(page).toHaveURL(/service=university_loan_pickup/);
    await expect(page).toHaveURL(/region=/);
    const table = page.getByRole('table');
    await expect(table.getByRole('link', { name: 'Namsos bibliotek', exact: true })).toBeVisible();
    // Only Namdal: Trondheim's library offers pick-up too, but is not listed.
    await expect(table.getByRole('link', { name: /Trondheim/ })).toHaveCount(0);
    for (const row of await table.getByRole('row').filter({ has: page.getByRole('link') }).all()) {
      await expect(row).toContainText('Henting av lån fra universitetsbiblioteket');
      await expect(row).toContainText('Namdal');
    }
    await expectNoAxeViolations(page);

    await page.getByLabel('Visning', { exact: true }).selectOption({ label: 'Gruppert etter region' });
    await expect(page.getByRole('heading', { level: 2, name: 'Namdal' })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Namsos bibliotek', exact: true }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Namsos bibliotek' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Tjenester' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: 'Henting av lån fra universitetsbiblioteket', exact: true })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('NTNU enters student counts for three municipalities and sees the gaps', async ({ page }) => {
    await logIn(page, { app: '/universitet/', email: NTNU });
    await page.goto('/universitet/behov');
    await expect(page.getByRole('heading', { level: 1, name: 'Behov og tilbud' })).toBeVisible();
    await expect(page.getByText('Skriv inn antall studenter per kommune nedenfor')).toBeVisible();
    await expectNoAxeViolations(page);

    // A bad number is caught beside the field and in the summary.
    await page.getByLabel('Lierne', { exact: true }).fill('tre');
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await expect(page.getByText('Rett opp dette før du lagrer:')).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel('Namsos', { exact: true }).fill('12');
    await page.getByLabel('Lierne', { exact: true }).fill('3');
    await page.getByLabel('Nærøysund', { exact: true }).fill('7');
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await expect(page.getByText('Antallene er lagret.')).toBeVisible();

    await expect(page.getByText(/^Lierne \(3 studenter\): ingen bibliotek tilbyr /)).toBeVisible();
    const table = page.getByRole('table', { name: 'Studenter per kommune og hvor mange bibliotek som tilbyr hver tjeneste' });
    await expect(table.getByRole('rowheader', { name: 'Namsos', exact: true })).toBeVisible();
    await expect(table.getByRole('rowheader', { name: 'Lierne', exact: true })).toBeVisible();
    await expect(table.getByRole('rowheader', { name: 'Nærøysund', exact: true })).toBeVisible();
    await expect(table.getByText('Mangler').first()).toBeVisible();
    await expectNoAxeViolations(page);

    // Saved on the server: a reload shows the same counts.
    await page.reload();
    await expect(page.getByLabel('Lierne', { exact: true })).toHaveValue('3');
  });

  test('NTNU writes a note to Namsos bibliotek', async ({ page }) => {
    await logIn(page, { app: '/universitet/', email: NTNU });
    await page.goto('/universitet/kanaler');
    await expect(page.getByRole('heading', { level: 1, name: 'Samarbeidskanaler' })).toBeVisible();
    await expectNoAxeViolations(page);
    await pickOption(page, pickerInput(page, 'Skriv til'), 'Namsos bibliotek', 'namsos bib');
    await page.getByRole('button', { name: 'Åpne kanalen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Kanal med Namsos bibliotek' })).toBeVisible();

    await page.getByRole('button', { name: 'Legg inn notatet' }).click();
    await expect(page.getByText('Rett opp dette før du lagrer:')).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel('Notat', { exact: true }).fill(NOTE);
    await page.getByRole('button', { name: 'Legg inn notatet' }).click();
    await expect(page.getByText('Notatet er lagt inn.')).toBeVisible();
    await expect(page.getByText(NOTE)).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto('/universitet/kanaler');
    const channels = page.getByRole('region', { name: 'Kanalene deres' });
    await expect(channels.getByRole('link', { name: 'Namsos bibliotek', exact: true })).toBeVisible();
    // The list finds a channel by name, and says when none matches.
    await channels.getByLabel('Søk i kanalene').fill('Tromsø');
    await channels.getByRole('button', { name: 'Søk', exact: true }).click();
    await expect(channels.getByText('Ingen kanal passer til «Tromsø».')).toBeVisible();
    await expect(page).toHaveURL(/[?&]q=Troms/);
    await channels.getByLabel('Søk i kanalene').fill('namsos');
    await channels.getByRole('button', { name: 'Søk', exact: true }).click();
    await expect(channels.getByRole('link', { name: 'Namsos bibliotek', exact: true })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto('/universitet/avtaler');
    await expect(page.getByRole('heading', { level: 1, name: 'Avtaler' })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto('/universitet/erfaringsdeling');
    await expect(page.getByRole('heading', { level: 1, name: 'Erfaringsdeling' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: 'Erfaringsutveksling om fjernlån', exact: true })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: /^Meld dere på Fjernlån og henting av universitetslån/ }).click();
    await expect(page.getByText(/^Dere er påmeldt Fjernlån og henting av universitetslån/)).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('Nord does not see the note NTNU wrote to Namsos bibliotek', async ({ page }) => {
    await logIn(page, { app: '/universitet/', email: NORD });
    await page.goto('/universitet/kanaler');
    await expect(page.getByRole('heading', { level: 1, name: 'Samarbeidskanaler' })).toBeVisible();
    await expect(page.getByText('Dere har ingen samarbeidskanaler ennå.')).toBeVisible();
    await pickOption(page, pickerInput(page, 'Skriv til'), 'Namsos bibliotek', 'namsos bib');
    await page.getByRole('button', { name: 'Åpne kanalen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Kanal med Namsos bibliotek' })).toBeVisible();
    await expect(page.getByText('Ingen notater ennå. Skriv det første.')).toBeVisible();
    await expect(page.getByText(NOTE)).toHaveCount(0);
    await expectNoAxeViolations(page);

    // Nor NTNU's student counts: Nord's own are empty.
    await page.goto('/universitet/behov');
    await expect(page.getByText('Ingen antall er lagret ennå.')).toBeVisible();
  });
});
