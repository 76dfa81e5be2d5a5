import {
  ActorStore,
  actorHandlers,
  AuthStore,
  authHandlers,
  buildActorDetail,
  buildMe,
  buildMembership,
  buildUser,
  countyAdminAccount,
  mswServer,
  pickOption,
  renderRoute,
  testOrganisations,
  UserStore,
  userHandlers,
} from '@kompetansebro/testing';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createUserRoutes } from './user-routes';

const kari = () => buildUser({ name: 'Kari Nordmann', email: 'kari@namdal.no' });
const ola = () =>
  buildUser({
    name: 'Åse Lie',
    email: 'ase@trondelagfylke.no',
    memberships: [buildMembership(testOrganisations.county, 'county_viewer')],
    hasPassword: false,
  });
const per = () =>
  buildUser({
    name: 'Per Berg',
    email: 'per@ntnu.no',
    memberships: [buildMembership(testOrganisations.ntnuLibrary, 'university_liaison')],
    disabledAt: '2026-02-10T10:00:00.000Z',
  });

/** The three users in Norwegian order, and what the API finds for the searches these tests make. */
function register(): UserStore {
  const [k, p, o] = [kari(), per(), ola()];
  return new UserStore([k, p, o]).listFor({ q: 'ntnu' }, [p]).listFor({ q: 'xyz' }, []);
}

/** The users screens at `path`, over msw, with the county admin logged in. */
function renderUsers(path: string, users = register(), actors = new ActorStore(Object.values(testOrganisations)), account = countyAdminAccount()) {
  mswServer.use(...actorHandlers(actors), ...userHandlers(users));
  mswServer.use(...authHandlers(new AuthStore([account], { loggedInAs: account.email })));
  const view = renderRoute({ path, createRoutes: (root) => [createUserRoutes(root)] });
  return { ...view, users };
}

function rowNames(): string[] {
  return within(screen.getByRole('table'))
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent ?? '');
}

/** Fills in the invitation, once the organisations are there to choose from, and sends it. */
async function sendInvitation(user: ReturnType<typeof renderUsers>['user'], { email, name, organisation }: { email: string; name: string; organisation: string }) {
  const picker = await screen.findByRole('combobox', { name: /^Organisasjon/ });
  await user.type(screen.getByRole('textbox', { name: /^E-postadresse/ }), email);
  await user.type(screen.getByRole('textbox', { name: /^Navn/ }), name);
  await pickOption(user, picker, organisation);
  await user.click(screen.getByRole('button', { name: 'Send invitasjonen' }));
}

const needsAccess = 'Brukeren må ha minst én tilgang. Velg en organisasjon og en rolle, eller bruk «Deaktiver brukeren» for å ta bort all tilgang.';

/** Kari's page, with her one access, once it shows. */
async function openKari() {
  const target = kari();
  const view = renderUsers(`/brukere/${target.id}`, new UserStore([target]));
  await screen.findByRole('heading', { level: 1, name: 'Kari Nordmann' });
  return view;
}

/** The lines of the error summary, once it shows. */
async function summaryLines(): Promise<Array<string | null>> {
  const summary = (await screen.findByRole('heading', { name: 'For å gå videre må du rette opp dette:' })).parentElement as HTMLElement;
  return within(summary).getAllByRole('link').map((link) => link.textContent);
}

/** The text of the elements an input's aria-describedby points to. */
function descriptionOf(input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' | ');
}

describe('the users list', () => {
  it('lists the users in Norwegian order with their access and status, each a link to the user', async () => {
    renderUsers('/brukere');

    const link = await screen.findByRole('link', { name: 'Åse Lie' });
    expect(link.getAttribute('href')).toMatch(/^\/brukere\/[0-9a-f-]{36}$/);
    expect(rowNames()).toEqual(['Kari Nordmann', 'Per Berg', 'Åse Lie']);
    const ase = screen.getByRole('row', { name: /Åse Lie/ });
    expect(within(ase).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      'ase@trondelagfylke.no',
      'Trøndelag fylkeskommune: Fylkesinnsyn (kan bare lese)',
      'Invitert',
    ]);
    expect(within(screen.getByRole('row', { name: /Per Berg/ })).getByText('Deaktivert')).toBeTruthy();
    expect(screen.getByText('1–3 av 3')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Inviter bruker' }).getAttribute('href')).toBe('/brukere/ny');
  });

  it('puts the search in the URL, and says when nothing matches', async () => {
    const { user, router } = renderUsers('/brukere');
    await screen.findByRole('link', { name: 'Kari Nordmann' });

    await user.type(screen.getByRole('searchbox', { name: 'Søk i brukere' }), 'ntnu{Enter}');
    await waitFor(() => expect(rowNames()).toEqual(['Per Berg']));
    expect(router.state.location.search).toEqual({ q: 'ntnu' });
    expect(screen.getByText('1 bruker').getAttribute('role')).toBe('status');

    await user.clear(screen.getByRole('searchbox', { name: 'Søk i brukere' }));
    await user.type(screen.getByRole('searchbox', { name: 'Søk i brukere' }), 'xyz{Enter}');
    await screen.findByRole('heading', { name: 'Ingen treff' });
    await user.click(screen.getByRole('button', { name: 'Fjern søket' }));
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    expect(router.state.location.search).toEqual({});
  });

  it('pages through a long list with the total shown', async () => {
    const many = Array.from({ length: 30 }, (_, index) => buildUser({ name: `Bruker ${String(index + 1).padStart(2, '0')}`, email: `bruker${index + 1}@example.no` }));
    const { user, router } = renderUsers('/brukere', new UserStore(many));

    await screen.findByText('1–25 av 30');
    await user.click(screen.getByRole('button', { name: 'Neste side' }));

    await screen.findByText('26–30 av 30');
    expect(router.state.location.search).toEqual({ page: 2 });
    expect(rowNames()).toEqual(['Bruker 26', 'Bruker 27', 'Bruker 28', 'Bruker 29', 'Bruker 30']);
  });
});

describe('inviting a user', () => {
  it('shows a county viewer who opens the address no form to fill in in vain, only that it is not theirs to do', async () => {
    const viewer = { email: 'fylke-innsyn@demo.kompetansebro.no', password: 'kompetansebro', me: buildMe({ memberships: [buildMembership(testOrganisations.county, 'county_viewer')] }) };
    renderUsers('/brukere/ny', register(), undefined, viewer);
    expect(await screen.findByText(/Du har ikke tilgang til dette/, {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: /^E-postadresse/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Send invitasjonen' })).toBeNull();
  });

  it('offers only the roles that fit the chosen organisation, choosing the only one', async () => {
    const { user } = renderUsers('/brukere/ny');
    const organisation = await screen.findByRole('combobox', { name: /^Organisasjon/ });
    const role = screen.getByRole('combobox', { name: /^Rolle/ }) as HTMLSelectElement;
    expect(within(role).getAllByRole('option').map((option) => option.textContent)).toEqual(['Velg organisasjon først']);

    await pickOption(user, organisation, 'Namdal studiesenter (Studiesenter)');
    expect(within(role).getAllByRole('option').map((option) => option.textContent)).toEqual(['Velg …', 'Studiesenterkoordinator']);
    expect(role.value).toBe('study_centre_coordinator');

    await pickOption(user, organisation, 'Trøndelag fylkeskommune (Fylkeskommune)');
    expect(within(role).getAllByRole('option').map((option) => option.textContent)).toEqual(['Velg …', 'Fylkesadministrator', 'Fylkesinnsyn (kan bare lese)']);
    expect(role.value).toBe('');
  });

  it('shows the API’s field error beside the field and in a summary; nothing is created', async () => {
    const { user, users } = renderUsers('/brukere/ny');
    users.respondOnce('POST', 400, [{ path: 'email', code: 'email_taken', message: 'A user with this e-mail address exists' }]);
    await sendInvitation(user, { email: 'kari@namdal.no', name: 'Kari Nordmann', organisation: 'Namdal studiesenter (Studiesenter)' });

    const summary = await screen.findByRole('heading', { name: 'For å gå videre må du rette opp dette:' });
    const email = screen.getByRole('textbox', { name: /^E-postadresse/ });
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(email)).toContain('Det finnes allerede en bruker med denne e-postadressen.');
    const links = within(summary.parentElement as HTMLElement).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['#invite-email']);
    expect(links[0]?.textContent).toMatch(/^E-postadresse: Det finnes allerede/);
    expect(users.list(new URLSearchParams()).total).toBe(3);
    expect((email as HTMLInputElement).value).toBe('kari@namdal.no');
  });

  it('checks the fields before sending', async () => {
    const { user, users } = renderUsers('/brukere/ny');
    await user.type(await screen.findByRole('textbox', { name: /^E-postadresse/ }, { timeout: 5000 }), 'ikke-en-adresse');
    await user.click(screen.getByRole('button', { name: 'Send invitasjonen' }));

    await screen.findByRole('heading', { name: 'For å gå videre må du rette opp dette:' });
    expect(descriptionOf(screen.getByRole('textbox', { name: /^E-postadresse/ }))).toContain('Skriv en gyldig e-postadresse');
    expect(descriptionOf(screen.getByRole('textbox', { name: /^Navn/ }))).toContain('Fyll ut feltet.');
    expect(descriptionOf(screen.getByRole('combobox', { name: /^Organisasjon/ }))).toContain('Velg et av alternativene i listen.');
    expect(users.received).toEqual([]);
  });

  it('sends the invitation and shows the new user with a confirmation', async () => {
    const { user, users, router } = renderUsers('/brukere/ny');
    users.createsWith({ email: 'nina.hansen@ntnu.no' });
    await sendInvitation(user, { email: ' Nina.Hansen@ntnu.no ', name: 'Nina Hansen', organisation: 'NTNU Universitetsbiblioteket (Universitetsbibliotek)' });

    await screen.findByRole('heading', { level: 1, name: 'Nina Hansen' });
    expect(router.state.location.pathname).toMatch(/^\/brukere\/[0-9a-f-]{36}$/);
    expect(await screen.findByText('Invitasjonen er sendt til nina.hansen@ntnu.no.')).toBeTruthy();
    expect(users.received.map((request) => request.body)).toEqual([
      { email: 'Nina.Hansen@ntnu.no', name: 'Nina Hansen', organisationId: testOrganisations.ntnuLibrary.id, role: 'university_liaison' },
    ]);
    expect(screen.getByText('Invitert')).toBeTruthy();
  });

  it('finds an organisation beyond the first answer on the server as the admin types, and invites to it', async () => {
    // Thousands of organisations at national scale: the first answer of each kind leaves Stjørdal out; typing finds it.
    const stjordal = buildActorDetail({ kind: 'public_library', name: 'Stjørdal bibliotek', municipalityNumber: '5035' });
    const actors = new ActorStore([...Object.values(testOrganisations), stjordal])
      .listFor({}, Object.values(testOrganisations))
      .listFor({ q: 'Stj' }, [])
      .listFor({ kind: 'public_library', q: 'Stj' }, [stjordal]);
    const { user, users } = renderUsers('/brukere/ny', register(), actors);
    users.createsWith({ email: 'stjordal@example.no' });
    const picker = await screen.findByRole('combobox', { name: /^Organisasjon/ });
    await user.click(picker);
    const list = () => document.getElementById(picker.getAttribute('aria-controls') ?? '') as HTMLElement;
    await within(list()).findByRole('option', { name: 'Namsos bibliotek (Folkebibliotek)', hidden: true });
    expect(within(list()).queryByRole('option', { name: /^Stjørdal/, hidden: true })).toBeNull();

    await user.type(screen.getByRole('textbox', { name: /^E-postadresse/ }), 'stjordal@example.no');
    await user.type(screen.getByRole('textbox', { name: /^Navn/ }), 'Siri Stjørdal');
    await user.type(picker, 'Stj');
    await waitFor(() => expect(actors.queries.some((query) => query.get('q') === 'Stj' && query.get('kind') === 'public_library' && query.get('pageSize') === '20')).toBe(true));
    await user.click(await within(list()).findByRole('option', { name: 'Stjørdal bibliotek (Folkebibliotek)', hidden: true }));
    await waitFor(() => expect((screen.getByRole('combobox', { name: /^Rolle/ }) as HTMLSelectElement).value).toBe('library_editor'));
    // The choice is no search: the list starts from the first answer again, and the choice keeps its kind and role.
    await waitFor(() => expect(within(list()).queryByRole('option', { name: /^Stjørdal/, hidden: true })).toBeNull());
    expect(picker.closest('ds-suggestion')?.querySelector('data')?.textContent).toBe('Stjørdal bibliotek (Folkebibliotek)');
    expect((screen.getByRole('combobox', { name: /^Rolle/ }) as HTMLSelectElement).value).toBe('library_editor');
    await user.click(screen.getByRole('button', { name: 'Send invitasjonen' }));

    await screen.findByRole('heading', { level: 1, name: 'Siri Stjørdal' });
    expect(users.received.map((request) => request.body)).toEqual([{ email: 'stjordal@example.no', name: 'Siri Stjørdal', organisationId: stjordal.id, role: 'library_editor' }]);
  });
});

describe('a user’s page', () => {
  it('disables the user after a confirmation that says their sessions end', async () => {
    const target = kari();
    const { user, users } = renderUsers(`/brukere/${target.id}`, new UserStore([target]));
    await screen.findByRole('heading', { level: 1, name: 'Kari Nordmann' });

    await user.click(screen.getByRole('button', { name: 'Deaktiver brukeren' }));
    const dialog = await screen.findByRole('dialog', { name: 'Deaktivere Kari Nordmann?' });
    expect(dialog.textContent).toContain('Brukeren blir logget ut av alle økter med en gang');
    await user.click(within(dialog).getByRole('button', { name: 'Ja, deaktiver' }));

    expect(await screen.findByText('Brukeren er deaktivert og logget ut overalt.')).toBeTruthy();
    expect(users.received.at(-1)).toMatchObject({ method: 'POST', path: `/api/users/${target.id}/disable`, ifMatch: '"1"' });
    expect(users.sessionsEnded).toEqual([target.id]);
    expect(screen.getByRole('button', { name: 'Aktiver brukeren' })).toBeTruthy();
  });

  it('logs the user out everywhere after a confirmation', async () => {
    const target = kari();
    const { user, users } = renderUsers(`/brukere/${target.id}`, new UserStore([target]));
    await screen.findByRole('heading', { level: 1, name: 'Kari Nordmann' });

    await user.click(screen.getByRole('button', { name: 'Logg ut overalt' }));
    const dialog = await screen.findByRole('dialog', { name: 'Logge ut Kari Nordmann overalt?' });
    await user.click(within(dialog).getByRole('button', { name: 'Ja, logg ut overalt' }));

    expect(await screen.findByText('Brukeren er logget ut av alle økter.')).toBeTruthy();
    expect(users.sessionsEnded).toEqual([target.id]);
  });

  it('adds an access with a fitting role and saves all of them with the version read', async () => {
    const target = kari();
    const { user, users } = renderUsers(`/brukere/${target.id}`, new UserStore([target]));
    await screen.findByRole('heading', { level: 1, name: 'Kari Nordmann' });
    // The access the user has is named with its kind, though no search has found it.
    const first = within(screen.getByRole('group', { name: 'Tilgang 1' })).getByRole('combobox', { name: 'Organisasjon' });
    await waitFor(() => expect(first.closest('ds-suggestion')?.querySelector('data')?.textContent).toBe('Namdal studiesenter (Studiesenter)'));

    await user.click(screen.getByRole('button', { name: 'Legg til tilgang' }));
    const second = screen.getByRole('group', { name: 'Tilgang 2' });
    await waitFor(() => expect(document.activeElement).toBe(within(second).getByRole('combobox', { name: 'Organisasjon' })));
    await pickOption(user, within(second).getByRole('combobox', { name: 'Organisasjon' }), 'Namsos bibliotek (Folkebibliotek)');
    expect((within(second).getByRole('combobox', { name: 'Rolle' }) as HTMLSelectElement).value).toBe('library_editor');
    await user.click(screen.getByRole('button', { name: 'Lagre tilgangene' }));

    expect(await screen.findByText('Tilgangene er lagret.')).toBeTruthy();
    expect(users.received.at(-1)).toMatchObject({
      method: 'PUT',
      ifMatch: '"1"',
      body: {
        memberships: [
          { organisationId: testOrganisations.namdal.id, role: 'study_centre_coordinator' },
          { organisationId: testOrganisations.namsosLibrary.id, role: 'library_editor' },
        ],
      },
    });
    expect(users.get(target.id)?.memberships).toHaveLength(2);
  });

  it('names an access left empty once in the summary: which access, which field', async () => {
    const { user, users } = await openKari();
    await user.click(screen.getByRole('button', { name: 'Legg til tilgang' }));
    await user.click(screen.getByRole('button', { name: 'Lagre tilgangene' }));
    expect(await summaryLines()).toEqual(['Tilgang 2, organisasjon: Velg et av alternativene i listen.', 'Tilgang 2, rolle: Velg et av alternativene i listen.']);
    expect(users.received).toEqual([]);
  });

  it('says a user needs an access when the only one is removed, and how to take all access away', async () => {
    const { user, users } = await openKari();
    await user.click(screen.getByRole('button', { name: 'Fjern tilgang 1' }));
    await user.click(screen.getByRole('button', { name: 'Lagre tilgangene' }));
    expect(await summaryLines()).toEqual([needsAccess]);
    expect(users.received).toEqual([]);
  });

  it('says a user needs an access, not "choose one", when the only access is emptied', async () => {
    const { user, users } = await openKari();
    const only = screen.getByRole('group', { name: 'Tilgang 1' });
    await waitFor(() => expect(within(only).getByRole('combobox', { name: 'Rolle' }).getAttribute('disabled')).toBeNull());
    await user.click(within(only).getByRole('button', { name: 'Tøm valget', hidden: true }));
    await waitFor(() => expect((within(only).getByRole('combobox', { name: 'Rolle' }) as HTMLSelectElement).value).toBe(''));
    await user.click(screen.getByRole('button', { name: 'Lagre tilgangene' }));
    expect(await summaryLines()).toEqual([`Tilgang 1, organisasjon: ${needsAccess}`]);
    expect(users.received).toEqual([]);
  });

  it('keeps the admin’s choice and shows the saved access when someone else saved first', async () => {
    const target = kari();
    const { user, users } = renderUsers(`/brukere/${target.id}`, new UserStore([target]));
    await screen.findByRole('heading', { level: 1, name: 'Kari Nordmann' });

    await user.click(screen.getByRole('button', { name: 'Legg til tilgang' }));
    await pickOption(user, within(screen.getByRole('group', { name: 'Tilgang 2' })).getByRole('combobox', { name: 'Organisasjon' }), 'Namsos bibliotek (Folkebibliotek)');
    users.saveBySomeoneElse(target.id, {
      memberships: [buildMembership(testOrganisations.namdal, 'study_centre_coordinator'), buildMembership(testOrganisations.ntnuLibrary, 'university_liaison')],
    });
    users.staleOnce('PUT');
    await user.click(screen.getByRole('button', { name: 'Lagre tilgangene' }));

    const conflict = await screen.findByRole('heading', { name: 'Noen andre har endret brukeren' });
    expect(conflict.parentElement?.textContent).toContain('NTNU Universitetsbiblioteket: Kontaktperson for universitetsbiblioteket');
    expect(screen.getAllByRole('group', { name: /^Tilgang/ })).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Lagre tilgangene' }));
    expect(await screen.findByText('Tilgangene er lagret.')).toBeTruthy();
    expect(users.received.at(-1)).toMatchObject({ method: 'PUT', ifMatch: '"2"' });
  });

  it('sends an invited user a new invitation', async () => {
    const invited = ola();
    const { user, users } = renderUsers(`/brukere/${invited.id}`, new UserStore([invited]));
    await screen.findByRole('heading', { level: 1, name: 'Åse Lie' });

    await user.click(screen.getByRole('button', { name: 'Send invitasjonen på nytt' }));

    expect(await screen.findByText('En ny invitasjon er sendt til ase@trondelagfylke.no. Lenker i tidligere invitasjoner virker ikke lenger.')).toBeTruthy();
    expect(users.received.at(-1)).toMatchObject({ method: 'POST', path: `/api/users/${invited.id}/invitation` });
  });

  it('does not offer to disable or log out one’s own account', async () => {
    const me = buildUser({ id: countyAdminAccount().me.user.id, name: 'Fylkesbiblioteket (demo)', email: 'fylke@demo.kompetansebro.no' });
    renderUsers(`/brukere/${me.id}`, new UserStore([me]));

    expect(await screen.findByText('Dette er din egen konto. Du kan ikke deaktivere den eller logge den ut herfra.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Deaktiver brukeren' })).toBeNull();
  });
});
