import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { goToMenuItem, logIn, userMenuButton } from './login';
import { linesOf } from './text-lines';

// The compact header of every app (issue 19): one row with the app's name, search, inbox,
// organisation and user menu, and the menu grouped under it — at most 120 px tall at 1280 px;
// on a 390 px phone the menu folds behind a button and the page's heading shows without scrolling.

/** The header's height, and where the page's h1 ends, in CSS pixels from the top. */
async function layout(page: Page): Promise<{ header: number; h1Bottom: number; viewport: number }> {
  const header = await page.getByRole('banner').boundingBox();
  const h1 = await page.getByRole('heading', { level: 1 }).boundingBox();
  return { header: header?.height ?? Infinity, h1Bottom: (h1?.y ?? Infinity) + (h1?.height ?? 0), viewport: page.viewportSize()?.height ?? 0 };
}

test.describe('the compact header', () => {
  test('at 1280 px: one row and the grouped menu within 120 px, operable by keyboard, no axe violations', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await logIn(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Oversikt' })).toBeVisible();
    const { header, h1Bottom, viewport } = await layout(page);
    expect(header).toBeLessThanOrEqual(120);
    expect(h1Bottom).toBeLessThan(viewport);

    // The county console's groups, as the UX notes name them.
    const menu = page.getByRole('navigation', { name: 'Hovedmeny' });
    await expect(menu.getByRole('button')).toHaveText(['Samarbeid', 'Aktivitet og tiltak', 'Register']);
    await expectNoAxeViolations(page);

    // A group opens from the keyboard, shows its links, and Escape closes it with the focus back on its button.
    const cooperation = menu.getByRole('button', { name: 'Samarbeid' });
    await cooperation.focus();
    await page.keyboard.press('Enter');
    await expect(menu.getByRole('link')).toHaveText(['Oversikt', 'Avtaler', 'Dekning', 'Nedslagsfelt', 'Samarbeidskanaler']);
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    await expect(cooperation).toHaveAttribute('aria-expanded', 'false');
    await expect(cooperation).toBeFocused();

    // The user menu: profile, password, notifications, language, log out.
    await userMenuButton(page).click();
    await expect(page.getByRole('banner').getByRole('link', { name: 'Min konto' })).toBeVisible();
    await expect(page.getByRole('banner').getByRole('group', { name: 'Språk' })).toBeVisible();
    await expect(page.getByRole('banner').getByRole('button', { name: 'Logg ut' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('banner').getByRole('link', { name: 'Varsler' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Varsler' })).toBeVisible();
    await page.getByRole('radio', { name: 'Daglig sammendrag' }).check();
    await page.getByRole('button', { name: 'Lagre varsler' }).click();
    await expect(page.getByText('Valget er lagret.')).toBeVisible();
    await expectNoAxeViolations(page);
    expect(await (await page.request.get('/api/me/notification-settings')).json()).toEqual({ inboxMail: 'daily' });

    // A grouped entry is reached through its group.
    await goToMenuItem(page, 'Tiltak');
    await expect(page.getByRole('heading', { level: 1, name: 'Tiltak' })).toBeVisible();
    await expect(menu.getByRole('button', { name: 'Aktivitet og tiltak' })).toHaveAttribute('data-current', 'true');
  });

  test('at 1280 px with the inbox’s count showing: the university library’s header keeps one row, in bokmål and nynorsk', async ({ page, browser }) => {
    // Namsos bibliotek writes to NTNU, so NTNU has an unread note and its inbox a count.
    const library = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'nb-NO' });
    const libraryPage = await library.newPage();
    await logIn(libraryPage, { app: '/bibliotek/', email: 'namsos@demo.kompetansebro.no' });
    const me = (await (await libraryPage.request.get('/api/me')).json()) as { activeOrganisationId: string };
    const universities = (await (await libraryPage.request.get('/api/liaison/universities')).json()) as { items: { id: string; name: string }[] };
    const ntnu = universities.items.find((university) => university.name.startsWith('NTNU'));
    const posted = await libraryPage.request.post('/api/liaison/notes', { data: { target: { actorId: me.activeOrganisationId }, universityId: ntnu?.id, body: 'Har dere plass til en eksamensvakt i juni?' } });
    expect(posted.status()).toBe(201);
    await library.close();

    await page.setViewportSize({ width: 1280, height: 800 });
    await logIn(page, { app: '/universitet/', email: 'ntnu@demo.kompetansebro.no' });
    const banner = page.getByRole('banner');
    await expect(banner.getByRole('link', { name: /^Innboks, \d+ ting venter$/ })).toBeVisible();
    expect((await layout(page)).header).toBeLessThanOrEqual(120);

    await userMenuButton(page).click();
    await banner.getByRole('group', { name: 'Språk' }).getByRole('button', { name: 'Nynorsk' }).click();
    await expect(banner.getByRole('link', { name: 'Samarbeidskanalar' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(banner.locator('.kb-inbox-link .ds-badge')).toBeVisible();
    expect((await layout(page)).header).toBeLessThanOrEqual(120);
    await expectNoAxeViolations(page);
  });

  test('at 390 px: the menu behind a button, the page heading visible without scrolling, no axe violations', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await logIn(page, { app: '/bibliotek/', email: 'namsos@demo.kompetansebro.no' });
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toBeVisible();
    const { header, h1Bottom, viewport } = await layout(page);
    expect(h1Bottom).toBeLessThan(viewport);
    expect(header).toBeLessThan(viewport / 4);
    const menu = page.getByRole('navigation', { name: 'Hovedmeny' });
    await expect(menu).toBeHidden();
    await expectNoAxeViolations(page);

    const menuButton = page.getByRole('button', { name: 'Meny', exact: true });
    await expect(menuButton).toHaveAttribute('aria-expanded', 'false');
    await menuButton.click();
    await expect(menu).toBeVisible();
    await expectNoAxeViolations(page);
    await menu.getByRole('button', { name: 'Biblioteket' }).click();
    await menu.getByRole('link', { name: 'Åpningstider' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Åpningstider/ })).toBeVisible();
    // Following a link folds the menu again.
    await expect(menu).toBeHidden();
  });
});

test.describe('who the user acts for, on a phone and in the user menu', () => {
  test('at 390 px the organisation switcher shows the whole name, the user menu folds to a named icon button, by keyboard', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await logIn(page);
    const header = page.getByRole('banner');
    const organisation = header.getByRole('button', { name: /^Du handler for: / });
    await expect(organisation).toBeVisible();
    await expect(organisation).toContainText('Trøndelag fylkesbibliotek');
    // Not cut off: the name's box holds all of it, inside the screen.
    const name = organisation.locator('.kb-menu__label');
    expect(await name.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    expect(((await name.boundingBox())?.x ?? Infinity) + ((await name.boundingBox())?.width ?? 0)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page);

    // The user menu shows an icon, keeps its name, and opens and closes from the keyboard.
    const userMenu = userMenuButton(page);
    await expect(userMenu).toHaveAccessibleName('Brukermeny for Fylkesbiblioteket (demo)');
    expect((await userMenu.boundingBox())?.width ?? Infinity).toBeLessThan(80);
    await userMenu.focus();
    await page.keyboard.press('Enter');
    await expect(header.getByRole('link', { name: 'Min konto' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    await expect(userMenu).toHaveAttribute('aria-expanded', 'false');
    await expect(userMenu).toBeFocused();

    // The switcher works from the keyboard too.
    await organisation.focus();
    await page.keyboard.press('Enter');
    await expect(header.getByRole('button', { name: 'Trøndelag fylkeskommune' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(organisation).toBeFocused();
  });

  test('at 1280 px the user menu holds the e-mail address and the three languages each on one line', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await logIn(page, { app: '/bibliotek/', email: 'namsos@demo.kompetansebro.no' });
    await userMenuButton(page).click();
    const panel = page.getByRole('banner').locator('.kb-menu__panel:visible');
    expect(await linesOf(panel, 'namsos@demo.kompetansebro.no')).toEqual([1]);
    const languages = panel.getByRole('group', { name: 'Språk' }).getByRole('button');
    const tops = await languages.evaluateAll((buttons) => buttons.map((button) => Math.round(button.getBoundingClientRect().top)));
    expect(tops).toHaveLength(3);
    expect(new Set(tops).size).toBe(1);
    await expectNoAxeViolations(page);
  });
});

test.describe('search everywhere', () => {
  test('"/" from any page, results grouped by kind, each opening its page in the user’s own app', async ({ page }) => {
    await logIn(page, { app: '/bibliotek/', email: 'namsos@demo.kompetansebro.no' });
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.keyboard.press('/');
    const field = page.getByRole('searchbox', { name: 'Søk', exact: true });
    await expect(field).toBeFocused();
    await field.fill('Namsos');
    await field.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Treff for «Namsos»' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: /^Aktører/ })).toBeVisible();
    await expectNoAxeViolations(page);
    // The library sees its own record, and it opens in the library portal.
    await page.getByRole('link', { name: 'Namsos bibliotek', exact: true }).click();
    await expect(page).toHaveURL(/\/bibliotek\/tjenester\/[0-9a-f-]+$/);

    // Nothing found says so. (The new page may take the focus to its heading once loaded; pressed again, as a user would.)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(async () => {
      await page.keyboard.press('Control+k');
      await expect(field).toBeFocused({ timeout: 1_000 });
    }).toPass();
    await field.fill('xyzzyqwerty');
    await field.press('Enter');
    await expect(page.getByText('Ingen treff for «xyzzyqwerty».', { exact: false })).toBeVisible();

    // Results while typing, grouped by kind: the arrow key chooses one, Enter opens it. (The
    // results page may take the focus to its heading once loaded, which closes the suggestions:
    // a user then goes back to the field and types again, as this does.)
    const suggestions = page.getByRole('listbox', { name: 'Søkeforslag' });
    await expect(async () => {
      await page.keyboard.press('Control+k');
      await expect(field).toBeFocused({ timeout: 1_000 });
      await field.fill('');
      await field.fill('Namsos bibliotek');
      await expect(suggestions.getByRole('group', { name: 'Aktører' }).getByRole('option', { name: 'Namsos bibliotek', exact: true })).toBeVisible({ timeout: 3_000 });
    }).toPass();
    await expectNoAxeViolations(page);
    await field.press('ArrowDown');
    await expect(suggestions.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
    await expect(field).toHaveAttribute('aria-activedescendant', /.+/);
    await field.press('Enter');
    await expect(page).toHaveURL(/\/bibliotek\/tjenester\/[0-9a-f-]+$/);
    await expect(suggestions).toBeHidden();
  });
});

test.describe('the inbox', () => {
  test('a library sees what waits for it, with a count in the header, each linking to where it is done', async ({ page }) => {
    await logIn(page, { app: '/bibliotek/', email: 'namsos@demo.kompetansebro.no' });
    const inbox = page.getByRole('banner').getByRole('link', { name: /^Innboks, \d+ ting venter$/ });
    await expect(inbox).toBeVisible();
    await inbox.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Innboks' })).toBeVisible();
    await expect(page.getByText('Dette venter på Namsos bibliotek nå.', { exact: false })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: /tjenester? å bekrefte$/ }).click();
    await expect(page).toHaveURL(/\/bibliotek\/tjenester$/);
  });
});

test.describe('the first load', () => {
  test('the page frame says it is loading when the first page takes more than a second, then the page replaces it', async ({ page }) => {
    await logIn(page, { app: '/bibliotek/', email: 'namsos@demo.kompetansebro.no' });
    // Who is logged in answers after 2.5 s: the app renders only when its first page has loaded.
    await page.route('**/api/me', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2500));
      await route.continue();
    });
    await page.goto('/bibliotek/', { waitUntil: 'commit' });
    const waiting = page.getByRole('status').filter({ hasText: 'Laster innhold …' });
    await expect(page.getByRole('banner')).toContainText('Bibliotekportal');
    await expect(waiting).toBeHidden();
    await expect(waiting).toBeVisible({ timeout: 2000 });
    await expect(page.getByRole('heading', { level: 1, name: 'Oversikt' })).toBeVisible();
    await expect(waiting).toHaveCount(0);
    await expectNoAxeViolations(page);
  });
});
