import {
  actorHandlers,
  ActorStore,
  agreementHandlers,
  AgreementStore,
  AuthStore,
  authHandlers,
  buildAgreementDetail,
  buildMe,
  buildMembership,
  buildService,
  countyAdminAccount,
  mswServer,
  problemResponse,
  referenceHandlers,
  renderRoute,
  serviceHandlers,
  ServiceStore,
  testOrganisations,
  type TestAccount,
} from '@kompetansebro/testing';
import { meQueries } from '@kompetansebro/api-client';
import type { AgreementDetail } from '@kompetansebro/domain';
import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createAgreementRoutes } from './agreement-routes';

const namdal = testOrganisations.namdal;
const namsos = testOrganisations.namsosLibrary;

const coordinatorAccount = (): TestAccount => ({
  email: 'namdal@demo.kompetansebro.no',
  password: 'kompetansebro',
  me: buildMe({ memberships: [buildMembership(namdal, 'study_centre_coordinator')] }),
});

/** An agreement between Namdal studiesenter (the test coordinator's centre) and Namsos bibliotek, neither accepted yet. */
function namdalAgreement(overrides: Partial<AgreementDetail> = {}): AgreementDetail {
  const base = buildAgreementDetail(overrides);
  const [centre, library] = base.parties;
  if (!centre || !library) throw new Error('The factory builds two parties');
  return {
    ...base,
    parties: [
      { ...centre, actorId: namdal.id, actorName: namdal.name, acceptedAt: null },
      { ...library, actorId: namsos.id, actorName: namsos.name, acceptedAt: null, services: [] },
    ],
  };
}

function renderAgreement(agreement: AgreementDetail, account: TestAccount) {
  const store = new AgreementStore([agreement]);
  const auth = new AuthStore([account], { loggedInAs: account.email });
  mswServer.use(...agreementHandlers(store), ...actorHandlers(new ActorStore()), ...serviceHandlers(new ServiceStore()), ...referenceHandlers(), ...authHandlers(auth));
  const view = renderRoute({ path: `/avtaler/${agreement.id}`, createRoutes: (root) => [createAgreementRoutes(root, { path: 'avtaler' })] });
  return { ...view, store };
}

const parties = () => screen.getByRole('region', { name: 'Parter og tjenester' });
const heading = (title = 'Samarbeidsavtale Namdal') => screen.findByRole('heading', { level: 1, name: title }, { timeout: 5000 });

describe('Acceptance on the agreement page', () => {
  it('lets the coordinator confirm its own centre’s acceptance, after a dialog, with If-Match', async () => {
    const agreement = namdalAgreement({ status: 'negotiating', allowedTransitions: ['draft'] });
    const { user, store } = renderAgreement(agreement, coordinatorAccount());
    await heading();
    const button = await within(parties()).findByRole('button', { name: 'Bekreft at Namdal studiesenter godtar avtalen' }, { timeout: 5000 });
    // Only for its own party: accept or decline, no buttons for the library.
    expect(within(parties()).getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Bekreft at Namdal studiesenter godtar avtalen',
      'Avslå for Namdal studiesenter',
    ]);
    expect(within(parties()).getAllByText('Ikke godtatt ennå')).toHaveLength(2);
    expect(screen.getByText('Venter på at partene godtar avtalen: 0 av 2 har godtatt.')).toBeTruthy();

    await user.click(button);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/Når alle parter har godtatt, er avtalen signert\./)).toBeTruthy();
    expect(store.acceptRequests).toEqual([]);
    await user.type(within(dialog).getByRole('textbox', { name: 'Kommentar (valgfritt)' }), 'Vedtatt i styret');
    await user.click(within(dialog).getByRole('button', { name: 'Ja, vi godtar avtalen' }));

    // The buttons are gone: the notice takes the focus, not the page body.
    const notice = await screen.findByText('Namdal studiesenter har godtatt avtalen.');
    await waitFor(() => expect(document.activeElement).toBe(notice.closest('.ds-alert')));
    expect(screen.getByText('Status:').textContent).toContain('Under forhandling');
    expect(store.acceptRequests).toEqual([{ id: agreement.id, actorId: namdal.id, ifMatch: '"1"', body: { decision: 'accepted', comment: 'Vedtatt i styret' } }]);
    expect(within(parties()).getByText(/^Godtatt \d{2}\.\d{2}\.\d{4} — «Vedtatt i styret»$/)).toBeTruthy();
    expect(within(parties()).getAllByText('Ikke godtatt ennå')).toHaveLength(1);
    expect(screen.getByText('Venter på at partene godtar avtalen: 1 av 2 har godtatt.')).toBeTruthy();
    expect(within(parties()).queryAllByRole('button')).toEqual([]);
  });

  it('signs the agreement with the last acceptance, and says so where the library answered', async () => {
    const agreement = namdalAgreement({ status: 'negotiating', allowedTransitions: [] });
    const centreAccepted = { ...agreement, parties: agreement.parties.map((party) => (party.actorId === namdal.id ? { ...party, acceptedAt: '2026-11-22T10:00:00.000Z' } : party)) };
    const library: TestAccount = { email: 'namsos@demo.kompetansebro.no', password: 'kompetansebro', me: buildMe({ memberships: [buildMembership(namsos, 'library_editor')] }) };
    const { user } = renderAgreement(centreAccepted, library);
    await heading();
    await user.click(await within(parties()).findByRole('button', { name: 'Bekreft at Namsos bibliotek godtar avtalen' }, { timeout: 5000 }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Ja, vi godtar avtalen' }));

    const notice = await screen.findByText('Namsos bibliotek har godtatt avtalen. Alle parter har nå godtatt, så avtalen er signert.');
    await waitFor(() => expect(document.activeElement).toBe(notice.closest('.ds-alert')));
    expect(screen.getByText('Status:').textContent).toContain('Signert');
    // Nothing is left for anyone to press before signing, and no text says the county must.
    expect(screen.queryByText(/Alle parter har godtatt,/)).toBeNull();
    expect(screen.queryByText(/Venter på at partene/)).toBeNull();
  });

  it('offers no acceptance once the agreement is signed, and keeps showing who accepted', async () => {
    const base = namdalAgreement({ status: 'signed', allowedTransitions: [] });
    const signed = { ...base, parties: base.parties.map((party) => ({ ...party, acceptedAt: '2026-11-22T10:00:00.000Z' })) };
    const { queryClient } = renderAgreement(signed, coordinatorAccount());
    await heading();
    // Wait until the page knows who is logged in, so an absent button means something.
    await waitFor(() => expect(queryClient.getQueryState(meQueries.current().queryKey)?.status).toBe('success'));
    expect(within(parties()).queryAllByRole('button')).toEqual([]);
    expect(within(parties()).queryByText('Ikke godtatt ennå')).toBeNull();
    expect(within(parties()).getAllByText('Godtatt 22.11.2026')).toHaveLength(2);
  });

  it('offers a county viewer no acceptance, since the API would refuse it', async () => {
    const viewer: TestAccount = {
      email: 'leser@demo.kompetansebro.no',
      password: 'kompetansebro',
      me: buildMe({ memberships: [buildMembership(testOrganisations.countyLibrary, 'county_viewer')] }),
    };
    const { queryClient } = renderAgreement(namdalAgreement({ status: 'negotiating' }), viewer);
    await heading();
    await waitFor(() => expect(queryClient.getQueryState(meQueries.current().queryKey)?.status).toBe('success'));
    expect(within(parties()).getAllByText('Ikke godtatt ennå')).toHaveLength(2);
    expect(within(parties()).queryAllByRole('button')).toEqual([]);
  });

  it('offers the county admin no answer for a study centre or a library: each answers for itself', async () => {
    const agreement = namdalAgreement({ status: 'negotiating', allowedTransitions: ['draft', 'signed', 'terminated'] });
    const { queryClient } = renderAgreement(agreement, countyAdminAccount());
    await heading();
    await waitFor(() => expect(queryClient.getQueryState(meQueries.current().queryKey)?.status).toBe('success'));
    expect(within(parties()).getAllByText('Ikke godtatt ennå')).toHaveLength(2);
    expect(within(parties()).queryAllByRole('button')).toEqual([]);
  });

  it('lets a party decline only with a reason, and shows the decline and its reason', async () => {
    const agreement = namdalAgreement({ status: 'negotiating', allowedTransitions: ['draft'] });
    const { user, store } = renderAgreement(agreement, coordinatorAccount());
    await heading();
    await user.click(await within(parties()).findByRole('button', { name: 'Avslå for Namdal studiesenter' }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Avslå avtalen' }));
    expect(await within(dialog).findByText('Skriv hvorfor dere avslår avtalen.')).toBeTruthy();
    expect(store.acceptRequests).toEqual([]);
    await user.type(within(dialog).getByRole('textbox', { name: 'Hvorfor avslår dere?' }), 'Åpningstidene mangler');
    await user.click(within(dialog).getByRole('button', { name: 'Avslå avtalen' }));
    await screen.findByText('Namdal studiesenter har avslått avtalen.');
    expect(store.acceptRequests.map((r) => r.body)).toEqual([{ decision: 'declined', comment: 'Åpningstidene mangler' }]);
    expect(within(parties()).getByText(/^Avslått \d{2}\.\d{2}\.\d{4} — «Åpningstidene mangler»$/)).toBeTruthy();
  });

  it('says so when the agreement is no longer open (409), and shows it as it is now', async () => {
    const agreement = namdalAgreement({ status: 'negotiating', allowedTransitions: ['draft'] });
    const { user, store } = renderAgreement(agreement, coordinatorAccount());
    await user.click(await screen.findByRole('button', { name: 'Bekreft at Namdal studiesenter godtar avtalen' }, { timeout: 5000 }));
    // The county signs it meanwhile, without changing the version the page holds.
    store.replace({ ...agreement, status: 'signed', allowedTransitions: ['active', 'terminated'] });
    store.respondOnce('POST', 409);
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Ja, vi godtar avtalen' }));
    expect(await screen.findByText(/ikke lenger åpen for godkjenning/)).toBeTruthy();
    await screen.findByText('Signert');
  });

  it('says the version is stale on 412 and fetches the latest', async () => {
    const agreement = namdalAgreement({ status: 'negotiating', allowedTransitions: ['draft'] });
    const { user, store } = renderAgreement(agreement, coordinatorAccount());
    await user.click(await screen.findByRole('button', { name: 'Bekreft at Namdal studiesenter godtar avtalen' }, { timeout: 5000 }));
    store.replace({ ...agreement, version: 2, title: 'Samarbeidsavtale Namdal 2027' });
    store.staleOnce('POST');
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Ja, vi godtar avtalen' }));
    expect(await screen.findByText(/endret siden du åpnet den/)).toBeTruthy();
    await heading('Samarbeidsavtale Namdal 2027');
  });

  it('calls proposing a draft what it does: sending it to the parties for acceptance', async () => {
    const draft = namdalAgreement({ status: 'draft', allowedTransitions: ['negotiating'] });
    const { user } = renderAgreement(draft, coordinatorAccount());
    const actions = await waitFor(() => screen.getByRole('region', { name: 'Neste steg' }), { timeout: 5000 });
    await user.click(await within(actions).findByRole('button', { name: 'Send til partene for godkjenning' }));
    const notice = await screen.findByText('Avtalen har nå status «Under forhandling».');
    // The button pressed is gone: the notice of the new status takes the focus.
    await waitFor(() => expect(document.activeElement).toBe(notice.closest('.ds-alert')));
  });

  it('shows the county, on an agreement accepted by all but not signed (from before the last acceptance signed), the sign button first', async () => {
    const accepted = { acceptedAt: '2026-11-22T10:00:00.000Z' };
    const agreement = namdalAgreement({ status: 'negotiating', allowedTransitions: ['draft', 'signed', 'terminated'] });
    const allAccepted = { ...agreement, parties: agreement.parties.map((party) => ({ ...party, ...accepted })) };
    renderAgreement(allAccepted, countyAdminAccount());
    await screen.findByText('Alle parter har godtatt, men avtalen er ikke registrert som signert ennå. Marker den som signert.', {}, { timeout: 5000 });
    const actions = screen.getByRole('region', { name: 'Neste steg' });
    expect(within(actions).getAllByRole('button').map((button) => button.textContent)).toEqual([
      'Marker som signert',
      'Sett tilbake til utkast',
      'Avslutt avtalen',
    ]);
    expect(within(parties()).getAllByText('Godtatt 22.11.2026')).toHaveLength(2);
  });

  it('tells the coordinator, on such an agreement, that the county signs it', async () => {
    const agreement = namdalAgreement({ status: 'negotiating', allowedTransitions: ['draft'] });
    const allAccepted = { ...agreement, parties: agreement.parties.map((party) => ({ ...party, acceptedAt: '2026-11-22T10:00:00.000Z' })) };
    renderAgreement(allAccepted, coordinatorAccount());
    await screen.findByText('Alle parter har godtatt, men avtalen er ikke registrert som signert ennå. Fylket gjør det.', {}, { timeout: 5000 });
  });
});

describe('Amendments on the agreement page', () => {
  const amended = (): AgreementDetail => {
    const base = namdalAgreement({ status: 'active', allowedTransitions: ['terminated'], endDate: '2027-12-31' });
    return {
      ...base,
      amendments: [
        {
          id: '00000000-0000-4000-8000-00000000a002',
          number: 2,
          reason: 'Namsos tilbyr grupperom',
          status: 'in_force',
          changes: [{ field: 'services', actorId: namsos.id, before: ['s1'], after: ['s1', 's2'], beforeTypes: ['study_places'], afterTypes: ['study_places', 'group_rooms'] }],
          proposedAt: '2026-11-01T10:00:00.000Z',
          inForceAt: '2026-11-03T10:00:00.000Z',
          parties: [{ actorId: namsos.id, actorName: namsos.name, actorKind: 'public_library', acceptedAt: '2026-11-03T10:00:00.000Z' }],
        },
        {
          id: '00000000-0000-4000-8000-00000000a003',
          number: 3,
          reason: 'Forlenget ett år',
          status: 'proposed',
          changes: [{ field: 'endDate', actorId: null, before: '2027-12-31', after: '2028-12-31' }],
          proposedAt: '2026-12-01T10:00:00.000Z',
          inForceAt: null,
          parties: [
            { actorId: namdal.id, actorName: namdal.name, actorKind: 'study_centre', acceptedAt: null },
            { actorId: namsos.id, actorName: namsos.name, actorKind: 'public_library', acceptedAt: null },
          ],
        },
      ],
    };
  };

  it('shows every version with what changed, before and after, and lets a party accept for itself only', async () => {
    const agreement = amended();
    const { user, store } = renderAgreement(agreement, coordinatorAccount());
    await heading();
    // The agreement's document, made from its data, for a party that reads it.
    expect(screen.getByRole('link', { name: 'Last ned som PDF' }).getAttribute('href')).toContain(`/api/agreements/${agreement.id}/document?format=pdf`);
    expect(screen.getByRole('link', { name: 'Last ned som Word' }).getAttribute('href')).toContain(`/api/agreements/${agreement.id}/document?format=docx`);
    const versions = screen.getByRole('region', { name: 'Versjoner og endringer' });
    const v2 = within(versions).getByRole('table', { name: 'Endringer i versjon 2' });
    expect(within(v2).getByRole('row', { name: 'Tjenester fra Namsos bibliotek Lesesalsplasser Lesesalsplasser, Grupperom' })).toBeTruthy();
    const v3 = within(versions).getByRole('table', { name: 'Endringer i versjon 3' });
    expect(within(v3).getByRole('row', { name: 'Sluttdato 31.12.2027 31.12.2028' })).toBeTruthy();
    expect(within(versions).getByText('Begrunnelse: Forlenget ett år')).toBeTruthy();
    // The coordinator accepts for Namdal only.
    await within(versions).findByRole('button', { name: 'Godta endringen for Namdal studiesenter' });
    expect(within(versions).getAllByRole('button').map((b) => b.textContent)).toEqual(['Godta endringen for Namdal studiesenter']);
    await user.click(within(versions).getByRole('button', { name: 'Godta endringen for Namdal studiesenter' }));
    await waitFor(() => expect(store.received.filter((r) => r.path.includes('/amendments/')).map((r) => [r.path.split('/').at(-2), r.ifMatch])).toEqual([[namdal.id, '"1"']]));
  });

  it('flags every field of an amendment at once (no reason, an end before the start) in a summary that takes the focus', async () => {
    const base = namdalAgreement({ status: 'active', allowedTransitions: ['terminated'], startDate: '2026-01-01', endDate: '2027-12-31' });
    const { user, store } = renderAgreement(base, countyAdminAccount());
    await heading();
    const versions = await screen.findByRole('region', { name: 'Versjoner og endringer' }, { timeout: 5000 });
    await user.clear(await within(versions).findByLabelText('Sluttdato'));
    await user.type(within(versions).getByLabelText('Sluttdato'), '2020-01-01');
    await user.click(within(versions).getByRole('button', { name: 'Foreslå endringen' }));
    const summary = (await within(versions).findByRole('link', { name: /Skriv hvorfor avtalen endres/ })).closest('.ds-error-summary');
    expect(within(summary as HTMLElement).getByRole('link', { name: /Sluttdato/ })).toBeTruthy();
    expect(document.activeElement).toBe(summary);
    expect(store.received.filter((r) => r.path.endsWith('/amendments'))).toEqual([]);
  });

  it('lets the county propose an amendment with a reason and a new end date', async () => {
    const base = namdalAgreement({ status: 'active', allowedTransitions: ['terminated'], endDate: '2027-12-31' });
    const { user, store } = renderAgreement(base, countyAdminAccount());
    await heading();
    const versions = await screen.findByRole('region', { name: 'Versjoner og endringer' }, { timeout: 5000 });
    // Parties with no services to tick are said so, not headed by an empty group.
    expect(await within(versions).findByText(`${namsos.name} har ingen tjenester registrert å knytte til avtalen.`)).toBeTruthy();
    expect(within(versions).queryByRole('group', { name: `Tjenester fra ${namsos.name}` })).toBeNull();
    await user.click(await within(versions).findByRole('button', { name: 'Foreslå endringen' }));
    expect(await within(versions).findByText('Skriv hvorfor avtalen endres (minst tre tegn).')).toBeTruthy();
    await user.type(within(versions).getByRole('textbox', { name: 'Hvorfor endres avtalen?' }), 'Forlenget ett år');
    await user.clear(within(versions).getByLabelText('Sluttdato'));
    await user.type(within(versions).getByLabelText('Sluttdato'), '2028-12-31');
    await user.click(within(versions).getByRole('button', { name: 'Foreslå endringen' }));
    await waitFor(() =>
      expect(store.received.filter((r) => r.path.endsWith('/amendments')).map((r) => r.body)).toEqual([
        {
          reason: 'Forlenget ett år',
          endDate: '2028-12-31',
          description: null,
          levels: ['practical'],
          themes: ['library_services_for_students'],
          services: [
            { actorId: namdal.id, serviceIds: [] },
            { actorId: namsos.id, serviceIds: [] },
          ],
        },
      ]),
    );
  });

  it('says why the API refused an amendment’s end date by its code (out of range is not “before the start”)', async () => {
    const base = namdalAgreement({ status: 'active', allowedTransitions: ['terminated'], endDate: '2027-12-31' });
    const { user } = renderAgreement(base, countyAdminAccount());
    await heading();
    mswServer.use(http.post('*/api/agreements/:id/amendments', () => problemResponse(400, [{ path: 'endDate', code: 'date_out_of_range', message: 'The date must be between 1900 and 2199' }])));
    const versions = await screen.findByRole('region', { name: 'Versjoner og endringer' }, { timeout: 5000 });
    await user.type(await within(versions).findByRole('textbox', { name: 'Hvorfor endres avtalen?' }), 'Forlenget for alltid');
    await user.clear(within(versions).getByLabelText('Sluttdato'));
    await user.type(within(versions).getByLabelText('Sluttdato'), '9999-12-31');
    await user.click(within(versions).getByRole('button', { name: 'Foreslå endringen' }));
    expect(await within(versions).findByText('Datoen må være mellom år 1900 og 2199.')).toBeTruthy();
    expect(within(versions).queryByText(/Sluttdatoen er før startdatoen/)).toBeNull();
    // The next attempt is judged afresh: the form's own finding, not the last answer's.
    await user.clear(within(versions).getByLabelText('Sluttdato'));
    await user.type(within(versions).getByLabelText('Sluttdato'), '2000-01-01');
    await user.click(within(versions).getByRole('button', { name: 'Foreslå endringen' }));
    expect((await within(versions).findAllByText(/Sluttdatoen er før startdatoen/)).length).toBeGreaterThan(0);
    expect(within(versions).queryByText('Datoen må være mellom år 1900 og 2199.')).toBeNull();
  });

  it('lets the county propose adding a service a party offers, and another level, with a reason', async () => {
    const rooms = buildService({ actorId: namsos.id, type: 'group_rooms' });
    const services = new ServiceStore([rooms]).listFor({ actor: namsos.id }, [rooms]).listFor({ actor: namdal.id }, []);
    const base = namdalAgreement({ status: 'active', allowedTransitions: ['terminated'], endDate: '2027-12-31' });
    const { user, store } = renderAgreement(base, countyAdminAccount());
    mswServer.use(...serviceHandlers(services));
    await heading();
    const versions = await screen.findByRole('region', { name: 'Versjoner og endringer' }, { timeout: 5000 });
    const namsosServices = await within(versions).findByRole('group', { name: 'Tjenester fra Namsos bibliotek' });
    await user.click(await within(namsosServices).findByRole('checkbox', { name: 'Grupperom' }));
    await user.click(within(versions).getByRole('checkbox', { name: 'Strategisk' }));
    await user.type(within(versions).getByRole('textbox', { name: 'Hvorfor endres avtalen?' }), 'Namsos tilbyr grupperom');
    await user.click(within(versions).getByRole('button', { name: 'Foreslå endringen' }));
    await waitFor(() => expect(store.received.filter((r) => r.path.endsWith('/amendments'))).toHaveLength(1));
    const [sent] = store.received.filter((r) => r.path.endsWith('/amendments'));
    expect(sent?.ifMatch).toBe('"1"');
    expect(sent?.body).toMatchObject({
      reason: 'Namsos tilbyr grupperom',
      levels: ['practical', 'strategic'],
      services: [
        { actorId: namdal.id, serviceIds: [] },
        { actorId: namsos.id, serviceIds: [rooms.id] },
      ],
    });
  });
});
