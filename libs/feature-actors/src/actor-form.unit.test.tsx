import { actorHandlers, AuthStore, authHandlers, ActorStore, buildActorDetail, buildMe, buildMembership, mswServer, pickOption, problemResponse, referenceHandlers, renderRoute } from '@kompetansebro/testing';
import { screen, waitFor, within } from '@testing-library/react';
import { http, type RequestHandler } from 'msw';
import { describe, expect, it } from 'vitest';
import { createActorRoutes } from './actor-routes';
// The form's lazy route brings the picker (Designsystemet's Suggestion and web components): load it
// with the file, so the first test does not spend its time limit transforming it.
import '@kompetansebro/ui/searchable-picker';

function renderAt(path: string, store = new ActorStore(), ...overrides: RequestHandler[]) {
  return renderAs(new AuthStore(undefined, { loggedInAs: 'fylke@demo.kompetansebro.no' }), path, store, ...overrides);
}

function renderAs(auth: AuthStore, path: string, store = new ActorStore(), ...overrides: RequestHandler[]) {
  mswServer.use(...actorHandlers(store), ...referenceHandlers(), ...authHandlers(auth));
  if (overrides.length > 0) mswServer.use(...overrides);
  const view = renderRoute({ path, createRoutes: (root) => [createActorRoutes(root, { viewer: { canEdit: true } })] });
  return { ...view, store };
}

/** The text of the elements an input's aria-describedby points to. */
function descriptionOf(input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' | ');
}

const field = (name: RegExp) => screen.getByRole('textbox', { name });

describe('ActorForm, creating an actor', () => {
  it('shows the API’s field errors beside each field and in a summary that takes focus; nothing is saved', async () => {
    const refuse = http.post('*/api/actors', () =>
      problemResponse(400, [
        { path: 'organisationNumber', code: 'organisation_number_checksum', message: 'The check digit of this organisation number is wrong' },
        { path: 'libraryNumber', code: 'library_number_taken', message: 'Another library has this library number' },
      ]),
    );
    const { user, router, store } = renderAt('/aktorer/ny', new ActorStore(), refuse);

    await user.selectOptions(await screen.findByRole('combobox', { name: /^Type aktør/ }), 'public_library');
    await user.type(field(/^Navn/), 'Steinkjer bibliotek');
    await user.type(field(/^Organisasjonsnummer/), '974 767 880');
    await user.type(field(/^Biblioteknummer/), '2030000');
    await user.click(screen.getByRole('button', { name: 'Opprett aktøren' }));

    const summary = await screen.findByRole('heading', { name: 'For å gå videre må du rette opp dette:' });
    const organisationNumber = field(/^Organisasjonsnummer/);
    expect(organisationNumber.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(organisationNumber)).toContain('Dette er ikke et gyldig organisasjonsnummer – kontrollsifferet stemmer ikke.');
    expect(descriptionOf(field(/^Biblioteknummer/))).toContain('Et annet bibliotek har allerede dette biblioteknummeret.');

    const summaryBox = summary.parentElement as HTMLElement;
    await waitFor(() => expect(document.activeElement).toBe(summaryBox));
    const links = within(summaryBox).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['#actor-organisationNumber', '#actor-libraryNumber']);
    expect(links[0]?.textContent).toMatch(/^Organisasjonsnummer: Dette er ikke et gyldig organisasjonsnummer/);

    await user.click(links[0] as HTMLElement);
    expect(document.activeElement).toBe(organisationNumber);
    expect(router.state.location.pathname).toBe('/aktorer/ny');
    expect(store.list(new URLSearchParams()).total).toBe(0);
    // What the user typed is still there.
    expect((organisationNumber as HTMLInputElement).value).toBe('974 767 880');
  });

  it('checks the organisation number before sending, with the same rules as the API', async () => {
    const { user, store } = renderAt('/aktorer/ny');

    await user.selectOptions(await screen.findByRole('combobox', { name: /^Type aktør/ }), 'study_centre');
    await user.type(field(/^Navn/), 'Fosen studiesenter');
    await user.type(field(/^Organisasjonsnummer/), '974 767 881');
    await user.click(screen.getByRole('button', { name: 'Opprett aktøren' }));

    await screen.findByRole('heading', { name: 'For å gå videre må du rette opp dette:' });
    expect(descriptionOf(field(/^Organisasjonsnummer/))).toContain('kontrollsifferet stemmer ikke');
    expect(store.received).toEqual([]);
  });

  it('sends digits only and leaves empty fields out, then shows the new actor with a confirmation', async () => {
    const { user, router, store } = renderAt('/aktorer/ny');

    await user.selectOptions(await screen.findByRole('combobox', { name: /^Type aktør/ }), 'study_centre');
    await user.type(field(/^Navn/), 'Namdal studiesenter');
    await user.type(field(/^Organisasjonsnummer/), '974 767 880');
    // The same help as the study centre's profile gives its address and e-mail.
    expect(descriptionOf(field(/^Adresse/))).toBe('Besøksadressen: gate og husnummer, postnummer og sted.');
    expect(descriptionOf(field(/^E-post/))).toBe('En felles adresse, ikke en persons adresse.');
    await pickOption(user, await screen.findByRole('combobox', { name: /^Kommune/ }), /^Namsos/);
    await user.click(screen.getByRole('button', { name: 'Opprett aktøren' }));

    await screen.findByRole('heading', { level: 1, name: 'Namdal studiesenter' });
    expect(store.received.map((request) => request.body)).toEqual([
      { kind: 'study_centre', name: 'Namdal studiesenter', organisationNumber: '974767880', municipalityNumber: '5007' },
    ]);
    expect(router.state.location.pathname).toMatch(/^\/aktorer\/[0-9a-f-]{36}$/);
    expect(await screen.findByText('Aktøren er opprettet.')).toBeTruthy();
    expect(screen.getByText('974 767 880')).toBeTruthy();
  });

  it('asks before leaving with unsaved changes', async () => {
    const { user, router } = renderAt('/aktorer/ny');

    await user.type(await screen.findByRole('textbox', { name: /^Navn/ }), 'Halvferdig');
    await user.click(screen.getByRole('link', { name: 'Avbryt' }));

    const dialog = await screen.findByRole('dialog', { name: 'Forlate skjemaet?' });
    await user.click(within(dialog).getByRole('button', { name: 'Bli og fortsett' }));
    expect(router.state.location.pathname).toBe('/aktorer/ny');
    expect((field(/^Navn/) as HTMLInputElement).value).toBe('Halvferdig');

    await user.click(screen.getByRole('link', { name: 'Avbryt' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Forlate skjemaet?' })).getByRole('button', { name: 'Forlat uten å lagre' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/aktorer'));
  });
});

describe('ActorForm, editing an actor', () => {
  it('when someone else saved first: keeps the input, loads the latest version, shows what changed, then saves', async () => {
    const actor = buildActorDetail({ name: 'Levanger bibliotek', kind: 'public_library', phone: null, version: 1 });
    const { user, store } = renderAt(`/aktorer/${actor.id}/rediger`, new ActorStore([actor]));

    const name = await screen.findByRole('textbox', { name: /^Navn/ });
    await user.clear(name);
    await user.type(name, 'Levanger folkebibliotek');
    store.saveBySomeoneElse(actor.id, { phone: '74 05 29 00' });
    store.staleOnce('PATCH');
    await user.click(screen.getByRole('button', { name: 'Lagre endringene' }));

    await screen.findByRole('heading', { name: 'Noen andre har lagret først' });
    expect((field(/^Navn/) as HTMLInputElement).value).toBe('Levanger folkebibliotek');

    await user.click(screen.getByRole('button', { name: 'Hent den nyeste versjonen' }));
    // Their phone is taken in (the same on both sides now): named, not a row to choose between.
    expect(await screen.findByText('Dette har de endret, og det står nå i skjemaet: Telefon.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    // Their change is in the form; the user's own change is kept.
    expect((screen.getByRole('textbox', { name: /^Telefon/ }) as HTMLInputElement).value).toBe('74 05 29 00');
    expect((field(/^Navn/) as HTMLInputElement).value).toBe('Levanger folkebibliotek');

    await user.click(screen.getByRole('button', { name: 'Lagre endringene' }));
    await screen.findByRole('heading', { level: 1, name: 'Levanger folkebibliotek' });
    const patches = store.received.filter((request) => request.method === 'PATCH');
    expect(patches.map((request) => [request.ifMatch, request.body])).toEqual([
      ['"1"', { name: 'Levanger folkebibliotek' }],
      ['"2"', { name: 'Levanger folkebibliotek' }],
    ]);
    expect(await screen.findByText('Endringene er lagret.')).toBeTruthy();
  });
});

describe('ActorForm, a library editing its own record', () => {
  const library = buildActorDetail({ name: 'Namsos bibliotek', kind: 'public_library', municipalityNumber: '5007', phone: null, version: 3 });
  const editor = (role: 'library_editor' | 'county_viewer') =>
    new AuthStore([{ email: 'namsos@demo.kompetansebro.no', password: 'kompetansebro', me: buildMe({ memberships: [buildMembership(library, role)] }) }], {
      loggedInAs: 'namsos@demo.kompetansebro.no',
    });

  it('offers "Rediger" but not "Arkiver", and edits only the address and contact details', async () => {
    const { user, store } = renderAs(editor('library_editor'), `/aktorer/${library.id}`, new ActorStore([library]));

    const edit = await screen.findByRole('link', { name: 'Rediger' });
    // On the actor page, where the county archives: not for the library.
    expect(screen.queryByRole('button', { name: 'Arkiver' })).toBeNull();
    await user.click(edit);
    const phone = await screen.findByRole('textbox', { name: /^Telefon/ });
    // A library's numbers and where it belongs are the county's to change, and the intro says so.
    expect(screen.getByText('Adressen og kontaktinformasjonen vises i studentsøket. Navn, type, organisasjons- og biblioteknummer, kommune og hvem dere hører til, endrer fylkeskommunen – ta kontakt med dem om noe der er feil.')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: /^Adresse/ })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: /^E-post/ })).toBeTruthy();
    // Where the library belongs is the county's: not offered.
    expect(screen.queryByRole('combobox', { name: /^Type aktør/ })).toBeNull();
    expect(screen.queryByRole('textbox', { name: /^Navn/ })).toBeNull();
    expect(screen.queryByText(/^Kommune/)).toBeNull();

    await user.type(phone, '74 21 00 01');
    await user.click(screen.getByRole('button', { name: 'Lagre endringene' }));
    await screen.findByRole('heading', { level: 1, name: 'Namsos bibliotek' });
    expect(store.received.filter((request) => request.method === 'PATCH').map((request) => request.body)).toEqual([{ phone: '74 21 00 01' }]);
  });

  it('offers no edit to a read-only role', async () => {
    renderAs(editor('county_viewer'), `/aktorer/${library.id}`, new ActorStore([library]));
    await screen.findByRole('heading', { level: 1, name: 'Namsos bibliotek' });
    expect(screen.queryByRole('link', { name: 'Rediger' })).toBeNull();
  });
});
