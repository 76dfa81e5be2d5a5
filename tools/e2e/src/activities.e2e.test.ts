import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { pickerInput, pickOption } from './picker';
import { logIn } from './login';

test.describe('activities in the county console', () => {
  test.beforeEach(async ({ page }) => {
    await logIn(page);
  });

  test('register a webinar with three libraries, then find it in the calendar in its month and open it', async ({ page }) => {
    // A title of its own, so a second run against the same data finds this one.
    const title = `Webinar: Lesesirkler i biblioteket ${Date.now()}`;

    await page.goto('/fylke/aktiviteter');
    await expect(page.getByRole('heading', { level: 1, name: 'Aktiviteter' })).toBeVisible();
    await expect(page.getByRole('status').getByText(/^\d+ aktiviteter$/)).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Registrer aktivitet' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Registrer aktivitet' })).toBeVisible();
    await page.getByRole('combobox', { name: /^Type aktivitet/ }).selectOption('webinar');
    await page.getByRole('textbox', { name: /^Tittel/ }).fill(title);
    await page.getByLabel(/^Dato \(start\)/).fill('2026-04-16');
    await pickOption(page, pickerInput(page, /^Arrangør/), 'Trøndelag fylkesbibliotek', 'Trøndelag fylk');

    const libraries = [
      ['Namsos bibliotek', '4'],
      ['Steinkjer bibliotek', '3'],
      ['Levanger bibliotek', '2'],
    ] as const;
    for (const [name, headCount] of libraries) {
      // Found by the server as the user types, picked with the keyboard.
      await pickOption(page, pickerInput(page, /^Søk etter aktør/), `${name} (Folkebibliotek)`, name.split(' ')[0] ?? name);
      await page.getByRole('button', { name: 'Legg til deltaker' }).click();
      await page.getByRole('textbox', { name: `Antall personer fra ${name}` }).fill(headCount);
    }
    await expect(page.getByText('Til sammen 9 personer fra 3 aktører (de oppgitte antallene).')).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Registrer aktiviteten' }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByText('Aktiviteten er registrert.')).toBeVisible();
    const participants = page.getByRole('table', { name: `Deltakende aktører i ${title}` });
    await expect(participants.getByRole('link', { name: 'Namsos bibliotek' })).toBeVisible();
    await expect(participants.getByRole('row', { name: /Til sammen \(3 aktører\)/ })).toContainText('9');
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'se i kalenderen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Aktivitetskalender' })).toBeVisible();
    // From this month (or wherever the calendar opens) to April 2026, by the month links.
    await page.goto('/fylke/aktiviteter/kalender?maaned=2026-03');
    await page.getByRole('link', { name: 'Neste måned (april 2026)' }).click();
    await expect(page).toHaveURL(/maaned=2026-04/);
    const grid = page.getByRole('table', { name: 'April 2026' });
    const day = grid.getByRole('cell').filter({ hasText: 'torsdag 16. april' });
    await expect(day.getByRole('link', { name: new RegExp(title) })).toBeVisible();
    await expectNoAxeViolations(page);

    await day.getByRole('link', { name: new RegExp(title) }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  });

  test('the organiser picker’s clear button is called “Tøm valget” (nynorsk and English too), not Designsystemet’s “Fjern tekst”', async ({ page }) => {
    await page.goto('/fylke/aktiviteter/ny');
    await expect(page.getByRole('heading', { level: 1, name: 'Registrer aktivitet' })).toBeVisible();
    await pickOption(page, pickerInput(page, /^Arrangør/), 'Trøndelag fylkesbibliotek', 'Trøndelag fylk');
    await expect(page.getByRole('button', { name: 'Tøm valget', exact: true })).toBeAttached();
    await expect(page.getByRole('button', { name: 'Fjern tekst' })).toHaveCount(0);
    // The name follows the language the user picks.
    const chooseLanguage = async (language: string) => {
      // The menu's own name is in the language chosen before.
      await page.getByRole('banner').getByRole('button', { name: /^(Brukermeny|Brukarmeny|User menu) for / }).click();
      await page.getByRole('banner').getByRole('button', { name: language }).click();
      await page.keyboard.press('Escape');
    };
    await chooseLanguage('Nynorsk');
    await expect(page.getByRole('button', { name: 'Tøm valet', exact: true })).toBeAttached();
    await chooseLanguage('English');
    await expect(page.getByRole('button', { name: 'Clear the choice', exact: true })).toBeAttached();
    await chooseLanguage('Bokmål');
    // Clearing empties the field.
    await page.getByRole('button', { name: 'Tøm valget', exact: true }).click();
    await expect(pickerInput(page, /^Arrangør/)).toHaveValue('');
    await expectNoAxeViolations(page);
  });

  test('filter to the 12 webinars from autumn 2023 to summer 2025, and count them per half year', async ({ page }) => {
    await page.goto('/fylke/aktiviteter');
    await expect(page.getByRole('heading', { level: 1, name: 'Aktiviteter' })).toBeVisible();
    await page.getByRole('combobox', { name: 'Type aktivitet' }).selectOption('webinar');
    await page.getByLabel('Fra dato').fill('2023-07-01');
    await page.getByLabel('Til dato').fill('2025-06-30');
    await expect(page).toHaveURL(/kind=webinar/);
    await expect(page).toHaveURL(/from=2023-07-01/);
    await expect(page).toHaveURL(/to=2025-06-30/);
    await expect(page.getByRole('status').getByText('12 aktiviteter', { exact: true })).toBeVisible();
    await expect(page.getByRole('rowheader', { name: 'Hva trenger studenter fra folkebiblioteket?' })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Antall per periode' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Antall aktiviteter per periode' })).toBeVisible();
    await expect(page.getByText('Til sammen 12 aktiviteter.')).toBeVisible();
    const table = page.getByRole('table', { name: 'Antall aktiviteter per periode' });
    for (const period of ['Høst 2023', 'Vår 2024', 'Høst 2024', 'Vår 2025']) {
      await expect(table.getByRole('row', { name: new RegExp(`^${period}`) })).toContainText('3');
    }
    await expectNoAxeViolations(page);
  });
});
