import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { goToMenuItem, logIn } from './login';

// Journey (issue 16): the county imports a library list from XLSX, maps the column the
// suggestion left out, sees the preview, applies it, finds the libraries in the register, and
// undoes the import.

async function libraryList(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Bibliotek');
  sheet.addRow(['Bibliotek', 'Type', 'Kommunenr', 'Bibnr']);
  sheet.addRow(['Importvik bibliotek', 'folkebibliotek', '5007', '2098801']);
  sheet.addRow(['Importøy bibliotek', 'folkebibliotek', '5001', '2098802']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A job on the queue (polled every 2 s by the worker, every second by the screen). */
const JOB_TIMEOUT = 20_000;

test.describe('journey: importing actors', () => {
  test('the county imports a library list from XLSX, fixes the mapping, applies it, finds the libraries, and undoes it', async ({ page }) => {
    await logIn(page);
    await goToMenuItem(page, 'Import');
    await expect(page.getByRole('heading', { level: 1, name: 'Importer data' })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel('Fil (CSV eller XLSX)').setInputFiles({ name: 'bibliotekliste.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await libraryList() });
    await page.getByRole('button', { name: 'Last opp' }).click();
    await expect(page.getByRole('heading', { level: 2, name: '2. Koble kolonnene' })).toBeVisible();
    await expect(page.getByLabel('Bibliotek', { exact: true })).toHaveValue('name');
    // "Bibnr" is no heading the suggestion knows: the county maps it to the library number.
    const libraryNumber = page.getByLabel('Bibnr');
    await expect(libraryNumber).toHaveValue('');
    await libraryNumber.selectOption({ label: 'Biblioteknummer' });
    await expectNoAxeViolations(page);

    // The preview and the apply are jobs on the queue: the screen follows them until they are done.
    await page.getByRole('button', { name: 'Forhåndsvis' }).click();
    await expect(page.getByText('2 nye, 0 endret, 0 uendret, 0 avvist.')).toBeVisible({ timeout: JOB_TIMEOUT });
    await expect(page.getByRole('table', { name: 'Rader som blir nye, endret eller avvist' })).toContainText('Biblioteknummer: – → 2098801');
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Importer 2 rader' }).click();
    await expect(page.getByText(/2 aktører ble lagt til og 0 endret/)).toBeVisible({ timeout: JOB_TIMEOUT });
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Se aktørregisteret' }).click();
    await page.goto('/fylke/aktorer?q=Importvik');
    await expect(page.getByRole('link', { name: 'Importvik bibliotek' })).toBeVisible();
    await page.getByRole('link', { name: 'Importvik bibliotek' }).click();
    await expect(page.getByText('NO-2098801')).toBeVisible();

    await page.goto('/fylke/import');
    await page.getByRole('button', { name: 'Angre importen av bibliotekliste.xlsx' }).first().click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('blir slettet');
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Angre' }).click();
    await expect(page.getByText('Importen er angret: registeret er som før.')).toBeVisible();

    await page.goto('/fylke/aktorer?q=Importvik');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Importvik bibliotek' })).toHaveCount(0);
  });
});

test.describe('journey: importing services of actors in the register', () => {
  test('the county uploads a service list, leaves and comes back to it, previews, applies and undoes it', async ({ page }) => {
    await logIn(page);
    await page.goto('/fylke/import');
    await page.getByLabel('Filen inneholder').selectOption({ label: 'Tjenester' });
    const list = 'Bibliotek;Kommunenummer;Tjeneste;Målgrupper;Beskrivelse\nNamsos bibliotek;5007;Karriereveiledning;studenter, lærlinger;Veiledning om studievalg.\n';
    await page.getByLabel('Fil (CSV eller XLSX)').setInputFiles({ name: 'tjenester.csv', mimeType: 'text/csv', buffer: Buffer.from(list, 'utf8') });
    await page.getByRole('button', { name: 'Last opp' }).click();
    await expect(page.getByRole('heading', { level: 2, name: '2. Koble kolonnene' })).toBeVisible();
    await expect(page.getByLabel('Tjeneste', { exact: true })).toHaveValue('type');
    await expect(page.getByLabel('Bibliotek', { exact: true })).toHaveValue('actorName');
    await expectNoAxeViolations(page);

    // The user leaves the screen and comes back: the uploaded file waits in the list of imports.
    await page.goto('/fylke/aktorer');
    await page.goto('/fylke/import');
    const history = page.getByRole('table', { name: 'De siste importene' });
    await expect(history.getByRole('row', { name: /tjenester\.csv/ }).first()).toContainText('Tjenester');
    await page.getByRole('button', { name: 'Fortsett importen av tjenester.csv' }).first().click();
    await expect(page.getByLabel('Målgrupper', { exact: true })).toHaveValue('audiences');

    await page.getByRole('button', { name: 'Forhåndsvis' }).click();
    await expect(page.getByText('1 nye, 0 endret, 0 uendret, 0 avvist.')).toBeVisible({ timeout: JOB_TIMEOUT });
    await expect(page.getByRole('table', { name: 'Rader som blir nye, endret eller avvist' })).toContainText('Målgrupper: – → Studenter, Lærlinger');
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Importer 1 rad' }).click();
    // The apply runs on the queue: its progress (or, when quick, its report) shows, and the user may leave meanwhile.
    await expect(page.getByText(/Du kan gå fra siden og arbeide videre|1 tjenester ble lagt til og 0 endret/).first()).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto('/fylke/aktorer');
    await page.goto('/fylke/import');
    // Back again: the list of imports follows the job until the import is applied.
    await expect(history.getByRole('row', { name: /tjenester\.csv/ }).first()).toContainText('Importert', { timeout: JOB_TIMEOUT });

    await page.getByRole('button', { name: 'Angre importen av tjenester.csv' }).first().click();
    await page.getByRole('dialog').getByRole('button', { name: 'Angre' }).click();
    await expect(page.getByText('Importen er angret: registeret er som før.')).toBeVisible();
  });
});
