import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { COUNTY_ADMIN, goToMenuItem, logIn, logOut, submitLogin, userMenuButton } from './login';
import { pickerInput, pickOption } from './picker';

test.describe('logging in and out', () => {
  test('log in, see who and for which organisation, switch organisation, log out', async ({ page }) => {
    // Not logged in: the page asked for sends the browser to the login page, and back afterwards.
    await page.goto('/fylke/aktorer?q=Namsos');
    await expect(page).toHaveURL(/\/fylke\/logg-inn\?returnTo=%2Faktorer%3Fq%3DNamsos$/);
    await expect(page.getByText('Du må logge inn for å se siden du ba om.')).toBeVisible();
    await expectNoAxeViolations(page);

    await submitLogin(page, COUNTY_ADMIN);
    await expect(page).toHaveURL(/\/fylke\/aktorer\?q=Namsos$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Aktører' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Namsos bibliotek' })).toBeVisible();

    // The header: who (the user menu), and for which organisation (the county admin has two: a menu to switch).
    const header = page.getByRole('banner');
    await expect(userMenuButton(page)).toHaveAccessibleName('Brukermeny for Fylkesbiblioteket (demo)');
    const organisation = header.getByRole('button', { name: /^Du handler for: / });
    await expect(organisation).toHaveAccessibleName('Du handler for: Trøndelag fylkesbibliotek');
    await expectNoAxeViolations(page);

    await organisation.click();
    await header.getByRole('button', { name: 'Trøndelag fylkeskommune' }).click();
    await expect(header.getByText('Du handler nå for Trøndelag fylkeskommune.')).toBeAttached();
    // The session acts for it now: a new page load says the same.
    await page.reload();
    await expect(page.getByRole('banner').getByRole('button', { name: /^Du handler for: / })).toHaveAccessibleName('Du handler for: Trøndelag fylkeskommune');
    const me = (await (await page.request.get('/api/me')).json()) as { activeOrganisationId: string; memberships: Array<{ organisationId: string; organisationName: string }> };
    expect(me.memberships.find((membership) => membership.organisationId === me.activeOrganisationId)?.organisationName).toBe('Trøndelag fylkeskommune');

    await logOut(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Logg inn' })).toBeVisible();
    expect((await page.request.get('/api/me')).status()).toBe(401);

    // The next page asks for a login again.
    await page.goto('/fylke/kommuner');
    await expect(page).toHaveURL(/\/fylke\/logg-inn\?returnTo=%2Fkommuner$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Logg inn' })).toBeVisible();
  });

  test('a wrong password is told beside the form, and nobody is logged in', async ({ page }) => {
    await page.goto('/studiesenter/logg-inn');
    await submitLogin(page, 'namdal@demo.kompetansebro.no', 'ikke-passordet');

    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Feil e-postadresse eller passord.');
    await expect(page.locator('form').getByRole('alert')).toBeVisible();
    await expect(page).toHaveURL(/\/studiesenter\/logg-inn$/);
    await expect(page.getByLabel('E-postadresse')).toHaveValue('namdal@demo.kompetansebro.no');
    await expectNoAxeViolations(page);
    expect((await page.request.get('/api/me')).status()).toBe(401);
  });

  test('the accessibility statement needs no login', async ({ page }) => {
    await page.goto('/universitet/tilgjengelighet');
    await expect(page.getByRole('heading', { level: 1, name: 'Tilgjengelighetserklæring' })).toBeVisible();
    await expect(page.getByRole('banner').getByRole('link', { name: 'Logg inn' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  // A build that loses the global stylesheet still passes every role-based check; this does not.
  for (const app of ['/fylke/', '/studiesenter/', '/universitet/']) {
    test(`${app} is styled by Designsystemet`, async ({ page }) => {
      await page.goto(`${app}logg-inn`);
      const button = page.getByRole('button', { name: 'Logg inn', exact: true });
      await expect(button).toBeVisible();
      const background = await button.evaluate((element) => getComputedStyle(element).backgroundColor);
      // Unstyled, Chromium paints a button light grey (buttonface); Designsystemet's primary is a solid accent colour.
      expect(background).not.toBe('rgba(0, 0, 0, 0)');
      expect(background).not.toBe('rgb(239, 239, 239)');
      expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/Inter/);
    });
  }
});

test.describe('the users screen in the county console', () => {
  test('lists the users, refuses an e-mail in use beside the field, and invites a new one', async ({ page }) => {
    await logIn(page);
    await goToMenuItem(page, 'Brukere');
    await expect(page.getByRole('heading', { level: 1, name: 'Brukere' })).toBeVisible();
    await expect(page.getByRole('rowheader', { name: 'Namdal studiesenter (demo)' })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel('Søk i brukere').fill('namdal');
    await page.getByLabel('Søk i brukere').press('Enter');
    await expect(page).toHaveURL(/\/fylke\/brukere\?q=namdal$/);
    await expect(page.getByRole('rowheader')).toHaveCount(1);

    await page.getByRole('link', { name: 'Inviter bruker' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Inviter bruker' })).toBeVisible();
    await page.getByRole('textbox', { name: /^E-postadresse/ }).fill('namdal@demo.kompetansebro.no');
    await page.getByRole('textbox', { name: /^Navn/ }).fill('Ny koordinator');
    // The server finds the organisations as the admin types (thousands at national scale), each named with its kind.
    await pickOption(page, pickerInput(page, /^Organisasjon/), 'Namdal studiesenter (Studiesenter)', 'Namdal');
    await expect(page.getByRole('combobox', { name: /^Rolle/ })).toHaveValue('study_centre_coordinator');
    await page.getByRole('button', { name: 'Send invitasjonen' }).click();

    const email = page.getByRole('textbox', { name: /^E-postadresse/ });
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Det finnes allerede en bruker med denne e-postadressen.').first()).toBeVisible();
    await expect(page.getByRole('heading', { name: 'For å gå videre må du rette opp dette:' })).toBeVisible();
    await expectNoAxeViolations(page);

    await email.fill('ny.koordinator@example.no');
    await page.getByRole('button', { name: 'Send invitasjonen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Ny koordinator' })).toBeVisible();
    await expect(page.getByText('Invitasjonen er sendt til ny.koordinator@example.no.')).toBeVisible();
    await expect(page.getByText('Invitert', { exact: true })).toBeVisible();
    await expectNoAxeViolations(page);

    // Disabling asks first, and says the sessions end.
    await page.getByRole('button', { name: 'Deaktiver brukeren' }).click();
    const dialog = page.getByRole('dialog', { name: 'Deaktivere Ny koordinator?' });
    await expect(dialog).toContainText('logget ut av alle økter');
    await dialog.getByRole('button', { name: 'Ja, deaktiver' }).click();
    await expect(page.getByText('Brukeren er deaktivert og logget ut overalt.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Aktiver brukeren' })).toBeVisible();
  });

  test('is not in the menu of a county viewer', async ({ page }) => {
    await logIn(page, { email: 'fylke-innsyn@demo.kompetansebro.no' });
    const menu = page.getByRole('navigation', { name: 'Hovedmeny' });
    // In the menu's Register group, which holds no "Brukere" for a viewer.
    await menu.getByRole('button', { name: 'Register' }).click();
    await expect(menu.getByRole('link', { name: 'Aktører' })).toBeVisible();
    await expect(menu.getByRole('link', { name: 'Brukere', includeHidden: true })).toHaveCount(0);
  });
});
