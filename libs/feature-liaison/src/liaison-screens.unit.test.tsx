import {
  buildLiaisonActivity,
  buildLiaisonLibrary,
  buildLiaisonNote,
  LiaisonStore,
  liaisonHandlers,
  mswServer,
  problemResponse,
  referenceHandlers,
  renderRoute,
  testRegions,
} from '@kompetansebro/testing';
import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createLiaisonRoutes } from './liaison-routes';

function libraries() {
  const namsos = buildLiaisonLibrary('Namsos bibliotek', '5007', ['interlibrary_loan', 'university_loan_pickup', 'exam_invigilation']);
  const flatanger = buildLiaisonLibrary('Flatanger bibliotek', '5049', ['interlibrary_loan']);
  const trondheim = buildLiaisonLibrary('Trondheim folkebibliotek', '5001', ['university_loan_pickup', 'study_places']);
  return { namsos, flatanger, trondheim };
}

function renderLiaison(path: string, store: LiaisonStore) {
  mswServer.use(...referenceHandlers(), ...liaisonHandlers(store));
  return renderRoute({ path, createRoutes: (root) => [createLiaisonRoutes(root)] });
}

const rowNames = () =>
  within(screen.getByRole('table'))
    .getAllByRole('rowheader')
    .map((cell) => cell.querySelector('a')?.textContent ?? '');

describe('the libraries list', () => {
  it('filters by service and region in the URL and lists only the libraries that offer it', async () => {
    const { namsos, flatanger, trondheim } = libraries();
    const store = new LiaisonStore({ libraries: [namsos, flatanger, trondheim] })
      .librariesFor({ service: 'university_loan_pickup' }, [namsos, trondheim])
      .librariesFor({ service: 'university_loan_pickup', region: testRegions.namdal.id }, [namsos]);
    const { router, user } = renderLiaison('/bibliotek', store);
    await screen.findByRole('link', { name: 'Trondheim folkebibliotek' });
    expect(rowNames()).toEqual(['Namsos bibliotek', 'Flatanger bibliotek', 'Trondheim folkebibliotek']);

    await user.selectOptions(screen.getByLabelText('Tjeneste'), 'Henting av lån fra universitetsbiblioteket');
    await waitFor(() => expect(router.state.location.search).toMatchObject({ service: 'university_loan_pickup' }));
    await waitFor(() => expect(rowNames()).toEqual(['Namsos bibliotek', 'Trondheim folkebibliotek']));

    await user.selectOptions(await screen.findByLabelText('Region'), testRegions.namdal.id);
    await waitFor(() => expect(rowNames()).toEqual(['Namsos bibliotek']));
    expect(router.state.location.search).toMatchObject({ region: testRegions.namdal.id, service: 'university_loan_pickup' });
    expect(screen.getByRole('status').textContent).toBe('1 bibliotek');
  });

  it('groups by region under a heading each, and says when nothing matches', async () => {
    const { namsos, flatanger, trondheim } = libraries();
    renderLiaison('/bibliotek?view=regions&q=nothing-like-this', new LiaisonStore({ libraries: [namsos, flatanger, trondheim] }).librariesFor({ q: 'nothing-like-this' }, []));
    expect(await screen.findByRole('heading', { name: 'Ingen bibliotek passer filtrene' })).toBeTruthy();
  });

  it('shows the regions as headings in the grouped view', async () => {
    const { namsos, flatanger, trondheim } = libraries();
    renderLiaison('/bibliotek?view=regions', new LiaisonStore({ libraries: [namsos, flatanger, trondheim] }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Namdal' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Trondheim' })).toBeTruthy();
  });

  it('offers a retry when the list cannot be read', async () => {
    const store = new LiaisonStore({ libraries: [libraries().namsos] });
    store.failing.add('libraries');
    const { user } = renderLiaison('/bibliotek', store);
    expect(await screen.findByRole('heading', { name: 'Noe gikk galt' })).toBeTruthy();
    store.failing.delete('libraries');
    await user.click(screen.getByRole('button', { name: 'Prøv igjen' }));
    expect(await screen.findByRole('link', { name: 'Namsos bibliotek' })).toBeTruthy();
  });
});

describe('needs and offer', () => {
  it('saves counts with the version read, then states the gaps in words and in the table', async () => {
    const { namsos, flatanger } = libraries();
    const store = new LiaisonStore({ libraries: [namsos, flatanger], offer: { '5007': { interlibrary_loan: 1, university_loan_pickup: 1, exam_invigilation: 1 }, '5049': { interlibrary_loan: 1 } } });
    const { user } = renderLiaison('/behov', store);
    expect(await screen.findByText(/Skriv inn antall studenter per kommune nedenfor/)).toBeTruthy();

    await user.type(screen.getByLabelText('Flatanger'), '4');
    await user.type(screen.getByLabelText('Namsos'), '10');
    await user.click(screen.getByRole('button', { name: 'Lagre' }));

    expect(await screen.findByText('Antallene er lagret.')).toBeTruthy();
    expect(store.received.at(-1)).toMatchObject({
      ifMatch: '"0"',
      body: { counts: [{ municipalityNumber: '5007', count: 10 }, { municipalityNumber: '5049', count: 4 }] },
    });
    expect(await screen.findByText(/^Flatanger \(4 studenter\): ingen bibliotek tilbyr henting av lån fra universitetsbiblioteket, eksamensvakt, lesesalsplasser og meråpent\.$/)).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Studenter per kommune og hvor mange bibliotek som tilbyr hver tjeneste' });
    const flatangerRow = within(table).getByRole('rowheader', { name: 'Flatanger' }).closest('tr') as HTMLElement;
    expect(within(flatangerRow).getAllByText('Mangler')).toHaveLength(4);
    expect(within(flatangerRow).getByText('Ja, 1 bibliotek')).toBeTruthy();
  });

  it('catches a count that is not a whole number beside the field and in the summary, and sends nothing', async () => {
    const store = new LiaisonStore({ libraries: [libraries().namsos] });
    const { user } = renderLiaison('/behov', store);
    await user.type(await screen.findByLabelText('Namsos'), '-2');
    await user.click(screen.getByRole('button', { name: 'Lagre' }));
    expect(await screen.findByText('Rett opp dette før du lagrer:')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Namsos: Skriv et helt tall som er 0 eller mer.' })).toBeTruthy();
    expect(screen.getByLabelText('Namsos').getAttribute('aria-invalid')).toBe('true');
    expect(store.received).toEqual([]);
  });

  it('refuses a count above the domain’s maximum with the limit, not “whole number”, and sends nothing', async () => {
    const store = new LiaisonStore({ libraries: [libraries().namsos] });
    const { user } = renderLiaison('/behov', store);
    await user.type(await screen.findByLabelText('Namsos'), '99999999999');
    await user.click(screen.getByRole('button', { name: 'Lagre' }));
    expect(await screen.findByRole('link', { name: 'Namsos: Verdien er for stor. Den kan være høyst 1\u00a0000\u00a0000.' })).toBeTruthy();
    expect(screen.getByLabelText('Namsos').getAttribute('aria-invalid')).toBe('true');
    expect(store.received).toEqual([]);
  });

  it('puts the API’s field error beside the municipality its row was, and in the summary', async () => {
    const { namsos, flatanger } = libraries();
    const store = new LiaisonStore({ libraries: [namsos, flatanger] });
    const { user } = renderLiaison('/behov', store);
    mswServer.use(http.put('*/api/liaison/student-counts', () => problemResponse(400, [{ path: 'counts.1.count', code: 'too_big', message: 'Too big: expected number to be <=1000000', params: { origin: 'number', maximum: 1_000_000 } }])));
    await user.type(await screen.findByLabelText('Namsos'), '12');
    await user.type(screen.getByLabelText('Flatanger'), '4');
    await user.click(screen.getByRole('button', { name: 'Lagre' }));
    // The rows go in the order of the list: Namsos (row 0), then Flatanger (row 1).
    expect(await screen.findByRole('link', { name: 'Flatanger: Verdien er for stor. Den kan være høyst 1\u00a0000\u00a0000.' })).toBeTruthy();
    expect(screen.getByLabelText('Flatanger').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Namsos').getAttribute('aria-invalid')).not.toBe('true');
  });

  it('on a stale save keeps what the user typed and shows what is saved now', async () => {
    const store = new LiaisonStore({ libraries: [libraries().namsos] });
    const { user } = renderLiaison('/behov', store);
    await user.type(await screen.findByLabelText('Namsos'), '10');
    // Someone else saves first.
    store.bumpCounts([{ municipalityNumber: '5007', count: 3 }]);
    store.staleOnce('PUT');
    await user.click(screen.getByRole('button', { name: 'Lagre' }));

    expect(await screen.findByRole('heading', { name: 'Noen andre har lagret antall etter at du åpnet siden' })).toBeTruthy();
    expect((screen.getByLabelText('Namsos') as HTMLInputElement).value).toBe('10');
    expect(await screen.findByText('Lagret nå: 3')).toBeTruthy();

    // Saving again replaces the newer version, on purpose.
    await user.click(screen.getByRole('button', { name: 'Lagre' }));
    expect(await screen.findByText('Antallene er lagret.')).toBeTruthy();
    expect(store.counts.counts).toEqual([{ municipalityNumber: '5007', count: 10 }]);
  });
});

describe('the channel list', () => {
  const channels = (count: number) =>
    Array.from({ length: count }, (_, index) => ({
      universityId: '00000000-0000-4000-8043-000000000001',
      universityName: 'NTNU Universitetsbiblioteket',
      targetActorId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      targetRegionId: null,
      targetName: index === 7 ? 'Namsos bibliotek' : `Bibliotek ${index + 1}`,
      notes: 1,
      lastNoteAt: '2026-11-01T10:00:00.000Z',
    }));
  const channelNames = () =>
    within(screen.getByRole('region', { name: 'Kanalene deres' }))
      .getAllByRole('link')
      .map((link) => link.textContent);

  it('shows a page at a time, finds a channel by name, and says when none matches; both in the URL', async () => {
    const { router, user } = renderLiaison('/kanaler', new LiaisonStore({ threads: channels(30) }));
    await screen.findByRole('link', { name: 'Bibliotek 1' });
    expect(channelNames()).toHaveLength(25);
    expect(screen.getByText('1–25 av 30')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Neste side' }));
    await waitFor(() => expect(channelNames()).toEqual(['Bibliotek 26', 'Bibliotek 27', 'Bibliotek 28', 'Bibliotek 29', 'Bibliotek 30']));
    expect(router.state.location.search).toMatchObject({ page: 2 });

    await user.type(screen.getByLabelText('Søk i kanalene'), 'namsos');
    await user.click(screen.getByRole('button', { name: 'Søk' }));
    await waitFor(() => expect(channelNames()).toEqual(['Namsos bibliotek']));
    // A new search starts on its first page.
    expect(router.state.location.search).toEqual({ q: 'namsos' });

    await user.clear(screen.getByLabelText('Søk i kanalene'));
    await user.type(screen.getByLabelText('Søk i kanalene'), 'Tromsø');
    await user.click(screen.getByRole('button', { name: 'Søk' }));
    expect(await screen.findByText('Ingen kanal passer til «Tromsø».')).toBeTruthy();
  });
  it('finds whom to write to on the server as the user types, with the regions, and opens the channel chosen', async () => {
    const { namsos, flatanger, trondheim } = libraries();
    const others = Array.from({ length: 20 }, (_, index) => buildLiaisonLibrary(`Bibliotek ${index + 1}`, '5001', []));
    // The list's order (by region) unless the libraries are asked for by name, as a picker reads them.
    const store = new LiaisonStore({ libraries: [namsos, ...others, flatanger, trondheim] })
      .librariesFor({ sort: 'name', pageSize: '20' }, [flatanger, namsos, trondheim, ...others])
      .librariesFor({ q: 'Nam', sort: 'name', pageSize: '20' }, [namsos]);
    const { router, user } = renderLiaison('/kanaler', store);
    const picker = await screen.findByRole('combobox', { name: 'Skriv til' });
    // 23 libraries: the server's first 20, and the field says how to reach the rest.
    expect(await screen.findByText(/Viser 20 av 23 treff\. Skriv mer av navnet/)).toBeTruthy();
    const shown = () => screen.getAllByRole('option', { hidden: true }).filter((option) => !option.hasAttribute('data-empty'));
    expect(shown()[0]?.textContent).toMatch(/^Flatanger/);
    // The button waits for a choice, and says so beside it.
    const open = screen.getByRole('button', { name: 'Åpne kanalen' });
    expect(open.hasAttribute('disabled')).toBe(true);
    expect(document.getElementById(open.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Velg et bibliotek eller en region over for å åpne kanalen.');

    await user.type(picker, 'Nam');
    // "Nam" goes to the server once typing pauses; the region Namdal matches where a word starts.
    await waitFor(() => expect(shown().map((option) => option.textContent)).toEqual(['Namsos bibliotek', 'Fylket – Namdal']));
    expect(screen.queryByText(/Viser \d+ av/)).toBeNull();
    await user.click(screen.getByRole('option', { name: 'Namsos bibliotek', hidden: true }));
    await user.click(screen.getByRole('button', { name: 'Åpne kanalen' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/kanaler/bibliotek/${namsos.id}`));
  });

  it('offers no search before the first channel, only how to start one', async () => {
    renderLiaison('/kanaler', new LiaisonStore());
    expect(await screen.findByText(/^Dere har ingen samarbeidskanaler ennå\./)).toBeTruthy();
    expect(screen.queryByLabelText('Søk i kanalene')).toBeNull();
  });
});

describe('a cooperation channel', () => {
  it('asks for text before posting, then shows the note; an edited note says so and keeps its history', async () => {
    const { namsos } = libraries();
    const edited = buildLiaisonNote({
      targetActorId: namsos.id,
      body: 'Møte 3. mars',
      version: 2,
      history: [{ version: 1, body: 'Møte 2. mars', editedAt: '2026-11-01T10:00:00.000Z', editedBy: 'Per Berg' }],
    });
    const store = new LiaisonStore({ libraries: [namsos], notes: [edited] });
    mswServer.use(...referenceHandlers(), ...liaisonHandlers(store));
    // The thread's title comes from the actor's record.
    const { http, HttpResponse } = await import('msw');
    mswServer.use(http.get('*/api/actors/:id', () => HttpResponse.json({ id: namsos.id, name: 'Namsos bibliotek' })));
    const { user } = renderRoute({ path: `/kanaler/bibliotek/${namsos.id}`, createRoutes: (root) => [createLiaisonRoutes(root)] });

    expect(await screen.findByText('Møte 3. mars')).toBeTruthy();
    expect(screen.getByText('redigert')).toBeTruthy();
    expect(screen.getByText('Tidligere versjoner (1)')).toBeTruthy();
    expect(screen.getByText('Møte 2. mars')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Legg inn notatet' }));
    expect(await screen.findByText('Rett opp dette før du lagrer:')).toBeTruthy();
    expect(store.received).toEqual([]);

    await user.type(screen.getByLabelText('Notat'), 'Kan dere ta imot hentelån?');
    await user.click(screen.getByRole('button', { name: 'Legg inn notatet' }));
    expect(await screen.findByText('Notatet er lagt inn.')).toBeTruthy();
    expect(await screen.findByText('Kan dere ta imot hentelån?')).toBeTruthy();
    expect(store.received.at(-1)?.body).toEqual({ target: { actorId: namsos.id }, body: 'Kan dere ta imot hentelån?' });
  });

  it('after saving an edited note, the focus is back on "Rediger notatet", not the page body', async () => {
    const { namsos } = libraries();
    const store = new LiaisonStore({ libraries: [namsos], notes: [buildLiaisonNote({ targetActorId: namsos.id, body: 'Møte 3. mars' })] });
    mswServer.use(...referenceHandlers(), ...liaisonHandlers(store));
    const { http, HttpResponse } = await import('msw');
    mswServer.use(http.get('*/api/actors/:id', () => HttpResponse.json({ id: namsos.id, name: 'Namsos bibliotek' })));
    const { user } = renderRoute({ path: `/kanaler/bibliotek/${namsos.id}`, createRoutes: (root) => [createLiaisonRoutes(root)] });

    await user.click(await screen.findByRole('button', { name: 'Rediger notatet' }, { timeout: 5000 }));
    await user.type(screen.getByLabelText('Ny tekst'), ' kl. 10');
    await user.click(screen.getByRole('button', { name: 'Lagre endringen' }));
    expect(await screen.findByText('Endringen er lagret. Den tidligere teksten er tatt vare på.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rediger notatet' })));
  });
});

describe('experience exchange', () => {
  it('registers participation in a coming activity and shows it as text', async () => {
    const coming = buildLiaisonActivity({ title: 'Oppfølgingswebinar om fjernlån', onlineUrl: 'https://example.org/webinar' });
    const past = buildLiaisonActivity({ title: 'Erfaringsutveksling om fjernlån', startDate: '2026-02-03', participating: true, participants: 5, onlineUrl: 'https://example.org/old-webinar' });
    const store = new LiaisonStore({ activities: { upcoming: [coming], past: [past] } });
    const { user } = renderLiaison('/erfaringsdeling', store);

    expect(await screen.findByText('Erfaringsutveksling om fjernlån')).toBeTruthy();
    // A coming webinar can be joined; one that has taken place has nothing to join any more.
    expect(screen.getByRole('link', { name: 'Bli med på nett: Oppfølgingswebinar om fjernlån' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Bli med på nett: Erfaringsutveksling om fjernlån' })).toBeNull();
    // Participants are counted in the county's word for them, as in its activity list.
    expect(screen.getByText(/· 5 aktører$/)).toBeTruthy();
    await user.click(await screen.findByRole('button', { name: 'Meld dere på Oppfølgingswebinar om fjernlån' }));
    expect(await screen.findByText('Dere er påmeldt Oppfølgingswebinar om fjernlån.')).toBeTruthy();
    expect(await screen.findByText('Påmeldt')).toBeTruthy();
    expect(store.activities.upcoming[0]?.participating).toBe(true);
  });

  it('says so when there is nothing coming and nothing taken part in', async () => {
    renderLiaison('/erfaringsdeling', new LiaisonStore());
    expect(await screen.findByText('Ingen kommende eller pågående aktiviteter er lagt inn.')).toBeTruthy();
    expect(await screen.findByText('Dere er ikke registrert som deltaker i noen aktiviteter ennå.')).toBeTruthy();
  });
});
