import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { COUNTY_ADMIN, DEMO_PASSWORD } from './login';

// The public student finder (issue 15): no login, every fact in the HTML, in three languages.

/** A 1 × 1 PNG: a photo as far as the upload is concerned (the server makes its web sizes). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYGAAAAAEAAH2FzhVAAAAAElFTkSuQmCC', 'base64');

/** axe at the desktop width and at a phone's. */
async function expectAccessibleAtBothWidths(page: Page): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoAxeViolations(page);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test.describe('the student finder', () => {
  test.setTimeout(120_000);

  test('a student finds study places open on a Saturday in Namdal, opens Grong bibliotek in nynorsk and prints the Namdal brochure', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveTitle('Bibliotek for studenter i Trøndelag');
    await expect(page.getByRole('heading', { level: 1, name: 'Finn et bibliotek for studiene dine' })).toBeVisible();
    await expectAccessibleAtBothWidths(page);

    const search = page.getByRole('search');
    await search.getByLabel('Sted').fill('Namdal');
    await search.getByLabel('Hva trenger du?').selectOption({ label: 'Studieplasser' });
    await search.getByLabel('Når?').selectOption({ label: 'Åpent lørdag' });
    await search.getByRole('button', { name: 'Søk' }).click();
    // The answer opens at its results: on a phone the form fills the first screen.
    await expect(page).toHaveURL(/\/\?sted=Namdal&behov=study_places&nar=sa#results$/);

    const grong = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: 'Grong bibliotek' }) });
    await expect(grong.getByText(/^lørdag \d\d\.\d\d\.: Betjent 11:00–15:00 · Meråpent 07:00–22:00$/)).toBeVisible();
    await expect(grong.getByText(/^(Betjent nå|Meråpent nå|Stengt nå)/)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Namdalseid bibliotek' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Trondheim folkebibliotek' })).toHaveCount(0);
    await expectAccessibleAtBothWidths(page);

    // Nynorsk, and the search stays as it was.
    await page.getByRole('navigation', { name: 'Språk' }).getByRole('link', { name: 'Nynorsk' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
    await expect(page.getByRole('heading', { level: 1, name: 'Finn eit bibliotek for studia dine' })).toBeVisible();
    await page.getByRole('link', { name: 'Grong bibliotek' }).click();

    await expect(page).toHaveURL(/\/finn\/bibliotek\/grong-bibliotek\?lang=nn$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Grong bibliotek' })).toBeVisible();
    const week = page.getByRole('table', { name: 'Denne veka' });
    await expect(week.getByRole('row', { name: /^laurdag \d\d\.\d\d\. 11:00–15:00 07:00–22:00$/ })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Tenester for studentar' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: 'Eksamensvakt' })).toBeVisible();
    await expect(page.getByText('Skildringane av tenestene finst berre på bokmål.')).toBeVisible();
    await expectAccessibleAtBothWidths(page);

    // The study centre's page, and its brochure in nynorsk.
    await page.getByRole('link', { name: 'Namdal studiesenter' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Namdal studiesenter' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Grong bibliotek' })).toBeVisible();
    await expectAccessibleAtBothWidths(page);
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Brosjyre (PDF, nynorsk)' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('bibliotektenester-for-studentar-i-namdal-nn.pdf');
    const pdf = await readFile((await download.path()) ?? '', 'latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).toContain('/StructTreeRoot');
    expect(pdf).toContain('/Lang (nn-NO)');
  });

  test('the library page fetched without JavaScript holds its hours and services', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false, locale: 'nb-NO' });
    const page = await context.newPage();
    await page.goto('/finn/bibliotek/grong-bibliotek');
    await expect(page.getByRole('heading', { level: 1, name: 'Grong bibliotek' })).toBeVisible();
    const week = page.getByRole('table', { name: 'Denne uka' });
    await expect(week.getByRole('row', { name: /^lørdag \d\d\.\d\d\. 11:00–15:00 07:00–22:00$/ })).toBeVisible();
    await expect(week.getByRole('row', { name: /^mandag \d\d\.\d\d\. 10:00–16:00 07:00–22:00$/ })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: 'Lesesalsplasser' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: 'Henting av lån fra universitetsbiblioteket' })).toBeVisible();
    // The search works as a plain form too.
    await page.getByRole('link', { name: 'Bibliotek for studenter i Trøndelag' }).click();
    await page.getByLabel('Sted').fill('Grong');
    await page.getByRole('button', { name: 'Søk' }).click();
    await expect(page.getByRole('link', { name: 'Grong bibliotek' })).toBeVisible();
    await context.close();
  });

  test('a library page shows the photos the library published, with alt text and the photographer, and never an unpublished one', async ({ page, request }) => {
    // The county admin adds two photos of Grong bibliotek through the API (the library portal's journey does it in the browser).
    expect((await request.post('/api/auth/login', { data: { email: COUNTY_ADMIN, password: DEMO_PASSWORD } })).status()).toBe(200);
    const grong = ((await (await request.get('/api/public/v1/libraries/grong-bibliotek')).json()) as { id: string }).id;
    const shown = 'Lesesalen i Grong bibliotek med arbeidsplasser ved vinduene';
    for (const [altText, published] of [[shown, 'true'], ['Et bilde biblioteket ikke har publisert', 'false']] as const) {
      const uploaded = await request.post('/api/photos', {
        multipart: { actorId: grong, altText, photographer: 'Kari Fotograf', rights: 'licence', rightsDetail: 'CC BY 4.0', published, file: { name: 'lesesal.png', mimeType: 'image/png', buffer: PNG } },
      });
      expect(uploaded.status(), await uploaded.text()).toBe(201);
    }

    await page.goto('/finn/bibliotek/grong-bibliotek');
    const photos = page.getByRole('region', { name: 'Bilder' });
    const photo = photos.getByRole('img', { name: shown });
    await photo.scrollIntoViewIfNeeded();
    await expect(photo).toBeVisible();
    // Loaded (lazily, once scrolled to) from the open data's image route.
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await expect(photos.getByText('Foto: Kari Fotograf, CC BY 4.0')).toBeVisible();
    await expect(photos.getByRole('img')).toHaveCount(1);
    await expectAccessibleAtBothWidths(page);
  });

  test('a page of results keeps "open now" fresh with one request a minute for all its libraries', async ({ page }) => {
    await page.clock.install();
    const requests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/public/v1/')) requests.push(new URL(request.url()).pathname);
    });
    await page.goto('/?behov=study_places');
    const statuses = page.locator('[data-status] strong');
    expect(await statuses.count()).toBeGreaterThan(1);
    // As if the page had been open for a while: the script writes what the open data says now.
    await statuses.evaluateAll((elements) => elements.forEach((element) => (element.textContent = '…')));
    await page.clock.runFor(61_000);
    await expect(statuses.first()).toHaveText(/^(Betjent nå|Meråpent nå|Stengt nå)$/);
    await expect(statuses.last()).toHaveText(/^(Betjent nå|Meråpent nå|Stengt nå)$/);
    expect(requests).toEqual(['/api/public/v1/libraries']);
  });

  test('an unknown library is the finder’s 404 page with a way back', async ({ page }) => {
    const response = await page.goto('/finn/bibliotek/finnes-ikke');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Fant ikke siden' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Tilbake til søket' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Finn et bibliotek for studiene dine' })).toBeVisible();
  });

  test('a municipality’s website shows the library’s widget from the copy-paste code', async ({ page, baseURL }) => {
    // The code is for the library's staff (the library portal's home gives it), not on the students' page.
    await page.goto('/finn/bibliotek/grong-bibliotek');
    await expect(page.getByRole('heading', { level: 1, name: 'Grong bibliotek' })).toBeVisible();
    await expect(page.getByText('Vis dette på nettsiden deres')).toHaveCount(0);
    // Another site pastes the code: a server of the test's own, on another origin of this machine.
    // The journeys' browser resolves no host name (playwright.config.ts), so it reaches the API by its address.
    const port = new URL(baseURL ?? '').port;
    const pasted = `<script src="http://127.0.0.1:${port}/finn/widget.js" data-library="grong-bibliotek" async></script>`;
    const municipality = createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><html lang="nb"><title>Grong kommune</title><main><h1>Bibliotek</h1>${pasted}</main></html>`);
    });
    await new Promise<void>((resolve) => municipality.listen(0, '127.0.0.1', resolve));
    const site = `http://127.0.0.1:${(municipality.address() as AddressInfo).port}/`;
    const problems: string[] = [];
    page.on('console', (message) => problems.push(message.text()));
    await page.goto(site);
    const widget = page.locator('.kompetansebro-widget');
    await expect(widget, problems.join('\n')).toBeVisible();
    await expect(widget.getByRole('link', { name: 'Grong bibliotek' })).toHaveAttribute('href', `${baseURL}/finn/bibliotek/grong-bibliotek`);
    await expect(widget.getByText(/^I dag: /)).toBeVisible();
    await expect(widget.getByRole('listitem').filter({ hasText: 'Lesesalsplasser' })).toBeVisible();
    await new Promise((resolve) => municipality.close(resolve));
  });
});
