import { municipalityQueries, UNAUTHORISED_IS_AN_ANSWER } from '@kompetansebro/api-client';
import { authShell } from '@kompetansebro/feature-auth';
import { createAppRuntime, ShellContext, UNAUTHORISED_IS_AN_ANSWER_KEY, type NavigationItem } from '@kompetansebro/feature-shell';
import { AuthStore, authHandlers, buildMe, buildMembership, countyAdminAccount, mswServer, problemResponse, referenceHandlers, testOrganisations } from '@kompetansebro/testing';
import { Page } from '@kompetansebro/ui';
import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { createMemoryHistory, createRoute, RouterProvider, type AnyRoute } from '@tanstack/react-router';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';

/** A page that needs the API (and so a session): the municipalities, by name. */
function MunicipalitiesTestPage() {
  const municipalities = useQuery(municipalityQueries.list());
  return (
    <Page title="Kommuner">
      <ul>{municipalities.data?.items.map((municipality) => <li key={municipality.number}>{municipality.name}</li>)}</ul>
    </Page>
  );
}

const navigation: NavigationItem[] = [
  { to: '/', label: 'shell.navigation.overview', exact: true },
  { to: '/kommuner', label: 'shell.navigation.municipalities' },
  { to: '/brukere', label: 'shell.navigation.users', permission: { resource: 'user', action: 'update' } },
];

const createRoutes = (parent: AnyRoute) => [
  createRoute({ getParentRoute: () => parent, path: '/', component: () => <Page title="Oversikt" /> }),
  createRoute({ getParentRoute: () => parent, path: 'kommuner', component: MunicipalitiesTestPage }),
];

/**
 * An app as bootstrapApp builds it — the shell, the login pages of feature-auth, the 401
 * handling — over msw, at `path`, with a front page and a page that needs the API.
 */
function renderApp(path: string, auth = new AuthStore()) {
  const requests: string[] = [];
  mswServer.use(...referenceHandlers());
  mswServer.use(...authHandlers(auth));
  // Tried first: counts the API requests, then lets them through.
  mswServer.use(
    http.all('*/api/*', ({ request }) => {
      requests.push(`${request.method} ${new URL(request.url).pathname}`);
      return undefined;
    }),
  );
  const { queryClient, router } = createAppRuntime(
    { basePath: '/', navigation, createRoutes, auth: authShell, paths: { agreement: '/avtaler/$id', actor: '/aktorer/$id', notes: '/samarbeid', initiative: '/tiltak/$id' } },
    { history: createMemoryHistory({ initialEntries: [path] }) },
  );
  const user = userEvent.setup();
  render(
    <ShellContext value={{ app: 'countyConsole', contactEmail: 'postmottak@trondelagfylke.no' }}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ShellContext>,
  );
  return { router, queryClient, user, auth, requests };
}

/** The text of the elements an input's aria-describedby points to. */
function descriptionOf(input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' | ');
}

/** The panel a menu button opens (aria-controls). */
function panelOf(button: HTMLElement): HTMLElement {
  const panel = document.getElementById(button.getAttribute('aria-controls') ?? '');
  if (!panel) throw new Error('The button controls no panel');
  return panel;
}

const emailField = () => screen.getByLabelText('E-postadresse');
const passwordField = () => screen.getByLabelText('Passord');

async function logIn(user: ReturnType<typeof userEvent.setup>, email = 'fylke@demo.kompetansebro.no', password = 'kompetansebro') {
  await user.type(emailField(), email);
  await user.type(passwordField(), password);
  await user.click(screen.getByRole('button', { name: 'Logg inn' }));
}

describe('logging in', () => {
  it('sends a visitor who is not logged in to the login page, and back to the page afterwards', async () => {
    const { router, user } = renderApp('/kommuner?side=2');

    await screen.findByRole('heading', { level: 1, name: 'Logg inn' });
    expect(router.state.location.pathname).toBe('/logg-inn');
    expect(router.state.location.search).toEqual({ returnTo: '/kommuner?side=2' });
    expect(screen.getByText('Du må logge inn for å se siden du ba om. Etterpå kommer du tilbake dit.')).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Hovedmeny' })).toBeNull();
    expect(document.title).toBe('Logg inn – Fylkeskonsoll');

    await logIn(user);

    await screen.findByText('Namsos');
    expect(router.state.location.pathname).toBe('/kommuner');
    expect(router.state.location.searchStr).toBe('?side=2');
    const header = screen.getByRole('banner');
    expect(await within(header).findByRole('button', { name: 'Brukermeny for Fylkesbiblioteket (demo)' })).toBeTruthy();
    expect(within(header).getByRole('navigation', { name: 'Hovedmeny' })).toBeTruthy();
  });

  it('sends the user to the login page when the session ends while they work, and back afterwards', async () => {
    const auth = new AuthStore([countyAdminAccount()], { loggedInAs: 'fylke@demo.kompetansebro.no' });
    const { router, user, queryClient } = renderApp('/kommuner', auth);
    await screen.findByText('Namsos');

    auth.expireSession();
    await queryClient.invalidateQueries({ queryKey: municipalityQueries.all });

    await screen.findByRole('heading', { level: 1, name: 'Logg inn' });
    expect(router.state.location.search).toEqual({ returnTo: '/kommuner' });
    // Nobody is shown as logged in any more.
    expect(screen.queryByText('Fylkesbiblioteket (demo)')).toBeNull();

    await logIn(user);
    await waitFor(() => expect(router.state.location.pathname).toBe('/kommuner'));
    await screen.findByText('Namsos');
  });

  it('never sends the user away from the app after logging in', async () => {
    const { router, user } = renderApp('/logg-inn?returnTo=%2F%2Fevil.example%2Fpath');
    await screen.findByRole('heading', { level: 1, name: 'Logg inn' });

    await logIn(user);

    await screen.findByRole('heading', { level: 1, name: 'Oversikt' });
    expect(router.state.location.href).toBe('/');
  });

  it('shows each missing field beside it and in a summary that takes focus, and sends nothing', async () => {
    const { user, auth } = renderApp('/logg-inn');
    await screen.findByRole('heading', { level: 1, name: 'Logg inn' });

    await user.type(emailField(), 'fylke@demo');
    await user.click(screen.getByRole('button', { name: 'Logg inn' }));

    const summary = await screen.findByRole('heading', { name: 'For å gå videre må du rette opp dette:' });
    await waitFor(() => expect(document.activeElement).toBe(summary.parentElement));
    expect(emailField().getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(emailField())).toBe('Skriv en gyldig e-postadresse, for eksempel navn@eksempel.no.');
    expect(descriptionOf(passwordField())).toBe('Skriv passordet ditt.');
    const links = within(summary.parentElement as HTMLElement).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['#login-email', '#login-password']);
    expect(auth.received).toEqual([]);
  });

  it('says so beside the form when the e-mail or password is wrong, and keeps the user on the page', async () => {
    const refusing = new AuthStore();
    refusing.respondOnce('POST', 401);
    const { user, router } = renderApp('/logg-inn', refusing);
    await screen.findByRole('heading', { level: 1, name: 'Logg inn' });

    await logIn(user, 'fylke@demo.kompetansebro.no', 'feil-passord');

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Feil e-postadresse eller passord. Sjekk at du har skrevet riktig, og prøv igjen.')).toBeTruthy();
    expect(alert.closest('form')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/logg-inn');
    expect((emailField() as HTMLInputElement).value).toBe('fylke@demo.kompetansebro.no');
  });

  it('tells how long to wait after too many failed attempts (429 with Retry-After)', async () => {
    const auth = new AuthStore();
    auth.rateLimitedFor = 540;
    const { user } = renderApp('/logg-inn', auth);
    await screen.findByRole('heading', { level: 1, name: 'Logg inn' });

    await logIn(user);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('For mange mislykkede forsøk. Vent 9 minutter før du prøver igjen');
  });

  it('offers the identity provider when one is configured, coming back to where the user was going', async () => {
    const auth = new AuthStore();
    auth.providers = { local: true, oidc: { name: 'Feide' } };
    renderApp('/kommuner', auth);

    const feide = await screen.findByRole('link', { name: 'Logg inn med Feide' });
    expect(feide.getAttribute('href')).toBe('/api/auth/oidc/start?returnTo=%2Fkommuner');
  });

  it('explains why a login through the identity provider came back', async () => {
    const auth = new AuthStore();
    auth.providers = { local: true, oidc: { name: 'Feide' } };
    renderApp('/logg-inn?error=oidc_no_account', auth);

    expect(await screen.findByText('Vi fant ingen konto med e-postadressen fra Feide. Be fylkeskommunen om en invitasjon.')).toBeTruthy();
  });

  it('keeps the accessibility statement open to everyone, with a way to log in', async () => {
    const { router, user } = renderApp('/tilgjengelighet');

    await screen.findByRole('heading', { level: 1, name: 'Tilgjengelighetserklæring' });
    const login = within(screen.getByRole('banner')).getByRole('link', { name: 'Logg inn' });
    await user.click(login);
    await screen.findByRole('heading', { level: 1, name: 'Logg inn' });
    expect(router.state.location.search).toEqual({ returnTo: '/tilgjengelighet' });
  });

  it('marks the login’s 401 as an answer, with the key the shell’s handler reads', () => {
    expect(UNAUTHORISED_IS_AN_ANSWER).toBe(UNAUTHORISED_IS_AN_ANSWER_KEY);
  });
});

describe('the header’s user area', () => {
  it('shows who is logged in and switches organisation; everything is read again for the new one', async () => {
    const auth = new AuthStore([countyAdminAccount()], { loggedInAs: 'fylke@demo.kompetansebro.no' });
    const { user, requests } = renderApp('/kommuner', auth);
    await screen.findByText('Namsos');
    const header = screen.getByRole('banner');
    const area = within(header).getByRole('group', { name: 'Organisasjon og bruker' });
    expect(await within(area).findByRole('button', { name: 'Brukermeny for Fylkesbiblioteket (demo)' })).toBeTruthy();
    const organisation = within(area).getByRole('button', { name: 'Du handler for: Trøndelag fylkesbibliotek' });
    expect(organisation.getAttribute('aria-expanded')).toBe('false');
    await user.click(organisation);
    expect(organisation.getAttribute('aria-expanded')).toBe('true');
    const choices = within(panelOf(organisation)).getAllByRole('button');
    expect(choices.map((choice) => choice.textContent)).toEqual(['Trøndelag fylkesbibliotek (valgt)', 'Trøndelag fylkeskommune']);

    const before = requests.filter((request) => request === 'GET /api/municipalities').length;
    await user.click(within(area).getByRole('button', { name: 'Trøndelag fylkeskommune' }));

    await waitFor(() => expect(within(area).getByRole('status').textContent).toBe('Du handler nå for Trøndelag fylkeskommune.'));
    expect(auth.session?.activeOrganisationId).toBe(testOrganisations.county.id);
    await within(area).findByRole('button', { name: 'Du handler for: Trøndelag fylkeskommune' });
    await waitFor(() => expect(requests.filter((request) => request === 'GET /api/municipalities').length).toBe(before + 1));
  });

  it('shows the one organisation as text when there is no other, and hides menu items the role may not use', async () => {
    const viewer = { email: 'innsyn@example.no', password: 'kompetansebro', me: buildMe({ memberships: [buildMembership(testOrganisations.county, 'county_viewer')] }) };
    const auth = new AuthStore([viewer], { loggedInAs: 'innsyn@example.no' });
    renderApp('/', auth);

    await screen.findByRole('heading', { level: 1, name: 'Oversikt' });
    const header = screen.getByRole('banner');
    await within(header).findByText('Trøndelag fylkeskommune');
    expect(within(header).queryByRole('combobox')).toBeNull();
    const menu = within(header).getByRole('navigation', { name: 'Hovedmeny' });
    expect(within(menu).getAllByRole('link').map((link) => link.textContent)).toEqual(['Oversikt', 'Kommuner']);
  });

  it('asks where to work when the memberships lead to several apps, naming each app as its header will', async () => {
    const both = {
      email: 'to-steder@example.no',
      password: 'kompetansebro',
      me: buildMe({ memberships: [buildMembership(testOrganisations.county, 'county_admin'), buildMembership(testOrganisations.namdal, 'partner_contact')] }),
    };
    renderApp('/velg', new AuthStore([both], { loggedInAs: both.email }));
    expect(await screen.findByRole('button', { name: 'Trøndelag fylkeskommune i Fylkeskonsoll' })).toBeTruthy();
    // A partner's contact is no study centre: the portal it borrows goes by the suite's name.
    expect(screen.getByRole('button', { name: 'Namdal studiesenter i Kompetansebro' })).toBeTruthy();
  });

  it('shows "Brukere" in the menu to a county admin', async () => {
    const auth = new AuthStore([countyAdminAccount()], { loggedInAs: 'fylke@demo.kompetansebro.no' });
    renderApp('/', auth);
    const menu = await screen.findByRole('navigation', { name: 'Hovedmeny' });
    expect(within(menu).getAllByRole('link').map((link) => link.textContent)).toEqual(['Oversikt', 'Kommuner', 'Brukere']);
  });

  it('logs out to the login page; the next page asks for a login again', async () => {
    const auth = new AuthStore([countyAdminAccount()], { loggedInAs: 'fylke@demo.kompetansebro.no' });
    const { user, router } = renderApp('/kommuner', auth);
    await screen.findByText('Namsos');

    await user.click(await screen.findByRole('button', { name: 'Brukermeny for Fylkesbiblioteket (demo)' }));
    await user.click(screen.getByRole('button', { name: 'Logg ut' }));

    await screen.findByRole('heading', { level: 1, name: 'Logg inn' });
    expect(auth.session).toBeNull();
    expect(screen.queryByText('Fylkesbiblioteket (demo)')).toBeNull();

    await router.navigate({ to: '/kommuner' });
    await waitFor(() => expect(router.state.location.pathname).toBe('/logg-inn'));
    expect(router.state.location.search).toEqual({ returnTo: '/kommuner' });
  });
});

describe('a forgotten password', () => {
  it('asks for a link by e-mail and says the same whether or not the address has an account', async () => {
    const { user, auth } = renderApp('/logg-inn');
    await user.click(await screen.findByRole('link', { name: 'Glemt passord?' }));
    await screen.findByRole('heading', { level: 1, name: 'Glemt passord' });

    await user.type(screen.getByLabelText('E-postadresse'), 'kari@example.no');
    await user.click(screen.getByRole('button', { name: 'Send lenken' }));

    await screen.findByRole('heading', { name: 'Sjekk e-posten din' });
    expect(screen.getByText(/Hvis kari@example.no har en konto hos oss, har vi sendt en lenke dit/)).toBeTruthy();
    expect(auth.received).toEqual([{ method: 'POST', path: '/api/auth/password-reset/request', body: { email: 'kari@example.no' } }]);
  });

  it('sets a new password from the link, checking the two fields match first', async () => {
    const auth = new AuthStore();
    auth.validResetTokens.add('a-valid-token-from-the-mail-0123456789');
    const { user } = renderApp('/nytt-passord?token=a-valid-token-from-the-mail-0123456789', auth);
    await screen.findByRole('heading', { level: 1, name: 'Lag nytt passord' });

    await user.type(screen.getByLabelText('Nytt passord'), 'kort');
    await user.type(screen.getByLabelText('Gjenta passordet'), 'annet');
    await user.click(screen.getByRole('button', { name: 'Lagre passordet' }));
    await screen.findByRole('heading', { name: 'For å gå videre må du rette opp dette:' });
    expect(descriptionOf(screen.getByLabelText('Nytt passord'))).toContain('Skriv minst 12 tegn.');
    expect(descriptionOf(screen.getByLabelText('Gjenta passordet'))).toBe('Passordene er ikke like. Skriv det samme passordet i begge feltene.');

    await user.clear(screen.getByLabelText('Nytt passord'));
    await user.type(screen.getByLabelText('Nytt passord'), 'tre lange ord om fjorden');
    await user.clear(screen.getByLabelText('Gjenta passordet'));
    await user.type(screen.getByLabelText('Gjenta passordet'), 'tre lange ord om fjorden');
    await user.click(screen.getByRole('button', { name: 'Lagre passordet' }));

    await screen.findByRole('heading', { name: 'Passordet er lagret' });
    expect(screen.getByRole('link', { name: 'Gå til innloggingen' })).toBeTruthy();
  });

  it('shows beside the field why the API refused the password (easy to guess, or the service’s name in it)', async () => {
    const auth = new AuthStore();
    auth.validResetTokens.add('a-valid-token-from-the-mail-0123456789');
    const { user } = renderApp('/nytt-passord?token=a-valid-token-from-the-mail-0123456789', auth);
    await screen.findByRole('heading', { level: 1, name: 'Lag nytt passord' });
    mswServer.use(
      http.post('*/api/auth/password-reset', () => problemResponse(400, [{ path: 'password', code: 'password_too_weak', message: 'The password is easy to guess' }]), { once: true }),
    );

    await user.type(screen.getByLabelText('Nytt passord'), 'password1234');
    await user.type(screen.getByLabelText('Gjenta passordet'), 'password1234');
    await user.click(screen.getByRole('button', { name: 'Lagre passordet' }));

    await waitFor(() =>
      expect(descriptionOf(screen.getByLabelText('Nytt passord'))).toContain(
        'Passordet er lett å gjette. Bruk et lengre passord, for eksempel noen ord som ikke hører sammen.',
      ),
    );
    expect(descriptionOf(screen.getByLabelText('Nytt passord'))).toContain('uten navnet på tjenesten eller e-postadressen din');
    expect(screen.queryByRole('heading', { name: 'Passordet er lagret' })).toBeNull();
  });

  it('says when the link is used or expired, and offers a new one', async () => {
    const { user } = renderApp('/nytt-passord?token=an-old-token-that-was-used-already-01');
    await screen.findByRole('heading', { level: 1, name: 'Lag nytt passord' });

    await user.type(screen.getByLabelText('Nytt passord'), 'tre lange ord om fjorden');
    await user.type(screen.getByLabelText('Gjenta passordet'), 'tre lange ord om fjorden');
    await user.click(screen.getByRole('button', { name: 'Lagre passordet' }));

    expect(await screen.findByText('Lenken er utløpt eller allerede brukt. Be om en ny lenke.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Be om en ny lenke' }).getAttribute('href')).toBe('/glemt-passord');
  });
});

describe('the compact header (issue 19)', () => {
  it('shows how many things wait in the inbox, and the inbox page links each to where it is done', async () => {
    const auth = new AuthStore([countyAdminAccount()], { loggedInAs: 'fylke@demo.kompetansebro.no' });
    auth.inbox = {
      total: 6,
      items: [
        { kind: 'agreement_acceptance', recordId: '11111111-1111-4111-8111-111111111111', title: 'Lesesalsavtale', count: 1, dueDate: null, amendmentNumber: null, overdue: false },
        { kind: 'unread_notes', recordId: null, title: '', count: 3, dueDate: null, amendmentNumber: null, overdue: false },
        { kind: 'plan_item_due', recordId: '55555555-5555-4555-8555-555555555555', title: 'Kunnskapsgrunnlag', count: 1, dueDate: '2099-12-31', amendmentNumber: null, overdue: false },
        { kind: 'plan_item_due', recordId: '66666666-6666-4666-8666-666666666666', title: 'Webinarrekke', count: 1, dueDate: '2026-06-30', amendmentNumber: null, overdue: true },
      ],
    };
    const { user, router } = renderApp('/', auth);
    const inbox = await screen.findByRole('link', { name: 'Innboks, 6 ting venter' });
    await user.click(inbox);

    await screen.findByRole('heading', { level: 1, name: 'Innboks' });
    expect(router.state.location.pathname).toBe('/innboks');
    expect(screen.getByRole('link', { name: 'Godta eller avslå avtalen «Lesesalsavtale»' }).getAttribute('href')).toBe('/avtaler/11111111-1111-4111-8111-111111111111');
    expect(screen.getByRole('link', { name: '3 uleste notater i samarbeidskanalene' }).getAttribute('href')).toBe('/samarbeid');
    // A plan item the county's own organisation owns opens the initiative (the API sends its id to the county), where the plan is kept.
    expect(screen.getByRole('link', { name: /Kunnskapsgrunnlag/ }).getAttribute('href')).toBe('/tiltak/55555555-5555-4555-8555-555555555555');
    // An overdue plan item says so beside its due date, in the word the plan board uses.
    expect(screen.getByRole('link', { name: 'Planpunkt: Webinarrekke' }).closest('li')?.textContent).toContain('Frist 30.06.2026 — forfalt');
    expect(screen.getByRole('link', { name: 'Planpunkt: Kunnskapsgrunnlag' }).closest('li')?.textContent).not.toContain('forfalt');
  });

  it('says so when nothing waits, with no count', async () => {
    const auth = new AuthStore([countyAdminAccount()], { loggedInAs: 'fylke@demo.kompetansebro.no' });
    renderApp('/innboks', auth);
    await screen.findByText('Ingenting venter på deg nå.');
    expect(screen.getByRole('link', { name: 'Innboks' })).toBeTruthy();
  });

  it('searches from anywhere: "/" brings the focus to the field, Enter shows the hits grouped by kind, each linking to its page', async () => {
    const auth = new AuthStore([countyAdminAccount()], { loggedInAs: 'fylke@demo.kompetansebro.no' });
    auth.searchHits = [
      { type: 'actor', id: '22222222-2222-4222-8222-222222222222', title: 'Namsos bibliotek', snippet: 'Hovedbiblioteket i Namsos.', rank: 2 },
      { type: 'agreement', id: '33333333-3333-4333-8333-333333333333', title: 'Namsos lesesal', snippet: '', rank: 1 },
      { type: 'note', id: '44444444-4444-4444-8444-444444444444', title: 'Namsos notat', snippet: 'Hyllene er flyttet.', rank: 0.5 },
    ];
    const { user, router } = renderApp('/', auth);
    await screen.findByRole('heading', { level: 1, name: 'Oversikt' });
    const field = await screen.findByRole('searchbox', { name: 'Søk' });
    expect(field.getAttribute('aria-keyshortcuts')).toContain('/');

    await user.keyboard('/');
    expect(document.activeElement).toBe(field);
    await user.keyboard('Namsos{Enter}');

    await screen.findByRole('heading', { level: 1, name: 'Treff for «Namsos»' });
    expect(router.state.location.search).toEqual({ q: 'Namsos' });
    await screen.findByText('3 treff');
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual(['Aktører (1)', 'Avtaler (1)', 'Notater (1)']);
    expect(screen.getByRole('link', { name: 'Namsos bibliotek' }).getAttribute('href')).toBe('/aktorer/22222222-2222-4222-8222-222222222222');
    expect(screen.getByRole('link', { name: 'Namsos notat' }).getAttribute('href')).toBe('/samarbeid');
  });

  it('opens the user menu from the keyboard; Escape closes it and gives the focus back; it holds the account pages, the language and logging out', async () => {
    const auth = new AuthStore([countyAdminAccount()], { loggedInAs: 'fylke@demo.kompetansebro.no' });
    const { user, router } = renderApp('/', auth);
    const button = await screen.findByRole('button', { name: 'Brukermeny for Fylkesbiblioteket (demo)' });
    button.focus();
    await user.keyboard('{Enter}');
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const panel = panelOf(button);
    expect(within(panel).getAllByRole('link').map((link) => link.textContent)).toEqual(['Min konto', 'Bytt passord', 'Varsler']);
    expect(within(panel).getByRole('group', { name: 'Språk' })).toBeTruthy();
    expect(within(panel).getByRole('button', { name: 'Logg ut' })).toBeTruthy();

    await user.keyboard('{Escape}');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button);

    await user.click(button);
    await user.click(within(panel).getByRole('link', { name: 'Varsler' }));
    await screen.findByRole('heading', { level: 1, name: 'Varsler' });
    expect(router.state.location.pathname).toBe('/konto/varsler');
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  it('saves the choice of e-mail on the notifications page', async () => {
    const auth = new AuthStore([countyAdminAccount()], { loggedInAs: 'fylke@demo.kompetansebro.no' });
    const { user } = renderApp('/konto/varsler', auth);
    const daily = await screen.findByRole('radio', { name: 'Daglig sammendrag' });
    expect((screen.getByRole('radio', { name: 'Med en gang' }) as HTMLInputElement).checked).toBe(true);
    await user.click(daily);
    await user.click(screen.getByRole('button', { name: 'Lagre varsler' }));
    await screen.findByText('Valget er lagret.');
    expect(auth.notificationSettings).toEqual({ inboxMail: 'daily' });
  });

  it('shows beside the field that the current password is wrong, and changes it when right', async () => {
    const auth = new AuthStore([countyAdminAccount()], { loggedInAs: 'fylke@demo.kompetansebro.no' });
    const { user } = renderApp('/konto/passord', auth);
    await screen.findByRole('heading', { level: 1, name: 'Bytt passord' });
    await user.type(screen.getByLabelText('Nåværende passord'), 'feil');
    await user.type(screen.getByLabelText('Nytt passord', { exact: false }), 'fire tilfeldige ord som bjørk');
    await user.click(screen.getByRole('button', { name: 'Bytt passord' }));
    await waitFor(() => expect(descriptionOf(screen.getByLabelText('Nåværende passord'))).toContain('Det nåværende passordet er feil.'));

    await user.clear(screen.getByLabelText('Nåværende passord'));
    await user.type(screen.getByLabelText('Nåværende passord'), 'kompetansebro');
    await user.click(screen.getByRole('button', { name: 'Bytt passord' }));
    await screen.findByText('Passordet er byttet. Du er logget ut på andre enheter.');
  });

  it('changes the name on the profile page; the user menu says the new one', async () => {
    const auth = new AuthStore([countyAdminAccount()], { loggedInAs: 'fylke@demo.kompetansebro.no' });
    const { user } = renderApp('/konto', auth);
    const name = await screen.findByLabelText('Navn');
    await waitFor(() => expect((name as HTMLInputElement).value).toBe('Fylkesbiblioteket (demo)'));
    expect(screen.getByText('fylke@demo.kompetansebro.no', { selector: 'dd' })).toBeTruthy();
    await user.clear(name);
    await user.type(name, 'Kari Nordmann');
    await user.click(screen.getByRole('button', { name: 'Lagre navnet' }));
    await screen.findByText('Navnet er lagret.');
    await screen.findByRole('button', { name: 'Brukermeny for Kari Nordmann' });
  });
});
