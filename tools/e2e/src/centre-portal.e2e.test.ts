import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { logIn } from './login';

const NAMDAL = 'namdal@demo.kompetansebro.no';

/** The text a PDF shows: pdfkit writes the brochure's strings uncompressed, as hex. */
function pdfText(bytes: Buffer): string {
  const raw = bytes.toString('latin1');
  return [...raw.matchAll(/<([0-9a-fA-F]+)>/g)].map((m) => Buffer.from(m[1] ?? '', 'hex').toString('latin1')).join('');
}

async function openHome(page: Page): Promise<void> {
  await page.goto('/studiesenter/');
  await expect(page.getByRole('heading', { level: 1, name: 'Oversikt' })).toBeVisible();
}

test.describe('the study-centre portal as the Namdal coordinator', () => {
  test.beforeEach(async ({ page }) => {
    await logIn(page, { app: '/studiesenter/', email: NAMDAL });
  });

  test('(1) sees the gaps of Namdal on the home screen, and every portal page passes axe', async ({ page }) => {
    await openHome(page);
    await expect(page.getByText(/^\d+ kommuner: .*Grong.*Namsos/)).toBeVisible();
    await expect(page.getByText(/^\d+ av \d+ bibliotek har en gjeldende avtale med studiesenteret\.$/)).toBeVisible();
    await expect(page.getByText('Disse bibliotekene har ingen gjeldende avtale med Namdal studiesenter:')).toBeVisible();
    const gaps = page.getByRole('list', { name: 'Dekning og hull' });
    await expect(gaps.getByRole('link', { name: 'Grong bibliotek', exact: true })).toBeVisible();
    await expect(gaps.getByRole('link', { name: 'Foreslå avtale med Grong bibliotek' })).toHaveAttribute('href', /\/studiesenter\/avtaler\/ny\?part=/);
    // Outside Namdal's catchment area: not shown at all.
    await expect(page.getByText('Trondheim folkebibliotek')).toHaveCount(0);

    // The libraries with their student services and status as text.
    await page.locator('summary', { hasText: 'Grong' }).click();
    const grong = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 4, name: 'Grong bibliotek' }) });
    await expect(grong.getByText('Ingen avtale')).toBeVisible();
    await expect(grong.getByText(/^Lesesalsplasser$/)).toBeVisible();
    await expectNoAxeViolations(page);

    // A gap links to the library's page.
    await gaps.getByRole('link', { name: 'Grong bibliotek', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Grong bibliotek' })).toBeVisible();
    await expectNoAxeViolations(page);

    for (const [path, heading] of [
      ['/studiesenter/kontakter', 'Kontakter'],
      ['/studiesenter/profil', 'Om studiesenteret'],
      ['/studiesenter/avtaler', 'Avtaler'],
      ['/studiesenter/aktiviteter', 'Aktiviteter'],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await page.waitForLoadState('networkidle');
      await expectNoAxeViolations(page);
    }

    // The profile says what the county changes as a study centre has it: no library number.
    await page.goto('/studiesenter/profil');
    await expect(page.getByText('Navn, type, organisasjonsnummer og kommune endrer fylkeskommunen', { exact: false })).toBeVisible();
    await expect(page.getByText(/biblioteknummer/)).toHaveCount(0);
  });

  test('(2) proposes an agreement with Grong bibliotek with study places and exam invigilation, and takes it to negotiation', async ({ page }) => {
    const title = 'Samarbeidsavtale Namdal studiesenter og Grong bibliotek (forslag)';
    await openHome(page);
    await page.getByRole('list', { name: 'Dekning og hull' }).getByRole('link', { name: 'Foreslå avtale med Grong bibliotek' }).click();
    await expect(page).toHaveURL(/\/studiesenter\/avtaler\/ny\?part=/);
    await expect(page.getByRole('heading', { level: 1, name: 'Ny avtale' })).toBeVisible();
    const step = (name: string) => expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
    const next = () => page.getByRole('button', { name: 'Neste' }).click();

    await step('Steg 1 av 5: Om avtalen');
    await expectNoAxeViolations(page);
    await page.getByLabel('Tittel').fill(title);
    await page.getByLabel('Type avtale').selectOption({ label: 'Samarbeidsavtale' });
    await next();

    // The centre is a fixed party, and the library from the link is already chosen.
    await step('Steg 2 av 5: Parter og roller');
    await expect(page.getByLabel('Rolle for Namdal studiesenter')).toHaveValue('coordinator');
    await expect(page.getByLabel('Rolle for Grong bibliotek')).toHaveValue('service_provider');
    await expect(page.getByRole('button', { name: 'Fjern Namdal studiesenter' })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await next();

    await step('Steg 3 av 5: Tjenester');
    const grongServices = page.getByRole('group', { name: 'Tjenester Grong bibliotek forplikter seg til' });
    await grongServices.getByRole('checkbox', { name: 'Lesesalsplasser', exact: true }).check();
    await grongServices.getByRole('checkbox', { name: 'Eksamensvakt', exact: true }).check();
    await expectNoAxeViolations(page);
    await next();

    await step('Steg 4 av 5: Periode og tema');
    await page.getByLabel('Startdato').fill('2027-01-01');
    await page.getByLabel('Sluttdato').fill('2029-12-31');
    await expectNoAxeViolations(page);
    await next();

    await step('Steg 5 av 5: Se over og opprett');
    await expect(page.getByText('Grong bibliotek: Eksamensvakt, Lesesalsplasser', { exact: true })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Opprett avtalen' }).click();

    await expect(page).toHaveURL(/\/studiesenter\/avtaler\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByText('Status: Utkast')).toBeVisible();
    await expect(page.getByText('Forplikter seg til: Eksamensvakt, Lesesalsplasser', { exact: true })).toBeVisible();
    await expectNoAxeViolations(page);
    const detailUrl = page.url();

    // The draft in the portal's list of agreements.
    await page.goto('/studiesenter/avtaler');
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: title, exact: true }) });
    await expect(row.getByText('Utkast', { exact: true })).toBeVisible();
    await expect(row.getByText('Namdal studiesenter, Grong bibliotek')).toBeVisible();
    await expectNoAxeViolations(page);

    // One centre's list needs no "Studiesenter" or "Region" filter.
    await expect(page.getByLabel('Studiesenter', { exact: true })).toHaveCount(0);
    await expect(page.getByLabel('Region', { exact: true })).toHaveCount(0);

    // Towards signing: the coordinator sends the draft to the parties for acceptance (negotiation).
    await page.goto(detailUrl);
    await page.getByRole('button', { name: 'Send til partene for godkjenning' }).click();
    const sent = page.getByText('Avtalen har nå status «Under forhandling».');
    await expect(sent).toBeVisible();
    // The button pressed is gone: the notice of the new status has the focus, not the page body.
    await expect(page.locator('.ds-alert', { has: sent })).toBeFocused();
    await expect(page.getByText('Forplikter seg til: Eksamensvakt, Lesesalsplasser', { exact: true })).toBeVisible();
    await expectNoAxeViolations(page);

    // Each party answers for itself: the coordinator only for Namdal (accept or decline), after a dialog.
    const parties = page.getByRole('region', { name: 'Parter og tjenester' });
    await expect(parties.getByRole('button')).toHaveCount(2);
    await parties.getByRole('button', { name: 'Bekreft at Namdal studiesenter godtar avtalen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bekrefte at Namdal studiesenter godtar avtalen?' });
    await expect(dialog).toBeVisible();
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Ja, vi godtar avtalen' }).click();
    const accepted = page.getByText('Namdal studiesenter har godtatt avtalen.');
    await expect(accepted).toBeVisible();
    await expect(page.locator('.ds-alert', { has: accepted })).toBeFocused();
    const party = (name: string) => parties.getByRole('listitem').filter({ has: page.getByRole('link', { name, exact: true }) });
    await expect(party('Namdal studiesenter').getByText(/^Godtatt \d{2}\.\d{2}\.\d{4}$/)).toBeVisible();
    await expect(party('Grong bibliotek').getByText('Ikke godtatt ennå', { exact: true })).toBeVisible();
    await expect(parties.getByRole('button')).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test('(3) downloads the brochure: a PDF in the language chosen that names the libraries of Namdal', async ({ page }) => {
    await page.goto('/studiesenter/brosjyre');
    await expect(page.getByRole('heading', { level: 2, name: 'Bibliotektjenester for studenter i Namdal' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 4, name: 'Grong bibliotek' })).toBeVisible();
    await expectNoAxeViolations(page);

    const nb = page.getByRole('link', { name: 'Last ned PDF (Bokmål)' });
    const pdf = await page.request.get((await nb.getAttribute('href')) ?? '');
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(bytes);
    expect(text).toContain('Bibliotektjenester for studenter i Namdal');
    for (const name of ['Grong bibliotek', 'Namsos bibliotek', 'Lesesalsplasser']) expect(text).toContain(name);
    expect(text).not.toContain('Trondheim folkebibliotek');

    // The same in English: the language is kept in the URL, the link follows it.
    await page.getByLabel('Språk i brosjyren').selectOption('en');
    await expect(page).toHaveURL(/lang=en/);
    await expect(page.getByRole('heading', { level: 2, name: 'Library services for students in Namdal' })).toBeVisible();
    const en = await page.request.get((await page.getByRole('link', { name: 'Last ned PDF (Engelsk)' }).getAttribute('href')) ?? '');
    expect(pdfText(await en.body())).toContain('Library services for students in Namdal');
    await expectNoAxeViolations(page);
  });

  test('opens the address of a Trøndelag sør agreement: not found, and no trace of it in search or lists', async ({ page, browser, baseURL }) => {
    // The county admin finds the agreement's id, as an outsider could have it from a link.
    const county = await browser.newContext({ baseURL });
    const countyPage = await county.newPage();
    await logIn(countyPage);
    const title = 'Samarbeidsavtale mellom Studiesenter Trøndelag sør og folkebibliotekene i regionen';
    const found = (await (await countyPage.request.get(`/api/agreements?q=${encodeURIComponent('Trøndelag sør')}`)).json()) as { items: Array<{ id: string; title: string }> };
    const id = found.items.find((item) => item.title === title)?.id;
    expect(id).toBeTruthy();
    await county.close();

    await page.goto(`/studiesenter/avtaler/${id}`);
    await expect(page.getByText('Vi fant ikke avtalen. Den kan være slettet, eller adressen kan være feil.')).toBeVisible();
    await expect(page.getByText(title)).toHaveCount(0);
    await expectNoAxeViolations(page);

    expect((await page.request.get(`/api/agreements/${id}`)).status()).toBe(404);
    for (const q of ['Trøndelag sør', 'Samarbeidsavtale', 'folkebibliotekene']) {
      const search = await (await page.request.get(`/api/search?q=${encodeURIComponent(q)}&limit=50`)).text();
      expect(search).not.toContain(id);
      expect(search).not.toContain(title);
    }
    const list = await (await page.request.get('/api/agreements?pageSize=100')).text();
    expect(list).not.toContain(id);

    await page.goto('/studiesenter/avtaler');
    await expect(page.getByRole('heading', { level: 1, name: 'Avtaler' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expect(page.getByText(title)).toHaveCount(0);
  });
});
