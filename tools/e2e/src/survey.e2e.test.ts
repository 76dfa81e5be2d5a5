import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { pickerInput, pickOption } from './picker';
import { goToMenuItem, logIn } from './login';

// Journey (issue 6): the county admin runs a service survey for three libraries; one library
// answers through the link in its e-mail (the e2e server writes mails to MAIL_DIR instead of
// sending them); the county sees the service updated and the response rate 1/3.

const LIBRARIES = ['Namsos bibliotek', 'Steinkjer bibliotek', 'Levanger bibliotek'];
const addressOf = (library: string) => `post@${library.split(' ')[0]?.toLowerCase()}.e2e.test`;

/** Gives each library an e-mail address (as the county would on the library's page), through the API from the logged-in page. */
async function recordAddresses(page: Page): Promise<Record<string, string>> {
  return page.evaluate(
    async (libraries) => {
      const ids: Record<string, string> = {};
      for (const { name, email } of libraries) {
        const list = (await (await fetch(`/api/actors?q=${encodeURIComponent(name)}&kind=public_library`)).json()) as { items: { id: string; name: string }[] };
        const actor = list.items.find((a) => a.name === name);
        if (!actor) throw new Error(`no ${name}`);
        const read = await fetch(`/api/actors/${actor.id}`);
        const saved = await fetch(`/api/actors/${actor.id}`, {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json', 'If-Match': read.headers.get('ETag') ?? '' },
          body: JSON.stringify({ email }),
        });
        if (!saved.ok) throw new Error(`saving ${name}'s address answered ${saved.status}`);
        ids[name] = actor.id;
      }
      return ids;
    },
    LIBRARIES.map((name) => ({ name, email: addressOf(name) })),
  );
}

/** The link in the newest mail to this address, from the server's mail folder. */
async function linkInMailTo(address: string): Promise<string> {
  const dir = process.env['E2E_MAIL_DIR'];
  if (!dir) throw new Error('E2E_MAIL_DIR is not set (see playwright.config.ts)');
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const files = (await readdir(dir).catch(() => [] as string[])).sort().reverse();
    for (const file of files) {
      const mail = JSON.parse(await readFile(join(dir, file), 'utf8')) as { to: string; text: string };
      const link = /https?:\/\/\S+\/fylke\/svar\?token=[\w-]+/.exec(mail.text)?.[0];
      if (mail.to === address && link) return link;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no survey mail to ${address}`);
}

test.describe('journey: the service survey', () => {
  test('the county surveys three libraries, one answers through its link, and the county sees the service updated and 1 of 3 answered', async ({ page, browser, baseURL }) => {
    await logIn(page);
    const ids = await recordAddresses(page);

    await goToMenuItem(page, 'Undersøkelser');
    await expect(page.getByRole('heading', { level: 1, name: 'Undersøkelser' })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Start en undersøkelse' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Start en tjenesteundersøkelse' })).toBeVisible();
    // Bad input: the summary and the fields say what is missing.
    await page.getByRole('button', { name: 'Start og send e-post' }).click();
    await expect(page.getByRole('heading', { name: 'For å gå videre må du rette opp dette:' })).toBeVisible();
    await expectNoAxeViolations(page);

    const name = `Tjenester ${Date.now()}`;
    await page.getByLabel('Navn på undersøkelsen').fill(name);
    const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Svarfrist').fill(deadline);
    const libraries = pickerInput(page, /^Enkeltbibliotek/);
    for (const library of LIBRARIES) await pickOption(page, libraries, library);
    // After each choice the field is empty again for the next search.
    await expect(libraries).toHaveValue('');
    await page.getByRole('checkbox', { name: /Spør også filialene/ }).uncheck();
    await page.getByRole('button', { name: 'Start og send e-post' }).click();

    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByText('E-post til 3 av 3 bibliotek er lagt i kø')).toBeVisible();
    // The mail-out runs as a job on the server's queue; its progress shows on the page until it is sent.
    await expect(page.getByRole('region', { name: 'Utsendinger' }).getByRole('row', { name: /Invitasjon/ })).toContainText('3 av 3 sendt.', { timeout: 15_000 });
    await expect(page.getByTestId('survey-rate')).toHaveText('0 av 3 bibliotek har svart (0 %).');
    await expectNoAxeViolations(page);
    const surveyUrl = page.url();

    // Namsos answers through its link, without logging in.
    const link = await linkInMailTo(addressOf('Namsos bibliotek'));
    const library = await (await browser.newContext({ baseURL })).newPage();
    // The mail's link is on PUBLIC_URL (localhost here); the same path and token on the test's address.
    const { pathname, search } = new URL(link);
    await library.goto(`${pathname}${search}`);
    await expect(library.getByRole('heading', { level: 1, name: 'Hvilke tjenester tilbyr dere?' })).toBeVisible();
    await expect(library.getByText(`${name} – svar for Namsos bibliotek`)).toBeVisible();
    await expectNoAxeViolations(library);
    const firstService = library.getByRole('main').locator('fieldset').first();
    const serviceName = (await firstService.locator('legend').textContent()) ?? '';
    await firstService.getByLabel('Timer per uke').fill('abc');
    await library.getByRole('button', { name: 'Send inn svaret' }).click();
    await expect(library.getByRole('heading', { name: 'For å gå videre må du rette opp dette:' })).toBeVisible();
    await expectNoAxeViolations(library);
    await firstService.getByLabel('Timer per uke').fill('37,5');
    await library.getByLabel('Ditt navn').fill('Kari Nordmann');
    await library.getByRole('button', { name: 'Send inn svaret' }).click();
    await expect(library.getByRole('heading', { level: 1, name: 'Takk for svaret!' })).toBeVisible();
    await expectNoAxeViolations(library);

    // The county sees the answer counted and the service updated and confirmed.
    await page.goto(surveyUrl);
    await expect(page.getByTestId('survey-rate')).toHaveText('1 av 3 bibliotek har svart (33 %).');
    await expect(page.getByRole('row', { name: /Namsos bibliotek/ })).toContainText('Kari Nordmann');
    await expectNoAxeViolations(page);
    const services = await page.evaluate(async (actor) => (await (await fetch(`/api/services?actor=${actor}`)).json()) as { items: { type: string; weeklyHours: number | null; confirmedBy: string | null }[] }, ids['Namsos bibliotek'] ?? '');
    expect(services.items.filter((s) => s.weeklyHours === 37.5 && s.confirmedBy === 'Kari Nordmann')).toHaveLength(1);
    expect(serviceName).not.toBe('');
  });
});
