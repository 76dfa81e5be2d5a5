import {
  ActivityStore,
  ActorStore,
  AuthStore,
  actorHandlers,
  activityHandlers,
  authHandlers,
  buildActivityDetail,
  buildActorDetail,
  buildMe,
  buildMembership,
  mswServer,
  pickOption,
  problemResponse,
  referenceHandlers,
  renderRoute,
  testOrganisations,
} from '@kompetansebro/testing';
import { countByPeriod } from '@kompetansebro/domain';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, type RequestHandler } from 'msw';
import { describe, expect, it } from 'vitest';
import { createActivityRoutes } from './activity-routes';
// The form's lazy route brings the picker (Designsystemet's Suggestion and web components): load it
// with the file, so the first test does not spend its time limit transforming it.
import '@kompetansebro/ui/searchable-picker';

const countyLibrary = buildActorDetail({ kind: 'county_library', name: 'Trøndelag fylkesbibliotek' });
const steinkjer = buildActorDetail({ kind: 'public_library', name: 'Steinkjer bibliotek' });
const levanger = buildActorDetail({ kind: 'public_library', name: 'Levanger bibliotek' });
const verdal = buildActorDetail({ kind: 'public_library', name: 'Verdal bibliotek' });
const actors = [countyLibrary, steinkjer, levanger, verdal];

function renderAt(path: string, store = new ActivityStore([], actors), ...overrides: RequestHandler[]) {
  mswServer.use(
    ...activityHandlers(store),
    ...actorHandlers(new ActorStore(actors)),
    ...referenceHandlers(),
    ...authHandlers(new AuthStore(undefined, { loggedInAs: 'fylke@demo.kompetansebro.no' })),
  );
  if (overrides.length > 0) mswServer.use(...overrides);
  const view = renderRoute({
    path,
    createRoutes: (root) => [createActivityRoutes(root, { path: 'aktiviteter', actorPath: '/aktorer/$id', historyPath: '/historikk/$entity/$id' })],
  });
  return { ...view, store };
}

/** The text of the elements an input's aria-describedby points to. */
function descriptionOf(input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' | ');
}

const webinar = (title: string, startDate: string, extra: Parameters<typeof buildActivityDetail>[0] = {}) =>
  buildActivityDetail({ title, startDate, kind: 'webinar', ...extra });

describe('the activity list', () => {
  it('puts the kind and period filters in the URL and asks the API for just those', async () => {
    const [fjernlan, nettverk, kildekritikk] = [
      webinar('Webinar: Fjernlån i praksis', '2026-02-03'),
      buildActivityDetail({ title: 'Nettverksmøte for studiesentrene', kind: 'meeting', startDate: '2025-11-12' }),
      webinar('Webinar: Kildekritikk', '2024-03-14'),
    ];
    const store = new ActivityStore([fjernlan, nettverk, kildekritikk], actors)
      .listFor({ kind: 'webinar' }, [fjernlan, kildekritikk])
      .listFor({ kind: 'webinar', from: '2025-01-01' }, [fjernlan]);
    const { user, router } = renderAt('/aktiviteter', store);

    const table = await screen.findByRole('table');
    await within(table).findByRole('rowheader', { name: 'Nettverksmøte for studiesentrene' });
    expect(screen.getByText('3 aktiviteter')).toBeTruthy();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Type aktivitet' }), 'webinar');
    await waitFor(() => expect(router.state.location.search).toEqual({ kind: 'webinar' }));
    await screen.findByText('2 aktiviteter');
    expect(within(screen.getByRole('table')).queryByText('Nettverksmøte for studiesentrene')).toBeNull();

    fireEvent.change(screen.getByLabelText('Fra dato'), { target: { value: '2025-01-01' } });
    await waitFor(() => expect(router.state.location.search).toEqual({ kind: 'webinar', from: '2025-01-01' }));
    await screen.findByText('1 aktivitet');
    expect(within(screen.getByRole('table')).getByRole('rowheader', { name: 'Webinar: Fjernlån i praksis' })).toBeTruthy();
    const last = store.listRequests.at(-1);
    expect(last?.get('kind')).toBe('webinar');
    expect(last?.get('from')).toBe('2025-01-01');
    // The export gets the same filters.
    expect(screen.getByRole('link', { name: 'Last ned CSV' }).getAttribute('href')).toBe(
      '/api/activities/export?kind=webinar&from=2025-01-01&sort=-date&format=csv',
    );
  });

  it('reads the filters from a link and offers to clear them when nothing matches', async () => {
    const { user, router } = renderAt('/aktiviteter?kind=course&q=ingenting', new ActivityStore([webinar('Webinar: Fjernlån i praksis', '2026-02-03')], actors).listFor({ q: 'ingenting' }, []));

    await screen.findByRole('heading', { name: 'Ingen aktiviteter passer til filtrene' });
    expect((screen.getByRole('combobox', { name: 'Type aktivitet' }) as HTMLSelectElement).value).toBe('course');
    await user.click(screen.getAllByRole('button', { name: 'Fjern filtrene' })[0] as HTMLElement);
    await waitFor(() => expect(router.state.location.search).toEqual({}));
    await screen.findByText('1 aktivitet');
  });

  it('finds a participant to filter by on the server as the user types, and names the one the URL holds', async () => {
    // The first 20 of each kind leave Verdal out; typing finds it.
    const actorStore = new ActorStore(actors).listFor({ pageSize: '20' }, [countyLibrary, steinkjer, levanger]).listFor({ pageSize: '20', q: 'Ver' }, [verdal]);
    const { user, router } = renderAt(`/aktiviteter?participant=${verdal.id}`, undefined, ...actorHandlers(actorStore));
    const picker = await screen.findByRole('combobox', { name: /^Deltakende aktør/ });
    await waitFor(() => expect(picker.closest('ds-suggestion')?.querySelector('data')?.textContent).toBe('Verdal bibliotek'));

    await pickOption(user, picker, 'Steinkjer bibliotek');
    await waitFor(() => expect(router.state.location.search).toEqual({ participant: steinkjer.id }));
    await user.clear(picker);
    await user.type(picker, 'Ver');
    await waitFor(() => expect(actorStore.queries.some((query) => query.get('q') === 'Ver' && query.get('pageSize') === '20')).toBe(true));
    const list = document.getElementById(picker.getAttribute('aria-controls') ?? '') as HTMLElement;
    await user.click(await within(list).findByRole('option', { name: 'Verdal bibliotek', hidden: true }));
    await waitFor(() => expect(router.state.location.search).toEqual({ participant: verdal.id }));
  });

  it('says so when the list cannot be fetched', async () => {
    renderAt('/aktiviteter', undefined, http.get('*/api/activities', () => problemResponse(500)));
    await screen.findByRole('heading', { name: 'Noe gikk galt' });
    expect(screen.getByRole('button', { name: 'Prøv igjen' })).toBeTruthy();
  });
});

describe('the month calendar', () => {
  it('places each activity on its day or days, and moves between months in the URL', async () => {
    const store = new ActivityStore(
      [
        webinar('Webinar: Fjernlån i praksis', '2026-02-03'),
        buildActivityDetail({ title: 'Fotografering av bibliotekene', kind: 'photography', startDate: '2026-02-27', endDate: '2026-03-02' }),
      ],
      actors,
    );
    const { user, router } = renderAt('/aktiviteter/kalender?maaned=2026-02', store);

    await screen.findByRole('heading', { level: 2, name: 'Februar 2026' });
    const grid = await screen.findByRole('table', { name: 'Februar 2026' });
    const cellOf = (day: string) => within(grid).getByText(day).closest('td') as HTMLElement;
    await waitFor(() => expect(within(cellOf('tirsdag 3. februar')).getByRole('link', { name: /Webinar: Fjernlån i praksis/ })).toBeTruthy());
    expect(within(cellOf('mandag 2. februar')).queryByRole('link')).toBeNull();
    expect(within(cellOf('fredag 27. februar')).getByRole('link', { name: /Fotografering av bibliotekene/ })).toBeTruthy();
    expect(within(cellOf('lørdag 28. februar')).getByRole('link', { name: /Fotografering av bibliotekene/ })).toBeTruthy();
    // February 2026 starts on a Sunday: the first week has six empty days before it.
    expect(within(grid).getAllByRole('row')[1]?.querySelectorAll('td.kb-calendar__outside').length).toBe(6);

    await user.click(screen.getByRole('link', { name: 'Neste måned (mars 2026)' }));
    await waitFor(() => expect(router.state.location.search).toEqual({ maaned: '2026-03' }));
    const march = await screen.findByRole('table', { name: 'Mars 2026' });
    await waitFor(() =>
      expect(within(within(march).getByText('mandag 2. mars').closest('td') as HTMLElement).getByRole('link', { name: /Fotografering/ })).toBeTruthy(),
    );
    expect(within(march).queryByRole('link', { name: /Fjernlån/ })).toBeNull();

    await user.click(screen.getByRole('link', { name: 'Forrige måned (februar 2026)' }));
    await waitFor(() => expect(router.state.location.search).toEqual({ maaned: '2026-02' }));

    // Each activity links to its page.
    const link = within(await screen.findByRole('table', { name: 'Februar 2026' })).getByRole('link', { name: /Webinar: Fjernlån i praksis/ });
    await user.click(link);
    await screen.findByRole('heading', { level: 1, name: 'Webinar: Fjernlån i praksis' });
  });
});

describe('registering an activity', () => {
  it('checks the fields before sending and lists the errors in a summary that takes focus', async () => {
    const { user, store } = renderAt('/aktiviteter/ny');

    await user.click(await screen.findByRole('button', { name: 'Registrer aktiviteten' }));
    const summary = await screen.findByRole('heading', { name: 'For å gå videre må du rette opp dette:' });
    const summaryBox = summary.parentElement as HTMLElement;
    await waitFor(() => expect(document.activeElement).toBe(summaryBox));
    expect(within(summaryBox).getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual([
      '#activity-kind',
      '#activity-title',
      '#activity-startDate',
    ]);
    expect(descriptionOf(screen.getByRole('textbox', { name: /^Tittel/ }))).toContain('Fyll ut feltet.');
    expect(store.received).toEqual([]);

    await user.selectOptions(screen.getByRole('combobox', { name: /^Type aktivitet/ }), 'webinar');
    await user.type(screen.getByRole('textbox', { name: /^Tittel/ }), 'Webinar: Lesesirkler');
    fireEvent.change(screen.getByLabelText(/^Dato \(start\)/), { target: { value: '2026-03-10' } });
    fireEvent.change(screen.getByLabelText(/^Sluttdato/), { target: { value: '2026-03-09' } });
    await user.click(screen.getByRole('button', { name: 'Registrer aktiviteten' }));
    await waitFor(() => expect(descriptionOf(screen.getByLabelText(/^Sluttdato/))).toContain('Sluttdatoen er før startdatoen'));
    expect(store.received).toEqual([]);
  });

  it('says beside the date when its year looks mistyped (before 2000, or more than ten years ahead), and sends nothing', async () => {
    const { user, store } = renderAt('/aktiviteter/ny');
    await user.selectOptions(await screen.findByRole('combobox', { name: /^Type aktivitet/ }), 'course');
    await user.type(screen.getByRole('textbox', { name: /^Tittel/ }), 'Kurs i kildekritikk');
    fireEvent.change(screen.getByLabelText(/^Dato \(start\)/), { target: { value: '1926-03-10' } });
    fireEvent.change(screen.getByLabelText(/^Sluttdato/), { target: { value: `${Number(new Date().getFullYear()) + 30}-03-12` } });
    await user.click(screen.getByRole('button', { name: 'Registrer aktiviteten' }));

    await waitFor(() => expect(descriptionOf(screen.getByLabelText(/^Dato \(start\)/))).toContain('Datoen er før år 2000. Sjekk årstallet.'));
    expect(descriptionOf(screen.getByLabelText(/^Sluttdato/))).toContain('Datoen er mer enn 10 år fram i tid. Sjekk årstallet.');
    expect(store.received).toEqual([]);
  });

  it('shows the API’s field errors beside the field, and keeps what the user typed', async () => {
    const refuse = http.post('*/api/activities', () =>
      problemResponse(400, [{ path: 'participants.0.actorId', code: 'actor_not_found', message: 'No actor with this id' }]),
    );
    const { user, router } = renderAt('/aktiviteter/ny', undefined, refuse);

    await user.selectOptions(await screen.findByRole('combobox', { name: /^Type aktivitet/ }), 'webinar');
    await user.type(screen.getByRole('textbox', { name: /^Tittel/ }), 'Webinar: Lesesirkler');
    fireEvent.change(screen.getByLabelText(/^Dato \(start\)/), { target: { value: '2026-03-10' } });
    await pickOption(user, screen.getByRole('combobox', { name: /^Søk etter aktør/ }), /^Verdal bibliotek/);
    await user.click(screen.getByRole('button', { name: 'Legg til deltaker' }));
    await user.type(screen.getByRole('textbox', { name: 'Antall personer fra Verdal bibliotek' }), '7');
    await user.click(screen.getByRole('button', { name: 'Registrer aktiviteten' }));

    const summary = await screen.findByRole('heading', { name: 'For å gå videre må du rette opp dette:' });
    expect(summary.parentElement?.textContent).toContain('Fant ikke aktøren');
    const headCount = screen.getByRole('textbox', { name: 'Antall personer fra Verdal bibliotek' });
    expect(descriptionOf(headCount)).toContain('Fant ikke aktøren');
    expect((headCount as HTMLInputElement).value).toBe('7');
    expect(router.state.location.pathname).toBe('/aktiviteter/ny');
  });

  it('takes start and end time, place and online link, says beside the field what is wrong, and shows them on the page', async () => {
    const { user, store } = renderAt('/aktiviteter/ny');
    await user.selectOptions(await screen.findByRole('combobox', { name: /^Type aktivitet/ }), 'meeting');
    await user.type(screen.getByRole('textbox', { name: /^Tittel/ }), 'Samarbeidsmøte Namdal');
    fireEvent.change(screen.getByLabelText(/^Dato \(start\)/), { target: { value: '2026-03-10' } });
    fireEvent.change(screen.getByLabelText(/^Starttid/), { target: { value: '10:00' } });
    fireEvent.change(screen.getByLabelText(/^Sluttid/), { target: { value: '09:00' } });
    await user.type(screen.getByRole('textbox', { name: /^Sted/ }), 'Namsos bibliotek');
    const link = screen.getByRole('textbox', { name: /^Lenke for å delta på nett/ });
    await user.type(link, 'teams-møtet');
    await user.click(screen.getByRole('button', { name: 'Registrer aktiviteten' }));

    // Nothing is sent; each message stands beside its field.
    expect(descriptionOf(screen.getByLabelText(/^Sluttid/))).toContain('Sluttid er ikke etter starttid');
    expect(descriptionOf(link)).not.toBe('');
    expect(store.received).toEqual([]);

    fireEvent.change(screen.getByLabelText(/^Sluttid/), { target: { value: '11:30' } });
    await user.clear(link);
    await user.type(link, 'https://example.org/mote');
    await user.click(screen.getByRole('button', { name: 'Registrer aktiviteten' }));

    await screen.findByRole('heading', { level: 1, name: 'Samarbeidsmøte Namdal' });
    expect(store.received[0]?.body).toMatchObject({ startTime: '10:00', endTime: '11:30', place: 'Namsos bibliotek', onlineUrl: 'https://example.org/mote' });
    expect(screen.getByText('Namsos bibliotek')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Bli med på nett' }).getAttribute('href')).toBe('https://example.org/mote');
    expect(screen.getByRole('link', { name: 'Legg i kalender' }).getAttribute('href')).toMatch(/\/api\/activities\/[0-9a-f-]{36}\/calendar\.ics$/);
  });

  it('counts in "Viser N av M" only the actors it offers, not those added already', async () => {
    const many = Array.from({ length: 22 }, (_, index) => buildActorDetail({ kind: 'public_library', name: `Bibliotek ${String(index + 1).padStart(2, '0')}` }));
    // The public libraries' first page, 20 of 22; no actor of the other kinds.
    const store = new ActorStore([countyLibrary, ...many]).listFor({}, []).listFor({ kind: 'public_library' }, many);
    const { user } = renderAt('/aktiviteter/ny', undefined, ...actorHandlers(store));
    const picker = await screen.findByRole('combobox', { name: /^Søk etter aktør/ });
    await waitFor(() => expect(descriptionOf(picker)).toContain('Viser 20 av 22 treff.'));
    await pickOption(user, picker, /^Bibliotek 01/);
    await user.click(screen.getByRole('button', { name: 'Legg til deltaker' }));
    await waitFor(() => expect(descriptionOf(picker)).toContain('Viser 19 av 21 treff.'));
  });

  it('sends the activity with its participants and head counts, then shows it with the total', async () => {
    const actorStore = new ActorStore(actors);
    const { user, router, store } = renderAt('/aktiviteter/ny', undefined, ...actorHandlers(actorStore));

    await user.selectOptions(await screen.findByRole('combobox', { name: /^Type aktivitet/ }), 'webinar');
    await user.type(screen.getByRole('textbox', { name: /^Tittel/ }), 'Webinar: Lesesirkler');
    fireEvent.change(screen.getByLabelText(/^Dato \(start\)/), { target: { value: '2026-03-10' } });
    await pickOption(user, await screen.findByRole('combobox', { name: /^Arrangør/ }), 'Trøndelag fylkesbibliotek');

    const picker = screen.getByRole('combobox', { name: /^Søk etter aktør/ });
    for (const [actor, count] of [
      [steinkjer, '12'],
      [levanger, '8'],
    ] as const) {
      await pickOption(user, picker, new RegExp(`^${actor.name}`));
      await user.click(screen.getByRole('button', { name: 'Legg til deltaker' }));
      await user.type(screen.getByRole('textbox', { name: `Antall personer fra ${actor.name}` }), count);
    }
    // The server searches what is typed, a picker's page at a time: no list of every actor of a kind.
    await user.type(picker, 'Ste');
    await waitFor(() => expect(actorStore.queries.some((query) => query.get('q') === 'Ste' && query.get('kind') === 'public_library')).toBe(true));
    expect(actorStore.queries.filter((query) => query.get('kind') === 'public_library').map((query) => query.get('pageSize'))).not.toContain('100');
    // An actor added once is not offered again.
    const list = document.getElementById(picker.getAttribute('aria-controls') ?? '') as HTMLElement;
    expect(within(list).queryByRole('option', { name: /Steinkjer/, hidden: true })).toBeNull();
    expect(screen.getByText('Til sammen 20 personer fra 2 aktører (de oppgitte antallene).')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Registrer aktiviteten' }));

    await screen.findByRole('heading', { level: 1, name: 'Webinar: Lesesirkler' });
    expect(router.state.location.pathname).toMatch(/^\/aktiviteter\/[0-9a-f-]{36}$/);
    expect(store.received.map((request) => request.body)).toEqual([
      {
        kind: 'webinar',
        title: 'Webinar: Lesesirkler',
        startDate: '2026-03-10',
        endDate: null,
        startTime: null,
        endTime: null,
        place: null,
        onlineUrl: null,
        organiserId: countyLibrary.id,
        description: null,
        participants: [
          { actorId: steinkjer.id, headCount: 12 },
          { actorId: levanger.id, headCount: 8 },
        ],
        links: [],
      },
    ]);
    expect(await screen.findByText('Aktiviteten er registrert.')).toBeTruthy();
    const participants = screen.getByRole('table', { name: 'Deltakende aktører i Webinar: Lesesirkler' });
    expect(within(participants).getByRole('link', { name: 'Steinkjer bibliotek' }).getAttribute('href')).toBe(`/aktorer/${steinkjer.id}`);
    expect(within(participants).getByRole('row', { name: /Til sammen \(2 aktører\)/ }).textContent).toContain('20');
  });

  it('when someone else saved first: keeps the input, loads their version and saves over it', async () => {
    const activity = webinar('Webinar: Fjernlån i praksis', '2026-02-03', { description: null, version: 1 });
    const store = new ActivityStore([activity], actors);
    const { user } = renderAt(`/aktiviteter/${activity.id}/rediger`, store);

    const title = await screen.findByRole('textbox', { name: /^Tittel/ });
    await user.clear(title);
    await user.type(title, 'Webinar: Fjernlån i praksis (opptak)');
    store.saveBySomeoneElse(activity.id, { description: 'Om fjernlån mellom folkebibliotekene.' });
    store.staleOnce('PATCH');
    await user.click(screen.getByRole('button', { name: 'Lagre endringene' }));

    await screen.findByRole('heading', { name: 'Noen andre har lagret først' });
    expect((screen.getByRole('textbox', { name: /^Tittel/ }) as HTMLInputElement).value).toBe('Webinar: Fjernlån i praksis (opptak)');
    await user.click(screen.getByRole('button', { name: 'Hent den nyeste versjonen' }));
    // Their description is taken in (the same on both sides now): named, not a row to choose between.
    expect(await screen.findByText('Dette har de endret, og det står nå i skjemaet: Beskrivelse.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect((screen.getByRole('textbox', { name: /^Beskrivelse/ }) as HTMLTextAreaElement).value).toBe('Om fjernlån mellom folkebibliotekene.');

    await user.click(screen.getByRole('button', { name: 'Lagre endringene' }));
    await screen.findByRole('heading', { level: 1, name: 'Webinar: Fjernlån i praksis (opptak)' });
    const patches = store.received.filter((request) => request.method === 'PATCH');
    expect(patches.map((request) => [request.ifMatch, request.body])).toEqual([
      ['"1"', { title: 'Webinar: Fjernlån i praksis (opptak)' }],
      ['"2"', { title: 'Webinar: Fjernlån i praksis (opptak)' }],
    ]);
  });
});

describe('counts per period', () => {
  it('counts the activities of a kind per half year, with the filters in the URL', async () => {
    const webinarsInPeriod = ['2023-09-14', '2023-11-02', '2024-03-14', '2025-06-10'];
    const filters = { kind: 'webinar', from: '2023-07-01', to: '2025-06-30' };
    const store = new ActivityStore([], actors)
      .countsFor({}, countByPeriod([...webinarsInPeriod, '2026-02-03', '2024-01-10'], 'half_year'))
      .countsFor(filters, countByPeriod(webinarsInPeriod, 'half_year'))
      .countsFor({ ...filters, per: 'year' }, countByPeriod(webinarsInPeriod, 'year'));
    const { user, router } = renderAt('/aktiviteter/tall', store);

    await screen.findByText('Til sammen 6 aktiviteter.');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Type aktivitet' }), 'webinar');
    fireEvent.change(screen.getByLabelText('Fra dato'), { target: { value: '2023-07-01' } });
    fireEvent.change(screen.getByLabelText('Til dato'), { target: { value: '2025-06-30' } });
    await waitFor(() => expect(router.state.location.search).toEqual({ kind: 'webinar', from: '2023-07-01', to: '2025-06-30' }));

    await screen.findByText('Til sammen 4 aktiviteter.');
    const table = screen.getByRole('table', { name: 'Antall aktiviteter per periode' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.querySelectorAll('th, td')].slice(0, 2).map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Høst 2023', '2'],
      ['Vår 2024', '1'],
      // A half year without any is shown with 0: no gap in the series.
      ['Høst 2024', '0'],
      ['Vår 2025', '1'],
      ['Sum', '4'],
    ]);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Tell per' }), 'year');
    await waitFor(() => expect(within(screen.getByRole('table')).getByRole('rowheader', { name: '2023' })).toBeTruthy());
    expect(router.state.location.search).toMatchObject({ per: 'year' });
  });
});

describe('who may change what', () => {
  const coordinator = {
    email: 'namdal@demo.kompetansebro.no',
    password: 'kompetansebro',
    me: buildMe({ memberships: [buildMembership(testOrganisations.namdal, 'study_centre_coordinator')] }),
  };
  const viewer = {
    email: 'fylke-innsyn@demo.kompetansebro.no',
    password: 'kompetansebro',
    me: buildMe({ memberships: [buildMembership(testOrganisations.county, 'county_viewer')] }),
  };

  function renderAs(account: typeof coordinator, path: string, store: ActivityStore) {
    mswServer.use(
      ...activityHandlers(store),
      ...actorHandlers(new ActorStore(actors)),
      ...referenceHandlers(),
      ...authHandlers(new AuthStore([account], { loggedInAs: account.email })),
    );
    // As the study-centre portal mounts it: its own webinars and meetings.
    return renderRoute({ path, createRoutes: (root) => [createActivityRoutes(root, { path: 'aktiviteter', kinds: ['webinar', 'meeting'] })] });
  }

  it('a study centre changes only what it organises, and deletes after confirming', async () => {
    const countyWebinar = webinar('Webinar: Fjernlån i praksis', '2026-02-03');
    const ownMeeting = buildActivityDetail({
      title: 'Nettverksmøte i Namdal',
      kind: 'meeting',
      startDate: '2026-01-20',
      organiserId: testOrganisations.namdal.id,
      organiserName: 'Namdal studiesenter',
    });
    const store = new ActivityStore([countyWebinar, ownMeeting], actors);
    const { user, router } = renderAs(coordinator, `/aktiviteter/${countyWebinar.id}`, store);

    await screen.findByRole('heading', { level: 1, name: 'Webinar: Fjernlån i praksis' });
    expect(screen.queryByRole('link', { name: 'Rediger' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Slett' })).toBeNull();

    await router.navigate({ to: '/aktiviteter/$id', params: { id: ownMeeting.id } });
    await screen.findByRole('heading', { level: 1, name: 'Nettverksmøte i Namdal' });
    expect(screen.getByRole('link', { name: 'Rediger' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Slett' }));
    const dialog = await screen.findByRole('dialog', { name: 'Slette «Nettverksmøte i Namdal»?' });
    await user.click(within(dialog).getByRole('button', { name: 'Slett aktiviteten' }));

    await screen.findByText('Aktiviteten er slettet.');
    expect(router.state.location.pathname).toBe('/aktiviteter');
    expect(store.get(ownMeeting.id)).toBeUndefined();
    expect(store.received).toEqual([{ method: 'DELETE', path: `/api/activities/${ownMeeting.id}`, body: null, ifMatch: '"1"' }]);
  });

  it('a study centre registers with itself as organiser, choosing among the kinds its portal offers', async () => {
    const store = new ActivityStore([], actors);
    const { user } = renderAs(coordinator, '/aktiviteter/ny', store);

    const kind = await screen.findByRole('combobox', { name: /^Type aktivitet/ });
    expect(within(kind).getAllByRole('option').map((option) => option.textContent)).toEqual(['Velg …', 'Møte', 'Webinar']);
    expect(screen.queryByRole('combobox', { name: /^Arrangør/ })).toBeNull();
    expect(screen.getByText('Namdal studiesenter')).toBeTruthy();

    await user.selectOptions(kind, 'meeting');
    await user.type(screen.getByRole('textbox', { name: /^Tittel/ }), 'Nettverksmøte i Namdal');
    fireEvent.change(screen.getByLabelText(/^Dato \(start\)/), { target: { value: '2026-03-10' } });
    await user.click(screen.getByRole('button', { name: 'Registrer aktiviteten' }));
    await screen.findByRole('heading', { level: 1, name: 'Nettverksmøte i Namdal' });
    expect(store.received[0]?.body).toMatchObject({ kind: 'meeting', organiserId: testOrganisations.namdal.id });
  });

  it('a county viewer reads, without register, edit or delete', async () => {
    const activity = webinar('Webinar: Fjernlån i praksis', '2026-02-03');
    renderAs(viewer, '/aktiviteter', new ActivityStore([activity], actors));

    await screen.findByText('1 aktivitet');
    expect(screen.queryByRole('link', { name: 'Registrer aktivitet' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Last ned CSV' })).toBeTruthy();
  });
});
