import { buildActivityDetail, buildAgreementDetail, buildContact, buildService, problemResponse } from '@kompetansebro/testing';
import { configure, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { countyViewer, namsosFamily, renderActorPage } from './actor-page.fixture.test';

// The page loads its chunk and five lists; on a busy machine that takes longer than the default second.
configure({ asyncUtilTimeout: 5000 });

describe('ActorPage sections', () => {
  it('links the parent and the branches, and the history of the actor', async () => {
    const { main, branch } = renderActorPage();

    const branchLink = await screen.findByRole('link', { name: branch.name });
    expect(branchLink.getAttribute('href')).toBe(`/aktorer/${branch.id}`);
    expect(screen.getByRole('heading', { name: 'Filialer og andre underenheter' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Se endringshistorikken' }).getAttribute('href')).toBe(`/historikk/actor/${main.id}`);
  });

  it('shows the agreements the actor is party to, with status as text and a link to each', async () => {
    const family = namsosFamily();
    const { main } = family;
    const agreement = buildAgreementDetail({ title: 'Samarbeid Namdal studiesenter og Namsos bibliotek', status: 'negotiating', startDate: '2026-01-01', endDate: '2027-06-30' });
    renderActorPage({
      family,
      agreements: [
        { ...agreement, parties: agreement.parties.map((party, index) => (index === 0 ? { ...party, actorId: main.id, actorName: main.name, role: 'service_provider' } : party)) },
      ],
      others: { agreements: [buildAgreementDetail({ title: 'En annen avtale' })] },
    });

    const section = within(await screen.findByRole('region', { name: /Avtaler Namsos bibliotek er part i/ }));
    const link = await section.findByRole('link', { name: 'Samarbeid Namdal studiesenter og Namsos bibliotek' });
    expect(link.getAttribute('href')).toBe(`/avtaler/${agreement.id}`);
    const row = section.getByRole('row', { name: /Samarbeid Namdal/ });
    expect(within(row).getByText('Under forhandling')).toBeTruthy();
    expect(within(row).getByText('01.01.2026–30.06.2027')).toBeTruthy();
    expect(section.queryByText('En annen avtale')).toBeNull();
  });

  it('lists what the actor organised or took part in, and the photos among them', async () => {
    const family = namsosFamily();
    const { main } = family;
    const participant = { actorId: main.id, actorName: main.name, actorKind: 'public_library', headCount: 2 };
    renderActorPage({
      family,
      activities: [
        buildActivityDetail({ title: 'Webinar: Fjernlån i praksis', startDate: '2026-02-03', participants: [participant] }),
        buildActivityDetail({
          kind: 'photography',
          title: 'Fotografering av hovedbibliotekene',
          startDate: '2025-09-01',
          endDate: '2025-11-30',
          participants: [participant],
          links: [{ kind: 'mediebank', label: 'KS Mediebank', url: 'https://www.ks.no/' }],
        }),
      ],
      others: { activities: [buildActivityDetail({ title: 'Møte uten Namsos', participants: [] })] },
    });

    const table = within(await screen.findByRole('region', { name: /Aktiviteter Namsos bibliotek har arrangert/ }));
    await table.findByRole('link', { name: 'Webinar: Fjernlån i praksis' });
    expect(table.getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(['Webinar: Fjernlån i praksis', 'Fotografering av hovedbibliotekene']);
    expect(within(table.getByRole('row', { name: /Fotografering/ })).getByText('Deltaker')).toBeTruthy();

    const media = screen.getByRole('region', { name: 'Bilder og medielenker' });
    const mediaLink = within(media).getByRole('link', { name: 'KS Mediebank' });
    expect(mediaLink.getAttribute('href')).toBe('https://www.ks.no/');
    expect(media.textContent).toContain('fra Fotografering av hovedbibliotekene');
  });

  it('says so when there are no services, agreements, activities or contacts', async () => {
    renderActorPage();
    expect(await screen.findByText('Ingen tjenester er registrert for denne aktøren.')).toBeTruthy();
    expect(await screen.findByText('Aktøren er ikke part i noen avtale.')).toBeTruthy();
    expect(await screen.findByText(/Aktøren har ikke arrangert eller deltatt/)).toBeTruthy();
    expect(await screen.findByText('Ingen kontaktpersoner er registrert.')).toBeTruthy();
    expect(await screen.findByText('Ingen bilder eller medielenker er registrert.')).toBeTruthy();
  });

  it('shows an error in the services section that a retry clears', async () => {
    let failing = true;
    const { user } = renderActorPage({
      services: [buildService({ type: 'group_rooms' })],
      overrides: [http.get('*/api/services', () => (failing ? problemResponse(500) : undefined))],
    });
    await screen.findByRole('heading', { name: 'Fikk ikke hentet tjenestene.' });
    failing = false;
    await user.click(within(screen.getByRole('region', { name: 'Tjenester' })).getByRole('button', { name: 'Prøv igjen' }));
    expect(await screen.findByRole('heading', { name: 'Grupperom' })).toBeTruthy();
  });
});

describe('An actor that cannot be shown', () => {
  it('says the actor is not there, with the way back to the list (the route loads it first)', async () => {
    const family = namsosFamily();
    renderActorPage({ family, overrides: [http.get(`*/api/actors/${family.main.id}`, () => problemResponse(404))] });
    expect(await screen.findByText('Vi fant ikke aktøren. Den kan være slettet, eller lenken kan være feil.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Aktør' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Tilbake til aktørlisten' }).getAttribute('href')).toBe('/aktorer');
    expect(screen.queryByRole('button', { name: 'Prøv igjen' })).toBeNull();
  });

  it('says what went wrong when the actor cannot be read, and a retry shows it', async () => {
    const family = namsosFamily();
    let failing = true;
    const { user } = renderActorPage({ family, overrides: [http.get(`*/api/actors/${family.main.id}`, () => (failing ? problemResponse(500) : undefined))] });
    const retry = await screen.findByRole('button', { name: 'Prøv igjen' });
    expect(screen.getByRole('heading', { level: 1, name: 'Aktør' })).toBeTruthy();
    failing = false;
    await user.click(retry);
    expect(await screen.findByRole('heading', { level: 1, name: family.main.name })).toBeTruthy();
  });
});

describe('Services on the actor page', () => {
  const studyPlaces = () =>
    buildService({ type: 'study_places', weeklyHours: 37.5, conditions: { hours: 'staffed', capacity: 12 }, confirmedAt: '2025-10-15', confirmedBy: 'Kari' });
  const selfService = () => buildService({ type: 'self_service_hours', weeklyHours: 70, conditions: { hours: 'self_service', ageLimit: 18, contractRequired: true } });

  it('shows staffed and self-service services apart, each with its conditions', async () => {
    renderActorPage({ services: [studyPlaces(), selfService()] });

    const staffed = await screen.findByRole('region', { name: 'Betjent tid' });
    const open = screen.getByRole('region', { name: 'Meråpen tid (uten betjening)' });
    expect(within(staffed).getByRole('heading', { name: 'Lesesalsplasser' })).toBeTruthy();
    expect(within(staffed).getByText('37,5 timer')).toBeTruthy();
    expect(within(staffed).getByText('15.10.2025')).toBeTruthy();
    expect(within(open).getByRole('heading', { name: 'Meråpent' })).toBeTruthy();
    expect(within(open).getByText('18 år')).toBeTruthy();
    expect(within(open).queryByRole('heading', { name: 'Lesesalsplasser' })).toBeNull();
  });

  it('shows the hours a week of staffed or self-service hours read-only where they follow the weekly timetable', async () => {
    const service = selfService();
    const days = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as const;
    const weekly = [
      ...days.slice(0, 5).map((weekday) => ({ weekday, kind: 'staffed', from: '10:00', to: '16:00' })),
      ...days.map((weekday) => ({ weekday, kind: 'self_service', from: '07:00', to: '22:00' })),
    ];
    const { user, stores } = renderActorPage({
      services: [service],
      overrides: [http.get('*/api/opening-hours/:id', () => HttpResponse.json({ weekly, seasons: [], exceptions: [], openOnPublicHolidays: false }))],
    });

    await user.click(await screen.findByRole('button', { name: 'Rediger Meråpent' }));
    // 75 hours of self-service outside the staffed ones, whatever the service said (70).
    const hours = await screen.findByRole('textbox', { name: 'Timer per uke' });
    await waitFor(() => expect((hours as HTMLInputElement).readOnly).toBe(true));
    expect((hours as HTMLInputElement).value).toBe('75');
    expect(hours.getAttribute('aria-describedby')).toBeTruthy();
    const help = document.getElementById(hours.getAttribute('aria-describedby')?.split(' ')[0] ?? '');
    expect(help?.textContent).toContain('Følger den faste ukeplanen i åpningstidene');
    expect(help?.textContent).toContain('Endre dem under Åpningstider');

    await user.type(screen.getByRole('textbox', { name: 'Merknad' }), 'Ny merknad');
    await user.click(screen.getByRole('button', { name: 'Lagre tjenesten' }));
    expect(await screen.findByText('Endringene i tjenesten er lagret.')).toBeTruthy();
    expect(stores.services.received[0]?.body).not.toHaveProperty('weeklyHours');
  });

  it('links to the library’s opening hours from the read-only hours a week, where the app has that page', async () => {
    const weekly = ['mo', 'tu'].map((weekday) => ({ weekday, kind: 'staffed', from: '10:00', to: '14:00' }));
    const { user, main } = renderActorPage({
      services: [buildService({ type: 'staffed_hours', weeklyHours: 20 })],
      openingHoursPath: '/apningstider/$id',
      overrides: [http.get('*/api/opening-hours/:id', () => HttpResponse.json({ weekly, seasons: [], exceptions: [], openOnPublicHolidays: false }))],
    });

    await user.click(await screen.findByRole('button', { name: 'Rediger Betjent åpningstid' }));
    const hours = await screen.findByRole('textbox', { name: 'Timer per uke' });
    await waitFor(() => expect((hours as HTMLInputElement).value).toBe('8'));
    expect(screen.getByRole('link', { name: 'Endre åpningstidene' }).getAttribute('href')).toBe(`/apningstider/${main.id}`);
  });

  it('lets the hours a week of staffed or self-service hours be entered where the library has no weekly timetable', async () => {
    const { user } = renderActorPage({
      services: [selfService()],
      overrides: [http.get('*/api/opening-hours/:id', () => HttpResponse.json({ weekly: [], seasons: [], exceptions: [{ date: '2026-12-24', periods: [], note: null }], openOnPublicHolidays: false }))],
    });

    await user.click(await screen.findByRole('button', { name: 'Rediger Meråpent' }));
    const hours = screen.getByRole('textbox', { name: 'Timer per uke' });
    expect((hours as HTMLInputElement).readOnly).toBe(false);
    expect((hours as HTMLInputElement).value).toBe('70');
  });

  it('edits a service in place and sends only what changed, over the version read', async () => {
    const service = studyPlaces();
    const { user, stores } = renderActorPage({ services: [service] });

    await user.click(await screen.findByRole('button', { name: 'Rediger Lesesalsplasser' }));
    const hours = screen.getByRole('textbox', { name: 'Timer per uke' });
    expect((hours as HTMLInputElement).value).toBe('37,5');
    await user.clear(hours);
    await user.type(hours, '40');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Åpningstid' }), 'staffed_and_self_service');
    await user.click(screen.getByRole('button', { name: 'Lagre tjenesten' }));

    expect(await screen.findByText('Endringene i tjenesten er lagret.')).toBeTruthy();
    expect(stores.services.received).toEqual([
      { method: 'PATCH', path: `/api/services/${service.id}`, body: { weeklyHours: 40, conditions: { hours: 'staffed_and_self_service' } }, ifMatch: '"1"' },
    ]);
    const both = await screen.findByRole('region', { name: 'Både betjent og meråpen tid' });
    expect(within(both).getByText('40 timer')).toBeTruthy();
    expect(within(both).getByText('12')).toBeTruthy();
  });

  it('shows bad input beside the field and in a summary, and sends nothing', async () => {
    const { user, stores } = renderActorPage({ services: [studyPlaces()] });

    await user.click(await screen.findByRole('button', { name: 'Rediger Lesesalsplasser' }));
    await user.clear(screen.getByRole('textbox', { name: 'Timer per uke' }));
    await user.type(screen.getByRole('textbox', { name: 'Timer per uke' }), 'mange');
    await user.clear(screen.getByRole('textbox', { name: 'Aldersgrense' }));
    await user.type(screen.getByRole('textbox', { name: 'Aldersgrense' }), '120');
    await user.click(screen.getByRole('checkbox', { name: 'Studenter' }));
    await user.click(screen.getByRole('button', { name: 'Lagre tjenesten' }));

    expect(await screen.findByRole('heading', { name: 'For å gå videre må du rette opp dette:' })).toBeTruthy();
    const hours = screen.getByRole('textbox', { name: 'Timer per uke' });
    expect(hours.getAttribute('aria-invalid')).toBe('true');
    expect(hours.getAttribute('aria-describedby')).toContain('error');
    expect(screen.getAllByText(/Skriv et tall\./).length).toBe(2);
    expect(screen.getAllByText(/høyst 99/).length).toBeGreaterThan(0);
    expect(screen.getByRole('link', { name: /Målgrupper/ })).toBeTruthy();
    expect(stores.services.received).toEqual([]);
  });

  it('when someone else saved first, keeps the input, shows their change, and saves over their version on request', async () => {
    const service = studyPlaces();
    const { user, stores } = renderActorPage({ services: [service] });

    await user.click(await screen.findByRole('button', { name: 'Rediger Lesesalsplasser' }));
    stores.services.saveBySomeoneElse(service.id, { conditions: { capacity: 30 } });
    stores.services.staleOnce('PATCH');
    const hours = screen.getByRole('textbox', { name: 'Timer per uke' });
    await user.clear(hours);
    await user.type(hours, '40');
    await user.click(screen.getByRole('button', { name: 'Lagre tjenesten' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Noen andre har lagret først')).toBeTruthy();
    // Their capacity is taken in, the same on both sides: named, not listed as "30 | 30".
    expect(await within(alert).findByText('Dette har de endret, og det står nå i skjemaet: Kapasitet.')).toBeTruthy();
    expect(within(alert).queryByRole('row', { name: /Kapasitet/ })).toBeNull();
    expect((screen.getByRole('textbox', { name: 'Timer per uke' }) as HTMLInputElement).value).toBe('40');
    expect((screen.getByRole('textbox', { name: 'Kapasitet' }) as HTMLInputElement).value).toBe('30');

    await user.click(screen.getByRole('button', { name: 'Lagre tjenesten' }));
    expect(await screen.findByText('Endringene i tjenesten er lagret.')).toBeTruthy();
    expect(stores.services.received.map((request) => [request.ifMatch, request.body])).toEqual([
      ['"1"', { weeklyHours: 40 }],
      ['"2"', { weeklyHours: 40 }],
    ]);
    expect(stores.services.get(service.id)).toMatchObject({ weeklyHours: 40, conditions: { capacity: 30 } });
  });

  it('adds a service, asking for its type first', async () => {
    const { user, stores, main } = renderActorPage();

    await user.click(await screen.findByRole('button', { name: 'Legg til tjeneste' }));
    await user.click(screen.getByRole('button', { name: 'Legg til tjenesten' }));
    expect(await screen.findByRole('link', { name: /Tjeneste:/ })).toBeTruthy();
    expect(stores.services.received).toEqual([]);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Tjeneste' }), 'group_rooms');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Åpningstid' }), 'by_appointment');
    await user.type(screen.getByRole('textbox', { name: 'Kapasitet' }), '6');
    await user.click(screen.getByRole('button', { name: 'Legg til tjenesten' }));

    expect(await screen.findByText('Tjenesten er lagt til.')).toBeTruthy();
    expect(stores.services.received[0]?.body).toMatchObject({ actorId: main.id, type: 'group_rooms', audiences: ['students'], conditions: { hours: 'by_appointment', capacity: 6 } });
    const byAppointment = await screen.findByRole('region', { name: 'Etter avtale' });
    expect(within(byAppointment).getByRole('heading', { name: 'Grupperom' })).toBeTruthy();
  });

  it('confirms a service as still correct, and archives one after asking', async () => {
    const service = studyPlaces();
    const { user, stores } = renderActorPage({ services: [service, selfService()] });

    await user.click(await screen.findByRole('button', { name: 'Bekreft at Lesesalsplasser stemmer' }));
    expect(await screen.findByText('Tjenesten er bekreftet som riktig i dag.')).toBeTruthy();
    expect(stores.services.received[0]).toMatchObject({ path: `/api/services/${service.id}/confirm`, body: { confirmedBy: 'Fylkesbiblioteket (demo)' }, ifMatch: '"1"' });

    await user.click(screen.getByRole('button', { name: 'Arkiver Meråpent' }));
    const dialog = await screen.findByRole('dialog', { name: 'Arkivere Meråpent?' });
    await user.click(within(dialog).getByRole('button', { name: 'Ja, arkiver' }));
    expect(await screen.findByText('Tjenesten er arkivert.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Meråpent' })).toBeNull());
  });

  it('offers no changes to a county viewer, who only reads', async () => {
    renderActorPage({ services: [studyPlaces()], contacts: [buildContact()], account: countyViewer });
    await screen.findByRole('heading', { name: 'Lesesalsplasser' });
    await screen.findByRole('heading', { name: 'Kari Nordmann' });
    expect(screen.queryByRole('button', { name: /Rediger|Legg til|Arkiver|Fjern|Bekreft/ })).toBeNull();
  });
});

describe('Contacts on the actor page', () => {
  it('adds a contact after a bad e-mail is fixed beside its field', async () => {
    const { user, stores, main } = renderActorPage();

    await user.click(await screen.findByRole('button', { name: 'Legg til kontaktperson' }));
    await user.type(screen.getByRole('textbox', { name: 'Navn' }), 'Ola Nordmann');
    await user.type(screen.getByRole('textbox', { name: 'E-post' }), 'ola-at-example');
    await user.click(screen.getByRole('button', { name: 'Legg til' }));

    const email = screen.getByRole('textbox', { name: 'E-post' });
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getAllByText(/Skriv en gyldig e-postadresse/).length).toBe(2);
    expect(stores.contacts.received).toEqual([]);

    await user.clear(email);
    await user.type(email, 'ola.nordmann@example.org');
    await user.click(screen.getByRole('button', { name: 'Legg til' }));

    expect(await screen.findByText('Kontaktpersonen er lagt til.')).toBeTruthy();
    expect(stores.contacts.received[0]?.body).toEqual({ actorId: main.id, name: 'Ola Nordmann', role: null, email: 'ola.nordmann@example.org', phone: null });
    expect(await screen.findByRole('link', { name: 'ola.nordmann@example.org' })).toBeTruthy();
  });

  it('edits a contact, and after a stale save keeps the input and shows the stored version', async () => {
    const contact = buildContact({ name: 'Kari Nordmann', role: 'Biblioteksjef' });
    const { user, stores } = renderActorPage({ contacts: [contact] });

    await user.click(await screen.findByRole('button', { name: 'Rediger Kari Nordmann' }));
    stores.contacts.saveBySomeoneElse(contact.id, { role: 'Rådgiver' });
    stores.contacts.staleOnce('PATCH');
    const phone = screen.getByRole('textbox', { name: 'Telefon' });
    // A contact's phone is written as an actor's: the same help.
    expect(screen.getByText('Siffer og mellomrom, gjerne med +47 foran.')).toBeTruthy();
    await user.type(phone, '+47 74 21 00 00');
    await user.click(screen.getByRole('button', { name: 'Lagre' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Noen andre har endret kontaktpersonen');
    expect(alert.textContent).toContain('Rådgiver');
    expect((screen.getByRole('textbox', { name: 'Telefon' }) as HTMLInputElement).value).toBe('+47 74 21 00 00');

    await user.click(screen.getByRole('button', { name: 'Lagre' }));
    expect(await screen.findByText('Endringene er lagret.')).toBeTruthy();
    expect(stores.contacts.received.map((request) => request.ifMatch)).toEqual(['"1"', '"2"']);
    // The other person's role stays: only the phone was sent.
    expect(stores.contacts.get(contact.id)).toMatchObject({ role: 'Rådgiver', phone: '+47 74 21 00 00' });
  });

  it('removes a contact only after asking', async () => {
    const contact = buildContact({ name: 'Kari Nordmann' });
    const { user, stores } = renderActorPage({ contacts: [contact] });

    await user.click(await screen.findByRole('button', { name: 'Fjern Kari Nordmann' }));
    const dialog = await screen.findByRole('dialog', { name: 'Fjerne Kari Nordmann?' });
    await user.click(within(dialog).getByRole('button', { name: 'Avbryt' }));
    expect(stores.contacts.received).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Fjern Kari Nordmann' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Fjerne Kari Nordmann?' })).getByRole('button', { name: 'Ja, fjern' }));
    expect(await screen.findByText('Kontaktpersonen er fjernet.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Kari Nordmann' })).toBeNull());
    expect(stores.contacts.received[0]).toMatchObject({ method: 'DELETE', ifMatch: '"1"' });
  });
});
