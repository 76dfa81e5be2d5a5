import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { goToMenuItem, logIn, submitLogin } from './login';

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

/** A 1 × 1 PNG: a photo as far as the upload is concerned (the server makes its web sizes). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYGAAAAAEAAH2FzhVAAAAAElFTkSuQmCC', 'base64');
const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Oslo' });
const WEBINAR = 'Fjernlån og henting av universitetslån – oppfølgingswebinar';
const AGREEMENT = 'Samarbeidsavtale Namdal studiesenter og Namsos bibliotek';

async function actorIdOf(request: APIRequestContext, name: string): Promise<string> {
  const response = await request.get(`/api/actors?q=${encodeURIComponent(name)}&pageSize=20`);
  const found = ((await response.json()) as { items: Array<{ id: string; name: string }> }).items.find((actor) => actor.name === name);
  if (!found) throw new Error(`No actor named ${name}`);
  return found.id;
}

/** A cell of the ordinary week's grid (the first grid on the page). */
const cell = (page: Page, day: string, column: string) => page.getByLabel(`${day}: ${column}`, { exact: true }).first();

test.describe('the library portal as Namsos bibliotek', () => {
  // One long journey, with axe at two widths on each screen.
  test.setTimeout(240_000);

  test('logs in through another app, lands in its portal, sets its opening hours with summer hours, confirms a service, answers a note from Nord, adds a photo, accepts an agreement, cancels and signs up for a webinar; the county sees the change and the notes in its inbox', async ({ page, browser }) => {
    // The county drafts an agreement between Namdal studiesenter and Namsos bibliotek and sends it to the parties.
    const drafting = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'nb-NO' });
    const countyDraft = await drafting.newPage();
    await logIn(countyDraft, { app: '/fylke/' });
    const parties = await Promise.all(['Namdal studiesenter', 'Namsos bibliotek'].map((name) => actorIdOf(countyDraft.request, name)));
    const drafted = await countyDraft.request.post('/api/agreements', {
      data: { title: AGREEMENT, kind: 'cooperation', startDate: today, endDate: `${Number(today.slice(0, 4)) + 2}${today.slice(4)}`, parties: parties.map((actorId, i) => ({ actorId, role: i === 0 ? 'coordinator' : 'service_provider' })) },
    });
    expect(drafted.status()).toBe(201);
    const agreementId = ((await drafted.json()) as { id: string }).id;
    await countyDraft.goto(`/fylke/avtaler/${agreementId}`);
    await countyDraft.getByRole('button', { name: 'Send til partene for godkjenning' }).click();
    await expect(countyDraft.getByText('Avtalen har nå status «Under forhandling».')).toBeVisible();
    await drafting.close();
    // Namdal studiesenter accepts first, in its own app (its journey shows the screens): the library's answer is the last.
    const centre = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'nb-NO' });
    const centrePage = await centre.newPage();
    await logIn(centrePage, { app: '/studiesenter/', email: 'namdal@demo.kompetansebro.no' });
    const { version } = (await (await centrePage.request.get(`/api/agreements/${agreementId}`)).json()) as { version: number };
    const centreAccepted = await centrePage.request.post(`/api/agreements/${agreementId}/parties/${parties[0]}/decision`, { data: { decision: 'accepted' }, headers: { 'if-match': `"${version}"` } });
    expect(centreAccepted.status()).toBe(200);
    await centre.close();

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
    // Nord's note waits unread until the library opens its channels.
    await expect(page.getByText(/^\d+ notat(er)? er ikke lest\.$/)).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectAccessibleAtBothWidths(page);

    // Opening another app's address while logged in: back to its own.
    await page.goto('/fylke/tiltak');
    await expect(page).toHaveURL(/\/bibliotek\/$/);

    // Opening hours: the library and its branch.
    await goToMenuItem(page, 'Åpningstider');
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
    // An end before the start: said beside the field and in the summary before anything is sent, nothing saved.
    const saves: string[] = [];
    const countSave = (request: { method: () => string; url: () => string }) => {
      if (request.method() === 'PATCH' && request.url().includes('/api/opening-hours/')) saves.push(request.url());
    };
    page.on('request', countSave);
    await cell(page, 'Lørdag', 'Betjent fra').fill('16:00');
    await cell(page, 'Lørdag', 'Betjent til').fill('10:00');
    await page.getByRole('button', { name: 'Lagre åpningstidene' }).click();
    await expect(page.getByRole('link', { name: 'Lørdag: Betjent til: Slutten må være etter starten.' })).toBeVisible();
    await expect(cell(page, 'Lørdag', 'Betjent til')).toHaveAttribute('aria-invalid', 'true');
    page.off('request', countSave);
    expect(saves).toEqual([]);
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
    await goToMenuItem(page, 'Tjenester og kontakter');
    await page.getByRole('link', { name: 'Namsos bibliotek', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Namsos bibliotek' })).toBeVisible();
    await page.getByRole('button', { name: 'Bekreft at Lesesalsplasser stemmer' }).click();
    await expect(page.getByText('Tjenesten er bekreftet som riktig i dag.')).toBeVisible();
    await expectAccessibleAtBothWidths(page);

    // Nord's note is read and answered here.
    await goToMenuItem(page, 'Samarbeidskanaler');
    await expect(page.getByRole('heading', { level: 1, name: 'Samarbeidskanaler' })).toBeVisible();
    await expect(page.getByText(question)).toBeVisible();
    const answer = 'Ja, grupperommene kan bookes fra 1. juni. Send oss datoene.';
    await page.getByLabel('Svar til Nord universitetsbibliotek').fill(answer);
    // In Nord's channel: another journey on the same server may have opened one with NTNU.
    await page.getByRole('region', { name: 'Nord universitetsbibliotek og Namsos bibliotek' }).getByRole('button', { name: 'Send svaret' }).click();
    await expect(page.getByText('Notatet er lagt inn.')).toBeVisible();
    await expect(page.getByText(answer)).toBeVisible();
    await expectAccessibleAtBothWidths(page);

    // A photo of the library, with alt text; without it, the message stands beside the field.
    await goToMenuItem(page, 'Bilder');
    await expect(page.getByRole('heading', { level: 1, name: 'Bilder' })).toBeVisible();
    await page.getByLabel('Bilde', { exact: true }).setInputFiles({ name: 'lesesal.png', mimeType: 'image/png', buffer: PNG });
    await page.getByLabel('Fotograf').fill('Kari Fotograf');
    await page.getByLabel('Lisens eller samtykke', { exact: true }).fill('CC BY 4.0');
    await page.getByRole('button', { name: 'Last opp bildet' }).click();
    await expect(page.getByLabel('Alternativ tekst')).toHaveAttribute('aria-invalid', 'true');
    const alt = 'Lesesalen i Namsos bibliotek med arbeidsplasser ved vinduet';
    await page.getByLabel('Alternativ tekst').fill(alt);
    await page.getByLabel('Vis bildet for studentene').check();
    await page.getByRole('button', { name: 'Last opp bildet' }).click();
    await expect(page.getByText('Bildet er lastet opp.')).toBeVisible();
    await expect(page.getByRole('img', { name: alt })).toBeVisible();
    await expect(page.getByRole('button', { name: `Skjul bildet «${alt}» for studentene` })).toBeVisible();
    await expectAccessibleAtBothWidths(page);

    // Home: the agreement waits for the library's answer; the preview shows the photo to students.
    await goToMenuItem(page, 'Oversikt');
    await expect(page.getByRole('region', { name: 'Slik ser studentene oss' }).getByRole('img', { name: alt })).toBeVisible();
    // Nothing unread, said once: "no unread notes" beside notes there are, else "no notes yet" alone.
    const notes = page.getByRole('region', { name: 'Siste notater fra universitetsbibliotekene og fylket' });
    await expect(notes.getByText('Ingen uleste notater.').or(notes.getByText('Ingen notater ennå.'))).toHaveCount(1);
    const tasks = page.getByRole('region', { name: 'Avtaler som venter på svar fra dere' });
    await tasks.getByRole('link', { name: AGREEMENT }).click();
    await expect(page.getByRole('heading', { level: 1, name: AGREEMENT })).toBeVisible();
    await page.getByRole('button', { name: 'Bekreft at Namsos bibliotek godtar avtalen' }).click();
    const accept = page.getByRole('dialog', { name: 'Bekrefte at Namsos bibliotek godtar avtalen?' });
    await accept.getByLabel('Kommentar (valgfritt)').fill('Godkjent av biblioteksjefen');
    await expectNoAxeViolations(page);
    await accept.getByRole('button', { name: 'Ja, vi godtar avtalen' }).click();
    // The last acceptance signs the agreement: no one waits for the county. The notice takes the focus (the buttons are gone).
    const signedNotice = page.getByText('Namsos bibliotek har godtatt avtalen. Alle parter har nå godtatt, så avtalen er signert.');
    await expect(signedNotice).toBeVisible();
    await expect(page.locator('.ds-alert', { has: signedNotice })).toBeFocused();
    await expect(page.getByText(/^Status: (Signert|Aktiv)$/)).toBeVisible();
    await expect(page.getByText(/fylket kan nå registrere/)).toHaveCount(0);
    await expect(page.getByText(/\(Alle parter har godtatt\)$/)).toBeVisible();
    await expectAccessibleAtBothWidths(page);

    // The county's webinar: the library (signed up in the sample data) cancels, and signs up again.
    await goToMenuItem(page, 'Aktiviteter');
    await expect(page.getByRole('heading', { level: 1, name: 'Påmelding til aktiviteter' })).toBeVisible();
    await page.getByRole('button', { name: `Meld biblioteket av ${WEBINAR}` }).click();
    // Cancelling asks first.
    await page.getByRole('dialog').getByRole('button', { name: 'Meld av', exact: true }).click();
    await expect(page.getByText(`Biblioteket er meldt av ${WEBINAR}.`)).toBeVisible();
    await page.getByRole('button', { name: `Meld biblioteket på ${WEBINAR}` }).click();
    await expect(page.getByText(`Biblioteket er påmeldt ${WEBINAR}.`)).toBeVisible();
    await expectAccessibleAtBothWidths(page);

    // The county sees the change in its audit log.
    const county = await browser.newContext({ baseURL: new URL(page.url()).origin, locale: 'nb-NO' });
    const countyPage = await county.newPage();
    await logIn(countyPage, { app: '/fylke/' });
    await countyPage.goto('/fylke/historikk?entity=opening_hours');
    const row = countyPage.getByRole('row').filter({ hasText: 'Namsos bibliotek (demo)' });
    await expect(row.first()).toBeVisible();
    // The county reads Nord's question and Namsos's answer in its inbox of cooperation notes.
    await goToMenuItem(countyPage, 'Samarbeidskanaler');
    await expect(countyPage.getByRole('heading', { level: 1, name: 'Samarbeidskanaler' })).toBeVisible();
    await expect(countyPage.getByText(question).first()).toBeVisible();
    await expect(countyPage.getByText(answer).first()).toBeVisible();
    await expect(countyPage.getByLabel('Skriv i kanalen mellom Nord universitetsbibliotek og Namsos bibliotek')).toBeVisible();
    await expectAccessibleAtBothWidths(countyPage);
    const hours = await countyPage.request.get(`/api/opening-hours/${namsosId}`);
    expect(((await hours.json()) as { osm: { openingHours: string } }).osm.openingHours).toContain('2027 Jun 21-2027 Aug 8 Mo-Fr 10:00-14:00');
    await county.close();
  });
  test('answers the county’s open survey from home, accepts an amendment before → after, and starts notes to the county and to NTNU; the county reads its note in its inbox', async ({ page, browser }) => {
    const title = 'Samarbeidsavtale Namdal studiesenter og Namsos bibliotek om lesesal';
    // The sample data's survey, which every library (branches too) is asked and Namsos has not answered.
    const survey = 'Bibliotekenes tjenester til studenter';
    // The county signs an agreement with Namsos bibliotek whose end date it then proposes to move.
    const setup = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'nb-NO' });
    const countyApi = await setup.newPage();
    await logIn(countyApi, { app: '/fylke/' });
    const [namdal, namsos] = await Promise.all(['Namdal studiesenter', 'Namsos bibliotek'].map((name) => actorIdOf(countyApi.request, name)));
    const end = `${Number(today.slice(0, 4)) + 2}${today.slice(4)}`;
    const drafted = await countyApi.request.post('/api/agreements', {
      data: { title, kind: 'cooperation', startDate: today, endDate: end, parties: [{ actorId: namdal, role: 'coordinator' }, { actorId: namsos, role: 'service_provider' }] },
    });
    expect(drafted.status()).toBe(201);
    let agreement = (await drafted.json()) as { id: string; version: number };
    for (const body of [{ to: 'negotiating' }, { to: 'signed', overrideReason: 'Signert i møte med partene' }]) {
      const moved = await countyApi.request.post(`/api/agreements/${agreement.id}/transitions`, { data: body, headers: { 'If-Match': `"${agreement.version}"` } });
      expect(moved.status()).toBe(200);
      agreement = (await moved.json()) as { id: string; version: number };
    }
    // Signed from today, it turns active on the next read (the calendar): amend the version that read gives.
    agreement = (await (await countyApi.request.get(`/api/agreements/${agreement.id}`)).json()) as { id: string; version: number };
    const longer = `${Number(today.slice(0, 4)) + 3}${today.slice(4)}`;
    const amended = await countyApi.request.post(`/api/agreements/${agreement.id}/amendments`, {
      data: { reason: 'Lesesalen holdes åpen ett år til', endDate: longer },
      headers: { 'If-Match': `"${agreement.version}"` },
    });
    expect(amended.status()).toBe(200);
    await setup.close();

    await logIn(page, { app: '/bibliotek/', email: NAMSOS });
    await expect(page.getByRole('heading', { level: 1, name: 'Oversikt' })).toBeVisible();

    // Home: the amendment waits for the library, before → after, beside the survey to answer.
    const amendments = page.getByRole('region', { name: 'Endringer som venter på at dere godtar dem' });
    await expect(amendments.getByRole('link', { name: title })).toBeVisible();
    const change = amendments.getByRole('table', { name: 'Endringer i versjon 2' }).getByRole('row', { name: /^Sluttdato/ });
    await expect(change.getByRole('cell')).toHaveText([/\d{2}\.\d{2}\.\d{4}/, /\d{2}\.\d{2}\.\d{4}/]);
    await expect(amendments.getByText('Begrunnelse: Lesesalen holdes åpen ett år til')).toBeVisible();
    const surveyRegion = page.getByRole('region', { name: 'Undersøkelse fra fylket' });
    await expect(surveyRegion.getByText(`Fylket ber dere bekrefte tjenestene i «${survey}»`, { exact: false })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectAccessibleAtBothWidths(page);

    // The agreements list shows it too, and the library accepts it there.
    await goToMenuItem(page, 'Avtaler');
    const listed = page.getByRole('region', { name: 'Endringer som venter på at dere godtar dem' });
    await expect(listed.getByRole('link', { name: title })).toBeVisible();
    await expectAccessibleAtBothWidths(page);
    await listed.getByRole('button', { name: 'Godta endringen for Namsos bibliotek' }).click();
    await expect(listed.getByText(/^Namsos bibliotek: Godtatt \d{2}\.\d{2}\.\d{4}/)).toBeVisible();
    await expect(listed.getByRole('button', { name: 'Godta endringen for Namsos bibliotek' })).toHaveCount(0);
    await goToMenuItem(page, 'Oversikt');
    await expect(page.getByRole('heading', { level: 2, name: 'Tjenester som bør bekreftes' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Endringer som venter på at dere godtar dem' })).toHaveCount(0);

    // The inbox links the survey to its form, as every item to where it is done.
    await page.goto('/bibliotek/innboks');
    await page.getByRole('link', { name: `Svar på undersøkelsen «${survey}»` }).click();
    await expect(page).toHaveURL(/\/bibliotek\/undersokelse\?token=/);
    await expect(page.getByRole('heading', { level: 1, name: 'Hvilke tjenester tilbyr dere?' })).toBeVisible();
    await goToMenuItem(page, 'Oversikt');

    // The survey, answered here: the same form as the mailed link.
    await page.getByRole('region', { name: 'Undersøkelse fra fylket' }).getByRole('button', { name: 'Svar på undersøkelsen' }).click();
    await expect(page).toHaveURL(/\/bibliotek\/undersokelse\?token=/);
    await expect(page.getByRole('heading', { level: 1, name: 'Hvilke tjenester tilbyr dere?' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('Ditt navn').fill('Kari i Namsos');
    await page.getByRole('button', { name: 'Send inn svaret' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Takk for svaret!' })).toBeVisible();
    await goToMenuItem(page, 'Oversikt');
    await expect(page.getByRole('region', { name: 'Undersøkelse fra fylket' }).getByText(/^Dere svarte \d{2}\.\d{2}\.\d{4}\./)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Endre svaret' })).toBeVisible();

    // Notes the library starts: to the county and to NTNU. Without a recipient, the message stands beside the field.
    await goToMenuItem(page, 'Samarbeidskanaler');
    const start = page.getByRole('region', { name: 'Skriv et nytt notat' });
    const toCounty = 'Kan fylket dekke reisa til bibliotekmøtet i Steinkjer?';
    await start.getByLabel('Notat', { exact: true }).fill(toCounty);
    await start.getByRole('button', { name: 'Send notatet' }).click();
    await expect(start.getByLabel('Til')).toHaveAttribute('aria-invalid', 'true');
    // Beside the field and in the form's error summary, which takes the focus.
    const noRecipient = start.getByRole('link', { name: /Velg hvem notatet skal til\./ });
    await expect(noRecipient).toBeVisible();
    await expect(start.locator('.ds-error-summary')).toBeFocused();
    await expectNoAxeViolations(page);
    await start.getByLabel('Til').selectOption({ label: 'Fylkeskommunen' });
    await start.getByRole('button', { name: 'Send notatet' }).click();
    await expect(start.getByText('Notatet er lagt inn.')).toBeVisible();
    const countyChannel = page.getByRole('region', { name: 'Fylkeskommunen og Namsos bibliotek' });
    await expect(countyChannel.getByText(toCounty)).toBeVisible();
    const toNtnu = 'Vil NTNU holde et kurs i kildesøk for studentene hos oss i vår?';
    await start.getByLabel('Til').selectOption({ label: 'NTNU Universitetsbiblioteket' });
    await start.getByLabel('Notat', { exact: true }).fill(toNtnu);
    await start.getByRole('button', { name: 'Send notatet' }).click();
    await expect(page.getByRole('region', { name: 'NTNU Universitetsbiblioteket og Namsos bibliotek' }).getByText(toNtnu)).toBeVisible();
    await expectAccessibleAtBothWidths(page);

    // The county reads the library's note in its inbox and may answer there; NTNU reads its own in its channels.
    const county = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'nb-NO' });
    const countyPage = await county.newPage();
    await logIn(countyPage, { app: '/fylke/' });
    await goToMenuItem(countyPage, 'Samarbeidskanaler');
    const inbox = countyPage.getByRole('region', { name: 'Fylkeskommunen og Namsos bibliotek' });
    await expect(inbox.getByText(toCounty)).toBeVisible();
    await expect(inbox.getByLabel('Skriv i kanalen mellom Fylkeskommunen og Namsos bibliotek')).toBeVisible();
    await expectNoAxeViolations(countyPage);
    await county.close();
    const university = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'nb-NO' });
    const ntnuPage = await university.newPage();
    await logIn(ntnuPage, { app: '/universitet/', email: 'ntnu@demo.kompetansebro.no' });
    const notes = (await (await ntnuPage.request.get(`/api/liaison/notes?actor=${namsos}&pageSize=100`)).json()) as { items: { body: string }[] };
    expect(notes.items.map((note) => note.body)).toContain(toNtnu);
    expect(notes.items.map((note) => note.body)).not.toContain(toCounty);
    await university.close();
  });
});
