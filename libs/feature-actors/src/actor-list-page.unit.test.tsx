import { problemResponse, actorHandlers, AuthStore, authHandlers, buildMe, buildMembership, testOrganisations, ActorStore, buildActorDetail, mswServer, referenceHandlers, renderRoute, testRegions } from '@kompetansebro/testing';
import { screen, waitFor, within } from '@testing-library/react';
import type { ActorDetail } from '@kompetansebro/domain';
import { http, type RequestHandler } from 'msw';
import { describe, expect, it } from 'vitest';
import { createActorRoutes } from './actor-routes';

const register = () => [
  buildActorDetail({ name: 'Namdal studiesenter', kind: 'study_centre', municipalityNumber: '5007' }),
  buildActorDetail({ name: 'NTNU', kind: 'university', municipalityNumber: '5001', shortName: 'NTNU' }),
  buildActorDetail({ name: 'Trondheim folkebibliotek', kind: 'public_library', municipalityNumber: '5001' }),
  buildActorDetail({ name: 'Åfjord bibliotek', kind: 'public_library', municipalityNumber: '5058' }),
];

/** The register in Norwegian order, and what the API finds for the queries these tests make. */
function registerStore(): ActorStore {
  const [namdal, ntnu, trondheim, afjord] = register() as [ActorDetail, ActorDetail, ActorDetail, ActorDetail];
  return new ActorStore([namdal, ntnu, trondheim, afjord])
    .listFor({ q: 'bibliotek' }, [trondheim, afjord])
    .listFor({ kind: 'public_library' }, [trondheim, afjord])
    .listFor({ kind: 'public_library', region: testRegions.fosen.id }, [afjord])
    .listFor({ sort: '-name' }, [afjord, trondheim, ntnu, namdal])
    .listFor({ q: 'xyz' }, []);
}

/** Renders the actor list at `path` over an msw register; returns the store to inspect. */
function renderActorList(path = '/aktorer', store = registerStore(), ...overrides: RequestHandler[]) {
  mswServer.use(...actorHandlers(store), ...referenceHandlers(), ...authHandlers(new AuthStore(undefined, { loggedInAs: 'fylke@demo.kompetansebro.no' })));
  // msw tries handlers added by a later use() first: the overrides win.
  if (overrides.length > 0) mswServer.use(...overrides);
  const view = renderRoute({
    path,
    createRoutes: (root) => [createActorRoutes(root, { viewer: { canEdit: true } })],
  });
  return { ...view, store };
}

/** The names in the table's rows, in order. */
function rowNames(): string[] {
  const table = screen.getByRole('table');
  return within(table)
    .getAllByRole('rowheader')
    .map((cell) => within(cell).getByRole('link').textContent ?? '');
}

describe('ActorListPage', () => {
  it('lists the actors in Norwegian order with kind, municipality and a link to each', async () => {
    renderActorList();

    const link = await screen.findByRole('link', { name: 'Namdal studiesenter' });
    expect(link.getAttribute('href')).toMatch(/^\/aktorer\/[0-9a-f-]{36}$/);
    expect(rowNames()).toEqual(['Namdal studiesenter', 'NTNU', 'Trondheim folkebibliotek', 'Åfjord bibliotek']);
    const ntnuRow = screen.getByRole('row', { name: /NTNU/ });
    expect(within(ntnuRow).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['Universitet eller høgskole', 'Trondheim', '03.02.2026']);
    expect(screen.getByText('1–4 av 4')).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Navn' }).getAttribute('aria-sort')).toBe('ascending');
    expect(document.title).toBe('Aktører – Testapp');
  });

  it('puts the search in the URL and asks the API for it', async () => {
    const { user, router } = renderActorList();
    await screen.findByRole('link', { name: 'NTNU' });

    await user.type(screen.getByRole('searchbox', { name: 'Søk i aktører' }), 'bibliotek{Enter}');

    await waitFor(() => expect(rowNames()).toEqual(['Trondheim folkebibliotek', 'Åfjord bibliotek']));
    expect(router.state.location.search).toEqual({ q: 'bibliotek' });
    expect(screen.getByText('2 aktører').getAttribute('role')).toBe('status');
  });

  it('opens with the filters a link carries, and a filter change goes back to page 1', async () => {
    const { user, router } = renderActorList(`/aktorer?kind=public_library&page=1&region=${testRegions.fosen.id}`);

    await waitFor(() => expect(rowNames()).toEqual(['Åfjord bibliotek']));
    expect((screen.getByRole('combobox', { name: 'Type' }) as HTMLSelectElement).value).toBe('public_library');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Region' }), '');
    await waitFor(() => expect(rowNames()).toEqual(['Trondheim folkebibliotek', 'Åfjord bibliotek']));
    expect(router.state.location.search).toEqual({ kind: 'public_library' });
  });

  it('offers CSV and XLSX of what the filters show, every page of it', async () => {
    renderActorList(`/aktorer?kind=public_library&q=bibliotek&page=2&region=${testRegions.fosen.id}`);
    await screen.findByRole('heading', { level: 1, name: 'Aktører' });

    const csv = new URL(screen.getByRole('link', { name: 'Last ned CSV' }).getAttribute('href') ?? '', 'http://localhost');
    expect(csv.pathname).toBe('/api/actors/export');
    expect(Object.fromEntries(csv.searchParams)).toMatchObject({ kind: 'public_library', q: 'bibliotek', region: testRegions.fosen.id, format: 'csv' });
    expect(csv.searchParams.has('page')).toBe(false);
    const xlsx = new URL(screen.getByRole('link', { name: 'Last ned Excel' }).getAttribute('href') ?? '', 'http://localhost');
    expect(xlsx.searchParams.get('format')).toBe('xlsx');
  });

  it('sorts by a column when its header is pressed, and says so with aria-sort', async () => {
    const { user, router } = renderActorList();
    await screen.findByRole('link', { name: 'NTNU' });

    await user.click(screen.getByRole('button', { name: 'Navn' }));

    await waitFor(() => expect(rowNames()).toEqual(['Åfjord bibliotek', 'Trondheim folkebibliotek', 'NTNU', 'Namdal studiesenter']));
    expect(router.state.location.search).toEqual({ sort: '-name' });
    expect(screen.getByRole('columnheader', { name: 'Navn' }).getAttribute('aria-sort')).toBe('descending');
  });

  it('pages through a long list with the total shown', async () => {
    const many = Array.from({ length: 30 }, (_, index) =>
      buildActorDetail({ name: `Bibliotek ${String(index + 1).padStart(2, '0')}`, kind: 'public_library' }),
    );
    const { user, router } = renderActorList('/aktorer', new ActorStore(many));

    await screen.findByText('1–25 av 30');
    await user.click(screen.getByRole('button', { name: 'Neste side' }));

    await screen.findByText('26–30 av 30');
    expect(router.state.location.search).toEqual({ page: 2 });
    expect(rowNames()).toEqual(['Bibliotek 26', 'Bibliotek 27', 'Bibliotek 28', 'Bibliotek 29', 'Bibliotek 30']);
    expect((screen.getByRole('button', { name: 'Neste side' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('says when nothing matches the search, and clearing the filters shows everything again', async () => {
    const { user, router } = renderActorList('/aktorer?q=xyz');

    await screen.findByRole('heading', { name: 'Ingen treff' });
    expect(screen.getByText(/Ingen aktører passer til «xyz»/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();

    const clearButtons = screen.getAllByRole('button', { name: 'Fjern filtrene' });
    await user.click(clearButtons[clearButtons.length - 1] as HTMLElement);

    await waitFor(() => expect(rowNames()).toHaveLength(4));
    expect(router.state.location.search).toEqual({});
    expect((screen.getByRole('searchbox', { name: 'Søk i aktører' }) as HTMLInputElement).value).toBe('');
  });

  it('says when the register is empty and offers to add the first actor', async () => {
    renderActorList('/aktorer', new ActorStore([]));

    await screen.findByRole('heading', { name: 'Ingen aktører' });
    expect(screen.getAllByRole('link', { name: 'Ny aktør' }).length).toBeGreaterThan(0);
  });

  it('shows an error that stays until a retry works', async () => {
    let failing = true;
    const failUntilFixed = http.get('*/api/actors', () => (failing ? problemResponse(500) : undefined));
    const { user } = renderActorList('/aktorer', new ActorStore(register()), failUntilFixed);

    await screen.findByRole('heading', { name: 'Noe gikk galt' });
    expect(screen.getByText(/Det oppstod en feil hos oss/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();

    failing = false;
    await user.click(screen.getByRole('button', { name: 'Prøv igjen' }));
    await screen.findByRole('link', { name: 'NTNU' });
    expect(screen.queryByRole('heading', { name: 'Noe gikk galt' })).toBeNull();
  });

  it('offers no create button to a county viewer, who only reads (the policy table)', async () => {
    const viewer = { email: 'fylke-innsyn@demo.kompetansebro.no', password: 'kompetansebro', me: buildMe({ memberships: [buildMembership(testOrganisations.county, 'county_viewer')] }) };
    mswServer.use(...actorHandlers(new ActorStore(register())), ...referenceHandlers(), ...authHandlers(new AuthStore([viewer], { loggedInAs: viewer.email })));
    renderRoute({ path: '/aktorer', createRoutes: (root) => [createActorRoutes(root, { viewer: { canEdit: true } })] });
    expect(await screen.findByRole('link', { name: 'Namdal studiesenter' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Ny aktør' })).toBeNull();
  });

  it("is titled as the organisation's own in a portal for one organisation, without the register's place filters", async () => {
    const editor = { email: 'namsos@demo.kompetansebro.no', password: 'kompetansebro', me: buildMe({ memberships: [buildMembership(testOrganisations.namsosLibrary, 'library_editor')] }) };
    mswServer.use(...actorHandlers(registerStore()), ...referenceHandlers(), ...authHandlers(new AuthStore([editor], { loggedInAs: editor.email })));
    renderRoute({ path: '/tjenester', createRoutes: (root) => [createActorRoutes(root, { path: 'tjenester', viewer: { canEdit: true }, ownOrganisation: true })] });
    expect(await screen.findByRole('heading', { level: 1, name: 'Tjenester og kontakter' })).toBeTruthy();
    expect(screen.getByText(/^Biblioteket deres og filialene\./)).toBeTruthy();
    // A library and its branches: only the kinds they can be, not the register's every kind.
    const kind = await screen.findByRole('combobox', { name: 'Type' });
    expect(within(kind).getAllByRole('option').map((option) => option.textContent)).toEqual(['Alle typer', 'Bibliotekfilial', 'Folkebibliotek']);
    expect(screen.queryByRole('combobox', { name: 'Region' })).toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Kommune' })).toBeNull();
  });
});
