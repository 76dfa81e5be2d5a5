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
  mswServer,
  problemResponse,
  referenceHandlers,
  renderRoute,
  serviceHandlers,
  ServiceStore,
  testOrganisations,
} from '@kompetansebro/testing';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { meQueries } from '@kompetansebro/api-client';
import { changeLanguage } from '@kompetansebro/i18n';
import { afterEach, describe, expect, it } from 'vitest';
import { createAgreementRoutes } from './agreement-routes';

function renderAgreements(path: string, store: AgreementStore) {
  mswServer.use(...agreementHandlers(store), ...actorHandlers(new ActorStore()), ...referenceHandlers(), ...authHandlers(new AuthStore(undefined, { loggedInAs: 'fylke@demo.kompetansebro.no' })));
  const view = renderRoute({ path, createRoutes: (root) => [createAgreementRoutes(root, { path: 'avtaler' })] });
  return { ...view, store };
}

function rowTitles(): string[] {
  return within(screen.getByRole('table'))
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent ?? '');
}

describe('AgreementListPage', () => {
  const agreements = () => {
    const interlibraryLoan = buildAgreementDetail({ title: 'Avtale om fjernlån', kind: 'interlibrary_loan', status: 'active' });
    return new AgreementStore([interlibraryLoan, buildAgreementDetail({ title: 'Samarbeid i Namdal', status: 'negotiating' }), buildAgreementDetail({ title: 'Ørland-avtalen', status: 'expired' })])
      .listFor({ status: 'active' }, [interlibraryLoan])
      .listFor({ kind: 'interlibrary_loan' }, [interlibraryLoan]);
  };

  it('shows status as text, and puts the status filter and the search in the URL', async () => {
    const { user, router, store } = renderAgreements('/avtaler', agreements());
    await screen.findByRole('link', { name: 'Ørland-avtalen' }, { timeout: 5000 });
    await waitFor(() => expect(rowTitles()).toEqual(['Avtale om fjernlån', 'Samarbeid i Namdal', 'Ørland-avtalen']));
    expect(within(screen.getByRole('row', { name: /Samarbeid i Namdal/ })).getByText('Under forhandling')).toBeTruthy();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'active');
    await waitFor(() => expect(rowTitles()).toEqual(['Avtale om fjernlån']));
    expect(router.state.location.search).toEqual({ status: 'active' });
    expect(store.listQueries.at(-1)?.get('status')).toBe('active');

    await user.type(screen.getByRole('searchbox', { name: 'Søk i avtaler' }), 'fjernlån{Enter}');
    await waitFor(() => expect(router.state.location.search).toEqual({ status: 'active', q: 'fjernlån' }));
    const csv = screen.getByRole('link', { name: 'Last ned CSV' }).getAttribute('href') ?? '';
    expect(csv).toContain('/api/agreements/export?');
    expect(csv).toContain('status=active');
    expect(csv).toContain('format=csv');
  });

  it('says a total counted only up to a cap is more than it, aloud and by the pages', async () => {
    const many = Array.from({ length: 30 }, (_, n) => buildAgreementDetail({ title: `Samarbeidsavtale ${String(n + 1).padStart(2, '0')}` }));
    renderAgreements('/avtaler?q=samarbeidsavtale', new AgreementStore(many).countsUpTo(25));
    await screen.findByRole('link', { name: 'Samarbeidsavtale 25' }, { timeout: 5000 });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Over 25 avtaler'));
    expect(screen.getByText('1–25 av over 25')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Neste side' })).toHaveProperty('disabled', false);
  });

  it('hides the "Studiesenter" and "Region" filters when the app says so (a centre’s portal)', async () => {
    mswServer.use(...agreementHandlers(agreements()), ...actorHandlers(new ActorStore()), ...referenceHandlers(), ...authHandlers(new AuthStore(undefined, { loggedInAs: 'namdal@demo.kompetansebro.no' })));
    renderRoute({
      path: '/avtaler',
      createRoutes: (root) => [createAgreementRoutes(root, { path: 'avtaler', listFilters: { partyAndRegion: false } })],
    });
    await screen.findByRole('link', { name: 'Ørland-avtalen' }, { timeout: 5000 });
    const filters = screen.getByRole('group', { name: 'Filtre' });
    expect(within(filters).getAllByRole('combobox')).toHaveLength(2);
    expect(within(filters).getByRole('combobox', { name: 'Status' })).toBeTruthy();
    expect(within(filters).queryByRole('combobox', { name: 'Studiesenter' })).toBeNull();
    expect(within(filters).queryByRole('combobox', { name: 'Region' })).toBeNull();
  });

  const settingsHandler = http.get('*/api/agreement-settings', () => HttpResponse.json({ expiringDays: 60, version: 1 }, { headers: { ETag: '"1"' } }));

  it("offers the county's agreement settings (the expiring window) to its admin", async () => {
    renderAgreements('/avtaler', agreements());
    mswServer.use(settingsHandler);
    await screen.findByRole('link', { name: 'Ørland-avtalen' }, { timeout: 5000 });
    await waitFor(() => expect(screen.getByText('Innstillinger for avtaler')).toBeTruthy());
  });

  it('refuses a window that is no whole number in an error summary that takes the focus, and sends nothing', async () => {
    const sent: unknown[] = [];
    const { user } = renderAgreements('/avtaler', agreements());
    mswServer.use(
      settingsHandler,
      http.patch('*/api/agreement-settings', async ({ request }) => {
        sent.push(await request.json());
        return HttpResponse.json({ expiringDays: 60, version: 2 });
      }),
    );
    const days = await screen.findByRole('textbox', { name: /^Dager før sluttdato en avtale får status/ }, { timeout: 5000 });
    await user.clear(days);
    await user.type(days, 'abc');
    await user.click(screen.getByRole('button', { name: 'Lagre innstillingen' }));
    const link = await screen.findByRole('link', { name: /Skriv et helt tall fra 0 til 730\./ });
    expect(document.activeElement).toBe(link.closest('.ds-error-summary'));
    expect(sent).toEqual([]);
  });

  it('lets the county admin write the template of a kind of agreement, with its fields', async () => {
    const posted: unknown[] = [];
    const { user } = renderAgreements('/avtaler', agreements());
    mswServer.use(
      settingsHandler,
      http.get('*/api/agreement-templates', () => HttpResponse.json([])),
      http.post('*/api/agreement-templates', async ({ request }) => {
        posted.push(await request.json());
        return HttpResponse.json({ id: '00000000-0000-4000-8000-0000000000a1', kind: 'cooperation', title: 'Vilkår', clauses: 'Mellom {{parties}}.', version: 1, createdAt: '2026-12-04T08:00:00.000Z', updatedAt: '2026-12-04T08:00:00.000Z' }, { status: 201, headers: { ETag: '"1"' } });
      }),
    );
    const form = await screen.findByRole('form', { name: 'Samarbeidsavtale' }, { timeout: 5000 });
    await user.type(within(form).getByRole('textbox', { name: 'Overskrift for vilkårene' }), 'Vilkår');
    await user.type(within(form).getByRole('textbox', { name: /^Vilkår/ }), 'Mellom {{{{parties}}.');
    await user.click(within(form).getByRole('button', { name: 'Lagre malen for Samarbeidsavtale' }));
    await waitFor(() => expect(posted).toEqual([{ kind: 'cooperation', title: 'Vilkår', clauses: 'Mellom {{parties}}.' }]));
  });

  it('does not offer the agreement settings to a county viewer', async () => {
    const viewer = { email: 'innsyn@test.invalid', password: 'x', me: buildMe({ memberships: [buildMembership(testOrganisations.county, 'county_viewer')] }) };
    const { queryClient } = renderAgreements('/avtaler', agreements());
    mswServer.use(...authHandlers(new AuthStore([viewer], { loggedInAs: viewer.email })), settingsHandler);
    await screen.findByRole('link', { name: 'Ørland-avtalen' }, { timeout: 5000 });
    // Once the page knows who is logged in (a county viewer), it still offers no settings.
    await waitFor(() => expect(queryClient.getQueryData(meQueries.current().queryKey)).toMatchObject({ role: 'county_viewer' }));
    await waitFor(() => expect(screen.getByRole('table')).toBeTruthy());
    expect(screen.queryByText('Innstillinger for avtaler')).toBeNull();
  });

  it('offers the "Studiesenter" and "Region" filters by default', async () => {
    renderAgreements('/avtaler', agreements());
    await screen.findByRole('link', { name: 'Ørland-avtalen' }, { timeout: 5000 });
    expect(screen.getByRole('combobox', { name: 'Studiesenter' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Region' })).toBeTruthy();
  });

  it('opens with the filters a link carries', async () => {
    renderAgreements('/avtaler?kind=interlibrary_loan', agreements());
    await waitFor(() => expect(rowTitles()).toEqual(['Avtale om fjernlån']), { timeout: 5000 });
    expect((screen.getByRole('combobox', { name: 'Type' }) as HTMLSelectElement).value).toBe('interlibrary_loan');
  });
});

describe('AgreementPage', () => {
  it('signs only with a reason while parties have not accepted, and names them', async () => {
    const agreement = buildAgreementDetail({ status: 'negotiating', allowedTransitions: ['draft', 'signed', 'terminated'] });
    const { user, store } = renderAgreements(`/avtaler/${agreement.id}`, new AgreementStore([agreement]));

    await screen.findByRole('heading', { level: 1, name: 'Samarbeidsavtale Namdal' }, { timeout: 5000 });
    const actions = screen.getByRole('region', { name: 'Neste steg' });
    expect(within(actions).getAllByRole('button').map((button) => button.textContent)).toEqual(['Sett tilbake til utkast', 'Marker som signert', 'Avslutt avtalen']);
    expect(screen.getByText('Forplikter seg til: Lesesalsplasser, Fjernlån')).toBeTruthy();

    await user.click(within(actions).getByRole('button', { name: 'Marker som signert' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/ikke godtatt avtalen: Namdal studiesenter, Namsos bibliotek/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Signer med begrunnelse' }));
    expect(await within(dialog).findByText('Skriv en begrunnelse (minst tre tegn).')).toBeTruthy();
    expect(store.get(agreement.id)?.status).toBe('negotiating');
    await user.type(within(dialog).getByRole('textbox', { name: 'Begrunnelse' }), 'Signert på papir');
    await user.click(within(dialog).getByRole('button', { name: 'Signer med begrunnelse' }));
    const notice = await screen.findByText('Avtalen har nå status «Signert».');
    // The dialog and the button are gone: the notice of the new status takes the focus.
    await waitFor(() => expect(document.activeElement).toBe(notice.closest('.ds-alert')));
    expect(store.received.filter((r) => r.path.endsWith('/transitions')).map((r) => r.body)).toEqual([{ to: 'signed', overrideReason: 'Signert på papir' }]);
  });

  it('flags the commitments not met, at a glance, and says what to do about one not confirmed', async () => {
    const base = buildAgreementDetail({ status: 'active', allowedTransitions: ['terminated'] });
    const agreement = {
      ...base,
      parties: base.parties.map((party) => ({ ...party, services: party.services.map((service, i) => (i === 0 ? { ...service, fulfilment: 'unconfirmed' as const } : service)) })),
    };
    renderAgreements(`/avtaler/${agreement.id}`, new AgreementStore([agreement]));
    await screen.findByRole('heading', { level: 1, name: 'Samarbeidsavtale Namdal' }, { timeout: 5000 });
    const parties = screen.getByRole('region', { name: 'Parter og tjenester' });
    expect(within(parties).getByText('1 forpliktelse er ikke oppfylt. Se hva som mangler under parten, og ta det opp med den eller endre avtalen.')).toBeTruthy();
    expect(within(parties).getByText(/Lesesalsplasser: ikke bekreftet de siste 12 månedene\. Be parten bekrefte at tjenesten stemmer\./)).toBeTruthy();
    expect(within(parties).queryByText(/Fjernlån:/)).toBeNull();
  });

  it('asks before terminating, saying what happens', async () => {
    const agreement = buildAgreementDetail({ status: 'active' });
    const { user, store } = renderAgreements(`/avtaler/${agreement.id}`, new AgreementStore([agreement]));
    await user.click(await screen.findByRole('button', { name: 'Avslutt avtalen' }, { timeout: 5000 }));
    expect(screen.getByText(/regnes ikke lenger som dekket/)).toBeTruthy();
    expect(store.get(agreement.id)?.status).toBe('active');
  });

  it('links to the record’s audit trail when the app has one', async () => {
    const agreement = buildAgreementDetail();
    mswServer.use(...agreementHandlers(new AgreementStore([agreement])), ...referenceHandlers(), ...authHandlers(new AuthStore(undefined, { loggedInAs: 'fylke@demo.kompetansebro.no' })));
    renderRoute({
      path: `/avtaler/${agreement.id}`,
      createRoutes: (root) => [createAgreementRoutes(root, { path: 'avtaler', historyPath: '/historikk/$entity/$id' })],
    });
    const link = await screen.findByRole('link', { name: 'Historikk' }, { timeout: 5000 });
    expect(link.getAttribute('href')).toBe(`/historikk/agreement/${agreement.id}`);
  });

  it('says beside the renewal’s date and in a summary that takes the focus why the API refused it, in the user’s language', async () => {
    const agreement = buildAgreementDetail({ status: 'active', endDate: '2026-12-31' });
    const { user } = renderAgreements(`/avtaler/${agreement.id}`, new AgreementStore([agreement]));
    mswServer.use(http.post('*/api/agreements/:id/renewals', () => problemResponse(400, [{ path: 'endDate', code: 'date_out_of_range', message: 'The date must be between 1900 and 2199' }])));
    const renewal = await screen.findByRole('region', { name: 'Forny avtalen' }, { timeout: 5000 });
    await user.type(within(renewal).getByLabelText('Sluttdato'), '2030-06-30');
    await user.click(within(renewal).getByRole('button', { name: 'Forny' }));
    const summary = await within(renewal).findByRole('heading', { name: 'For å gå videre må du rette opp dette:' });
    await waitFor(() => expect(document.activeElement).toBe(summary.parentElement));
    expect(within(summary.parentElement as HTMLElement).getByRole('link').textContent).toBe('Sluttdato: Datoen må være mellom år 1900 og 2199.');
    expect(within(renewal).getByLabelText('Sluttdato').getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('agreement-renewal-end-date-error')?.textContent).toBe('Datoen må være mellom år 1900 og 2199.');
    expect(within(renewal).queryByText(/must be between/)).toBeNull();
  });

  it('finds every fault of the renewal’s dates before sending it, and names each once in the form’s order', async () => {
    const agreement = buildAgreementDetail({ status: 'active', endDate: '2026-12-31' });
    const { user, store } = renderAgreements(`/avtaler/${agreement.id}`, new AgreementStore([agreement]));
    const renewal = await screen.findByRole('region', { name: 'Forny avtalen' }, { timeout: 5000 });
    const start = within(renewal).getByLabelText('Startdato');
    await user.clear(start);
    await user.type(start, '2026-12-01');
    await user.type(within(renewal).getByLabelText('Sluttdato'), '2026-06-30');
    await user.click(within(renewal).getByRole('button', { name: 'Forny' }));

    const summary = (await within(renewal).findByRole('heading', { name: 'For å gå videre må du rette opp dette:' })).parentElement as HTMLElement;
    await waitFor(() => expect(document.activeElement).toBe(summary));
    const overlaps = 'Startdatoen må være etter 31.12.2026, da denne avtalen slutter. Velg en senere startdato, eller la feltet stå tomt for å starte dagen etter.';
    const backwards = 'Sluttdatoen er før startdatoen. Velg en sluttdato etter startdatoen.';
    // Each message names its field already ("Startdatoen …"): the summary does not repeat the label.
    expect(within(summary).getAllByRole('link').map((link) => link.textContent)).toEqual([overlaps, backwards]);
    expect(document.getElementById('agreement-renewal-start-date-error')?.textContent).toBe(overlaps);
    expect(document.getElementById('agreement-renewal-end-date-error')?.textContent).toBe(backwards);
    expect(store.received.filter((request) => request.path.endsWith('/renewals'))).toEqual([]);

    // A summary link takes the user to its field.
    await user.click(within(summary).getByRole('link', { name: backwards }));
    expect(document.activeElement).toBe(within(renewal).getByLabelText('Sluttdato'));
  });

  describe('history', () => {
    afterEach(async () => {
      await changeLanguage('nb');
    });
    const transitions = [
      { from: null, to: 'draft', at: '2026-11-02T09:00:00Z', byUserId: null, note: null, noteCode: 'renewal', noteParams: null },
      { from: 'draft', to: 'negotiating', at: '2026-11-03T09:00:00Z', byUserId: null, note: 'Sendt til styret først', noteCode: null, noteParams: null },
      { from: 'negotiating', to: 'signed', at: '2026-11-20T09:00:00Z', byUserId: null, note: null, noteCode: 'signed_by_acceptance', noteParams: null },
      { from: 'signed', to: 'active', at: '2026-12-01T09:00:00Z', byUserId: null, note: null, noteCode: 'calendar', noteParams: null },
    ] as const;
    // The page of an agreement in force offers the county an amendment, which lists services.
    const renderHistory = (agreement: ReturnType<typeof buildAgreementDetail>) => {
      mswServer.use(...serviceHandlers(new ServiceStore()));
      return renderAgreements(`/avtaler/${agreement.id}`, new AgreementStore([agreement]));
    };
    const entries = () => within(screen.getByRole('region', { name: /Status changes|Statusendringar/ })).getAllByRole('listitem').map((item) => item.textContent);

    it('says the system’s notes in the reader’s language and what a person typed as typed', async () => {
      await changeLanguage('en');
      renderHistory(buildAgreementDetail({ status: 'active', transitions: [...transitions] }));
      await screen.findByRole('region', { name: 'Status changes' }, { timeout: 5000 });
      expect(entries()).toEqual([
        '02.11.2026: Draft (Renewal)',
        '03.11.2026: Draft → Negotiating (Sendt til styret først)',
        '20.11.2026: Negotiating → Signed (Every party has accepted)',
        '01.12.2026: Signed → Active (By the calendar)',
      ]);
    });

    it('names the parties that had not accepted in the reader’s language, and keeps the county’s reason as typed', async () => {
      await changeLanguage('nn');
      const signed = { from: 'negotiating', to: 'signed', at: '2026-11-20T09:00:00Z', byUserId: null, note: 'Signert på papir i møte', noteCode: 'signed_without_acceptance', noteParams: { missing: 'Namsos bibliotek' } } as const;
      renderHistory(buildAgreementDetail({ status: 'active', transitions: [signed] }));
      await screen.findByRole('region', { name: 'Statusendringar' }, { timeout: 5000 });
      expect(entries()).toEqual(['20.11.2026: Under forhandling → Signert (Signert utan godkjenning frå Namsos bibliotek. Grunngiving: Signert på papir i møte)']);
    });
  });

  it('shows no transition buttons when none is allowed', async () => {
    const agreement = buildAgreementDetail({ status: 'expired', allowedTransitions: [] });
    renderAgreements(`/avtaler/${agreement.id}`, new AgreementStore([agreement]));
    await screen.findByText('Det er ingen statusendringer du kan gjøre nå.', {}, { timeout: 5000 });
    expect(within(screen.getByRole('region', { name: 'Neste steg' })).queryAllByRole('button')).toEqual([]);
  });
});

describe('AgreementEditPage', () => {
  it('edits a negotiated agreement through the steps, with If-Match, and says the parties are asked again', async () => {
    const agreement = buildAgreementDetail({ status: 'negotiating', allowedTransitions: ['draft', 'signed', 'terminated'], startDate: '2027-01-01', endDate: '2029-12-31' });
    const { user, store } = renderAgreements(`/avtaler/${agreement.id}`, new AgreementStore([agreement]));
    await user.click(await screen.findByRole('link', { name: 'Rediger avtalen' }, { timeout: 5000 }));
    await screen.findByRole('heading', { level: 1, name: 'Rediger avtale' }, { timeout: 5000 });
    expect(screen.getByText(/må alle parter godta den på nytt/)).toBeTruthy();
    const title = screen.getByLabelText('Tittel') as HTMLInputElement;
    expect(title.value).toBe('Samarbeidsavtale Namdal');
    await user.clear(title);
    await user.type(title, 'Samarbeidsavtale Namdal 2027–2029');
    for (let step = 0; step < 4; step += 1) await user.click(screen.getByRole('button', { name: 'Neste' }));
    // The last step of an edit saves: it does not say "opprett".
    expect(await screen.findByRole('heading', { level: 2, name: 'Steg 5 av 5: Se over og lagre' })).toBeTruthy();
    await user.click(await screen.findByRole('button', { name: 'Lagre endringene' }));
    await screen.findByRole('heading', { level: 1, name: 'Samarbeidsavtale Namdal 2027–2029' }, { timeout: 5000 });
    const [patch] = store.received.filter((r) => r.method === 'PATCH');
    expect(patch?.ifMatch).toBe('"1"');
    expect(patch?.body).toMatchObject({ title: 'Samarbeidsavtale Namdal 2027–2029', startDate: '2027-01-01', endDate: '2029-12-31', parties: [expect.objectContaining({ role: 'coordinator' }), expect.objectContaining({ role: 'service_provider' })] });
  });

  it('when someone else saved first: the notice takes the focus, loads their version keeping the input, and saves over it', async () => {
    const agreement = buildAgreementDetail({ status: 'draft', startDate: '2027-01-01', endDate: '2029-12-31', description: null });
    const { user, store } = renderAgreements(`/avtaler/${agreement.id}/rediger`, new AgreementStore([agreement]));
    const title = (await screen.findByLabelText('Tittel', {}, { timeout: 5000 })) as HTMLInputElement;
    await user.clear(title);
    await user.type(title, 'Min tittel');
    for (let step = 0; step < 4; step += 1) await user.click(screen.getByRole('button', { name: 'Neste' }));
    store.saveBySomeoneElse(agreement.id, { title: 'Deres tittel', description: 'Deres sammendrag' });
    store.staleOnce('PATCH');
    await user.click(await screen.findByRole('button', { name: 'Lagre endringene' }));

    const notice = (await screen.findByRole('heading', { name: 'Noen andre har lagret først' })).closest('[role="alert"]');
    await waitFor(() => expect(document.activeElement).toBe(notice));
    await user.click(screen.getByRole('button', { name: 'Hent den nyeste versjonen' }));
    const changes = await screen.findByRole('table');
    expect(within(changes).getByRole('row', { name: /Tittel/ }).textContent).toContain('Deres tittel');
    expect(within(changes).getByRole('row', { name: /Tittel/ }).textContent).toContain('Min tittel');
    expect(screen.getByText('Dette har de endret, og det står nå i skjemaet: Sammendrag.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Lagre endringene' }));
    await screen.findByRole('heading', { level: 1, name: 'Min tittel' }, { timeout: 5000 });
    const patches = store.received.filter((r) => r.method === 'PATCH');
    expect(patches.map((r) => r.ifMatch)).toEqual(['"1"', '"2"']);
    expect(patches[1]?.body).toMatchObject({ title: 'Min tittel', description: 'Deres sammendrag' });
  });

  it('offers no edit once the agreement is signed', async () => {
    const agreement = buildAgreementDetail({ status: 'active', allowedTransitions: ['terminated'] });
    renderAgreements(`/avtaler/${agreement.id}`, new AgreementStore([agreement]));
    await screen.findByRole('heading', { level: 1, name: 'Samarbeidsavtale Namdal' }, { timeout: 5000 });
    await screen.findByRole('button', { name: 'Avslutt avtalen' });
    expect(screen.queryByRole('link', { name: 'Rediger avtalen' })).toBeNull();
  });
});
