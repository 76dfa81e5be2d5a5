import { describe, expect, it } from 'vitest';
import { sampleId } from '@kompetansebro/db';
import type { ActorDetail, ActorSummary } from '@kompetansebro/domain';
import { jsonBody } from '@kompetansebro/testing/server';
import { countRows, created, creatorOf, getJson, expectDisjoint, expectFieldRefused, expectIdChecked, expectQueryRefused, listOf, problemOf, testServer } from '../testing/fixture.test';

const server = testServer();

const NAMSOS_LIBRARY = sampleId('actor', 'library-5007');
const TRONDHEIM_LIBRARY = sampleId('actor', 'library-5001');

const listActors = listOf<ActorSummary>(server, '/api/actors');



const validActor = { kind: 'public_library', name: 'Testbiblioteket', organisationNumber: null, municipalityNumber: '5007' };

describe('GET /api/actors', () => {
  it('finds an actor by a part of its name', async () => {
    const page = await listActors('q=Namsos');
    expect(page.items.map((a) => a.name)).toContain('Namsos bibliotek');
    expect(page.items.every((a) => /namsos/i.test(a.name) || /namsos/i.test(a.description ?? ''))).toBe(true);
  });

  it('finds an actor by its organisation number, typed with or without spaces', async () => {
    for (const q of ['974767880', '974%20767%20880', '974767']) {
      const page = await listActors(`q=${q}`);
      expect(page.items.map((a) => a.shortName), q).toContain('NTNU');
    }
  });

  it('searches with Norwegian stemming: "bibliotekene" finds libraries', async () => {
    const page = await listActors('q=bibliotekene&pageSize=100');
    expect(page.total).toBeGreaterThan(38);
    expect(page.items.some((a) => a.name === 'Namsos bibliotek')).toBe(true);
  });

  it('filters by kind and municipality and reports the total', async () => {
    const page = await listActors('kind=study_centre');
    expect(page.items.map((a) => a.name).sort()).toEqual(
      ['Fosen studiesenter', 'Namdal studiesenter', 'Studiesenter Trøndelag sør', 'Studiesenter Trøndelag sørvest'].sort(),
    );
    expect(page.total).toBe(4);
    const inNamsos = await listActors('municipality=5007&pageSize=100');
    expect(inNamsos.items.length).toBeGreaterThan(1);
    expect(inNamsos.items.every((a) => a.municipalityNumber === '5007')).toBe(true);
  });

  it('sorts in Norwegian order, with æ, ø and å after z', async () => {
    const page = await listActors('kind=public_library&pageSize=100');
    const names = page.items.map((a) => a.name);
    expect(names.slice(-2)).toEqual(['Ørland bibliotek', 'Åfjord bibliotek']);
    expect(names.indexOf('Ørland bibliotek')).toBeGreaterThan(names.indexOf('Verdal bibliotek'));
    expect(names.indexOf('Åfjord bibliotek')).toBeGreaterThan(names.indexOf('Ørland bibliotek'));
    expect(names.at(-1)).toBe('Åfjord bibliotek');
    const descending = await listActors('kind=public_library&pageSize=1&sort=-name');
    expect(descending.items[0]?.name).toBe('Åfjord bibliotek');
  });

  it('pages through results without overlap', async () => {
    const first = await listActors('kind=public_library&pageSize=10&page=1');
    const second = await listActors('kind=public_library&pageSize=10&page=2');
    expect(first.total).toBe(38);
    expect(first.items).toHaveLength(10);
    expectDisjoint(first, second);
  });

  it('answers 400 naming the parameter for bad query values', async () => {
    await expectQueryRefused(server, '/api/actors', ['page=abc', 'pageSize=1000', 'kind=castle', 'municipality=12', 'sort=colour', 'q=%00']);
  });
});

describe('GET /api/actors/export', () => {
  it('exports what the filters select as semicolon-separated CSV for Norwegian Excel', async () => {
    const response = await server.request('/api/actors/export?format=csv&kind=study_centre');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="aktorer-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = (await response.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]?.split(';').slice(0, 3)).toEqual(['Navn', 'Kortnavn', 'Type']);
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/^Fosen studiesenter;/);
  });

  it('exports XLSX', async () => {
    const response = await server.request('/api/actors/export?format=xlsx&kind=university');
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]); // a zip container
  });

  it('refuses an unknown format', async () => {
    expect((await server.request('/api/actors/export?format=pdf')).status).toBe(400);
  });
});

describe('GET /api/actors/:id', () => {
  it('returns the actor with municipality, region, children and an ETag', async () => {
    const response = await server.request(`/api/actors/${TRONDHEIM_LIBRARY}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"1"');
    const actor = (await response.json()) as ActorDetail;
    expect(actor.municipalityName).toBe('Trondheim');
    expect(actor.regionName).toBe('Trondheim');
    expect(actor.children.map((c) => c.name)).toContain('Heimdal bibliotek');
    expect(actor.children.every((c) => c.kind === 'library_branch')).toBe(true);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    await expectIdChecked(server, '/api/actors', 'not-a-uuid');
  });
});

describe('POST /api/actors', () => {
  it('creates an actor, answers 201 with Location and ETag, and writes an audit entry', async () => {
    const auditBefore = await countRows(server, 'audit_entry');
    const response = await server.request('/api/actors', jsonBody('POST', { ...validActor, organisationNumber: '990001375' }));
    const actor = await created<ActorDetail>(response, '/api/actors');
    expect(actor).toMatchObject({ ...validActor, organisationNumber: '990001375', version: 1, municipalityName: 'Namsos', regionName: 'Namdal', shortName: null });
    expect(await countRows(server, 'audit_entry')).toBe(auditBefore + 1);
    const entry = await server.database.db
      .selectFrom('audit_entry')
      .selectAll()
      .where('entity_id', '=', actor.id)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ entity: 'actor', action: 'create', before: null });
  });

  const badBodies: Array<[string, unknown, string, string]> = [
    ['a bad check digit', { ...validActor, organisationNumber: '974767881' }, 'organisationNumber', 'organisation_number_checksum'],
    ['too few digits', { ...validActor, organisationNumber: '97476788' }, 'organisationNumber', 'organisation_number_format'],
    ['a library number of 6 digits', { ...validActor, libraryNumber: '203000' }, 'libraryNumber', 'library_number_format'],
    ['a library number on a non-library', { ...validActor, kind: 'study_centre', libraryNumber: '2030000' }, 'libraryNumber', 'library_number_not_library'],
    ['an unknown field', { ...validActor, colour: 'blue' }, 'colour', 'unrecognized_keys'],
    ['an over-long name', { ...validActor, name: 'x'.repeat(201) }, 'name', 'too_big'],
    ['a wrong type', { ...validActor, name: 42 }, 'name', 'invalid_type'],
    ['an unknown kind', { ...validActor, kind: 'castle' }, 'kind', 'invalid_value'],
    ['a missing name', { kind: 'public_library' }, 'name', 'invalid_type'],
    ['an unknown municipality', { ...validActor, municipalityNumber: '0301' }, 'municipalityNumber', 'municipality_not_found'],
    ['a branch without its main library', { ...validActor, kind: 'library_branch' }, 'parentId', 'parent_required'],
    ['a branch under a study centre', { ...validActor, kind: 'library_branch', parentId: sampleId('actor', 'study-centre-namdal') }, 'parentId', 'parent_wrong_kind'],
    ['a parent that does not exist', { ...validActor, kind: 'library_branch', parentId: '00000000-0000-4000-8000-000000000000' }, 'parentId', 'parent_not_found'],
    ['a control character (PostgreSQL cannot store NUL)', { ...validActor, name: 'Bib\u0000liotek' }, 'name', 'control_characters'],
    ['a website that is no URL', { ...validActor, website: 'javascript:alert(1)' }, 'website', 'invalid_format'],
  ];

  it.each(badBodies)('refuses %s with 400 naming the field, and writes nothing', async (_label, body, path, code) => {
    await expectFieldRefused(server, () => server.request('/api/actors', jsonBody('POST', body)), { path, code }, ['actor']);
  });

  it('refuses malformed JSON with 400 and a body that is not JSON with 415', async () => {
    const malformed = await server.request('/api/actors', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"kind":' });
    expect(malformed.status).toBe(400);
    expect((await problemOf(malformed)).errors?.[0]?.code).toBe('malformed_json');
    const notJson = await server.request('/api/actors', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'kind=x' });
    expect(notJson.status).toBe(415);
    const form = await server.request('/api/actors', { method: 'POST', body: new URLSearchParams({ kind: 'x' }) });
    expect(form.status).toBe(415);
  });

  it('refuses a library number or organisation number a live actor has with 409 naming that actor', async () => {
    const first = await created<ActorDetail>(
      await server.request('/api/actors', jsonBody('POST', { ...validActor, name: 'Først', libraryNumber: '2099001', organisationNumber: '990002746' })),
      '/api/actors',
    );
    const second = await server.request('/api/actors', jsonBody('POST', { ...validActor, name: 'Sist', libraryNumber: '2099001' }));
    expect(second.status).toBe(409);
    expect((await problemOf(second)).errors?.[0]).toMatchObject({ path: 'libraryNumber', code: 'library_number_taken', params: { actorId: first.id, actorName: 'Først' } });
    const third = await server.request('/api/actors', jsonBody('POST', { ...validActor, name: 'Tredje', organisationNumber: '990002746' }));
    expect(third.status).toBe(409);
    expect((await problemOf(third)).errors?.[0]).toMatchObject({ path: 'organisationNumber', code: 'organisation_number_taken', params: { actorId: first.id } });
    const ntnu = await server.request('/api/actors', jsonBody('POST', { ...validActor, name: 'NTNU igjen', organisationNumber: '974767880' }));
    expect((await problemOf(ntnu)).errors?.[0]).toMatchObject({ code: 'organisation_number_taken', params: { actorName: 'Norges teknisk-naturvitenskapelige universitet' } });
  });

  it('lets an archived actor keep its numbers, and refuses to restore it while a live actor has them', async () => {
    const old = await created<ActorDetail>(await server.request('/api/actors', jsonBody('POST', { ...validActor, name: 'Gammel', organisationNumber: '990004110' })), '/api/actors');
    expect((await server.request(`/api/actors/${old.id}/archive`, { method: 'POST', headers: { 'If-Match': '"1"' } })).status).toBe(200);
    const successor = await server.request('/api/actors', jsonBody('POST', { ...validActor, name: 'Ny', organisationNumber: '990004110' }));
    expect(successor.status).toBe(201);
    const restored = await server.request(`/api/actors/${old.id}/restore`, { method: 'POST', headers: { 'If-Match': '"2"' } });
    expect(restored.status).toBe(409);
    expect((await problemOf(restored)).errors?.[0]).toMatchObject({ path: 'organisationNumber', code: 'organisation_number_taken' });
  });

  it('the database refuses two live actors with one organisation number, whatever the API checks', async () => {
    const insert = (name: string) =>
      server.database.db.insertInto('actor').values({ kind: 'public_library', name, sort_key: name, organisation_number: '990005486' }).execute();
    await insert('Rå A');
    await expect(insert('Rå B')).rejects.toThrow(/actor_live_organisation_number_key/);
  });

  it('exports the ISIL of a library', async () => {
    const response = await server.request('/api/actors/export?format=csv&q=2099001');
    const text = await response.text();
    expect(text.split('\n')[0]).toContain('ISIL');
    expect(text).toContain('NO-2099001');
  });
});

describe('PATCH /api/actors/:id and archive', () => {
  const newActor = creatorOf<ActorDetail>(server, '/api/actors', validActor);
  const createActor = (name: string) => newActor({ name });

  it('updates with the current version, bumps the version and records before and after', async () => {
    const actor = await createActor('Før endring');
    const response = await server.request(`/api/actors/${actor.id}`, jsonBody('PATCH', { name: 'Etter endring' }, { 'If-Match': '"1"' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"2"');
    expect(await response.json()).toMatchObject({ name: 'Etter endring', version: 2, organisationNumber: null });
    const entry = await server.database.db
      .selectFrom('audit_entry')
      .selectAll()
      .where('entity_id', '=', actor.id)
      .where('action', '=', 'update')
      .executeTakeFirstOrThrow();
    expect(entry.before).toMatchObject({ name: 'Før endring' });
    expect(entry.after).toMatchObject({ name: 'Etter endring' });
  });

  it('answers 428 without If-Match and 412 for a stale version, changing nothing', async () => {
    const actor = await createActor('Samtidig');
    const missing = await server.request(`/api/actors/${actor.id}`, jsonBody('PATCH', { name: 'Uten versjon' }));
    expect(missing.status).toBe(428);
    const first = await server.request(`/api/actors/${actor.id}`, jsonBody('PATCH', { name: 'Første lagring' }, { 'If-Match': '"1"' }));
    expect(first.status).toBe(200);
    const stale = await server.request(`/api/actors/${actor.id}`, jsonBody('PATCH', { name: 'Andre lagring' }, { 'If-Match': '"1"' }));
    expect(stale.status).toBe(412);
    const current = (await (await server.request(`/api/actors/${actor.id}`)).json()) as ActorDetail;
    expect(current).toMatchObject({ name: 'Første lagring', version: 2 });
  });

  it('lets only one of two simultaneous saves of the same version win', async () => {
    const actor = await createActor('Kappløp');
    const saves = await Promise.all(
      ['A', 'B'].map((name) => server.request(`/api/actors/${actor.id}`, jsonBody('PATCH', { name: `Kappløp ${name}` }, { 'If-Match': '"1"' }))),
    );
    expect(saves.map((r) => r.status).sort()).toEqual([200, 412]);
  });

  it('refuses an invalid change with 400 and keeps the record', async () => {
    const actor = await createActor('Uendret');
    const response = await server.request(`/api/actors/${actor.id}`, jsonBody('PATCH', { organisationNumber: '123456789' }, { 'If-Match': '"1"' }));
    expect(response.status).toBe(400);
    const current = (await (await server.request(`/api/actors/${actor.id}`)).json()) as ActorDetail;
    expect(current).toMatchObject({ organisationNumber: null, version: 1 });
  });

  it('archives: the actor leaves the default list, stays readable, and can be restored', async () => {
    const actor = await createActor('Arkivkandidat');
    const archived = await server.request(`/api/actors/${actor.id}/archive`, { method: 'POST', headers: { 'If-Match': '"1"' } });
    expect(archived.status).toBe(200);
    expect(((await archived.json()) as ActorDetail).archivedAt).not.toBeNull();
    expect((await listActors('q=Arkivkandidat')).total).toBe(0);
    expect((await listActors('q=Arkivkandidat&archived=only')).total).toBe(1);
    const again = await server.request(`/api/actors/${actor.id}/archive`, { method: 'POST', headers: { 'If-Match': '"2"' } });
    expect(again.status).toBe(409);
    const restored = await server.request(`/api/actors/${actor.id}/restore`, { method: 'POST', headers: { 'If-Match': '"2"' } });
    expect(restored.status).toBe(200);
    expect((await listActors('q=Arkivkandidat')).total).toBe(1);
  });

  it('answers 404 when changing an actor that does not exist', async () => {
    const response = await server.request('/api/actors/00000000-0000-4000-8000-000000000000', jsonBody('PATCH', { name: 'X y' }, { 'If-Match': '"1"' }));
    expect(response.status).toBe(404);
  });
});

describe('the sample data', () => {
  it('has the actors the seeds name', async () => {
    const page = await listActors('pageSize=100&archived=include');
    const names = page.items.map((a) => a.name);
    for (const name of [
      'Trøndelag fylkesbibliotek',
      'Namdal studiesenter',
      'Fosen studiesenter',
      'Studiesenter Trøndelag sør',
      'Studiesenter Trøndelag sørvest',
      'Norges teknisk-naturvitenskapelige universitet',
      'NTNU Universitetsbiblioteket',
      'Nord universitet',
      'Nord universitetsbibliotek',
      'Karrieresenteret i Trøndelag',
      'OKIT – opplæringskontorene i Trøndelag',
      'Olav Duun videregående skole',
    ]) {
      expect(names).toContain(name);
    }
    expect(page.items.filter((a) => a.kind === 'upper_secondary_school').every((a) => a.parentName === 'Trøndelag fylkeskommune' && /Eksempeldata/.test(a.description ?? ''))).toBe(true);
    const okit = await getJson<ActorDetail>(server, `/api/actors/${sampleId('actor', 'okit')}`);
    expect(okit).toMatchObject({ kind: 'training_office', shortName: 'OKIT' });
    const agreements = await getJson<{ items: { title: string; status: string; sampleData: boolean }[] }>(server, `/api/agreements?party=${okit.id}`);
    expect(agreements.items).toEqual([expect.objectContaining({ title: 'Samarbeidsavtale mellom Trøndelag fylkeskommune og OKIT', status: 'active', sampleData: true })]);
    const namsos = page.items.find((a) => a.id === NAMSOS_LIBRARY);
    expect(namsos).toMatchObject({ kind: 'public_library', municipalityName: 'Namsos', regionName: 'Namdal' });
  });
});
