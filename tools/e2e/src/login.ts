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
  await expect(page.getByRole('button', { name: 'Logg ut', exact: true })).toBeVisible();
}
