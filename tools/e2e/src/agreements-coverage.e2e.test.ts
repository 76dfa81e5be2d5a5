import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { logIn } from './login';

/** Chooses Namdal on the coverage screen and waits for its figures. */
async function openNamdalCoverage(page: Page): Promise<void> {
  await page.goto('/fylke/dekning');
  await expect(page.getByRole('heading', { level: 1, name: 'Dekning' })).toBeVisible();
  await page.getByLabel('Region').selectOption({ label: 'Namdal' });
  await expect(page).toHaveURL(/region=/);
  await expect(page.getByText(/^I Namdal er \d+ av \d+ kommuner dekket/)).toBeVisible();
}

/** A library's row in the table of municipalities and libraries (not the services matrix). */
function libraryRow(page: Page, name: string) {
  return page
    .getByRole('region', { name: 'Kommuner og bibliotek' })
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name, exact: true }) });
}

test.describe('agreements and coverage in the county console', () => {
  test.beforeEach(async ({ page }) => {
    await logIn(page);
  });

  test('find the gaps in Namdal: Namsos is one', async ({ page }) => {
    await openNamdalCoverage(page);
    await expect(libraryRow(page, 'Namsos bibliotek').getByText('Ikke dekket')).toBeVisible();
    await expect(page.getByText(/^Kommuner uten dekning:.*Namsos/)).toBeVisible();
    // The services matrix: a municipality per row, the services students need as columns.
    const matrix = page.getByRole('table', { name: 'Tjenester per kommune i Namdal' });
    await expect(matrix.getByRole('columnheader', { name: 'Lesesalsplasser' })).toBeVisible();
    await expect(matrix.getByRole('rowheader', { name: 'Namsos', exact: true })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto('/fylke/avtaler');
    await expect(page.getByRole('heading', { level: 1, name: 'Avtaler' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('an agreement between Namdal studiesenter and Namsos bibliotek, made in the step form and signed, is active from its start date and covers Namsos', async ({ page }) => {
    const title = 'Samarbeidsavtale Namdal studiesenter og Namsos bibliotek';
    await page.goto('/fylke/avtaler');
    await page.getByRole('link', { name: 'Ny avtale' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Ny avtale' })).toBeVisible();
    const step = (name: string) => expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
    const next = () => page.getByRole('button', { name: 'Neste' }).click();

    // 1: title and kind; nothing typed is caught before moving on.
    await step('Steg 1 av 5: Om avtalen');
    await next();
    await expect(page.getByText('For å gå videre må du rette opp dette:')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('Tittel').fill(title);
    await page.getByLabel('Type avtale').selectOption({ label: 'Samarbeidsavtale' });
    await page.getByLabel('Sammendrag').fill('Studieplasser og fjernlån for studenter i Namsos.');
    await next();

    // 2: the two parties, found by search; the roles follow their kinds.
    await step('Steg 2 av 5: Parter og roller');
    for (const name of ['Namdal studiesenter', 'Namsos bibliotek']) {
      await page.getByRole('searchbox', { name: 'Søk etter aktør' }).fill(name);
      await page.getByRole('button', { name: `Legg til ${name}`, exact: true }).click();
      await expect(page.getByLabel(`Rolle for ${name}`)).toBeVisible();
    }
    await expect(page.getByLabel('Rolle for Namdal studiesenter')).toHaveValue('coordinator');
    await expect(page.getByLabel('Rolle for Namsos bibliotek')).toHaveValue('service_provider');
    await expectNoAxeViolations(page);
    await next();

    // 3: the library's two services.
    await step('Steg 3 av 5: Tjenester');
    const namsosServices = page.getByRole('group', { name: 'Tjenester Namsos bibliotek forplikter seg til' });
    await namsosServices.getByRole('checkbox', { name: 'Lesesalsplasser', exact: true }).check();
    await namsosServices.getByRole('checkbox', { name: 'Fjernlån', exact: true }).check();
    await expectNoAxeViolations(page);
    await next();

    // 4: period, level and theme.
    await step('Steg 4 av 5: Periode og tema');
    await page.getByLabel('Startdato').fill('2026-01-01');
    await page.getByLabel('Sluttdato').fill('2028-12-31');
    await page.getByRole('checkbox', { name: 'Praktisk' }).check();
    await expectNoAxeViolations(page);
    await next();

    // 5: review and create the draft.
    await step('Steg 5 av 5: Se over og opprett');
    await expect(page.getByText(/^Namsos bibliotek: (Lesesalsplasser, Fjernlån|Fjernlån, Lesesalsplasser)$/)).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Opprett avtalen' }).click();

    await expect(page).toHaveURL(/\/fylke\/avtaler\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByText('Utkast', { exact: true })).toBeVisible();
    await expect(page.getByText(/Forplikter seg til: (Lesesalsplasser, Fjernlån|Fjernlån, Lesesalsplasser)$/)).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Send til partene for godkjenning' }).click();
    await expect(page.getByText('Avtalen har nå status «Under forhandling».')).toBeVisible();
    // Neither party has accepted: the county signs only with a reason, which the history shows.
    await page.getByRole('button', { name: 'Marker som signert' }).click();
    const dialog = page.getByRole('dialog', { name: 'Signere uten alle godkjenninger?' });
    await dialog.getByLabel('Begrunnelse').fill('Signert på papir i møte med partene');
    await dialog.getByRole('button', { name: 'Signer med begrunnelse' }).click();
    await expect(page.getByText('Avtalen har nå status «Signert».')).toBeVisible();
    await expect(page.getByText(/Begrunnelse: Signert på papir i møte med partene/)).toBeVisible();
    // Its start date has passed: the calendar makes it active, without anyone clicking.
    await page.reload();
    await expect(page.getByText('Status: Aktiv')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Avslutt avtalen' })).toBeVisible();
    await expectNoAxeViolations(page);

    await openNamdalCoverage(page);
    const namsos = libraryRow(page, 'Namsos bibliotek');
    await expect(namsos.getByText('Dekket', { exact: true })).toBeVisible();
    await expect(namsos.getByRole('link', { name: title, exact: true })).toBeVisible();
    // The matrix names the agreement in Namsos' study places and interlibrary loan.
    const matrix = page.getByRole('table', { name: 'Tjenester per kommune i Namdal' });
    const namsosMatrixRow = matrix.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Namsos', exact: true }) });
    await expect(namsosMatrixRow.getByRole('link', { name: `avtale: ${title}`, exact: true })).toHaveCount(2);
    await expectNoAxeViolations(page);
  });
});
