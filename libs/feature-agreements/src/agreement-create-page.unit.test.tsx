import {
  actorHandlers,
  ActorStore,
  agreementHandlers,
  AgreementStore,
  AuthStore,
  authHandlers,
  buildActorDetail,
  buildMe,
  buildMembership,
  buildPartyService,
  countyAdminAccount,
  mswServer,
  problemResponse,
  referenceHandlers,
  renderRoute,
  serviceHandlers,
  ServiceStore,
  testOrganisations,
} from '@kompetansebro/testing';
import { screen, waitFor, within } from '@testing-library/react';
import { http, type RequestHandler } from 'msw';
import { describe, expect, it } from 'vitest';
import type { AgreementCreation } from './agreement-feature-context';
import { createAgreementRoutes } from './agreement-routes';

const centre = testOrganisations.namdal;
const namsos = buildActorDetail({ kind: 'public_library', name: 'Namsos bibliotek', municipalityNumber: '5007' });
const studyPlaces = buildPartyService(namsos, { type: 'study_places' });
const interlibraryLoan = buildPartyService(namsos, { type: 'interlibrary_loan' });

function renderAt(path: string, options: { auth?: AuthStore; overrides?: RequestHandler[]; creation?: AgreementCreation } = {}) {
  const store = new AgreementStore([], { actors: [centre, namsos] });
  const services = new ServiceStore().listFor({ actor: namsos.id }, [studyPlaces, interlibraryLoan]).listFor({ actor: centre.id }, []);
  const auth = options.auth ?? new AuthStore(undefined, { loggedInAs: 'fylke@demo.kompetansebro.no' });
  const actors = new ActorStore([centre, namsos]);
  mswServer.use(...agreementHandlers(store), ...serviceHandlers(services), ...actorHandlers(actors), ...referenceHandlers(), ...authHandlers(auth));
  if (options.overrides?.length) mswServer.use(...options.overrides);
  const creation = options.creation ?? {};
  const view = renderRoute({ path, createRoutes: (root) => [createAgreementRoutes(root, { path: 'avtaler', creation })] });
  return { ...view, store };
}

/** The text of the elements an input's aria-describedby points to. */
function descriptionOf(element: HTMLElement): string {
  const ids = (element.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' | ');
}

const stepHeading = (name: RegExp | string) => screen.findByRole('heading', { level: 2, name }, { timeout: 5000 });
const next = () => screen.getByRole('button', { name: 'Neste' });

type User = ReturnType<typeof renderAt>['user'];

async function fillBasics(user: User) {
  await stepHeading('Steg 1 av 5: Om avtalen');
  await user.type(screen.getByRole('textbox', { name: /^Tittel/ }), 'Samarbeidsavtale Namdal og Namsos');
  await user.selectOptions(screen.getByRole('combobox', { name: /^Type avtale/ }), 'cooperation');
  await user.click(next());
}

async function addParty(user: User, search: string, name: string) {
  const field = screen.getByRole('searchbox', { name: 'Søk etter aktør' });
  await user.clear(field);
  await user.type(field, search);
  await user.click(await screen.findByRole('button', { name: `Legg til ${name}` }, { timeout: 3000 }));
}

async function reachServices(user: User) {
  await fillBasics(user);
  await stepHeading('Steg 2 av 5: Parter og roller');
  await addParty(user, 'Namdal', 'Namdal studiesenter');
  await addParty(user, 'Namsos', 'Namsos bibliotek');
  await user.click(next());
  await stepHeading('Steg 3 av 5: Tjenester');
}

describe('AgreementCreatePage, step by step', () => {
  it('checks each step before moving on, keeps what was typed going back, and creates a draft', async () => {
    const { user, router, store } = renderAt('/avtaler/ny');

    // Step 1: nothing filled in.
    await stepHeading('Steg 1 av 5: Om avtalen');
    await user.click(next());
    await screen.findByRole('heading', { name: 'For å gå videre må du rette opp dette:' });
    const title = screen.getByRole('textbox', { name: /^Tittel/ });
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(title)).toContain('Fyll ut feltet.');
    expect(descriptionOf(screen.getByRole('combobox', { name: /^Type avtale/ }))).toContain('Fyll ut feltet.');
    expect(screen.getByRole('heading', { level: 2, name: 'Steg 1 av 5: Om avtalen' })).toBeTruthy();

    await user.type(title, 'Samarbeidsavtale Namdal og Namsos');
    await user.selectOptions(screen.getByRole('combobox', { name: /^Type avtale/ }), 'cooperation');
    await user.click(next());

    // Step 2: the heading takes focus; one party is not enough.
    const partiesHeading = await stepHeading('Steg 2 av 5: Parter og roller');
    await waitFor(() => expect(document.activeElement).toBe(partiesHeading));
    await addParty(user, 'Namdal', 'Namdal studiesenter');
    await user.click(next());
    const search = await screen.findByRole('searchbox', { name: 'Søk etter aktør' });
    await waitFor(() => expect(descriptionOf(search)).toContain('Legg til minst 2 ulike parter.'));
    await addParty(user, 'Namsos', 'Namsos bibliotek');
    // The role follows the kind: a library provides services.
    expect((screen.getByRole('combobox', { name: 'Rolle for Namsos bibliotek' }) as HTMLSelectElement).value).toBe('service_provider');
    await user.click(next());

    // Step 3: the library's own services to tick.
    await stepHeading('Steg 3 av 5: Tjenester');
    const group = screen.getByRole('group', { name: 'Tjenester Namsos bibliotek forplikter seg til' });
    await user.click(await within(group).findByRole('checkbox', { name: 'Lesesalsplasser' }));
    await user.click(within(group).getByRole('checkbox', { name: 'Fjernlån' }));

    // Back and forth keeps what was chosen.
    await user.click(screen.getByRole('button', { name: 'Forrige' }));
    await stepHeading('Steg 2 av 5: Parter og roller');
    expect(screen.getByRole('combobox', { name: 'Rolle for Namdal studiesenter' })).toBeTruthy();
    await user.click(next());
    await stepHeading('Steg 3 av 5: Tjenester');
    expect((screen.getByRole('checkbox', { name: 'Lesesalsplasser' }) as HTMLInputElement).checked).toBe(true);
    await user.click(next());

    // Step 4: an end before the start is caught here.
    await stepHeading('Steg 4 av 5: Periode og tema');
    await user.type(screen.getByLabelText('Startdato'), '2026-08-01');
    await user.type(screen.getByLabelText('Sluttdato'), '2026-01-01');
    await user.click(next());
    await waitFor(() => expect(descriptionOf(screen.getByLabelText('Sluttdato'))).toContain('Sluttdatoen er før startdatoen.'));
    await user.clear(screen.getByLabelText('Sluttdato'));
    await user.type(screen.getByLabelText('Sluttdato'), '2028-07-31');
    await user.click(screen.getByRole('checkbox', { name: 'Praktisk' }));
    await user.click(next());

    // Step 5: review, then create.
    await stepHeading('Steg 5 av 5: Se over og opprett');
    expect(screen.getByText('Namsos bibliotek: Lesesalsplasser, Fjernlån')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Opprett avtalen' }));

    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/avtaler\/[0-9a-f-]{36}$/));
    expect(store.createRequests).toEqual([
      {
        title: 'Samarbeidsavtale Namdal og Namsos',
        kind: 'cooperation',
        startDate: '2026-08-01',
        endDate: '2028-07-31',
        levels: ['practical'],
        themes: [],
        parties: [
          { actorId: centre.id, role: 'coordinator', serviceIds: [] },
          { actorId: namsos.id, role: 'service_provider', serviceIds: [studyPlaces.id, interlibraryLoan.id] },
        ],
      },
    ]);
  }, 30_000);

  it('puts a field error from the API on the step and beside the field that can fix it', async () => {
    const refuse = http.post('*/api/agreements', () =>
      problemResponse(400, [{ path: 'parties.1.serviceIds.0', code: 'service_not_of_party', message: 'A party commits only its own services' }]),
    );
    const { user, router } = renderAt('/avtaler/ny', { overrides: [refuse] });
    await reachServices(user);
    await user.click(await screen.findByRole('checkbox', { name: 'Lesesalsplasser' }));
    await user.click(next());
    await stepHeading('Steg 4 av 5: Periode og tema');
    await user.click(next());
    await stepHeading('Steg 5 av 5: Se over og opprett');
    await user.click(screen.getByRole('button', { name: 'Opprett avtalen' }));

    // Back on the services step, the message beside Namsos' services and in the summary.
    await stepHeading('Steg 3 av 5: Tjenester');
    const group = screen.getByRole('group', { name: 'Tjenester Namsos bibliotek forplikter seg til' });
    expect(descriptionOf(group)).toBe('En part kan bare forplikte seg til sine egne tjenester.');
    const summary = (await screen.findByRole('heading', { name: 'For å gå videre må du rette opp dette:' })).parentElement as HTMLElement;
    expect(within(summary).getByRole('link').getAttribute('href')).toBe(`#${group.id}`);
    expect(router.state.location.pathname).toBe('/avtaler/ny');
  }, 20_000);

  it('starts with the party a link names (?part=)', async () => {
    const { user } = renderAt(`/avtaler/ny?part=${namsos.id}`);
    await fillBasics(user);
    await stepHeading('Steg 2 av 5: Parter og roller');
    expect(await screen.findByRole('combobox', { name: 'Rolle for Namsos bibliotek' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Fjern Namsos bibliotek' })).toBeTruthy();
  });

  it('keeps a study centre’s own centre as a fixed party when the app asks for it', async () => {
    const coordinator = {
      ...countyAdminAccount(),
      email: 'namdal@demo.kompetansebro.no',
      me: buildMe({ memberships: [buildMembership(testOrganisations.namdal, 'study_centre_coordinator')] }),
    };
    const { user } = renderAt(`/avtaler/ny?part=${namsos.id}`, {
      auth: new AuthStore([coordinator], { loggedInAs: coordinator.email }),
      creation: { fixedParty: 'activeOrganisation' },
    });
    await fillBasics(user);
    await stepHeading('Steg 2 av 5: Parter og roller');
    expect(await screen.findByRole('combobox', { name: 'Rolle for Namdal studiesenter' })).toBeTruthy();
    expect(screen.getByText('Fast part')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Fjern Namdal studiesenter' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Fjern Namsos bibliotek' })).toBeTruthy();
  });

  it('asks before leaving with unsaved input', async () => {
    const { user, router } = renderAt('/avtaler/ny');
    await stepHeading('Steg 1 av 5: Om avtalen');
    await user.type(screen.getByRole('textbox', { name: /^Tittel/ }), 'Halvferdig');
    await user.click(screen.getByRole('link', { name: 'Avbryt' }));
    expect(await screen.findByRole('dialog')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/avtaler/ny');
  });
});

describe('"Ny avtale" on the list', () => {
  it('is offered to a county admin', async () => {
    renderAt('/avtaler');
    expect((await screen.findByRole('link', { name: 'Ny avtale' }, { timeout: 5000 })).getAttribute('href')).toBe('/avtaler/ny');
  });

  it('is not offered to a county viewer, who only reads', async () => {
    const viewer = {
      ...countyAdminAccount(),
      email: 'fylke-innsyn@demo.kompetansebro.no',
      me: buildMe({ memberships: [buildMembership(testOrganisations.county, 'county_viewer')] }),
    };
    const { queryClient } = renderAt('/avtaler', { auth: new AuthStore([viewer], { loggedInAs: viewer.email }) });
    await screen.findByRole('heading', { level: 1, name: 'Avtaler' }, { timeout: 5000 });
    await screen.findByText('Ingen avtaler ennå');
    // Who is logged in is known by now (the list, and the decision, wait for nothing else).
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    expect(screen.queryByRole('link', { name: 'Ny avtale' })).toBeNull();
  });
});
