import {
  actorHandlers,
  ActorStore,
  AuthStore,
  authHandlers,
  buildInitiativeDetail,
  buildMe,
  buildMembership,
  buildMobilityCount,
  buildPlanItemDetail,
  initiativeHandlers,
  InitiativeStore,
  mswServer,
  renderRoute,
  testOrganisations,
} from '@kompetansebro/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createInitiativeRoutes } from './initiative-routes';

const COUNTY_ADMIN = 'fylke@demo.kompetansebro.no';
const countyViewer = () => ({ email: 'innsyn@example.no', password: 'x', me: buildMe({ memberships: [buildMembership(testOrganisations.county, 'county_viewer')] }) });

function renderInitiatives(path: string, store: InitiativeStore, auth = new AuthStore(undefined, { loggedInAs: COUNTY_ADMIN })) {
  mswServer.use(...initiativeHandlers(store), ...actorHandlers(new ActorStore()), ...authHandlers(auth));
  const view = renderRoute({
    path,
    createRoutes: (root) => [
      createInitiativeRoutes(root, { path: 'tiltak', activityPath: '/aktiviteter/$id', agreementPath: '/avtaler/$id', historyPath: '/historikk/$entity/$id', reportPath: '/rapporter' }),
    ],
  });
  return { ...view, store };
}

/** The text of the elements an input's aria-describedby points to (its help and its error). */
function descriptionOf(input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' | ');
}

function rowTitles(): string[] {
  return within(screen.getByRole('table'))
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent ?? '');
}

describe('InitiativeListPage', () => {
  const store = () => {
    const universityMunicipality = buildInitiativeDetail({ title: 'Universitetskommune 3.0', kind: 'pilot', themes: ['innovation'], budget: null });
    return new InitiativeStore([
      buildInitiativeDetail({ title: 'Internasjonalisering i skolen', kind: 'programme', themes: ['internationalisation', 'mobility'] }),
      buildInitiativeDetail({ title: 'Regionale kompetanseaktører', themes: ['library_services_for_students'] }),
      universityMunicipality,
    ])
      .listFor({ theme: 'innovation' }, [universityMunicipality])
      .listFor({ kind: 'network' }, []);
  };

  it('lists with remaining funds in kroner, and keeps the filters and search in the URL and the export', async () => {
    const { user, router, store: initiatives } = renderInitiatives('/tiltak', store());
    await waitFor(() => expect(rowTitles()).toEqual(['Internasjonalisering i skolen', 'Regionale kompetanseaktører', 'Universitetskommune 3.0']), { timeout: 5000 });
    expect(within(screen.getByRole('row', { name: /Regionale/ })).getByText('414 600,00 kr')).toBeTruthy();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Tema' }), 'innovation');
    await waitFor(() => expect(rowTitles()).toEqual(['Universitetskommune 3.0']));
    expect(router.state.location.search).toEqual({ theme: 'innovation' });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Periode' }), 'ongoing');
    await waitFor(() => expect(initiatives.listQueries.at(-1)?.get('period')).toBe('ongoing'));
    expect(router.state.location.search).toEqual({ theme: 'innovation', period: 'ongoing' });
    const xlsx = screen.getByRole('link', { name: 'Last ned Excel' }).getAttribute('href') ?? '';
    expect(xlsx).toContain('/api/initiatives/export?');
    expect(xlsx).toContain('theme=innovation');
    expect(xlsx).toContain('period=ongoing');
    expect(xlsx).toContain('format=xlsx');
  });

  it('says when nothing matches, and clears the filters', async () => {
    const { user } = renderInitiatives('/tiltak?kind=network', store());
    await screen.findByRole('heading', { name: 'Ingen tiltak passer' }, { timeout: 5000 });
    const [clear] = screen.getAllByRole('button', { name: 'Fjern filtrene' });
    if (clear) await user.click(clear);
    await waitFor(() => expect(rowTitles()).toHaveLength(3));
  });
});

describe('InitiativePage', () => {
  const planned = buildPlanItemDetail({ title: 'Samarbeidsavtale med Namdal studiesenter', status: 'planned', dueDate: '2020-03-01', responsibleActorName: 'Namdal studiesenter' });
  const webinars = buildPlanItemDetail({
    title: 'Webinarer for bibliotekansatte',
    status: 'done',
    dueDate: '2020-06-30',
    resultText: '12 webinarer med god deltakelse.',
    activities: [{ id: '00000000-0000-4000-8005-000000000001', title: 'Webinar om fjernlån' }],
  });
  const project = () =>
    buildInitiativeDetail({
      planItems: [planned, webinars].map((item) => ({ ...item, initiativeId: '00000000-0000-4000-8020-000000009999' })),
      id: '00000000-0000-4000-8020-000000009999',
      policyAnchors: [
        { id: '00000000-0000-4000-8023-000000000001', title: 'Nasjonal bibliotekstrategi', level: 'national', period: '2020–2023', url: 'https://www.regjeringen.no/' },
        { id: '00000000-0000-4000-8023-000000000002', title: 'Regional plan for kompetanse', level: 'regional', period: null, url: null },
        { id: '00000000-0000-4000-8023-000000000003', title: 'Kulturmeldingen', level: 'national', period: null, url: null },
      ],
    });

  it('shows the funds, and each extension in the period as text', async () => {
    const initiative = project();
    renderInitiatives(`/tiltak/${initiative.id}`, new InitiativeStore([initiative]));
    await screen.findByRole('heading', { level: 1, name: initiative.title }, { timeout: 5000 });
    const funds = screen.getByRole('region', { name: 'Midler' });
    expect(within(funds).getByText('1 500 000,00 kr')).toBeTruthy();
    expect(within(funds).getByText('1 085 400,00 kr')).toBeTruthy();
    expect(within(funds).getByText('414 600,00 kr')).toBeTruthy();

    const period = screen.getByRole('region', { name: 'Periode og forlengelser' });
    const lines = within(period)
      .getAllByRole('listitem')
      .map((item) => item.textContent?.replace(/\s+/g, ' '));
    expect(lines).toContain('Forlengelse 1: søkt 15.08.2025, ny slutt 30.06.2026 — innvilget 01.10.2025');
    expect(lines).toContain('Forlengelse 2: søkt 10.02.2026, ny slutt 30.06.2027 — søkt, ikke avgjort');
    expect(lines).toContain('Gjeldende slutt: 30.06.2026');
    expect(screen.getByRole('link', { name: 'Lag rapport til finansiør' }).getAttribute('href')).toBe(`/rapporter?tiltak=${initiative.id}`);
    expect(screen.getByRole('link', { name: 'Historikk' }).getAttribute('href')).toBe(`/historikk/initiative/${initiative.id}`);
  });

  it('groups policy anchors by level, with their links', async () => {
    const initiative = project();
    renderInitiatives(`/tiltak/${initiative.id}`, new InitiativeStore([initiative]));
    const anchors = await screen.findByRole('region', { name: 'Politisk forankring' }, { timeout: 5000 });
    expect(within(anchors).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Nasjonalt', 'Regionalt']);
    const [national] = within(anchors).getAllByRole('list');
    if (!national) throw new Error('no list of national anchors');
    expect(within(national).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Nasjonal bibliotekstrategi (åpnes i ny fane) (2020–2023)',
      'Kulturmeldingen',
    ]);
    expect(within(anchors).getByRole('link', { name: /Nasjonal bibliotekstrategi/ }).getAttribute('href')).toBe('https://www.regjeringen.no/');
  });

  it('shows the plan as a board by status, marks the overdue in words, and moves an item with the status control', async () => {
    const initiative = project();
    const { user, store } = renderInitiatives(`/tiltak/${initiative.id}`, new InitiativeStore([initiative]));
    const plannedColumn = await screen.findByRole('region', { name: 'Planlagt (1)' }, { timeout: 5000 });
    const card = within(plannedColumn).getByRole('article', { name: 'Samarbeidsavtale med Namdal studiesenter' });
    expect(card.textContent).toContain('forfalt');
    expect(card.textContent).toContain('Namdal studiesenter');
    const doneColumn = screen.getByRole('region', { name: 'Ferdig (1)' });
    // A done item is not overdue, whatever its date.
    expect(within(doneColumn).getByRole('article').textContent).not.toContain('forfalt');
    // The result its owner wrote (in its own app) shows on the card.
    expect(within(doneColumn).getByRole('article').textContent).toContain('Resultat12 webinarer med god deltakelse.');
    expect(within(doneColumn).getByRole('link', { name: 'Webinar om fjernlån' }).getAttribute('href')).toBe('/aktiviteter/00000000-0000-4000-8005-000000000001');

    await user.selectOptions(await within(card).findByRole('combobox', { name: /Status/ }), 'done');
    const nowDone = await screen.findByRole('region', { name: 'Ferdig (2)' });
    expect(within(nowDone).getByRole('article', { name: 'Samarbeidsavtale med Namdal studiesenter' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Planlagt (0)' })).toBeTruthy();
    expect(store.planItemChanges).toEqual([{ status: 'done' }]);
    expect(await screen.findByText('«Samarbeidsavtale med Namdal studiesenter» er flyttet til Ferdig.')).toBeTruthy();
  });

  it('says so when someone else changed the item first, and shows their version', async () => {
    const initiative = project();
    const store = new InitiativeStore([initiative]);
    const { user } = renderInitiatives(`/tiltak/${initiative.id}`, store);
    const plannedColumn = await screen.findByRole('region', { name: 'Planlagt (1)' }, { timeout: 5000 });
    store.changeBehindTheScenes(initiative.id, planned.id, { status: 'in_progress' });
    store.staleOnce('PATCH');
    await user.selectOptions(await within(plannedColumn).findByRole('combobox', { name: /Status/ }), 'done');
    expect(await screen.findByText(/Noen andre endret «Samarbeidsavtale med Namdal studiesenter» samtidig/)).toBeTruthy();
    await screen.findByRole('region', { name: 'Pågår (1)' });
  });

  it('checks a new plan item before sending it, with the message beside the field and in the summary', async () => {
    const initiative = project();
    const { user, store } = renderInitiatives(`/tiltak/${initiative.id}`, new InitiativeStore([initiative]));
    await user.click(await screen.findByRole('button', { name: 'Legg til planpunkt' }, { timeout: 5000 }));
    await user.type(screen.getByRole('textbox', { name: /Tittel/ }), 'Ab');
    await user.click(screen.getByRole('button', { name: 'Lagre' }));
    expect(await screen.findByRole('link', { name: 'Tittel: Skriv minst 3 tegn.' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: /Tittel/ }).getAttribute('aria-invalid')).toBe('true');

    await user.type(screen.getByRole('textbox', { name: /Tittel/ }), 'c-kurs for bibliotekansatte');
    await user.click(screen.getByRole('button', { name: 'Lagre' }));
    await screen.findByRole('region', { name: 'Planlagt (2)' });
    expect(store.get(initiative.id)?.planItems.map((item) => item.title)).toContain('Abc-kurs for bibliotekansatte');
  });

  it('shows the partnership maturity and levels, and mobility as a chart with a table', async () => {
    const initiative = buildInitiativeDetail({ title: 'Universitetskommune 3.0', maturityLevel: '3.0', levels: ['strategic', 'practical'], themes: ['mobility'] });
    const store = new InitiativeStore(
      [initiative],
      [
        buildMobilityCount({ initiativeId: initiative.id, schoolYear: '2023/24', category: 'apprentice', count: 10 }),
        buildMobilityCount({ initiativeId: initiative.id, schoolYear: '2023/24', category: 'teacher', count: 4 }),
        buildMobilityCount({ initiativeId: initiative.id, schoolYear: '2024/25', category: 'pupil', count: 25 }),
      ],
    );
    renderInitiatives(`/tiltak/${initiative.id}`, store);
    const partnership = await screen.findByRole('region', { name: 'Samarbeid og modenhet' }, { timeout: 5000 });
    expect(partnership.textContent).toContain('3.0 – strategisk partnerskap');
    expect(partnership.textContent).toContain('Strategisk, Praktisk');

    const table = await screen.findByRole('table', { name: 'Mobilitet per skoleår' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['14 personer', '10', '0', '4', '0'],
      ['25 personer', '0', '25', '0', '0'],
    ]);
  });

  it('offers no changes to a county viewer', async () => {
    const initiative = project();
    const viewer = countyViewer();
    renderInitiatives(`/tiltak/${initiative.id}`, new InitiativeStore([initiative]), new AuthStore([viewer], { loggedInAs: viewer.email }));
    await screen.findByRole('region', { name: 'Planlagt (1)' }, { timeout: 5000 });
    expect(screen.queryByRole('combobox', { name: /Status/ })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Rediger tiltaket' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Legg til planpunkt' })).toBeNull();
  });
});

describe('PortfolioPage', () => {
  it('ranks by the weights in the URL, and re-ranks when the user changes them', async () => {
    const store = new InitiativeStore([
      buildInitiativeDetail({ title: 'Billig og umoden', budget: { granted: 100_000, spent: 0 }, maturityLevel: '1.0', societalEffect: 2 }),
      buildInitiativeDetail({ title: 'Dyr og moden', budget: { granted: 2_000_000, spent: 0 }, maturityLevel: '3.0', societalEffect: 5 }),
      buildInitiativeDetail({ title: 'Ikke vurdert', budget: null }),
    ]);
    const { user, router } = renderInitiatives('/tiltak/portefolje?effekt=0&kostnad=5&modenhet=0', store);
    await waitFor(() => expect(rowTitles()).toEqual(['Billig og umoden', 'Dyr og moden', 'Ikke vurdert']), { timeout: 5000 });
    expect(within(screen.getByRole('row', { name: /Ikke vurdert/ })).getByText('Samfunnseffekt, Kostnad, Modenhet')).toBeTruthy();
    // The maturity level is named, not a bare code.
    expect(within(screen.getByRole('row', { name: /Dyr og moden/ })).getByText('3.0 – strategisk partnerskap')).toBeTruthy();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Kostnad' }), '0');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Samfunnseffekt' }), '5');
    await waitFor(() => expect(rowTitles()).toEqual(['Dyr og moden', 'Billig og umoden', 'Ikke vurdert']));
    expect(router.state.location.search).toEqual({ effekt: 5, kostnad: 0, modenhet: 0 });
    // The county admin is told where the effect is set.
    expect(screen.getByText(/Samfunnseffekten settes under «Rediger tiltaket»\./)).toBeTruthy();
  });

  it('does not point a county viewer to an edit form they may not use', async () => {
    const viewer = countyViewer();
    const store = new InitiativeStore([buildInitiativeDetail({ title: 'Dyr og moden', maturityLevel: '3.0', societalEffect: 5 })]);
    renderInitiatives('/tiltak/portefolje', store, new AuthStore([viewer], { loggedInAs: viewer.email }));
    await waitFor(() => expect(rowTitles()).toEqual(['Dyr og moden']), { timeout: 5000 });
    expect(screen.getByText(/^Rangerer tiltakene etter samfunnseffekt/)).toBeTruthy();
    expect(screen.queryByText(/Rediger tiltaket/)).toBeNull();
  });
});

describe('InitiativeEditPage', () => {
  it('refuses an amount that is not one, beside the field and in the summary, then saves the funds and a new extension', async () => {
    const initiative = buildInitiativeDetail();
    const { user, store, router } = renderInitiatives(`/tiltak/${initiative.id}/rediger`, new InitiativeStore([initiative]));
    const spent = await screen.findByRole('textbox', { name: 'Brukt' }, { timeout: 5000 });
    expect(within(screen.getByRole('combobox', { name: 'Modenhetsnivå' })).getByRole('option', { name: '2.0 – prosjektsamarbeid' })).toBeTruthy();
    await user.clear(spent);
    await user.type(spent, 'mye');
    await user.click(screen.getByRole('button', { name: 'Lagre endringene' }));
    expect(await screen.findByRole('link', { name: 'Brukt: Skriv beløpet i kroner, 0 eller mer (ikke negativt), for eksempel 1 250 000,50.' })).toBeTruthy();
    expect(spent.getAttribute('aria-invalid')).toBe('true');
    expect(store.initiativeChanges).toEqual([]);

    await user.clear(spent);
    await user.type(spent, '1 100 000,50');
    await user.click(screen.getByRole('button', { name: 'Legg til forlengelse' }));
    const third = screen.getByRole('group', { name: 'Forlengelse 3' });
    await user.type(within(third).getByLabelText('Søkt dato'), '2026-05-01');
    await user.type(within(third).getByLabelText('Ny slutt'), '2027-12-31');
    await user.click(screen.getByRole('checkbox', { name: 'Innovasjon' }));
    await user.click(screen.getByRole('button', { name: 'Legg til mål' }));
    await user.type(screen.getByRole('textbox', { name: /^Mål 1/ }), 'Flere studenter finner biblioteket');
    await user.click(screen.getByRole('button', { name: 'Lagre endringene' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/tiltak/${initiative.id}`));
    expect(store.get(initiative.id)?.budget).toEqual({ granted: 1_500_000, spent: 1_100_000.5 });
    expect(store.get(initiative.id)?.extensions.map((e) => [e.requestedEnd, e.status])).toEqual([
      ['2026-06-30', 'granted'],
      ['2027-06-30', 'asked'],
      ['2027-12-31', 'asked'],
    ]);
    expect(store.get(initiative.id)?.themes).toEqual(['library_services_for_students', 'innovation']);
    expect(store.get(initiative.id)?.goals.map((goal) => goal.text)).toEqual(['Flere studenter finner biblioteket']);
  });

  it('says so when someone else saved first, shows their version and keeps what the user typed; saving again goes through', async () => {
    const initiative = buildInitiativeDetail();
    const store = new InitiativeStore([initiative]);
    const { user, router } = renderInitiatives(`/tiltak/${initiative.id}/rediger`, store);
    const title = await screen.findByRole('textbox', { name: /Tittel/ }, { timeout: 5000 });
    store.changeInitiativeBehindTheScenes(initiative.id, { title: 'Deres nye tittel', description: 'Deres beskrivelse' });
    store.staleOnce('PATCH');
    await user.clear(title);
    await user.type(title, 'Min nye tittel');
    await user.click(screen.getByRole('button', { name: 'Lagre endringene' }));

    const conflict = await screen.findByRole('alert');
    expect(conflict.textContent).toContain('Noen andre har lagret tiltaket');
    // Every field the form edits is compared, the description too; a field alike on both sides is not listed.
    expect(within(conflict).getByRole('row', { name: /Tittel/ }).textContent).toContain('Deres nye tittel');
    expect(within(conflict).getByRole('row', { name: /Beskrivelse/ }).textContent).toContain('Deres beskrivelse');
    expect(within(conflict).queryByRole('row', { name: /Planlagt slutt/ })).toBeNull();
    // The notice is at the top, the user at the save button: it takes the focus.
    await waitFor(() => expect(document.activeElement).toBe(conflict));
    expect((screen.getByRole('textbox', { name: /Tittel/ }) as HTMLInputElement).value).toBe('Min nye tittel');

    await user.click(screen.getByRole('button', { name: 'Lagre mine endringer' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/tiltak/${initiative.id}`));
    expect(store.get(initiative.id)?.title).toBe('Min nye tittel');
  });
});

describe('InitiativeEditPage for a county viewer', () => {
  it('says the viewer may not change the initiative, and shows no form', async () => {
    const initiative = buildInitiativeDetail();
    const viewer = countyViewer();
    renderInitiatives(`/tiltak/${initiative.id}/rediger`, new InitiativeStore([initiative]), new AuthStore([viewer], { loggedInAs: viewer.email }));
    expect(await screen.findByText(/Du har ikke tilgang til dette/, {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Lagre endringene' })).toBeNull();
  });
});

describe('PlanItemForm', () => {
  it('keeps the user’s changes when someone else saved the item first, and shows theirs', async () => {
    const item = buildPlanItemDetail({ title: 'Kurs for bibliotekansatte', initiativeId: '00000000-0000-4000-8020-000000009998' });
    const initiative = buildInitiativeDetail({ id: '00000000-0000-4000-8020-000000009998', planItems: [item] });
    const store = new InitiativeStore([initiative]);
    const { user } = renderInitiatives(`/tiltak/${initiative.id}`, store);
    await user.click(await screen.findByRole('button', { name: 'Rediger «Kurs for bibliotekansatte»' }, { timeout: 5000 }));
    store.changeBehindTheScenes(initiative.id, item.id, { title: 'Kurs i kildekritikk', status: 'in_progress', description: 'Deres beskrivelse' });
    store.staleOnce('PATCH');
    const title = screen.getByRole('textbox', { name: /Tittel/ });
    await user.clear(title);
    await user.type(title, 'Kurs i fjernlån');
    await user.click(screen.getByRole('button', { name: 'Lagre' }));

    const conflict = await screen.findByRole('alert');
    await waitFor(() => expect(conflict.textContent).toContain('Kurs i kildekritikk'));
    expect(conflict.textContent).toContain('Pågår');
    expect(within(conflict).getByRole('row', { name: /Beskrivelse/ }).textContent).toContain('Deres beskrivelse');
    await waitFor(() => expect(document.activeElement).toBe(conflict));
    expect((screen.getByRole('textbox', { name: /Tittel/ }) as HTMLInputElement).value).toBe('Kurs i fjernlån');
    await user.click(screen.getByRole('button', { name: 'Lagre mine endringer' }));
    await waitFor(() => expect(store.get(initiative.id)?.planItems[0]?.title).toBe('Kurs i fjernlån'));
    // The form is gone with its buttons: the focus is back on the item's edit button, not the page body.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rediger «Kurs i fjernlån»' })));
  });
});

describe('InitiativeCreatePage', () => {
  it('offers "Nytt tiltak" on the list to a county admin, and not to a county viewer, who is refused the form', async () => {
    const initiatives = () => new InitiativeStore([buildInitiativeDetail({ title: 'Internasjonalisering i skolen' })]);
    const admin = renderInitiatives('/tiltak', initiatives());
    const create = await screen.findByRole('link', { name: 'Nytt tiltak' }, { timeout: 5000 });
    expect(create.getAttribute('href')).toBe('/tiltak/ny');
    await admin.user.click(create);
    await screen.findByRole('heading', { level: 1, name: 'Nytt tiltak' });
    admin.unmount();

    const viewer = countyViewer();
    const { router } = renderInitiatives('/tiltak/ny', initiatives(), new AuthStore([viewer], { loggedInAs: viewer.email }));
    expect(await screen.findByText(/Du har ikke tilgang til dette/, {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Opprett tiltaket' })).toBeNull();
    // The viewer's role is known by now: the list shows no way to create.
    await router.navigate({ to: '/tiltak' });
    await waitFor(() => expect(rowTitles()).toEqual(['Internasjonalisering i skolen']));
    expect(screen.getByRole('link', { name: 'Prioriter porteføljen' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Nytt tiltak' })).toBeNull();
  });

  it('checks the fields before sending: each message beside its field and in the summary, and nothing sent', async () => {
    const { user, store } = renderInitiatives('/tiltak/ny', new InitiativeStore());
    await user.click(await screen.findByRole('button', { name: 'Opprett tiltaket' }, { timeout: 5000 }));
    const summary = await screen.findByRole('heading', { name: 'For å gå videre må du rette opp dette:' });
    const summaryBox = summary.parentElement as HTMLElement;
    expect(within(summaryBox).getAllByRole('link').map((link) => [link.getAttribute('href'), link.textContent])).toEqual([
      ['#initiative-title', 'Tittel: Fyll ut feltet.'],
      ['#initiative-kind', 'Type: Fyll ut feltet.'],
    ]);
    const title = screen.getByRole('textbox', { name: 'Tittel' });
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(title)).toContain('Fyll ut feltet.');
    expect(descriptionOf(screen.getByRole('combobox', { name: 'Type' }))).toContain('Fyll ut feltet.');

    await user.type(title, 'Ab');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Type' }), 'pilot');
    fireEvent.change(screen.getByLabelText('Start'), { target: { value: '2026-08-01' } });
    fireEvent.change(screen.getByLabelText('Planlagt slutt'), { target: { value: '2026-06-30' } });
    await user.type(screen.getByRole('textbox', { name: 'Bevilget' }), '200 000');
    await user.click(screen.getByRole('button', { name: 'Opprett tiltaket' }));
    await waitFor(() => expect(descriptionOf(screen.getByRole('textbox', { name: 'Tittel' }))).toContain('Skriv minst 3 tegn.'));
    expect(descriptionOf(screen.getByLabelText('Planlagt slutt'))).toContain('Slutten kan ikke være før starten.');
    expect(descriptionOf(screen.getByRole('textbox', { name: 'Brukt' }))).toContain('Fyll ut feltet.');
    expect(screen.getByRole('combobox', { name: 'Type' }).getAttribute('aria-invalid')).not.toBe('true');
    expect(store.received).toEqual([]);
  });

  it('sends the new initiative, then shows its page with a confirmation', async () => {
    const { user, store, router } = renderInitiatives('/tiltak/ny', new InitiativeStore());
    await user.type(await screen.findByRole('textbox', { name: 'Tittel' }, { timeout: 5000 }), '  Lesesirkler i Namdal ');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Type' }), 'pilot');
    await user.type(screen.getByRole('textbox', { name: 'Beskrivelse' }), 'Lesesirkler for voksne i seks bibliotek.');
    await user.click(screen.getByRole('checkbox', { name: 'Innovasjon' }));
    await user.click(screen.getByRole('button', { name: 'Legg til mål' }));
    await user.type(screen.getByRole('textbox', { name: /^Mål 1/ }), 'Flere voksne leser');
    await user.type(screen.getByRole('textbox', { name: 'Bevilget' }), '250 000');
    await user.type(screen.getByRole('textbox', { name: 'Brukt' }), '0');
    fireEvent.change(screen.getByLabelText('Start'), { target: { value: '2026-08-01' } });
    fireEvent.change(screen.getByLabelText('Planlagt slutt'), { target: { value: '2027-06-30' } });
    await user.click(screen.getByRole('button', { name: 'Opprett tiltaket' }));

    await screen.findByRole('heading', { level: 1, name: 'Lesesirkler i Namdal' });
    expect(store.received.map(({ method, path }) => `${method} ${path}`)).toEqual(['POST /api/initiatives']);
    expect(store.received[0]?.body).toEqual({
      kind: 'pilot',
      title: 'Lesesirkler i Namdal',
      description: 'Lesesirkler for voksne i seks bibliotek.',
      startDate: '2026-08-01',
      plannedEndDate: '2027-06-30',
      budget: { granted: 250_000, spent: 0 },
      maturityLevel: null,
      societalEffect: null,
      themes: ['innovation'],
      levels: [],
      goals: [{ text: 'Flere voksne leser' }],
      extensions: [],
    });
    const [created] = store.all();
    expect(router.state.location.pathname).toBe(`/tiltak/${created?.id}`);
    expect(await screen.findByText('Tiltaket er opprettet.')).toBeTruthy();
  });

  it('shows the API’s field error beside the field, and keeps what the user typed', async () => {
    const store = new InitiativeStore();
    store.respondOnce('POST', 400, [{ path: 'title', code: 'too_big', message: 'Too big', params: { origin: 'string', maximum: 300 } }]);
    const { user, router } = renderInitiatives('/tiltak/ny', store);
    await user.type(await screen.findByRole('textbox', { name: 'Tittel' }, { timeout: 5000 }), 'Universitetskommune 4.0');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Type' }), 'programme');
    await user.click(screen.getByRole('button', { name: 'Opprett tiltaket' }));

    expect(await screen.findByRole('link', { name: 'Tittel: Skriv høyst 300 tegn. Korte ned teksten.' })).toBeTruthy();
    const title = screen.getByRole('textbox', { name: 'Tittel' });
    expect(descriptionOf(title)).toContain('Skriv høyst 300 tegn.');
    expect((title as HTMLInputElement).value).toBe('Universitetskommune 4.0');
    expect(store.received.map(({ method }) => method)).toEqual(['POST']);
    expect(router.state.location.pathname).toBe('/tiltak/ny');
  });
});
