import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { goToMenuItem, logIn } from './login';
import { pickerInput, pickOption } from './picker';

/** A date `days` from today as the form takes it (yyyy-mm-dd) and as the apps show it (dd.mm.yyyy). */
function daysAhead(days: number): { iso: string; shown: string; compact: string } {
  const iso = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const [year, month, day] = iso.split('-');
  return { iso, shown: `${day}.${month}.${year}`, compact: `${year}${month}${day}` };
}

/** The lines of an iCalendar text, long lines unfolded (RFC 5545 3.1). */
const icsLines = (text: string) => text.replace(/\r\n[ \t]/g, '').split('\r\n');

test.describe('activities in the calendar', () => {
  test('the county registers a meeting with times, place and link, downloads its .ics and subscribes; a library sees when and where, signs up and cancels', async ({ page, browser }) => {
    const title = `Samarbeidsmøte om lesestimulering ${Date.now()}`;
    const date = daysAhead(30);
    const place = 'Fylkeshuset, møterom Nidaros';
    const onlineUrl = 'https://example.org/samarbeidsmote';

    // The county registers the meeting.
    await logIn(page);
    await page.goto('/fylke/aktiviteter/ny');
    await expect(page.getByRole('heading', { level: 1, name: 'Registrer aktivitet' })).toBeVisible();
    await page.getByRole('combobox', { name: /^Type aktivitet/ }).selectOption('meeting');
    await page.getByRole('textbox', { name: /^Tittel/ }).fill(title);
    await page.getByLabel(/^Dato \(start\)/).fill(date.iso);
    await page.getByLabel(/^Starttid/).fill('10:00');
    await page.getByLabel(/^Sluttid/).fill('11:30');
    await page.getByRole('textbox', { name: /^Sted/ }).fill(place);
    await page.getByRole('textbox', { name: /^Lenke for å delta på nett/ }).fill(onlineUrl);
    await pickOption(page, pickerInput(page, /^Arrangør/), 'Trøndelag fylkesbibliotek', 'Trøndelag fylk');
    await page.getByRole('button', { name: 'Registrer aktiviteten' }).click();

    // Its page shows when, where and how to join.
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    const facts = page.getByRole('region', { name: 'Om aktiviteten' });
    await expect(facts).toContainText(`${date.shown} 10:00–11:30`);
    await expect(facts.getByText(place)).toBeVisible();
    await expect(facts.getByRole('link', { name: 'Bli med på nett' })).toHaveAttribute('href', onlineUrl);
    await expectNoAxeViolations(page);

    // The calendar file of the meeting.
    const [download] = await Promise.all([page.waitForEvent('download'), facts.getByRole('link', { name: 'Legg i kalender' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    const ics = icsLines(await readFile(await download.path(), 'utf8'));
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain(`SUMMARY:${title}`);
    expect(ics).toContain(`DTSTART;TZID=Europe/Oslo:${date.compact}T100000`);
    expect(ics).toContain(`DTEND;TZID=Europe/Oslo:${date.compact}T113000`);
    expect(ics).toContain('LOCATION:Fylkeshuset\\, møterom Nidaros');
    expect(ics.some((line) => /^URL(;VALUE=URI)?:https:\/\/example\.org\/samarbeidsmote$/.test(line))).toBe(true);

    // Subscribing: the county makes its calendar link; the address answers without a session.
    await page.goto('/fylke/aktiviteter');
    await expect(page.getByRole('heading', { level: 1, name: 'Aktiviteter' })).toBeVisible();
    await page.getByRole('button', { name: 'Abonner i kalender' }).click();
    await page.getByRole('button', { name: 'Lag kalenderlenke' }).click();
    const link = page.getByRole('textbox', { name: 'Kalenderlenke' });
    await expect(link).toHaveValue(/\/api\/calendar-feeds\/[A-Za-z0-9_-]+\/activities\.ics$/);
    await expect(page.getByRole('button', { name: 'Kopier lenken' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Lenken vises bare nå' })).toBeVisible();
    await expectNoAxeViolations(page);
    const feedUrl = await link.inputValue();
    expect(feedUrl.startsWith('http://')).toBe(true);
    // Plain HTTP from outside the browser, as a calendar app fetches it: no cookie.
    const feed = await fetch(feedUrl);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    const feedLines = icsLines(await feed.text());
    expect(feedLines).toContain(`SUMMARY:${title}`);
    expect(feedLines).toContain('LOCATION:Fylkeshuset\\, møterom Nidaros');

    // Namsos bibliotek sees when and where in its sign-up list, signs up and cancels.
    const library = await browser.newContext({ baseURL: new URL(page.url()).origin, locale: 'nb-NO' });
    const libraryPage = await library.newPage();
    await logIn(libraryPage, { app: '/bibliotek/', email: 'namsos@demo.kompetansebro.no' });
    await goToMenuItem(libraryPage, 'Aktiviteter');
    await expect(libraryPage.getByRole('heading', { level: 1, name: 'Påmelding til aktiviteter' })).toBeVisible();
    const item = libraryPage.getByRole('listitem').filter({ has: libraryPage.getByRole('link', { name: title, exact: true }) });
    await expect(item).toContainText(`${date.shown} 10:00–11:30`);
    await expect(item).toContainText(`Sted: ${place}`);
    await expect(item.getByRole('link', { name: `Bli med på nett: ${title}` })).toHaveAttribute('href', onlineUrl);
    await expect(libraryPage.getByRole('button', { name: 'Abonner i kalender' })).toBeVisible();
    await expectNoAxeViolations(libraryPage);

    await item.getByRole('button', { name: `Meld biblioteket på ${title}` }).click();
    await expect(libraryPage.getByText(`Biblioteket er påmeldt ${title}.`)).toBeVisible();
    await item.getByRole('button', { name: `Meld biblioteket av ${title}` }).click();
    const confirm = libraryPage.getByRole('dialog');
    await expect(confirm.getByRole('heading', { name: `Melde av ${title}?` })).toBeVisible();
    await confirm.getByRole('button', { name: 'Meld av', exact: true }).click();
    await expect(libraryPage.getByText(`Biblioteket er meldt av ${title}.`)).toBeVisible();
    await expect(item.getByRole('button', { name: `Meld biblioteket på ${title}` })).toBeVisible();
    await expectNoAxeViolations(libraryPage);
    await library.close();
  });
});
