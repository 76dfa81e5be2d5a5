import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { logIn, submitLogin } from './login';

const NAMSOS = 'namsos@demo.kompetansebro.no';
const workdays = ['Mandag', 'Tirsdag', 'Onsdag', 'Torsdag', 'Fredag'];
const week = [...workdays, 'Lørdag', 'Søndag'];

/** axe at the desktop width and at a phone's. */
async function expectAccessibleAtBothWidths(page: Page): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoAxeViolations(page);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** A cell of the ordinary week's grid (the first grid on the page). */
const cell = (page: Page, day: string, column: string) => page.getByLabel(`${day}: ${column}`, { exact: true }).first();

test.describe('the library portal as Namsos bibliotek', () => {
  // One long journey, with axe at two widths on each screen.
  test.setTimeout(240_000);

  test('logs in through another app, lands in its portal, sets its opening hours with summer hours, confirms a service, answers a note from Nord; the county sees the change', async ({ page, browser }) => {
    // Nord universitetsbibliotek writes to Namsos bibliotek first.
    const nord = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'nb-NO' });
    const nordPage = await nord.newPage();
    await logIn(nordPage, { app: '/universitet/', email: 'nord@demo.kompetansebro.no' });
    const libraries = await nordPage.request.get('/api/liaison/libraries?q=Namsos%20bibliotek&pageSize=10');
    const namsosLibrary = ((await libraries.json()) as { items: { id: string; name: string }[] }).items.find((library) => library.name === 'Namsos bibliotek');
    const question = 'Kan studentene våre låne grupperom hos dere i eksamensperioden i juni?';
    const posted = await nordPage.request.post('/api/liaison/notes', { data: { target: { actorId: namsosLibrary?.id }, body: question } });
    expect(posted.status()).toBe(201);
    await nord.close();

    // One login page serves every app: logging in at the county console leads to the library's own app.
    await page.goto('/fylke/logg-inn');
    await submitLogin(page, NAMSOS);
    await expect(page).toHaveURL(/\/bibliotek\/$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Oversikt' })).toBeVisible();
    await expect(page).toHaveTitle(/Bibliotekportal/);
    await expect(page.getByRole('heading', { level: 2, name: 'Tjenester som bør bekreftes' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectAccessibleAtBothWidths(page);

    // Opening another app's address while logged in: back to its own.
    await page.goto('/fylke/tiltak');
    await expect(page).toHaveURL(/\/bibliotek\/$/);

    // Opening hours: the library and its branch.
    await page.getByRole('navigation').getByRole('link', { name: 'Åpningstider' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Åpningstider' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Namdalseid bibliotek' })).toBeVisible();
    await expectAccessibleAtBothWidths(page);
    await page.getByRole('link', { name: 'Endre åpningstidene for Namsos bibliotek' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Åpningstider for Namsos bibliotek' })).toBeVisible();
    const libraryPath = new URL(page.url()).pathname;
    const namsosId = libraryPath.split('/').at(-1) ?? '';

    for (const day of workdays) {
      await cell(page, day, 'Betjent fra').fill('10:00');
      await cell(page, day, 'Betjent til').fill('16:00');
    }
    for (const day of week) {
      await cell(page, day, 'Meråpent fra').fill('07:00');
      await cell(page, day, 'Meråpent til').fill('22:00');
    }
    // An end before the start: said beside the field and in the summary, nothing saved.
    await cell(page, 'Lørdag', 'Betjent fra').fill('16:00');
    await cell(page, 'Lørdag', 'Betjent til').fill('10:00');
    await page.getByRole('button', { name: 'Lagre åpningstidene' }).click();
    await expect(page.getByRole('link', { name: 'Lørdag: Betjent til: Slutten må være etter starten.' })).toBeVisible();
    await expect(cell(page, 'Lørdag', 'Betjent til')).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page);
    await cell(page, 'Lørdag', 'Betjent fra').fill('');
    await cell(page, 'Lørdag', 'Betjent til').fill('');

    // Summer hours: staffed 10–14 on workdays, self-service as usual.
    await page.getByRole('button', { name: 'Legg til sesong' }).click();
    await page.getByLabel('Fra og med').fill('2027-06-21');
    await page.getByLabel('Til og med').fill('2027-08-08');
    const summer = page.getByRole('table', { name: 'Åpningstider i Sommertid' });
    for (const day of workdays) await summer.getByLabel(`${day}: Betjent til`, { exact: true }).fill('14:00');
    await page.getByRole('button', { name: 'Lagre åpningstidene' }).click();
    await expect(page.getByText('Åpningstidene er lagret.')).toBeVisible();
    await expect(page.getByText('Mo-Fr 10:00-16:00; 2027 Jun 21-2027 Aug 8 off; 2027 Jun 21-2027 Aug 8 Mo-Fr 10:00-14:00; PH off', { exact: true })).toBeVisible();
    await expect(page.getByText(/^Mo-Su 07:00-22:00; /)).toBeVisible();
    await expect(page.getByText(/Denne uka: \d+ timer betjent/)).toBeVisible();
    await expectAccessibleAtBothWidths(page);

    // Services and conditions: confirm one as still correct.
    await page.getByRole('navigation').getByRole('link', { name: 'Tjenester og kontakter' }).click();
    await page.getByRole('link', { name: 'Namsos bibliotek', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Namsos bibliotek' })).toBeVisible();
    await page.getByRole('button', { name: 'Bekreft at Lesesalsplasser stemmer' }).click();
    await expect(page.getByText('Tjenesten er bekreftet som riktig i dag.')).toBeVisible();
    await expectAccessibleAtBothWidths(page);

    // Nord's note is read and answered here.
    await page.getByRole('navigation').getByRole('link', { name: 'Samarbeidskanaler' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Samarbeidskanaler' })).toBeVisible();
    await expect(page.getByText(question)).toBeVisible();
    const answer = 'Ja, grupperommene kan bookes fra 1. juni. Send oss datoene.';
    await page.getByLabel('Svar til Nord universitetsbibliotek').fill(answer);
    await page.getByRole('button', { name: 'Send svaret' }).click();
    await expect(page.getByText('Notatet er lagt inn.')).toBeVisible();
    await expect(page.getByText(answer)).toBeVisible();
    await expectAccessibleAtBothWidths(page);

    // The county sees the change in its audit log.
    const county = await browser.newContext({ baseURL: new URL(page.url()).origin, locale: 'nb-NO' });
    const countyPage = await county.newPage();
    await logIn(countyPage, { app: '/fylke/' });
    await countyPage.goto('/fylke/historikk?entity=opening_hours');
    const row = countyPage.getByRole('row').filter({ hasText: 'Namsos bibliotek (demo)' });
    await expect(row.first()).toBeVisible();
    const hours = await countyPage.request.get(`/api/opening-hours/${namsosId}`);
    expect(((await hours.json()) as { osm: { openingHours: string } }).osm.openingHours).toContain('2027 Jun 21-2027 Aug 8 Mo-Fr 10:00-14:00');
    await county.close();
  });
});
