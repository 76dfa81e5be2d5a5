import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { logIn } from './login';

interface PageOf<T> {
  items: T[];
  total: number;
}

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

test.describe('the county overview and a record’s history', () => {
  test.beforeEach(async ({ page }) => {
    await logIn(page);
  });

  test('the overview shows the figures of the sample data, section by section', async ({ page }) => {
    // The figures the page must show, read from the API the sample data fills.
    const active = await getJson<PageOf<unknown>>(page, '/api/agreements?status=active&pageSize=1');
    const regions = await getJson<PageOf<{ id: string; name: string }>>(page, '/api/regions');
    const namdal = regions.items.find((region) => region.name === 'Namdal');
    if (!namdal) throw new Error('Namdal is not in the sample data');
    const coverage = await getJson<{
      summary: { municipalities: number; coveredMunicipalities: number; share: number };
      gaps: { municipalities: Array<{ name: string }> };
    }>(page, `/api/coverage?region=${namdal.id}`);
    const expiring = await getJson<PageOf<{ title: string }>>(page, '/api/agreements?endingWithinDays=90&sort=end&pageSize=10');

    await page.goto('/fylke/');
    await expect(page.getByRole('heading', { level: 1, name: 'Oversikt' })).toBeVisible();
    for (const name of ['Avtaler etter status', 'Avtaler som utløper innen 90 dager', 'Dekning per region', 'Aktiviteter', 'Planpunkter med frist snart']) {
      await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
    }

    // Agreements by status: the count of active ones, linking to the list filtered by it.
    expect(active.total).toBeGreaterThan(0);
    const activeLink = section(page, 'Avtaler etter status').getByRole('link', { name: `Aktiv: ${active.total} avtaler` });
    await expect(activeLink).toBeVisible();

    // Coverage: Namdal is not fully covered, and its gaps are listed beside its share.
    expect(coverage.summary.share).toBeLessThan(1);
    expect(coverage.gaps.municipalities.length).toBeGreaterThan(0);
    const percent = Math.round(coverage.summary.share * 100);
    const namdalRow = section(page, 'Dekning per region').getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Namdal', exact: true }) });
    await expect(namdalRow.getByText(`${percent} % (${coverage.summary.coveredMunicipalities} av ${coverage.summary.municipalities})`)).toBeVisible();
    const namdalGaps = section(page, 'Dekning per region').getByRole('listitem').filter({ hasText: 'Namdal:' });
    for (const gap of coverage.gaps.municipalities) await expect(namdalGaps).toContainText(gap.name);

    // Agreements ending within 90 days: those the API names, or the empty state.
    const expiringSection = section(page, 'Avtaler som utløper innen 90 dager');
    if (expiring.total === 0) {
      await expect(expiringSection.getByText('Ingen gjeldende avtaler utløper de neste 90 dagene.')).toBeVisible();
    } else {
      await expect(expiringSection.getByRole('link', { name: expiring.items[0]?.title ?? '' })).toBeVisible();
    }
    await expect(section(page, 'Aktiviteter').getByRole('link', { name: 'Alle aktiviteter' })).toBeVisible();
    await expectNoAxeViolations(page);

    // A gap list links to the region's coverage page.
    await namdalGaps.getByRole('link', { name: 'Se dekningen i Namdal' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dekning' })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/fylke/dekning\\?region=${namdal.id}`));

    // A status links to the filtered agreement list.
    await page.goto('/fylke/');
    await activeLink.click();
    await expect(page).toHaveURL(/\/fylke\/avtaler\?status=active/);
  });

  test('an actor edited through the form shows the change, by whom, in its history', async ({ page }) => {
    const actors = await getJson<PageOf<{ id: string; name: string }>>(page, `/api/actors?q=${encodeURIComponent('Flatanger bibliotek')}`);
    const actor = actors.items.find((item) => item.name === 'Flatanger bibliotek');
    if (!actor) throw new Error('Flatanger bibliotek is not in the sample data');
    const description = `Åpent for studenter hver tirsdag (${Date.now()})`;

    await page.goto(`/fylke/aktorer/${actor.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Flatanger bibliotek' })).toBeVisible();
    await page.getByRole('link', { name: 'Rediger', exact: true }).first().click();
    await page.getByLabel('Beskrivelse', { exact: true }).fill(description);
    await page.getByRole('button', { name: 'Lagre endringene' }).click();
    await expect(page.getByText('Endringene er lagret.')).toBeVisible();

    // From the actor's page to its history, as a user goes.
    await expect(page.getByRole('heading', { level: 1, name: 'Flatanger bibliotek' })).toBeVisible();
    await page.getByRole('link', { name: 'Se endringshistorikken' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Historikk: Flatanger bibliotek' })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/fylke/historikk/actor/${actor.id}$`));
    const newest = page.getByRole('list', { name: 'Historikk' }).getByRole('listitem').first();
    await expect(newest.getByRole('heading', { level: 2 })).toHaveText(/^Endret \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
    await expect(newest.getByText('Av Fylkesbiblioteket (demo)')).toBeVisible();
    const changed = newest.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Beskrivelse' }) });
    await expect(changed.getByRole('cell').last()).toHaveText(description);
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Tilbake til aktør' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Flatanger bibliotek' })).toBeVisible();

    // The whole log, filtered to actors, lists the change first.
    await page.goto('/fylke/historikk?entity=actor');
    await expect(page.getByRole('heading', { level: 1, name: 'Endringslogg' })).toBeVisible();
    await expect(page.getByRole('row').nth(1).getByRole('link', { name: 'Flatanger bibliotek' })).toBeVisible();
    await expect(page.getByRole('row').nth(1).getByText('Fylkesbiblioteket (demo)', { exact: true })).toBeVisible();
    // The filter offers every kind the log holds, surveys and student counts too.
    await expect(page.getByRole('combobox', { name: 'Type' }).getByRole('option', { name: 'Undersøkelse', exact: true })).toBeAttached();
    await expect(page.getByRole('combobox', { name: 'Type' }).getByRole('option', { name: 'Studenttall', exact: true })).toBeAttached();
    await expectNoAxeViolations(page);
  });
});
