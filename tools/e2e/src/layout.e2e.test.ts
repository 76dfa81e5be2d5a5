import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { logIn } from './login';
import { linesOf } from './text-lines';

// Layout on a 390 px phone and at 1280 px: long Norwegian compounds stay whole where they fit a
// line (no break in the middle of a word just to fill one), and a table that scrolls sideways shows it.

test.describe('long words', () => {
  test('headings on a phone and the plan board’s narrow cards keep their long words whole', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await logIn(page);
    await page.goto('/fylke/undersokelser/ny');
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toContainText('tjenesteundersøkelse');
    expect(await linesOf(heading, 'tjenesteundersøkelse')).toEqual([1]);

    await page.goto('/fylke/tiltak');
    await page.getByRole('link', { name: 'Universitetskommune 3.0' }).click();
    await expect(heading).toHaveText('Universitetskommune 3.0');
    expect(await linesOf(heading, 'Universitetskommune')).toEqual([1]);
    await expectNoAxeViolations(page);

    // The board's four columns at 1280 px: the name of who is responsible fits its card whole.
    await page.setViewportSize({ width: 1280, height: 800 });
    const board = page.locator('.kb-board');
    await expect(board.getByText('Norges teknisk-naturvitenskapelige universitet').first()).toBeVisible();
    const lines = await linesOf(board, 'naturvitenskapelige');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((count) => count === 1)).toBe(true);
  });

  test('the university library’s front page heading on a phone', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await logIn(page, { app: '/universitet/', email: 'ntnu@demo.kompetansebro.no' });
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toContainText('Universitetsbiblioteket');
    expect(await linesOf(heading, 'Universitetsbiblioteket')).toEqual([1]);
  });
});

test.describe('long web addresses', () => {
  test('a library’s text with a long web address breaks it on a phone, not the page: the finder’s page and the library portal’s home', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await logIn(page, { app: '/bibliotek/', email: 'namsos@demo.kompetansebro.no' });
    const services = (await (await page.request.get('/api/services?type=exam_invigilation')).json()) as { items: Array<{ id: string; actorName: string; description: string | null; version: number }> };
    const service = services.items.find((item) => item.actorName === 'Namsos bibliotek');
    if (!service) throw new Error('Namsos bibliotek has no exam invigilation service');
    const address = 'https://www.namsos.kommune.no/tjenester/kultur-og-fritid/bibliotek/eksamensvakt-bestilling';
    const saved = await page.request.patch(`/api/services/${service.id}`, { data: { description: `Eksamensvakt for Universitetskommune-studenter. Bestill på ${address}` }, headers: { 'If-Match': `"${service.version}"` } });
    expect(saved.status()).toBe(200);
    try {
      const scrollsSideways = () => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
      await page.goto('/bibliotek/');
      await expect(page.getByText(address, { exact: false })).toBeVisible();
      expect(await scrollsSideways()).toBe(false);
      await page.goto('/finn/bibliotek/namsos-bibliotek');
      const text = page.getByText(address, { exact: false });
      await expect(text).toBeVisible();
      expect(await scrollsSideways()).toBe(false);
      // The long word beside it stays whole.
      expect(await linesOf(text, 'Universitetskommune')).toEqual([1]);
    } finally {
      const { version } = (await saved.json()) as { version: number };
      expect((await page.request.patch(`/api/services/${service.id}`, { data: { description: service.description }, headers: { 'If-Match': `"${version}"` } })).status()).toBe(200);
    }
  });
});

test.describe('a comparison on a phone', () => {
  test('a record’s history keeps a long word of an address whole, breaks a long web address, and the page does not scroll sideways', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await logIn(page);
    const found = (await (await page.request.get('/api/actors?q=R%C3%B8yrvik%20bibliotek')).json()) as { items: Array<{ id: string; name: string }> };
    const actor = found.items.find((item) => item.name === 'Røyrvik bibliotek');
    if (!actor) throw new Error('No Røyrvik bibliotek');
    const before = await page.request.get(`/api/actors/${actor.id}`);
    const { address, website } = (await before.json()) as { address: string | null; website: string | null };
    const changed = { address: 'Universitetskommunegata 1, 7898 Limingen', website: 'https://www.royrvik.kommune.no/tjenester/kultur-og-fritid/bibliotek/studieplasser' };
    const saved = await page.request.patch(`/api/actors/${actor.id}`, { data: changed, headers: { 'If-Match': before.headers()['etag'] ?? '' } });
    expect(saved.status()).toBe(200);
    try {
      await page.goto(`/fylke/historikk/actor/${actor.id}`);
      const table = page.locator('.kb-changes-table').first();
      await expect(table).toContainText(changed.website);
      expect(await linesOf(table, 'Universitetskommunegata')).toEqual([1]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)).toBe(false);
    } finally {
      expect((await page.request.patch(`/api/actors/${actor.id}`, { data: { address, website }, headers: { 'If-Match': saved.headers()['etag'] ?? '' } })).status()).toBe(200);
    }
  });
});

test.describe('tables on a phone', () => {
  test('a table wider than the screen scrolls in its own box, with a shadow at the edge where more columns hide', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await logIn(page, { email: 'fylke-innsyn@demo.kompetansebro.no' });
    await page.goto('/fylke/avtaler');
    const box = page.locator('.kb-table-scroll').filter({ has: page.getByRole('table') }).first();
    await expect(box.getByRole('row').nth(1)).toBeVisible();
    expect(await box.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    // The shadows stay with the box (scroll); the covers that hide them at the ends move with the table (local).
    const background = await box.evaluate((element) => {
      const style = getComputedStyle(element);
      return { image: style.backgroundImage, attachment: style.backgroundAttachment };
    });
    expect(background.image.match(/linear-gradient/g)).toHaveLength(4);
    expect(background.attachment).toBe('local, local, scroll, scroll');
    await expectNoAxeViolations(page);
    // The box is reached and scrolled by keyboard.
    await box.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => box.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
  });
});
