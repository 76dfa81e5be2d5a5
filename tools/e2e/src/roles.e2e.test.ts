import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { logIn } from './login';

// Journey (issue 19, "the policy decides the screen"): each role is offered only what the
// policy lets it do. The county viewer reads surveys, agreements, actors, activities and the
// import screen and finds no write action; a study centre reads a library and an activity it
// of its area takes part in but another organisation organised (the Namdal cooperation meeting
// with Namsos bibliotek), and finds no edit or delete there either.

const VIEWER = 'fylke-innsyn@demo.kompetansebro.no';
const NAMDAL = 'namdal@demo.kompetansebro.no';

/** Buttons and button-looking links that change something, by their visible names. */
const WRITE_ACTIONS =
  /^(Ny avtale|Nytt tiltak|Rediger|Endre|Arkiver|Slett|Fjern|Send påminnelse|Avslutt|Start en undersøkelse|Registrer aktivitet|Last opp|Inviter bruker|Legg til|Lagre|Slå sammen|Godta|Avslå|Foreslå|Forny|Importer|Angre|Skriv ut brev)/;

/** The names of the visible buttons and button links in the page's main content. */
async function actionNames(page: Page): Promise<string[]> {
  return page.locator('main').evaluate((main) =>
    [...main.querySelectorAll('button, a.ds-button')]
      .filter((element) => element.checkVisibility())
      .map((element) => (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().replace(/\s+/g, ' ')),
  );
}

async function expectNoWriteAction(page: Page) {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Let the lazy sections (documents, amendments, mail-outs) and the user's role arrive.
  await page.waitForLoadState('networkidle');
  expect((await actionNames(page)).filter((name) => WRITE_ACTIONS.test(name)), page.url()).toEqual([]);
}

/** An id from a list the logged-in page may read. */
async function firstId(page: Page, path: string): Promise<string> {
  return page.evaluate(async (url) => {
    const list = (await (await fetch(url)).json()) as { items: { id: string }[] };
    const first = list.items[0];
    if (!first) throw new Error(`nothing at ${url}`);
    return first.id;
  }, path);
}

test.describe('journey: each role sees only what it may do', () => {
  test('the county viewer reads surveys, agreements, actors, activities and the import screen without a write action', async ({ browser, page }) => {
    // The county admin starts a survey for one library, so there is an open one to look at.
    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await logIn(admin);
    // A deadline within the year a survey may run.
    const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const surveyId = await admin.evaluate(async (deadline) => {
      const libraries = (await (await fetch('/api/actors?q=Namsos%20bibliotek&kind=public_library')).json()) as { items: { id: string }[] };
      const started = await fetch('/api/surveys', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'Tjenester (innsyn)', actorIds: [libraries.items[0]?.id], deadline }),
      });
      if (!started.ok) throw new Error(`starting the survey answered ${started.status}`);
      return ((await started.json()) as { id: string }).id;
    }, deadline);
    await adminContext.close();

    await logIn(page, { email: VIEWER });

    await page.goto(`/fylke/undersokelser/${surveyId}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Tjenester (innsyn)' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Utsendinger' })).toBeVisible();
    await expectNoWriteAction(page);
    await expectNoAxeViolations(page);

    for (const list of ['/fylke/undersokelser', '/fylke/avtaler', '/fylke/aktorer', '/fylke/aktiviteter', '/fylke/tiltak']) {
      await page.goto(list);
      await expectNoWriteAction(page);
    }

    await page.goto(`/fylke/avtaler/${await firstId(page, '/api/agreements')}`);
    await expect(page.getByRole('heading', { level: 2, name: 'Dokumenter' })).toBeVisible();
    await expectNoWriteAction(page);
    await expect(page.getByLabel('Last opp signert avtale')).toHaveCount(0);

    await page.goto(`/fylke/aktorer/${await firstId(page, '/api/actors?kind=public_library')}`);
    await expectNoWriteAction(page);
    await page.goto(`/fylke/aktiviteter/${await firstId(page, '/api/activities')}`);
    await expectNoWriteAction(page);

    // The import is reachable by its address: it explains instead of offering the upload.
    await page.goto('/fylke/import');
    await expect(page.getByRole('heading', { level: 2, name: 'Bare fylkets administratorer importerer' })).toBeVisible();
    await expect(page.getByLabel('Fil (CSV eller XLSX)')).toHaveCount(0);
    await expectNoWriteAction(page);
    await expectNoAxeViolations(page);
  });

  test('a study centre reads a library of its area and the records of others without a write action', async ({ page }) => {
    await logIn(page, { app: '/studiesenter/', email: NAMDAL });
    const library = await page.evaluate(async () => {
      const list = (await (await fetch('/api/actors?kind=public_library')).json()) as { items: { id: string }[] };
      return list.items[0]?.id ?? '';
    });
    await page.goto(`/studiesenter/aktorer/${library}`);
    await expectNoWriteAction(page);
    await expectNoAxeViolations(page);

    // The cooperation meeting Nord organises with Namsos bibliotek involves a library of Namdal's
    // area: the centre sees it among its activities, and reads it without edit or delete.
    await page.goto('/studiesenter/aktiviteter?q=Samarbeidsm%C3%B8te');
    const meeting = page.getByRole('link', { name: /Samarbeidsmøte: Nord universitet i Namsos og folkebibliotekene i Namdal/ });
    await expect(meeting).toBeVisible();
    await meeting.click();
    await expect(page.getByRole('heading', { level: 1, name: /Samarbeidsmøte: Nord universitet i Namsos/ })).toBeVisible();
    await expectNoWriteAction(page);
    await expectNoAxeViolations(page);
  });
});
