import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { logIn } from './login';
import { pickerInput } from './picker';

test.describe('the actor registry in the county console', () => {
  test.beforeEach(async ({ page }) => {
    // Through the login page, as the county admin (the session cookie serves every app).
    await logIn(page);
  });

  test('search "Namsos", open it, create an actor with a bad organisation number, correct it, see it saved', async ({ page }) => {
    await page.goto('/fylke/aktorer');
    await expect(page.getByRole('heading', { level: 1, name: 'Aktører' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
    await expectNoAxeViolations(page);

    await page.getByLabel('Søk i aktører').fill('Namsos');
    await page.getByLabel('Søk i aktører').press('Enter');
    await expect(page).toHaveURL(/q=Namsos/);
    const namsos = page.getByRole('link', { name: 'Namsos bibliotek' });
    await expect(namsos).toBeVisible();
    await namsos.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Namsos bibliotek' })).toBeVisible();
    await expect(page.getByText('Namdal').first()).toBeVisible();
    await expectNoAxeViolations(page);

    // A service, edited in place: the form opens where the service is, and closes on save.
    await page.getByRole('button', { name: 'Rediger Grupperom' }).click();
    const form = page.getByRole('form', { name: 'Rediger Grupperom' });
    await form.getByLabel('Bestilles dager før').fill('to');
    await form.getByRole('button', { name: 'Lagre tjenesten' }).click();
    await expect(form.getByLabel('Bestilles dager før')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByRole('heading', { name: 'For å gå videre må du rette opp dette:' })).toBeVisible();
    await expectNoAxeViolations(page);
    await form.getByLabel('Bestilles dager før').fill('2');
    await form.getByLabel('Timer per uke').fill('12,5');
    await form.getByRole('button', { name: 'Lagre tjenesten' }).click();
    await expect(page.getByText('Endringene i tjenesten er lagret.')).toBeVisible();
    const groupRooms = page.getByRole('article', { name: 'Grupperom' });
    await expect(groupRooms.getByText('2 dager før')).toBeVisible();
    await expect(groupRooms.getByText('12,5 timer')).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto('/fylke/aktorer/ny');
    await expect(page.getByRole('heading', { level: 1, name: 'Ny aktør' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('Type aktør').selectOption({ label: 'Studiesenter' });
    await page.getByLabel('Navn', { exact: true }).fill('Studiesenter Innherred');
    await page.getByLabel('Organisasjonsnummer').fill('974 767 881');
    // The municipality is a searchable picker: type to narrow the 38 municipalities, pick with the keyboard.
    const municipality = pickerInput(page, /^Kommune/);
    await municipality.click();
    await municipality.pressSequentially('lev');
    await expect(page.getByRole('option', { name: /^Levanger/ })).toBeVisible();
    await expect(page.getByRole('option', { name: /^Namsos/ })).toBeHidden();
    await expectNoAxeViolations(page);
    await municipality.press('ArrowDown');
    await municipality.press('Enter');
    await expect(municipality).toHaveValue(/^Levanger/);
    await page.getByRole('button', { name: 'Opprett aktøren' }).click();

    const organisationNumber = page.getByLabel('Organisasjonsnummer');
    await expect(organisationNumber).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('kontrollsifferet stemmer ikke').first()).toBeVisible();
    await expect(page.getByRole('heading', { name: 'For å gå videre må du rette opp dette:' })).toBeVisible();
    await expectNoAxeViolations(page);
    // Nothing was saved.
    const unsaved = await page.request.get('/api/actors?q=Studiesenter%20Innherred');
    expect((await unsaved.json()).total).toBe(0);

    // (974 767 880 is NTNU's: a second actor with it is refused.)
    await organisationNumber.fill('990 001 375');
    await page.getByRole('button', { name: 'Opprett aktøren' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Studiesenter Innherred' })).toBeVisible();
    await expect(page.getByText('990 001 375')).toBeVisible();
    await expect(page.getByText('Levanger', { exact: true }).first()).toBeVisible();
    await expect(page.getByText('Aktøren er opprettet.')).toBeVisible();
    await expectNoAxeViolations(page);
    const saved = await page.request.get('/api/actors?q=Studiesenter%20Innherred');
    expect((await saved.json()).total).toBe(1);
  });

  test('every app shows its shell, in the chosen language, with no axe violations', async ({ page }) => {
    for (const path of ['/fylke/', '/fylke/kommuner', '/studiesenter/', '/universitet/']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
      await expect(page.getByRole('main')).toBeVisible();
      await expectNoAxeViolations(page);
    }
    await page.goto('/fylke/kommuner');
    await expect(page.getByRole('rowheader', { name: 'Åfjord' })).toBeVisible();
  });
});
