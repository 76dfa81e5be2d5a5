import { describe, expect, it } from 'vitest';
import { sampleId } from '@kompetansebro/db';
import type { ImportSummary, ImportTarget } from '@kompetansebro/domain';
import { jsonBody } from '@kompetansebro/testing/server';
import { countRows, json, loggedIn, problemOf, testServer } from '../testing/fixture.test';
import { fixture, importRequests } from './import-requests.test';

// Contacts, services and opening hours of actors in the register, on the actors' import pipeline.

const server = testServer();
const countyViewer = loggedIn(server, 'fylke-innsyn@demo.kompetansebro.no');
const libraryEditor = loggedIn(server, 'namsos@demo.kompetansebro.no');
const { upload, uploaded, preview, applied, applyFailure, undo } = importRequests(server);

const NAMSOS = sampleId('actor', 'library-5007');
const TRONDHEIM = sampleId('actor', 'library-5001');
const NTNU = sampleId('actor', 'ntnu');

/** An upload of the target's sample file (or the given text), previewed with the suggested mapping. */
async function previewed(target: ImportTarget, name: string, bytes: Uint8Array | string) {
  const file = await uploaded(name, bytes, target);
  expect(file.target).toBe(target);
  return { file, shown: await preview(file.id, file.suggested) };
}

const contactsOf = (actorId: string) => server.database.db.selectFrom('contact').select(['id', 'name', 'role', 'email', 'phone', 'version']).where('actor_id', '=', actorId).orderBy('name').execute();
const servicesOf = (actorId: string) =>
  server.database.db.selectFrom('service').select(['id', 'type', 'audiences', 'description', 'conditions', 'weekly_hours', 'confirmed_at', 'version']).where('actor_id', '=', actorId).orderBy('type').execute();
const hoursOf = (actorId: string) => server.database.db.selectFrom('opening_hours').selectAll().where('id', '=', actorId).executeTakeFirst();

describe('importing contacts of actors in the register', () => {
  it('matches the actor by name and municipality or by organisation number, re-imports without change, changes only what changed, and undoes', async () => {
    const namsosBefore = await contactsOf(NAMSOS);
    const { file, shown } = await previewed('contact', 'kontakter.csv', fixture('kontakter-eksempel.csv'));
    expect(file.suggested.columns).toEqual({ Bibliotek: 'actorName', Kommunenummer: 'actorMunicipalityNumber', Organisasjonsnummer: 'actorOrganisationNumber', Navn: 'name', Rolle: 'role', 'E-post': 'email', Telefon: 'phone' });
    expect(shown.counts).toEqual({ new: 3, changed: 0, unchanged: 0, rejected: 0 });
    expect(shown.rows.find((r) => r.line === 4)).toMatchObject({ actorId: NTNU, name: 'Kåre Nordmann (Norges teknisk-naturvitenskapelige universitet)' });
    expect(await contactsOf(NAMSOS)).toEqual(namsosBefore);

    expect(await applied(file.id, file.suggested)).toMatchObject({ target: 'contact', status: 'applied', counts: { new: 3 } });
    const created = (await contactsOf(NAMSOS)).find((c) => c.name === 'Eksempel Ødegård');
    expect(created).toMatchObject({ role: 'Bibliotekar', email: 'eksempel.odegard@example.org', phone: '+47 74 00 00 01', version: 1 });
    // The audit log says a contact was imported, without the person's data.
    const audit = await server.database.db.selectFrom('audit_entry').select(['entity', 'action', 'after']).where('entity_id', '=', created?.id ?? '').execute();
    expect(audit).toMatchObject([{ entity: 'contact', action: 'import', after: { importId: file.id, name: '[redacted]', email: '[redacted]' } }]);

    const again = await previewed('contact', 'kontakter.csv', fixture('kontakter-eksempel.csv'));
    expect(again.shown.counts).toEqual({ new: 0, changed: 0, unchanged: 3, rejected: 0 });

    const edited = await previewed('contact', 'kontakter-endret.csv', fixture('kontakter-eksempel.csv').toString('utf8').replace(';Bibliotekar;', ';Biblioteksjef;'));
    expect(edited.shown.counts).toEqual({ new: 0, changed: 1, unchanged: 2, rejected: 0 });
    expect(edited.shown.rows.find((r) => r.status === 'changed')?.changes).toEqual([{ field: 'role', before: 'Bibliotekar', after: 'Biblioteksjef' }]);
    await applied(edited.file.id, edited.file.suggested);
    expect((await contactsOf(NAMSOS)).find((c) => c.name === 'Eksempel Ødegård')).toMatchObject({ role: 'Biblioteksjef', version: 2 });

    await json<ImportSummary>(await undo(edited.file.id), 200);
    expect((await contactsOf(NAMSOS)).find((c) => c.name === 'Eksempel Ødegård')?.role).toBe('Bibliotekar');
    await json<ImportSummary>(await undo(file.id), 200);
    expect(await contactsOf(NAMSOS)).toEqual(namsosBefore);
    expect((await contactsOf(NTNU)).some((c) => c.name === 'Kåre Nordmann')).toBe(false);
  });

  it('rejects a broken e-mail, an unknown actor, a formula and a missing name, and applies nothing', async () => {
    const rows = [
      'Bibliotek;Kommunenummer;Organisasjonsnummer;Navn;Rolle;E-post;Telefon',
      'Namsos bibliotek;5007;;Feil Epost;Bibliotekar;feil.epost@;',
      'Finnes ikke bibliotek;5007;;Ola Ukjent;;ola@example.org;',
      ';;999999999;Orgnr Ukjent;;;',
      'Namsos bibliotek;5007;;Formel Nordmann;;;=cmd|\' /C calc\'!A0',
      'Namsos bibliotek;5007;;;Rolle uten navn;;',
    ].join('\n');
    const { file, shown } = await previewed('contact', 'feil.csv', rows);
    expect(shown.counts).toEqual({ new: 0, changed: 0, unchanged: 0, rejected: 5 });
    const errorOf = (line: number) => shown.rows.find((r) => r.line === line)?.errors[0];
    expect(errorOf(2)).toMatchObject({ path: 'email', params: { column: 'E-post' } });
    expect(errorOf(3)).toMatchObject({ path: 'actorName', code: 'import_actor_not_found', params: { column: 'Bibliotek' } });
    expect(errorOf(3)?.message).toContain('Finnes ikke bibliotek');
    expect(errorOf(4)).toMatchObject({ path: 'actorOrganisationNumber', params: { column: 'Organisasjonsnummer' } });
    expect(errorOf(5)).toMatchObject({ path: 'phone', code: 'import_formula_cell', params: { column: 'Telefon' } });
    expect(errorOf(6)).toMatchObject({ path: 'name', code: 'invalid_type', params: { column: 'Navn' } });
    const before = await countRows(server, 'contact');
    expect(await applyFailure(file.id, file.suggested)).toContain('5 rows have errors');
    expect(await countRows(server, 'contact')).toBe(before);
  });

  it('hints at likely duplicates: the same e-mail as a stored contact, or the same name at the same actor', async () => {
    const MARIT = sampleId('contact', 'namsos-library-head');
    const twin = await server.database.db
      .insertInto('contact')
      .values({ actor_id: NAMSOS, name: 'Marit Nordmann', sort_key: 'marit nordmann', role: 'Vikar', email: null, phone: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    try {
      const rows = [
        'Bibliotek;Kommunenummer;Organisasjonsnummer;Navn;Rolle;E-post;Telefon',
        'Namdalseid bibliotek;5007;;Kari Hansen;Bibliotekar;Marit.Nordmann@example.org;',
        'Namsos bibliotek;5007;;Marit Nordmann;Biblioteksjef;;',
        'Namsos bibliotek;5007;;Ny Person;Bibliotekar;ny.person@example.org;',
      ].join('\n');
      const { shown } = await previewed('contact', 'duplikater.csv', rows);
      expect(shown.rows.find((r) => r.line === 2)?.likelyDuplicates).toEqual([{ id: MARIT, name: 'Marit Nordmann', reason: 'email' }]);
      const sameName = shown.rows.find((r) => r.line === 3)?.likelyDuplicates ?? [];
      expect(sameName).toHaveLength(1);
      expect(sameName[0]).toMatchObject({ name: 'Marit Nordmann', reason: 'name_at_actor' });
      expect([MARIT, twin.id]).toContain(sameName[0]?.id);
      expect(shown.rows.find((r) => r.line === 4)?.likelyDuplicates).toEqual([]);
    } finally {
      await server.database.db.deleteFrom('contact').where('id', '=', twin.id).execute();
    }
  });

  it('reads a Windows-1252 contact list with æøå right, and refuses an empty file and a header only', async () => {
    const text = 'Bibliotek;Kommunenummer;Navn;Rolle\nNamsos bibliotek;5007;Bjørn Åsmund Ærø;Fagansvarlig\n';
    const { file, shown } = await previewed('contact', 'kontakter.csv', new Uint8Array(Buffer.from(text, 'latin1')));
    expect(file.suggested.columns).toEqual({ Bibliotek: 'actorName', Kommunenummer: 'actorMunicipalityNumber', Navn: 'name', Rolle: 'role' });
    expect(shown.rows[0]).toMatchObject({ status: 'new', name: 'Bjørn Åsmund Ærø (Namsos bibliotek)' });
    for (const [content, code] of [
      ['', 'import_file_empty'],
      ['Bibliotek;Navn;E-post\n', 'import_file_header_only'],
    ] as const) {
      const response = await upload('kontakter.csv', content, server.request, 'contact');
      expect(response.status).toBe(400);
      expect((await problemOf(response)).errors?.[0]).toMatchObject({ path: 'file', code });
    }
  });

  it('refuses a mapping that fills a field of another kind of file', async () => {
    const file = await uploaded('kontakter.csv', fixture('kontakter-eksempel.csv'), 'contact');
    const response = await server.request(`/api/imports/${file.id}/preview`, jsonBody('POST', { ...file.suggested, columns: { ...file.suggested.columns, Rolle: 'libraryNumber' } }));
    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors?.[0]).toMatchObject({ path: 'columns.Rolle', code: 'import_field_not_of_target' });
  });
});

describe('importing services of actors in the register', () => {
  it('creates services with their audiences, conditions, hours and confirmation; re-imports without change; changes only what changed; undoes', async () => {
    const namsosBefore = await servicesOf(NAMSOS);
    const { file, shown } = await previewed('service', 'tjenester.csv', fixture('tjenester-eksempel.csv'));
    expect(file.suggested.columns).toEqual({
      Aktør: 'actorName',
      Kommunenummer: 'actorMunicipalityNumber',
      Tjeneste: 'type',
      Målgrupper: 'audiences',
      Beskrivelse: 'description',
      Vilkår: 'conditions',
      'Timer per uke': 'weeklyHours',
      Bekreftet: 'confirmedAt',
    });
    expect(shown.counts).toEqual({ new: 2, changed: 0, unchanged: 0, rejected: 0 });
    await applied(file.id, file.suggested);
    const created = (await servicesOf(NAMSOS)).find((s) => s.type === 'career_guidance');
    expect(created).toMatchObject({ audiences: ['students', 'apprentices'], description: 'Veiledning om studievalg og søknad.', confirmed_at: '2026-11-01', conditions: { note: 'Avtal tid på forhånd', contractRequired: false } });
    expect(Number(created?.weekly_hours)).toBe(4);

    expect((await previewed('service', 'tjenester.csv', fixture('tjenester-eksempel.csv'))).shown.counts).toEqual({ new: 0, changed: 0, unchanged: 2, rejected: 0 });

    const edited = await previewed('service', 'tjenester-endret.csv', fixture('tjenester-eksempel.csv').toString('utf8').replace(';4;', ';6,5;'));
    expect(edited.shown.counts).toEqual({ new: 0, changed: 1, unchanged: 1, rejected: 0 });
    expect(edited.shown.rows.find((r) => r.status === 'changed')?.changes).toEqual([{ field: 'weeklyHours', before: '4', after: '6.5' }]);
    await applied(edited.file.id, edited.file.suggested);
    expect(Number((await servicesOf(NAMSOS)).find((s) => s.type === 'career_guidance')?.weekly_hours)).toBe(6.5);

    await json<ImportSummary>(await undo(edited.file.id), 200);
    expect(Number((await servicesOf(NAMSOS)).find((s) => s.type === 'career_guidance')?.weekly_hours)).toBe(4);
    await json<ImportSummary>(await undo(file.id), 200);
    expect(await servicesOf(NAMSOS)).toEqual(namsosBefore);
  });

  it('keeps the hours a week of staffed and self-service hours equal to a weekly timetable, whatever the file says', async () => {
    const NAMDALSEID = sampleId('actor', 'branch-namdalseid');
    const header = 'Aktør;Kommunenummer;Tjeneste;Målgrupper;Beskrivelse;Vilkår;Timer per uke;Bekreftet';
    const { file, shown } = await previewed('service', 'betjent.csv', `${header}\nNamdalseid bibliotek;5007;Betjent åpningstid;publikum, studenter;;;99;\nNamsos bibliotek;5007;Betjent åpningstid;publikum, studenter;;;21,5;\n`);
    expect(shown.counts.rejected).toBe(0);
    // The preview shows what will be stored: Namdalseid's figure does not change, Namsos's does.
    expect(shown.counts).toEqual({ new: 0, changed: 1, unchanged: 1, rejected: 0 });
    expect(shown.rows.find((r) => r.line === 3)?.changes).toEqual([expect.objectContaining({ field: 'weeklyHours', after: '21.5' })]);
    await applied(file.id, file.suggested);
    // Namdalseid has a weekly timetable (12 staffed hours); Namsos none, so its figure stands.
    expect(Number((await servicesOf(NAMDALSEID)).find((s) => s.type === 'staffed_hours')?.weekly_hours)).toBe(12);
    expect(Number((await servicesOf(NAMSOS)).find((s) => s.type === 'staffed_hours')?.weekly_hours)).toBe(21.5);
    await json<ImportSummary>(await undo(file.id), 200);
  });

  it('rejects an unknown service type, an unknown audience and a service of an unknown actor', async () => {
    const rows = [
      'Aktør;Kommunenummer;Tjeneste;Målgrupper',
      'Namsos bibliotek;5007;Kaffeservering;publikum',
      'Namsos bibliotek;5007;Grupperom;pensjonister',
      'Ukjent bibliotek;5007;Grupperom;publikum',
      'Namsos bibliotek;5007;Karriereveiledning;',
    ].join('\n');
    const { shown } = await previewed('service', 'feil.csv', rows);
    expect(shown.counts.rejected).toBe(4);
    const errorOf = (line: number) => shown.rows.find((r) => r.line === line)?.errors[0];
    expect(errorOf(2)).toMatchObject({ path: 'type', code: 'import_service_type_unknown', params: { column: 'Tjeneste' } });
    expect(errorOf(3)).toMatchObject({ path: 'audiences', code: 'import_audience_unknown', params: { column: 'Målgrupper' } });
    expect(errorOf(4)).toMatchObject({ path: 'actorName', code: 'import_actor_not_found' });
    expect(errorOf(5)).toMatchObject({ path: 'audiences', code: 'invalid_type' });
  });
});

describe('importing opening hours in OpenStreetMap syntax', () => {
  it('sets the weekly timetable, leaves equal ones alone, and undo restores the timetable before', async () => {
    const trondheimBefore = await hoursOf(TRONDHEIM);
    expect(await hoursOf(NAMSOS)).toBeUndefined();
    const { file, shown } = await previewed('opening_hours', 'apningstider.csv', fixture('apningstider-eksempel.csv'));
    expect(file.suggested.columns).toEqual({ Bibliotek: 'actorName', Kommunenummer: 'actorMunicipalityNumber', Åpningstider: 'openingHours', Meråpent: 'selfService' });
    expect(shown.counts).toEqual({ new: 1, changed: 0, unchanged: 2, rejected: 0 });
    await applied(file.id, file.suggested);
    const namsos = await hoursOf(NAMSOS);
    expect(namsos?.weekly).toContainEqual({ weekday: 'sa', kind: 'staffed', from: '10:00', to: '14:00' });
    expect(namsos?.weekly).toContainEqual({ weekday: 'su', kind: 'self_service', from: '07:00', to: '22:00' });
    expect(namsos?.weekly).toHaveLength(13);

    expect((await previewed('opening_hours', 'apningstider.csv', fixture('apningstider-eksempel.csv'))).shown.counts).toEqual({ new: 0, changed: 0, unchanged: 3, rejected: 0 });

    const edited = await previewed('opening_hours', 'apningstider-endret.csv', fixture('apningstider-eksempel.csv').toString('utf8').replace('"Mo-Fr 09:00-19:00; Sa 10:00-16:00"', '"Mo-Fr 09:00-20:00; Sa 10:00-16:00"'));
    expect(edited.shown.counts).toEqual({ new: 0, changed: 1, unchanged: 2, rejected: 0 });
    expect(edited.shown.rows.find((r) => r.status === 'changed')?.changes).toEqual([{ field: 'openingHours', before: 'Mo-Fr 09:00-19:00; Sa 10:00-16:00', after: 'Mo-Fr 09:00-20:00; Sa 10:00-16:00' }]);
    await applied(edited.file.id, edited.file.suggested);
    const trondheim = await hoursOf(TRONDHEIM);
    expect(trondheim?.weekly).toContainEqual({ weekday: 'mo', kind: 'staffed', from: '09:00', to: '20:00' });
    // The seasons and exceptions stay as they were.
    expect(trondheim?.seasons).toEqual(trondheimBefore?.seasons);

    await json<ImportSummary>(await undo(edited.file.id), 200);
    expect((await hoursOf(TRONDHEIM))?.weekly).toEqual(trondheimBefore?.weekly);
    await json<ImportSummary>(await undo(file.id), 200);
    expect(await hoursOf(NAMSOS)).toBeUndefined();
  });

  it("updates the hours a week of the actor's opening-hours services, as a manual edit does, and undo puts them back", async () => {
    const selfService = () =>
      server.database.db.selectFrom('service').select(['id', 'weekly_hours', 'version']).where('actor_id', '=', NAMSOS).where('type', '=', 'self_service_hours').executeTakeFirstOrThrow();
    const before = await selfService();
    const { file } = await previewed('opening_hours', 'apningstider.csv', 'Bibliotek,Kommunenummer,Åpningstider,Meråpent\nNamsos bibliotek,5007,Mo-Fr 10:00-16:00,Mo-Su 08:00-20:00\n');
    await applied(file.id, file.suggested);
    const after = await selfService();
    // 84 hours open without staff less the 30 staffed ones, as ordinaryWeekHours counts them.
    expect(Number(after.weekly_hours)).toBe(54);
    expect(after.version).toBe(before.version + 1);
    const audited = await server.database.db.selectFrom('audit_entry').select(['action', 'after']).where('entity', '=', 'service').where('entity_id', '=', after.id).orderBy('occurred_at', 'desc').executeTakeFirstOrThrow();
    expect(audited).toMatchObject({ action: 'update', after: { weeklyHours: 54 } });

    await json<ImportSummary>(await undo(file.id), 200);
    expect(await hoursOf(NAMSOS)).toBeUndefined();
    // No timetable left: the service keeps what it says (as a manual edit that empties the hours).
    expect(Number((await selfService()).weekly_hours)).toBe(54);
  });

  it('rejects an opening_hours string that does not parse, saying where', async () => {
    const { shown } = await previewed('opening_hours', 'feil.csv', 'Bibliotek,Kommunenummer,Åpningstider\nNamsos bibliotek,5007,Mo-Fr 10:00-16:x\n');
    expect(shown.rows[0]?.errors[0]).toMatchObject({ path: 'openingHours', code: 'import_opening_hours_invalid', params: { column: 'Åpningstider' } });
    expect(shown.rows[0]?.errors[0]?.message).toContain('<---');
  });

  it('refuses to undo when the hours have been changed since', async () => {
    const { file } = await previewed('opening_hours', 'apningstider.csv', 'Bibliotek,Kommunenummer,Åpningstider\nNamsos bibliotek,5007,Mo-Fr 11:00-15:00\n');
    await applied(file.id, file.suggested);
    await server.database.db.updateTable('opening_hours').set({ version: 5 }).where('id', '=', NAMSOS).execute();
    const refused = await undo(file.id);
    expect(refused.status).toBe(409);
    expect((await problemOf(refused)).errors?.[0]).toMatchObject({ code: 'import_changed_since' });
    expect(await hoursOf(NAMSOS)).toBeDefined();
  });
});

describe('who may import contacts, services and opening hours', () => {
  it('only the county admin', async () => {
    for (const request of [countyViewer, libraryEditor]) {
      expect((await upload('kontakter.csv', fixture('kontakter-eksempel.csv'), request, 'contact')).status).toBe(403);
    }
    expect((await upload('kontakter.csv', fixture('kontakter-eksempel.csv'), server.request, 'contact' as ImportTarget)).status).toBe(201);
    const form = new FormData();
    form.set('file', new File([fixture('kontakter-eksempel.csv')], 'kontakter.csv'));
    form.set('target', 'people');
    expect((await server.request('/api/imports', { method: 'POST', body: form })).status).toBe(400);
  });
});
