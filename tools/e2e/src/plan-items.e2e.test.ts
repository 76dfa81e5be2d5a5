import { expect, test, type APIRequestContext } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { logIn } from './login';

// Plan items to their owners (issue 19): Namdal studiesenter finds the plan item it is
// responsible for in its inbox, sets its status and writes its result in its own portal; the
// county sees the result on the initiative's plan.

const NAMDAL = 'namdal@demo.kompetansebro.no';
const ITEM = 'Samarbeidsavtale mellom Namdal studiesenter og folkebibliotekene i studiesenterets nedslagsfelt';
const RESULT = 'Utkast til avtale sendt til bibliotekene i Namdal; møte med bibliotekene i januar.';

interface PlanItem {
  id: string;
  initiativeId: string;
  title: string;
  dueDate: string | null;
  version: number;
}

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date());
const inDays = (days: number) => new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The county's view of Namdal's plan item (id, initiative, due date, version). */
async function namdalItem(request: APIRequestContext): Promise<PlanItem> {
  const actors = (await (await request.get(`/api/actors?q=${encodeURIComponent('Namdal studiesenter')}&pageSize=20`)).json()) as { items: Array<{ id: string; name: string }> };
  const namdal = actors.items.find((actor) => actor.name === 'Namdal studiesenter');
  if (!namdal) throw new Error('No actor named Namdal studiesenter');
  const items = (await (await request.get(`/api/plan-items?responsible=${namdal.id}&pageSize=100`)).json()) as { items: PlanItem[] };
  const item = items.items.find((candidate) => candidate.title === ITEM);
  if (!item) throw new Error(`Namdal owns no plan item "${ITEM}"`);
  return item;
}

/** The county moves the item's due date (so it is due soon, in Namdal's inbox; and back afterwards). */
async function setDueDate(request: APIRequestContext, item: PlanItem, dueDate: string | null): Promise<PlanItem> {
  const response = await request.patch(`/api/initiatives/${item.initiativeId}/plan-items/${item.id}`, { data: { dueDate }, headers: { 'If-Match': `"${item.version}"` } });
  expect(response.status()).toBe(200);
  return (await response.json()) as PlanItem;
}

test.describe('plan items to their owners', () => {
  test('Namdal studiesenter follows its plan item from the inbox, sets status and result; the county sees the result on the initiative', async ({ page, browser }) => {
    const county = await browser.newContext();
    const countyPage = await county.newPage();
    await logIn(countyPage);
    const original = await namdalItem(countyPage.request);
    const due = await setDueDate(countyPage.request, original, inDays(7));

    await logIn(page, { app: '/studiesenter/', email: NAMDAL });
    const inbox = page.getByRole('banner').getByRole('link', { name: /^Innboks, \d+ ting venter$/ });
    await inbox.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Innboks' })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: `Planpunkt: ${ITEM}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: ITEM })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/studiesenter/planpunkter/${original.id}$`));
    await expect(page.getByText('Regionale kompetanseaktører og folkebibliotekenes rolle')).toBeVisible();
    await expectNoAxeViolations(page);

    // Too long a result: the API's 400 is shown beside the field, in words.
    const result = page.getByRole('textbox', { name: /^Resultat/ });
    await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Pågår' });
    await result.fill('x'.repeat(5001));
    await page.getByRole('button', { name: 'Lagre endringene' }).click();
    await expect(page.getByRole('link', { name: /^Resultat: Skriv høyst 5000 tegn/ })).toBeVisible();
    await expect(result).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page);

    await result.fill(RESULT);
    await page.getByRole('button', { name: 'Lagre endringene' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Planpunkter' })).toBeVisible();
    await expect(page.getByText(`Planpunktet «${ITEM}» er lagret.`)).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(ITEM) })).toContainText('Pågår');
    await expectNoAxeViolations(page);

    // Saved: the item opens with the status and result as saved, and leaves the inbox's "due" only when done.
    await page.getByRole('link', { name: ITEM }).click();
    await expect(page.getByRole('textbox', { name: /^Resultat/ })).toHaveValue(RESULT);
    await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('in_progress');

    // The county sees the owner's result on the initiative's plan board.
    await countyPage.goto(`/fylke/tiltak/${original.initiativeId}`);
    const card = countyPage.getByRole('region', { name: /^Pågår \(\d+\)$/ }).getByRole('article', { name: ITEM });
    await expect(card).toContainText(RESULT);
    await expectNoAxeViolations(countyPage);

    // Back as the sample data has it, for the journeys after this one.
    const saved = (await (await page.request.get(`/api/own-plan-items/${original.id}`)).json()) as PlanItem;
    const reset = await page.request.patch(`/api/own-plan-items/${original.id}`, { data: { status: 'planned', resultText: null }, headers: { 'If-Match': `"${saved.version}"` } });
    expect(reset.status()).toBe(200);
    await setDueDate(countyPage.request, { ...due, version: ((await reset.json()) as PlanItem).version }, original.dueDate);
    await county.close();
  });
});

// A partner's contact (issue 19): the career centre has its own role, lands in the centre portal
// on a home page of its plan items and inbox, sees only the menu entries its role may use, and
// moves its plan item on.
const CAREER_CENTRE = 'karriere@demo.kompetansebro.no';
const CAREER_ITEM = 'Samarbeid mellom Karrieresenteret og folkebibliotek i regionen, mulig avtale';
const CAREER_RESULT = 'Første møte med bibliotekene i Trondheim holdt; avtaleutkast i arbeid.';

test.describe('a partner contact', () => {
  test('Karrieresenteret lands on its own home, sees only overview and plan items, and sets status and result', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await logIn(page, { app: '/studiesenter/', email: CAREER_CENTRE });
    await expect(page).toHaveURL(/\/studiesenter\/$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Oversikt' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Planpunkter' })).toBeVisible();
    await expect(page.getByRole('link', { name: CAREER_ITEM })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Innboks' })).toBeVisible();
    // Only what the policy lets it use: no study-centre blocks, no search, no refusals on screen.
    const menu = page.getByRole('navigation', { name: 'Hovedmeny' });
    await expect(menu.getByRole('link')).toHaveText(['Oversikt', 'Planpunkter']);
    // A career centre is no study centre: the header names the suite, not the centre portal.
    await expect(page.getByRole('banner')).toContainText('Kompetansebro');
    await expect(page.getByRole('banner')).not.toContainText('Studiesenterportal');
    await expect(page.getByRole('search')).toHaveCount(0);
    await expect(page.getByText('Du handler ikke for et studiesenter')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Kommunene i nedslagsfeltet' })).toHaveCount(0);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: test.info().outputPath('partner-contact-home-1280.png'), fullPage: true });

    await page.getByRole('link', { name: CAREER_ITEM }).click();
    await expect(page.getByRole('heading', { level: 1, name: CAREER_ITEM })).toBeVisible();
    const id = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Pågår' });
    await page.getByRole('textbox', { name: /^Resultat/ }).fill(CAREER_RESULT);
    await page.getByRole('button', { name: 'Lagre endringene' }).click();
    await expect(page.getByText(`Planpunktet «${CAREER_ITEM}» er lagret.`)).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(CAREER_ITEM) })).toContainText('Pågår');
    await expectNoAxeViolations(page);

    // Back as the sample data has it, for the journeys after this one.
    const saved = (await (await page.request.get(`/api/own-plan-items/${id}`)).json()) as PlanItem;
    const reset = await page.request.patch(`/api/own-plan-items/${id}`, { data: { status: 'planned', resultText: null }, headers: { 'If-Match': `"${saved.version}"` } });
    expect(reset.status()).toBe(200);
  });
});
