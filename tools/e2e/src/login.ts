import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'kompetansebro';
export const COUNTY_ADMIN = 'fylke@demo.kompetansebro.no';

/** Fills in and sends the login form of the page the browser is on (it must be a login page). */
export async function submitLogin(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Logg inn' })).toBeVisible();
  await page.getByLabel('E-postadresse').fill(email);
  await page.getByLabel('Passord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
}

/** Logs in through an app's login page, as a person would, and waits until the app shows who is logged in. */
export async function logIn(page: Page, { app = '/fylke/', email = COUNTY_ADMIN, password = DEMO_PASSWORD } = {}): Promise<void> {
  await page.goto(`${app}logg-inn`);
  await submitLogin(page, email, password);
  await expect(userMenuButton(page)).toBeVisible();
}

/** The header's user menu (profile, password, notifications, language, log out): its button names the user. */
export function userMenuButton(page: Page) {
  return page.getByRole('banner').getByRole('button', { name: /^Brukermeny for / });
}

/** Logs out through the user menu. */
export async function logOut(page: Page): Promise<void> {
  await userMenuButton(page).click();
  await page.getByRole('button', { name: 'Logg ut', exact: true }).click();
}

/**
 * Follows an entry of the main menu, as a person would: opening its group first when the menu
 * shows groups (an app with more than six destinations), or the phone's menu button when folded.
 */
export async function goToMenuItem(page: Page, name: string): Promise<void> {
  const menu = page.getByRole('navigation', { name: 'Hovedmeny' });
  const menuButton = page.getByRole('banner').getByRole('button', { name: 'Meny', exact: true });
  if (await menuButton.isVisible()) await menuButton.click();
  const link = menu.getByRole('link', { name, exact: true });
  if (!(await link.isVisible())) {
    await menu.locator('.kb-menu', { has: page.getByRole('link', { name, exact: true, includeHidden: true }) }).getByRole('button').click();
  }
  await link.click();
}
