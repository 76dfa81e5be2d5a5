import { actorHandlers, ActorStore, ActivityStore, activityHandlers, buildActivityDetail, buildActorDetail, buildCatchmentRequest, buildContact, buildCoverage, ContactStore, contactHandlers, mswServer, pickOption, PortalStore, portalHandlers, referenceHandlers, renderRoute, testOrganisations } from '@kompetansebro/testing';
import { screen, waitFor, within } from '@testing-library/react';
import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { describe, expect, it } from 'vitest';
import { createPortalRoutes } from './portal-routes';

const GRONG = '00000000-0000-4000-8008-000000000001';
const AGREEMENT = '00000000-0000-4000-8010-000000000001';

function namdalCoverage() {
  const library = (id: string, name: string, covered: boolean, kind: 'public_library' | 'library_branch' = 'public_library') => ({
    id,
    name,
    kind,
    covered,
    coveredThroughMainLibrary: covered && kind === 'library_branch',
    agreements: covered ? [{ id: AGREEMENT, title: 'Samarbeidsavtale Namdal og Namsos', status: 'active' as const }] : [],
    committedServices: [],
    offeredServices: [],
    commitments: [],
  });
  return buildCoverage({
    studyCentres: [{ id: testOrganisations.namdal.id, name: 'Namdal studiesenter' }],
    municipalities: [
      { number: '5045', name: 'Grong', covered: false, libraries: [library(GRONG, 'Grong bibliotek', false)] },
      {
        number: '5007',
        name: 'Namsos',
        covered: true,
        libraries: [library(testOrganisations.namsosLibrary.id, 'Namsos bibliotek', true), library('00000000-0000-4000-8008-000000000002', 'Namdalseid bibliotek', true, 'library_branch')],
      },
    ],
    gaps: { municipalities: [{ number: '5045', name: 'Grong' }], libraries: [{ id: GRONG, name: 'Grong bibliotek', municipalityNumber: '5045' }] },
    summary: { municipalities: 2, coveredMunicipalities: 1, libraries: 3, coveredLibraries: 2, share: 0.5 },
  });
}

/** The form of the centre's own record the app passes (the actors feature's; tested with the app). */
function ProfileFormStub({ actorId }: { actorId: string }) {
  return <p>Skjema for {actorId}</p>;
}

function renderPortal(path: string, portal = new PortalStore(), { actors = new ActorStore(), contacts = new ContactStore(), activities = new ActivityStore() } = {}) {
  if (!portal.coverage) portal.coverage = namdalCoverage();
  mswServer.use(...portalHandlers(portal), ...activityHandlers(activities), ...actorHandlers(actors), ...contactHandlers(contacts), ...referenceHandlers());
  // Stand-ins for the screens the portal links to.
  const stub = (root: AnyRoute, path: string) => createRoute({ getParentRoute: () => root, path, component: () => null });
  const view = renderRoute({
    path,
    createRoutes: (root) => [
      createPortalRoutes(root, { agreementPath: '/avtaler/$id', agreementsPath: '/avtaler', activitiesPath: '/aktiviteter', actorPath: '/aktorer/$id', proposeAgreementPath: '/avtaler/ny', profileForm: ProfileFormStub }),
      stub(root, 'avtaler/ny'),
      stub(root, 'avtaler'),
      stub(root, 'avtaler/$id'),
      stub(root, 'aktiviteter'),
      stub(root, 'aktiviteter/$id'),
      stub(root, 'aktorer/$id'),
    ],
  });
  return { ...view, portal };
}

describe('PortalHomePage', () => {
  it('names the catchment municipalities and the gaps in text, linking each library', async () => {
    renderPortal('/');
    await screen.findByText('2 kommuner: Grong, Namsos.', undefined, { timeout: 5000 });
    expect(screen.getByText('2 av 3 bibliotek har en gjeldende avtale med studiesenteret.')).toBeTruthy();
    const gaps = screen.getByRole('list', { name: 'Dekning og hull' });
    expect(within(gaps).getByRole('link', { name: 'Grong bibliotek' }).getAttribute('href')).toBe(`/aktorer/${GRONG}`);
    expect(within(gaps).queryByText('Namsos bibliotek')).toBeNull();
    expect(within(gaps).getByRole('link', { name: 'Foreslå avtale med Grong bibliotek' }).getAttribute('href')).toBe(`/avtaler/ny?part=${GRONG}`);
    expect(screen.getByText(/Kommuner uten bibliotek med avtale: Grong/)).toBeTruthy();
  });

  it('shows each library with its status as text, its agreement, and its student services with conditions', async () => {
    const { user } = renderPortal('/');
    const namsos = await screen.findByText('Namsos', { selector: 'summary h3' }, { timeout: 5000 });
    await user.click(namsos);
    const card = screen.getByRole('heading', { level: 4, name: 'Namsos bibliotek' }).closest('li') as HTMLElement;
    expect(within(card).getByText('Har avtale')).toBeTruthy();
    expect(within(card).getByRole('link', { name: 'Samarbeidsavtale Namdal og Namsos' }).getAttribute('href')).toBe(`/avtaler/${AGREEMENT}`);
    expect(card.textContent).toContain('Lesesalsplasser: i meråpen tid, 60 timer i uka, 40 plasser — Stille lesesal');
    const branch = screen.getByRole('heading', { level: 4, name: 'Namdalseid bibliotek' }).closest('li') as HTMLElement;
    expect(branch.textContent).toContain('Filial av Namsos bibliotek');
    expect(branch.textContent).toContain('(gjennom hovedbiblioteket)');
    const grong = screen.getByRole('heading', { level: 4, name: 'Grong bibliotek' }).closest('li') as HTMLElement;
    expect(within(grong).getByText('Ingen avtale')).toBeTruthy();
    expect(grong.textContent).toContain('Ingen tjenester for studenter er registrert.');
    expect(await screen.findByText(/Ingen aktiviteter er planlagt/)).toBeTruthy();
  });

  it('lists coming activities, each linking to its page', async () => {
    const activity = buildActivityDetail({ title: 'Eksamensdag på Grong bibliotek', kind: 'meeting', startDate: '2099-03-02' });
    renderPortal('/', new PortalStore(), { activities: new ActivityStore([activity]) });
    const link = await screen.findByRole('link', { name: 'Eksamensdag på Grong bibliotek' }, { timeout: 5000 });
    expect(link.getAttribute('href')).toBe(`/aktiviteter/${activity.id}`);
    expect(link.closest('li')?.textContent).toContain('02.03.2099');
  });

  it('says so when a section fails, and tries again', async () => {
    const portal = new PortalStore();
    portal.failing.add('brochure');
    const { user } = renderPortal('/', portal);
    const alert = (await screen.findByRole('heading', { name: 'Noe gikk galt' }, { timeout: 5000 })).closest('.ds-alert') as HTMLElement;
    // The coverage sections still show: one broken source does not blank the page.
    expect(screen.getByText('2 kommuner: Grong, Namsos.')).toBeTruthy();
    portal.failing.delete('brochure');
    await user.click(within(alert).getByRole('button', { name: 'Prøv igjen' }));
    await screen.findByRole('heading', { level: 4, name: 'Grong bibliotek' });
    expect(screen.queryByRole('heading', { name: 'Noe gikk galt' })).toBeNull();
  });

  it('tells a user who does not act for a study centre', async () => {
    const portal = new PortalStore();
    portal.me = { ...portal.me, role: 'county_admin' };
    renderPortal('/', portal);
    expect(await screen.findByText(/Du handler ikke for et studiesenter/, undefined, { timeout: 5000 })).toBeTruthy();
  });
});

describe('BrochurePage', () => {
  it('shows the brochure in the language chosen (kept in the URL), with the PDF in the same language', async () => {
    const { user, router } = renderPortal('/brosjyre');
    await screen.findByRole('heading', { level: 2, name: 'Bibliotektjenester for studenter i Namdal' }, { timeout: 5000 });
    expect(screen.getByRole('link', { name: 'Last ned PDF (Bokmål)' }).getAttribute('href')).toBe(`/api/study-centres/${testOrganisations.namdal.id}/brochure.pdf?lang=nb`);

    expect(screen.queryByText(/finnes bare på bokmål/)).toBeNull();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Språk i brosjyren' }), 'en');
    await screen.findByRole('heading', { level: 2, name: 'Library services for students in Namdal' });
    expect(router.state.location.search).toEqual({ lang: 'en' });
    expect(screen.getByRole('article').getAttribute('lang')).toBe('en');
    expect(screen.getByRole('article').textContent).toContain('Study places: in self-service hours, 60 hours a week, 40 places — Stille lesesal');
    // The library's own words are in bokmål: marked so, and said so once.
    expect(screen.getByText('Stille lesesal').getAttribute('lang')).toBe('nb');
    expect(screen.getAllByText('The descriptions of the services exist only in Norwegian (bokmål).')).toHaveLength(1);
    expect(screen.getByRole('link', { name: 'Last ned PDF (Engelsk)' }).getAttribute('href')).toContain('lang=en');
  });

  it('opens in the language a link carries', async () => {
    renderPortal('/brosjyre?lang=nn');
    await screen.findByRole('heading', { level: 2, name: 'Bibliotektenester for studentar i Namdal' }, { timeout: 5000 });
    expect(screen.getByText('Filial av Namsos bibliotek')).toBeTruthy();
    expect(screen.getByText('Skildringane av tenestene finst berre på bokmål.')).toBeTruthy();
  });
});

describe('ContactsPage', () => {
  it('lists the libraries’ contact details and the contact persons, search in the URL', async () => {
    const contacts = new ContactStore([
      buildContact({ name: 'Kari Nordmann', actorName: 'Namdal studiesenter', email: 'kari@example.org' }),
      buildContact({ name: 'Marit Nordmann', actorName: 'Namsos bibliotek', role: 'Biblioteksjef' }),
    ]);
    const asked: URL[] = [];
    mswServer.events.on('request:start', ({ request }) => void asked.push(new URL(request.url)));
    const { user, router } = renderPortal('/kontakter', new PortalStore(), { contacts });
    const grong = await screen.findByRole('rowheader', { name: 'Grong bibliotek' }, { timeout: 5000 });
    const row = grong.closest('tr') as HTMLElement;
    expect(within(row).getByRole('link', { name: '+47 74 31 20 00' }).getAttribute('href')).toBe('tel:+4774312000');
    expect(within(row).getByText('Skolegata 2, 7870 Grong')).toBeTruthy();
    await screen.findByRole('rowheader', { name: 'Marit Nordmann' });

    await user.type(screen.getByRole('searchbox', { name: /Søk i kontaktpersoner/ }), 'Marit');
    await user.click(screen.getByRole('button', { name: 'Søk' }));
    await waitFor(() => expect(router.state.location.search).toEqual({ q: 'Marit' }));
    await waitFor(() => expect(asked.some((url) => url.pathname === '/api/contacts' && url.searchParams.get('q') === 'Marit')).toBe(true));
    expect(screen.getByRole('link', { name: 'Last ned CSV' }).getAttribute('href')).toContain('q=Marit');
  });
});

describe('ProfilePage', () => {
  function profileStores() {
    const centre = buildActorDetail({ ...testOrganisations.namdal, address: 'Havnegata 1, 7800 Namsos', email: 'post@namdal.example.no' });
    return { actors: new ActorStore([centre]), centre };
  }

  it('asks the county to change the catchment area: errors beside the fields and in a summary, then the request is listed', async () => {
    const portal = new PortalStore();
    portal.requests = [buildCatchmentRequest({ status: 'rejected', add: ['5058'], decisionNote: 'Åfjord hører til Fosen.' })];
    const { user } = renderPortal('/profil', portal, { actors: profileStores().actors });
    await screen.findByText('Kommuner i nedslagsfeltet nå: Flatanger, Namsos', undefined, { timeout: 5000 });
    expect(screen.getByText('Avslått')).toBeTruthy();
    expect(screen.getByText('Fylkets merknad: Åfjord hører til Fosen.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Send til fylket' }));
    const summary = await screen.findByRole('heading', { name: 'For å gå videre må du rette opp dette:' });
    const summaryBox = summary.closest('.ds-error-summary') as HTMLElement;
    // Each line names its field (from the label on the page) and says how to fix it.
    expect(within(summaryBox).getByRole('link', { name: /: Velg minst én kommune som skal legges til eller tas ut\.$/ })).toBeTruthy();
    expect(within(summaryBox).getByRole('link', { name: /^\S.*: Skriv en begrunnelse\.$/ })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: /Begrunnelse/ }).getAttribute('aria-invalid')).toBe('true');
    expect(portal.received).toEqual([]);

    const add = await screen.findByRole('combobox', { name: 'Kommuner som skal legges til' });
    expect(add.getAttribute('aria-invalid')).toBe('true');
    await pickOption(user, add, 'Trondheim');
    await pickOption(user, screen.getByRole('combobox', { name: 'Kommuner som skal tas ut' }), 'Flatanger');
    await user.type(screen.getByRole('textbox', { name: /Begrunnelse/ }), 'Studentene i Trondheim bruker oss.');
    await user.click(screen.getByRole('button', { name: 'Send til fylket' }));
    await screen.findByText('Forespørselen er sendt til fylket.');
    expect(portal.received.at(-1)?.body).toEqual({ add: ['5001'], remove: ['5049'], reason: 'Studentene i Trondheim bruker oss.' });
    expect(await screen.findByText('Venter på fylket')).toBeTruthy();
    expect(screen.getByText('Legg til: Trondheim')).toBeTruthy();
    expect(screen.getByText('Ta ut: Flatanger')).toBeTruthy();
  }, 20_000);

  it('shows the form of the centre’s own record the app passes, for the centre the user acts for', async () => {
    renderPortal('/profil', new PortalStore(), { actors: profileStores().actors });
    expect(await screen.findByText(`Skjema for ${testOrganisations.namdal.id}`, undefined, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Kontaktinformasjon og beskrivelse' })).toBeTruthy();
  });
});
