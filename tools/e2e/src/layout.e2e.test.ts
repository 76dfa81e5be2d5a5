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
