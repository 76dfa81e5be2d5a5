import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { goToMenuItem, logIn } from './login';
import { pickerInput, pickOption } from './picker';

const NAMDAL = 'namdal@demo.kompetansebro.no';
const SNAASA = '5041';

type Area = { studyCentreId: string; municipalityNumbers: string[] };
type Request = { id: string; version: number; status: string; add: string[]; reason: string };

test.describe("the county's review of catchment-area requests", () => {
  test('Namdal asks to add Snåsa, the county approves it with a note, and Namdal’s catchment area has Snåsa (then it is undone)', async ({ page, browser, baseURL }) => {
    const reason = `Studenter fra Snåsa bruker studiesenteret (${Date.now()}).`;

    // The Namdal coordinator asks from the portal's profile.
    await logIn(page, { app: '/studiesenter/', email: NAMDAL });
    const me = (await (await page.request.get('/api/me')).json()) as { activeOrganisationId: string };
    const centre = me.activeOrganisationId;
    const areaBefore = ((await (await page.request.get(`/api/study-centres/${centre}/catchment-area`)).json()) as Area).municipalityNumbers;
    expect(areaBefore).not.toContain(SNAASA);

    await page.goto('/studiesenter/profil');
    await expect(page.getByRole('heading', { level: 1, name: 'Om studiesenteret' })).toBeVisible();
    // The municipalities are a searchable picker: typing narrows the list, the keyboard picks.
    const add = pickerInput(page, 'Kommuner som skal legges til');
    await add.click();
    await add.pressSequentially('Snå');
    await expect(page.getByRole('option', { name: 'Snåsa', exact: true })).toBeVisible();
    await expect(page.getByRole('option', { name: 'Steinkjer', exact: true })).toBeHidden();
    await expectNoAxeViolations(page);
    await pickOption(page, add, 'Snåsa');
    await expect(page.locator('ds-suggestion data', { hasText: 'Snåsa' })).toBeVisible();
    await page.getByLabel('Begrunnelse').fill(reason);
    await page.getByRole('button', { name: 'Send til fylket' }).click();
    await expect(page.getByText('Forespørselen er sendt til fylket.')).toBeVisible();
    await expectNoAxeViolations(page);

    // The county admin finds it under "Nedslagsfelt" and approves it.
    const county = await browser.newContext({ baseURL });
    const countyPage = await county.newPage();
    await logIn(countyPage);
    await goToMenuItem(countyPage, 'Nedslagsfelt');
    await expect(countyPage.getByRole('heading', { level: 1, name: 'Nedslagsfelt' })).toBeVisible();
    const card = countyPage.getByRole('listitem').filter({ hasText: reason });
    await expect(card.getByRole('heading', { level: 2, name: 'Namdal studiesenter' })).toBeVisible();
    await expect(card.getByText('Legg til: Snåsa', { exact: true })).toBeVisible();
    await expect(card.getByText('Venter på behandling')).toBeVisible();
    await expectNoAxeViolations(countyPage);

    await card.getByRole('button', { name: 'Godkjenn forespørselen fra Namdal studiesenter' }).click();
    const dialog = countyPage.getByRole('dialog', { name: 'Godkjenne forespørselen fra Namdal studiesenter?' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Merknad til studiesenteret').fill('Godkjent fra neste semester.');
    await expectNoAxeViolations(countyPage);
    await dialog.getByRole('button', { name: 'Godkjenn' }).click();
    await expect(countyPage.getByText('Forespørselen fra Namdal studiesenter er godkjent, og nedslagsfeltet er endret.')).toBeVisible();
    await expect(countyPage.getByRole('listitem').filter({ hasText: reason })).toHaveCount(0);

    // Decided ones are a filter away, kept in the URL.
    await countyPage.getByLabel('Vis forespørsler').selectOption('approved');
    await expect(countyPage).toHaveURL(/status=approved/);
    const approved = countyPage.getByRole('listitem').filter({ hasText: reason });
    await expect(approved.getByText('Godkjent', { exact: true })).toBeVisible();
    await expect(approved.getByText('Fylkets merknad: Godkjent fra neste semester.')).toBeVisible();
    await expectNoAxeViolations(countyPage);

    // Namdal sees Snåsa in its area, and its request approved.
    await page.reload();
    await expect(page.getByText(/^Kommuner i nedslagsfeltet nå: .*Snåsa/)).toBeVisible();
    const own = page.getByRole('listitem').filter({ hasText: reason });
    await expect(own.getByText('Godkjent', { exact: true })).toBeVisible();
    await expect(own.getByText('Fylkets merknad: Godkjent fra neste semester.')).toBeVisible();

    // Undone, so the journeys that count Namdal's municipalities see the sample data again.
    const undo = await page.request.post(`/api/study-centres/${centre}/catchment-requests`, { data: { remove: [SNAASA], reason: 'Tilbakestilt etter testen.' } });
    expect(undo.status()).toBe(201);
    const undoRequest = (await undo.json()) as Request;
    const decided = await countyPage.request.post(`/api/catchment-requests/${undoRequest.id}/decision`, {
      data: { decision: 'approved' },
      headers: { 'If-Match': `"${undoRequest.version}"` },
    });
    expect(decided.status()).toBe(200);
    const areaAfter = ((await (await page.request.get(`/api/study-centres/${centre}/catchment-area`)).json()) as Area).municipalityNumbers;
    expect([...areaAfter].sort()).toEqual([...areaBefore].sort());
    await county.close();
  });
});
