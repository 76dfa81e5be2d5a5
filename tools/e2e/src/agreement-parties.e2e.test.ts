import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { expect, test, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { logIn } from './login';

// Agreements the parties can trust (issue 13): the county drafts an agreement between Fosen
// studiesenter and two libraries and sends it to the parties; the study centre accepts in its own
// app (the task waits on its home page); the county signs with a reason for the libraries that
// have not accepted; the agreement is active from its start date (today) by the calendar; an
// agreement that has ended no longer counts in coverage, though it did on a day it was in force.
// Then an amendment adds a service that the library it touches accepts in its own app, and the
// agreement's document downloads as PDF and Word; and, on a server of its own whose clock the
// journey sets (libfaketime), a signed agreement turns active on its start date in Norway.

const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Oslo' });
const inYears = (years: number) => `${Number(today.slice(0, 4)) + years}${today.slice(4)}`;
const inDays = (days: number) => new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const NAMSOS = 'namsos@demo.kompetansebro.no';

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

/** The county sends a draft to the parties and, none having accepted, signs it with a reason. */
async function sendAndSign(page: Page, id: string, reason: string): Promise<void> {
  await page.goto(`/fylke/avtaler/${id}`);
  await page.getByRole('button', { name: 'Send til partene for godkjenning' }).click();
  await expect(page.getByText('Avtalen har nå status «Under forhandling».')).toBeVisible();
  await page.getByRole('button', { name: 'Marker som signert' }).click();
  const sign = page.getByRole('dialog', { name: 'Signere uten alle godkjenninger?' });
  await sign.getByLabel('Begrunnelse').fill(reason);
  await sign.getByRole('button', { name: 'Signer med begrunnelse' }).click();
  await expect(page.getByText('Avtalen har nå status «Signert».')).toBeVisible();
}

/** The link in the newest mail to this address that links to `path`, from the server's mail folder (MAIL_DIR). */
async function mailedLink(address: string, path: string): Promise<string> {
  const dir = process.env['E2E_MAIL_DIR'];
  if (!dir) throw new Error('E2E_MAIL_DIR is not set (see playwright.config.ts)');
  let link: string | undefined;
  await expect
    .poll(async () => {
      for (const file of (await readdir(dir).catch(() => [] as string[])).sort().reverse()) {
        const mail = JSON.parse(await readFile(join(dir, file), 'utf8')) as { to: string; text: string };
        link = mail.to === address ? new RegExp(`https?://\\S+${path}`).exec(mail.text)?.[0] : undefined;
        if (link) return link;
      }
      return undefined;
    }, { message: `a mail to ${address} linking to ${path}` })
    .toBeDefined();
  return link ?? '';
}

/** The text a PDF shows: pdfkit writes its strings uncompressed, as hex, split at kerning within a line. */
function pdfText(bytes: Buffer): string {
  const lines = [...bytes.toString('latin1').matchAll(/\[((?:<[0-9a-fA-F]*>\s*-?[\d.]*\s*)+)\]\s*TJ/g)];
  return lines.map((line) => [...(line[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((hex) => Buffer.from(hex[1] ?? '', 'hex').toString('latin1')).join('')).join(' ').replace(/\s+/g, ' ');
}

/** Downloads what a link offers, as a person would: the file's name and bytes, and the type the server gives it. */
async function download(page: Page, name: string): Promise<{ filename: string; bytes: Buffer; contentType: string | undefined }> {
  const link = page.getByRole('link', { name, exact: true });
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const bytes = await readFile(await file.path());
  const served = await page.request.get((await link.getAttribute('href')) ?? '');
  expect(served.status()).toBe(200);
  return { filename: file.suggestedFilename(), bytes, contentType: served.headers()['content-type'] };
}

/** Where Debian's libfaketime is (apt-get install faketime). */
const FAKETIME = ['/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1', '/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1'].find((path) => existsSync(path));

const freePort = () =>
  new Promise<number>((done, failed) => {
    const probe = createServer().once('error', failed);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });

/**
 * The built server on a database of its own, its clock set by the journey: libfaketime shifts
 * the time the server (and its embedded database) reads by the seconds in a file, read again at
 * most every second. Nothing in the server knows: it takes today as it always does.
 */
async function serverWithClock(testInfo: TestInfo) {
  if (!FAKETIME) throw new Error("This journey sets the server's clock with Debian's libfaketime: apt-get install -y faketime");
  const dir = testInfo.outputPath('server-with-clock');
  const clock = join(dir, 'clock');
  await mkdir(dir, { recursive: true });
  await writeFile(clock, '+0\n');
  const port = await freePort();
  const server = spawn(process.execPath, ['dist/apps/api/main.js'], {
    cwd: resolve(dirname(testInfo.config.configFile ?? ''), '../..'),
    env: {
      ...process.env,
      ...{ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: join(dir, 'data'), MAIL_DIR: join(dir, 'mail'), LOG_LEVEL: 'warn', REMINDERS: 'off' },
      ...{ LD_PRELOAD: FAKETIME, FAKETIME_TIMESTAMP_FILE: clock, FAKETIME_CACHE_DURATION: '1', FAKETIME_DONT_FAKE_MONOTONIC: '1' },
    },
    // As Playwright's own servers: the log (stdout) is kept quiet, errors (stderr) show.
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await expect
    .poll(() => fetch(`${url}/api/health`).then((response) => response.status, () => 0), { timeout: 120_000, intervals: [1_000], message: 'the server with a clock starts' })
    .toBe(200);
  return {
    url,
    /** Sets the server's clock to `instant`; it runs on from there. */
    setClock: async (instant: number) => {
      const seconds = Math.round((instant - Date.now()) / 1000);
      await writeFile(clock, `${seconds < 0 ? '' : '+'}${seconds}\n`);
      // libfaketime reads the file again at most every second.
      await new Promise((done) => setTimeout(done, 1_500));
    },
    stop: () =>
      new Promise<void>((done) => {
        if (server.exitCode !== null) return done();
        server.once('exit', () => done());
        server.kill('SIGTERM');
      }),
  };
}

/** The instant a day begins in Norway (CET or CEST). */
function osloMidnight(date: string): number {
  const instants = ['+01:00', '+02:00'].map((offset) => Date.parse(`${date}T00:00:00${offset}`));
  const midnight = instants.find((instant) => new Date(instant).toLocaleString('sv-SE', { timeZone: 'Europe/Oslo' }) === `${date} 00:00:00`);
  if (midnight === undefined) throw new Error(`No midnight in Oslo on ${date}`);
  return midnight;
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
  // Every task, a page at a time, on the list beside the agreements (the home shows the newest few).
  await centrePage.goto('/studiesenter/avtaler/oppgaver');
  await expect(centrePage.getByRole('heading', { level: 1, name: 'Avtaler som venter på svar' })).toBeVisible();
  await expect(centrePage.getByRole('row', { name: new RegExp(title) }).getByText('Godta eller avslå avtalen')).toBeVisible();
  await expectNoAxeViolations(centrePage);
  await centrePage.goto('/studiesenter/');
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
  await sendAndSign(page, ended, 'Registrert i ettertid');
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

test('an agreement signed before its start waits as signed; an amendment adds a service, which Namsos bibliotek accepts in its own app; its document downloads as PDF and Word', async ({ page, browser, baseURL }) => {
  // Plain letters in the title: the document's file name keeps them as they are.
  const title = 'Samarbeidsavtale Namdal studiesenter og Namsos bibliotek om eksamen';
  await logIn(page);
  const id = await draft(page.request, title, ['Namdal studiesenter', 'Namsos bibliotek'], { startDate: inDays(30), endDate: inYears(2) });
  await sendAndSign(page, id, 'Signert i møte med partene');
  // It starts in a month: signed, not active yet (so it covers nothing today).
  await page.reload();
  await expect(page.getByText('Status: Signert')).toBeVisible();

  // The county proposes that Namsos bibliotek also commits exam invigilation.
  const versions = page.getByRole('region', { name: 'Versjoner og endringer' });
  await versions.getByLabel('Hvorfor endres avtalen?').fill('Namsos bibliotek tar også eksamensvakt');
  await versions.getByRole('group', { name: 'Tjenester fra Namsos bibliotek' }).getByRole('checkbox', { name: 'Eksamensvakt', exact: true }).check();
  await versions.getByRole('button', { name: 'Foreslå endringen' }).click();
  await expect(versions.getByRole('heading', { name: /^Versjon 2 — foreslått/ })).toBeVisible();
  const change = versions.getByRole('table', { name: 'Endringer i versjon 2' }).getByRole('row', { name: /^Tjenester fra Namsos bibliotek/ });
  await expect(change.getByRole('cell', { name: 'Eksamensvakt', exact: true })).toBeVisible();
  // It touches only the party whose services change: the library, not the study centre.
  await expect(versions.getByText(/^Namsos bibliotek: Ikke godtatt ennå/)).toBeVisible();
  await expect(versions.getByText(/^Namdal studiesenter:/)).toHaveCount(0);
  await expectNoAxeViolations(page);

  // The library is told by e-mail and follows the link into its own app, where it accepts.
  const link = await mailedLink(NAMSOS, `/bibliotek/avtaler/${id}`);
  const library = await browser.newContext({ baseURL });
  const libraryPage = await library.newPage();
  await logIn(libraryPage, { app: '/bibliotek/', email: NAMSOS });
  await libraryPage.goto(new URL(link).pathname);
  await expect(libraryPage.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const libraryVersions = libraryPage.getByRole('region', { name: 'Versjoner og endringer' });
  await expectNoAxeViolations(libraryPage);
  await libraryVersions.getByRole('button', { name: 'Godta endringen for Namsos bibliotek' }).click();
  await expect(libraryVersions.getByText(/^Namsos bibliotek: Godtatt \d{2}\.\d{2}\.\d{4}/)).toBeVisible();
  await expect(libraryVersions.getByRole('heading', { name: /^Versjon 2 — gjelder fra/ })).toBeVisible();
  await expect(libraryVersions.getByRole('button')).toHaveCount(0);
  await expectNoAxeViolations(libraryPage);
  await library.close();

  // The county sees it accepted and in force: Namsos bibliotek now commits exam invigilation.
  await page.reload();
  await expect(versions.getByRole('heading', { name: /^Versjon 2 — gjelder fra/ })).toBeVisible();
  await expect(versions.getByText(/^Namsos bibliotek: Godtatt/)).toBeVisible();
  await expect(party(page, 'Namsos bibliotek').getByText(/Forplikter seg til: Eksamensvakt$/)).toBeVisible();

  // The agreement's document, made from its data, as PDF and as Word.
  const pdf = await download(page, 'Last ned som PDF');
  expect(pdf.filename).toBe(`${title}.pdf`);
  expect(pdf.contentType).toBe('application/pdf');
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = pdfText(pdf.bytes);
  for (const words of [title, 'Samarbeidsavtale, versjon 2', 'Namdal studiesenter (koordinator)', 'Namsos bibliotek (tjenesteyter)', 'Namsos bibliotek: Eksamensvakt']) {
    expect(text, words).toContain(words);
  }
  const word = await download(page, 'Last ned som Word');
  expect(word.filename).toBe(`${title}.docx`);
  expect(word.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  expect(word.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
});

test('the calendar makes a signed agreement active on its start date in Norway, with the server clock set', async ({ browser }, testInfo) => {
  // Its own server (its own database and clock) takes a while to start on a busy machine.
  test.setTimeout(300_000);
  const server = await serverWithClock(testInfo);
  try {
    const title = 'Samarbeidsavtale Fosen studiesenter og Åfjord bibliotek fra neste uke';
    const start = inDays(7);
    /** The county logs in anew: its session does not live through days. */
    const county = async () => {
      const context = await browser.newContext({ baseURL: server.url });
      const page = await context.newPage();
      await logIn(page);
      return page;
    };
    let page = await county();
    const id = await draft(page.request, title, ['Fosen studiesenter', 'Åfjord bibliotek'], { startDate: start, endDate: inYears(2) });
    await sendAndSign(page, id, 'Signert på papir');
    await page.reload();
    await expect(page.getByText('Status: Signert')).toBeVisible();

    // Two minutes before midnight the day before it starts, it is still only signed ...
    await server.setClock(osloMidnight(start) - 120_000);
    page = await county();
    await page.goto(`/fylke/avtaler/${id}`);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByText('Status: Signert')).toBeVisible();

    // ... and on its start date, in Norwegian time, the calendar has made it active, with no one clicking.
    await server.setClock(osloMidnight(start) + 30_000);
    page = await county();
    await page.goto(`/fylke/avtaler/${id}`);
    await expect(page.getByText('Status: Aktiv')).toBeVisible();
    await expectNoAxeViolations(page);
  } finally {
    await server.stop();
  }
});
