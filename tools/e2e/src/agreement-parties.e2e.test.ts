import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { logIn } from './login';

// Agreements the parties can trust (issue 13): the county drafts an agreement between Fosen
// studiesenter and two libraries and sends it to the parties; the study centre accepts in its own
// app (the task waits on its home page); the county signs with a reason for the libraries that
// have not accepted; the agreement is active from its start date (today) by the calendar; an
// agreement that has ended no longer counts in coverage, though it did on a day it was in force.

const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Oslo' });
const inYears = (years: number) => `${Number(today.slice(0, 4)) + years}${today.slice(4)}`;

async function actorId(request: APIRequestContext, name: string): Promise<string> {
  const response = await request.get(`/api/actors?q=${encodeURIComponent(name)}&pageSize=20`);
  const page = (await response.json()) as { items: Array<{ id: string; name: string }> };
  const found = page.items.find((actor) => actor.name === name);
  if (!found) throw new Error(`No actor named ${name}`);
  return found.id;
}

/** A draft the county makes through the API (the step form has a journey of its own). */
async function draft(request: APIRequestContext, title: string, parties: string[], period: { startDate: string; endDate: string }): Promise<string> {
  const ids = await Promise.all(parties.map((name) => actorId(request, name)));
  const response = await request.post('/api/agreements', {
    data: { title, kind: 'cooperation', ...period, parties: ids.map((id, i) => ({ actorId: id, role: i === 0 ? 'coordinator' : 'service_provider' })) },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

function party(page: Page, name: string) {
  return page
    .getByRole('region', { name: 'Parter og tjenester' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name, exact: true }) });
}

function libraryRow(page: Page, name: string) {
  return page
    .getByRole('region', { name: 'Kommuner og bibliotek' })
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name, exact: true }) });
}

test('the parties of a Fosen agreement answer for themselves, the county signs with a reason, and the calendar decides what covers', async ({ page, browser, baseURL }) => {
  const title = 'Samarbeidsavtale Fosen studiesenter, Ørland og Osen bibliotek';
  await logIn(page);
  const id = await draft(page.request, title, ['Fosen studiesenter', 'Ørland bibliotek', 'Osen bibliotek'], { startDate: today, endDate: inYears(2) });

  // The county sends the draft to the parties.
  await page.goto(`/fylke/avtaler/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByRole('button', { name: 'Send til partene for godkjenning' }).click();
  await expect(page.getByText('Avtalen har nå status «Under forhandling».')).toBeVisible();
  // The county answers for no study centre or library: they do it in their own apps.
  await expect(page.getByRole('region', { name: 'Parter og tjenester' }).getByRole('button')).toHaveCount(0);
  await expectNoAxeViolations(page);

  // The study centre finds the task on its home page and accepts in its own app.
  const centre = await browser.newContext({ baseURL });
  const centrePage = await centre.newPage();
  await logIn(centrePage, { app: '/studiesenter/', email: 'fosen@demo.kompetansebro.no' });
  const tasks = centrePage.getByRole('region', { name: 'Avtaler som venter på svar fra dere' });
  await expect(tasks.getByRole('link', { name: title })).toBeVisible();
  await expectNoAxeViolations(centrePage);
  await tasks.getByRole('link', { name: title }).click();
  await expect(centrePage.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(party(centrePage, 'Ørland bibliotek').getByRole('button')).toHaveCount(0);
  await party(centrePage, 'Fosen studiesenter').getByRole('button', { name: 'Bekreft at Fosen studiesenter godtar avtalen' }).click();
  const accept = centrePage.getByRole('dialog', { name: 'Bekrefte at Fosen studiesenter godtar avtalen?' });
  await accept.getByLabel('Kommentar (valgfritt)').fill('Vedtatt av styret');
  await expectNoAxeViolations(centrePage);
  await accept.getByRole('button', { name: 'Ja, vi godtar avtalen' }).click();
  await expect(centrePage.getByText('Fosen studiesenter har godtatt avtalen.')).toBeVisible();
  await expect(party(centrePage, 'Fosen studiesenter').getByText(/^Godtatt \d{2}\.\d{2}\.\d{4} — «Vedtatt av styret»$/)).toBeVisible();
  await centrePage.goto('/studiesenter/');
  await expect(centrePage.getByText('Ingen avtaler venter på svar fra dere.')).toBeVisible();
  await centre.close();

  // The county sees who has and has not accepted, and signs with a reason for the libraries.
  await page.reload();
  await expect(page.getByText('Venter på at partene godtar avtalen: 1 av 3 har godtatt.')).toBeVisible();
  await expect(party(page, 'Ørland bibliotek').getByText('Ikke godtatt ennå')).toBeVisible();
  await page.getByRole('button', { name: 'Marker som signert' }).click();
  const sign = page.getByRole('dialog', { name: 'Signere uten alle godkjenninger?' });
  await expect(sign.getByText(/Ørland bibliotek, Osen bibliotek/)).toBeVisible();
  await sign.getByRole('button', { name: 'Signer med begrunnelse' }).click();
  await expect(sign.getByText('Skriv en begrunnelse (minst tre tegn).')).toBeVisible();
  await expectNoAxeViolations(page);
  await sign.getByLabel('Begrunnelse').fill('Bibliotekene signerte på papir i møtet 1. desember');
  await sign.getByRole('button', { name: 'Signer med begrunnelse' }).click();
  await expect(page.getByText('Avtalen har nå status «Signert».')).toBeVisible();
  await expect(page.getByText(/Signert uten godkjenning fra Ørland bibliotek, Osen bibliotek\. Begrunnelse: Bibliotekene signerte på papir/)).toBeVisible();

  // It starts today: the calendar has made it active; the acceptance stays on the page.
  await page.reload();
  await expect(page.getByText('Status: Aktiv')).toBeVisible();
  await expect(party(page, 'Fosen studiesenter').getByText(/^Godtatt \d{2}\.\d{2}\.\d{4}/)).toBeVisible();
  await expectNoAxeViolations(page);

  // Once signed, a change is an amendment: the county proposes a longer period with a reason ...
  const versions = page.getByRole('region', { name: 'Versjoner og endringer' });
  await versions.getByLabel('Hvorfor endres avtalen?').fill('Forlenget med ett år etter evalueringen');
  await versions.getByLabel('Sluttdato').fill(inYears(3));
  await versions.getByRole('button', { name: 'Foreslå endringen' }).click();
  await expect(versions.getByRole('heading', { name: /^Versjon 2 — foreslått/ })).toBeVisible();
  await expect(versions.getByRole('table', { name: 'Endringer i versjon 2' }).getByRole('row', { name: /^Sluttdato/ })).toBeVisible();
  await expectNoAxeViolations(page);

  // ... and the study centre, one of the parties it touches, accepts it in its own app.
  const centreAgain = await browser.newContext({ baseURL });
  const centrePage2 = await centreAgain.newPage();
  await logIn(centrePage2, { app: '/studiesenter/', email: 'fosen@demo.kompetansebro.no' });
  await centrePage2.getByRole('region', { name: 'Avtaler som venter på svar fra dere' }).getByRole('link', { name: title }).click();
  const centreVersions = centrePage2.getByRole('region', { name: 'Versjoner og endringer' });
  await centreVersions.getByRole('button', { name: 'Godta endringen for Fosen studiesenter' }).click();
  await expect(centreVersions.getByText(/^Fosen studiesenter: Godtatt/)).toBeVisible();
  await expect(centreVersions.getByRole('button')).toHaveCount(0);
  await expectNoAxeViolations(centrePage2);
  await centreAgain.close();

  // An agreement with Åfjord bibliotek that ended last year: signed, it reads as expired at once.
  const ended = await draft(page.request, 'Avtale Fosen studiesenter og Åfjord bibliotek 2024–2025', ['Fosen studiesenter', 'Åfjord bibliotek'], {
    startDate: '2024-01-01',
    endDate: '2025-06-30',
  });
  await page.goto(`/fylke/avtaler/${ended}`);
  await page.getByRole('button', { name: 'Send til partene for godkjenning' }).click();
  await expect(page.getByText('Avtalen har nå status «Under forhandling».')).toBeVisible();
  await page.getByRole('button', { name: 'Marker som signert' }).click();
  await page.getByRole('dialog', { name: 'Signere uten alle godkjenninger?' }).getByLabel('Begrunnelse').fill('Registrert i ettertid');
  await page.getByRole('dialog', { name: 'Signere uten alle godkjenninger?' }).getByRole('button', { name: 'Signer med begrunnelse' }).click();
  await expect(page.getByText('Avtalen har nå status «Signert».')).toBeVisible();
  await page.reload();
  await expect(page.getByText('Status: Utløpt')).toBeVisible();

  // Coverage today: Ørland and Osen are covered, Åfjord is not (its agreement has ended) ...
  await page.goto('/fylke/dekning');
  await page.getByLabel('Region').selectOption({ label: 'Fosen' });
  await expect(page.getByText(/^I Fosen er \d+ av \d+ kommuner dekket/)).toBeVisible();
  await expect(libraryRow(page, 'Osen bibliotek').getByText('Dekket', { exact: true })).toBeVisible();
  await expect(libraryRow(page, 'Åfjord bibliotek').getByText('Ikke dekket')).toBeVisible();
  await expectNoAxeViolations(page);
  // ... but as of 1 March 2025 Åfjord was covered, and Osen not yet.
  await page.getByLabel('Dekning per dato').fill('2025-03-01');
  await expect(page).toHaveURL(/asOf=2025-03-01/);
  await expect(page.getByText('Dekning per 01.03.2025.')).toBeVisible();
  await expect(libraryRow(page, 'Åfjord bibliotek').getByText('Dekket', { exact: true })).toBeVisible();
  await expect(libraryRow(page, 'Osen bibliotek').getByText('Ikke dekket')).toBeVisible();
  await expectNoAxeViolations(page);
});
