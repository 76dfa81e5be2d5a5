import { describe, expect, it } from 'vitest';
import { loadSampleData, mainLibraryKey, sampleId, sampleMunicipalities } from '@kompetansebro/db';
import { norwegianSortKey, todayInNorway, type ServiceSummary } from '@kompetansebro/domain';
import { jsonBody } from '@kompetansebro/testing/server';
import { countRows, created, creatorOf, expectDisjoint, expectFieldRefused, expectIdChecked, expectQueryRefused, expectXlsx, listOf, problemOf, testServer, UNKNOWN_ID } from '../testing/fixture.test';

const server = testServer();

const GRONG_LIBRARY = sampleId('actor', mainLibraryKey('5045'));
const NAMSOS_LIBRARY = sampleId('actor', mainLibraryKey('5007'));
const TRONDHEIM_LIBRARY = sampleId('actor', mainLibraryKey('5001'));
const HEIMDAL_BRANCH = sampleId('actor', 'branch-heimdal');
/** A branch with a weekly timetable in the sample data: staffed 12 hours a week, self-service 48 outside them. */
const NAMDALSEID_BRANCH = sampleId('actor', 'branch-namdalseid');

const listServices = listOf<ServiceSummary>(server, '/api/services');



const validService = { actorId: NAMSOS_LIBRARY, type: 'group_rooms', audiences: ['students'] };

const createService = creatorOf<ServiceSummary>(server, '/api/services', validService);

describe('the sample services', () => {
  it('give every main library services, varied per municipality and marked as sample data', async () => {
    const page = await listServices('pageSize=100&sort=type&type=interlibrary_loan');
    const mainLibraries = new Set(sampleMunicipalities.map((m) => sampleId('actor', mainLibraryKey(m.number))));
    expect(page.items.filter((s) => mainLibraries.has(s.actorId))).toHaveLength(38);

    const all: ServiceSummary[] = [];
    for (let pageNumber = 1; ; pageNumber++) {
      const next = await listServices(`pageSize=100&page=${pageNumber}`);
      all.push(...next.items);
      if (all.length >= next.total) break;
    }
    const typesOf = (actorId: string) => new Set(all.filter((s) => s.actorId === actorId).map((s) => s.type));
    const libraries = [...mainLibraries].map(typesOf);
    for (const types of libraries) {
      expect([...types]).toEqual(expect.arrayContaining(['study_places', 'interlibrary_loan', 'staffed_hours']));
    }
    const withExams = libraries.filter((t) => t.has('exam_invigilation')).length;
    const withPickup = libraries.filter((t) => t.has('university_loan_pickup')).length;
    expect(withExams).toBeGreaterThan(5);
    expect(withExams).toBeLessThan(38);
    expect(withPickup).toBeGreaterThan(10);
    expect(withPickup).toBeLessThan(38);
    expect(new Set(libraries.map((t) => [...t].sort().join())).size).toBeGreaterThan(5);
    expect(all.every((s) => s.sampleData && s.description?.includes('Eksempeldata'))).toBe(true);

    const selfService = all.filter((s) => s.type === 'self_service_hours');
    expect(selfService.length).toBeGreaterThan(3);
    expect(selfService.every((s) => s.conditions.ageLimit === 18 && s.conditions.contractRequired && (s.weeklyHours ?? 0) > 0)).toBe(true);
    expect(all.filter((s) => s.type === 'staffed_hours').every((s) => (s.weeklyHours ?? 0) > 0)).toBe(true);
    expect(all.some((s) => s.actorId === sampleId('actor', 'career-centre') && s.type === 'career_guidance')).toBe(true);
    for (const key of ['ntnu-library', 'nord-library']) {
      expect(typesOf(sampleId('actor', key)).has('interlibrary_loan')).toBe(true);
    }
  });

  it('has the Namdal libraries, with Grong offering study places and exam invigilation under stable ids', async () => {
    for (const municipality of ['5007', '5045', '5047', '5060']) {
      expect((await listServices(`actor=${sampleId('actor', mainLibraryKey(municipality))}`)).total, municipality).toBeGreaterThan(3);
    }
    const grong = await listServices(`actor=${GRONG_LIBRARY}&pageSize=100`);
    const ids = new Map(grong.items.map((s) => [s.type, s.id]));
    expect(ids.get('study_places')).toBe(sampleId('service', 'library-5045:study_places'));
    expect(ids.get('exam_invigilation')).toBe(sampleId('service', 'library-5045:exam_invigilation'));
    expect(grong.items.every((s) => s.actorName === 'Grong bibliotek' && s.regionName === 'Namdal')).toBe(true);
  });

  it('adds nothing when loaded a second time', async () => {
    const before = await countRows(server, 'service');
    const result = await loadSampleData(server.database.db);
    expect(result.services).toBe(0);
    expect(await countRows(server, 'service')).toBe(before);
  });
});

describe('GET /api/services', () => {
  it('filters by type, audience, municipality and region', async () => {
    const exams = await listServices('type=exam_invigilation&pageSize=100');
    expect(exams.total).toBeGreaterThan(0);
    expect(exams.items.every((s) => s.type === 'exam_invigilation')).toBe(true);

    const apprentices = await listServices('audience=apprentices&pageSize=100');
    expect(apprentices.items.length).toBeGreaterThan(0);
    expect(apprentices.items.every((s) => s.audiences.includes('apprentices'))).toBe(true);

    const inGrong = await listServices('municipality=5045&pageSize=100');
    expect(inGrong.items.every((s) => s.municipalityNumber === '5045')).toBe(true);

    const regionId = inGrong.items[0]?.regionId;
    const namdal = await listServices(`region=${regionId}&pageSize=100&type=study_places`);
    expect(namdal.items.every((s) => s.regionName === 'Namdal')).toBe(true);
    expect(namdal.items.map((s) => s.actorName)).toEqual(expect.arrayContaining(['Grong bibliotek', 'Namsos bibliotek', 'Namdal studiesenter']));
  });

  it('includes the services of branches only when asked', async () => {
    const own = await listServices(`actor=${TRONDHEIM_LIBRARY}&pageSize=100`);
    expect(own.items.every((s) => s.actorId === TRONDHEIM_LIBRARY)).toBe(true);
    const withBranches = await listServices(`actor=${TRONDHEIM_LIBRARY}&includeBranches=true&pageSize=100`);
    expect(withBranches.total).toBeGreaterThan(own.total);
    expect(withBranches.items.some((s) => s.actorId === HEIMDAL_BRANCH && s.actorParentId === TRONDHEIM_LIBRARY)).toBe(true);
  });

  it('searches by actor name and description', async () => {
    const page = await listServices('q=Grong&pageSize=100');
    expect(page.total).toBeGreaterThan(3);
    expect(page.items.every((s) => s.actorName.includes('Grong') || s.description?.includes('Grong'))).toBe(true);
    expect((await listServices('q=meråpent&pageSize=100')).items.some((s) => s.type === 'self_service_hours')).toBe(true);
    expect((await listServices('q=100%25_')).total).toBe(0);
  });

  it('sorts by actor in Norwegian order, with æ, ø and å last', async () => {
    const page = await listServices('type=interlibrary_loan&pageSize=100');
    const keys = page.items.map((s) => norwegianSortKey(s.actorName));
    expect(keys).toEqual([...keys].sort());
    expect(page.items.at(-1)?.actorName).toBe('Åfjord bibliotek');
    expect(page.items.at(-2)?.actorName).toBe('Ørland bibliotek');
    const descending = await listServices('type=interlibrary_loan&pageSize=1&sort=-actor');
    expect(descending.items[0]?.actorName).toBe('Åfjord bibliotek');
  });

  it('sorts by confirmation date with never-confirmed services last', async () => {
    const page = await listServices('type=study_places&sort=-confirmed&pageSize=100');
    const dates = page.items.map((s) => s.confirmedAt);
    const firstNull = dates.indexOf(null);
    expect(firstNull).toBeGreaterThan(0);
    expect(dates.slice(firstNull).every((d) => d === null)).toBe(true);
    const confirmed = dates.slice(0, firstNull) as string[];
    expect(confirmed).toEqual([...confirmed].sort().reverse());
  });

  it('pages without overlap', async () => {
    const first = await listServices('pageSize=10&page=1');
    const second = await listServices('pageSize=10&page=2');
    expect(first.items).toHaveLength(10);
    expect(first.total).toBe(second.total);
    expectDisjoint(first, second);
  });

  it('answers 400 naming the parameter for bad query values', async () => {
    await expectQueryRefused(server, '/api/services', ['type=castle', 'audience=teachers', 'municipality=12', 'region=x', 'actor=42', 'includeBranches=yes', 'archived=all', 'sort=colour', 'page=abc', 'pageSize=1000', 'q=a%00b']);
  });
});

describe('GET /api/services/export', () => {
  it('exports what the filters select as CSV', async () => {
    const grong = await listServices(`actor=${GRONG_LIBRARY}&pageSize=100`);
    const response = await server.request(`/api/services/export?format=csv&actor=${GRONG_LIBRARY}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="tjenester-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = (await response.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]?.split(';').slice(0, 4)).toEqual(['Aktør', 'Kommune', 'Region', 'Tjeneste']);
    expect(lines).toHaveLength(grong.total + 1);
    expect(lines.slice(1).every((line) => line.startsWith('Grong bibliotek;Grong;Namdal;'))).toBe(true);
  });

  it('exports XLSX and refuses an unknown format or filter', async () => {
    await expectXlsx(await server.request('/api/services/export?format=xlsx&type=career_guidance'));
    expect((await server.request('/api/services/export?format=pdf')).status).toBe(400);
    expect((await server.request('/api/services/export?format=csv&type=castle')).status).toBe(400);
  });
});

describe('GET /api/services/:id', () => {
  it('returns the service with its actor and an ETag', async () => {
    const response = await server.request(`/api/services/${sampleId('service', 'library-5045:exam_invigilation')}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(await response.json()).toMatchObject({ type: 'exam_invigilation', actorId: GRONG_LIBRARY, actorName: 'Grong bibliotek', actorKind: 'public_library' });
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    await expectIdChecked(server, '/api/services', 'not-a-uuid');
  });
});

describe('POST /api/services', () => {
  it('creates a service with default conditions, answers 201 with Location and ETag, and audits it', async () => {
    const auditBefore = await countRows(server, 'audit_entry');
    const response = await server.request(
      '/api/services',
      jsonBody('POST', { ...validService, weeklyHours: 37.5, conditions: { capacity: 8, note: 'Bookes i skranken' } }),
    );
    const service = await created<ServiceSummary>(response, '/api/services');
    expect(service).toMatchObject({
      ...validService,
      weeklyHours: 37.5,
      sampleData: false,
      confirmedAt: null,
      version: 1,
      actorName: 'Namsos bibliotek',
      conditions: { capacity: 8, note: 'Bookes i skranken', ageLimit: null, contractRequired: false, hours: null, bookingLeadTimeDays: null },
    });
    expect(await countRows(server, 'audit_entry')).toBe(auditBefore + 1);
    const entry = await server.database.db.selectFrom('audit_entry').selectAll().where('entity_id', '=', service.id).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ entity: 'service', action: 'create', before: null, after: { id: service.id, type: 'group_rooms' } });
  });

  const badBodies: Array<[string, unknown, string, string]> = [
    ['an unknown actor', { ...validService, actorId: UNKNOWN_ID }, 'actorId', 'actor_not_found'],
    ['a malformed actor id', { ...validService, actorId: 'abc' }, 'actorId', 'invalid_format'],
    ['a missing actor', { type: 'group_rooms', audiences: ['students'] }, 'actorId', 'invalid_type'],
    ['an unknown type', { ...validService, type: 'sauna' }, 'type', 'invalid_value'],
    ['no audience', { ...validService, audiences: [] }, 'audiences', 'too_small'],
    ['an audience twice', { ...validService, audiences: ['students', 'students'] }, 'audiences', 'duplicate_audience'],
    ['an unknown audience', { ...validService, audiences: ['teachers'] }, 'audiences.0', 'invalid_value'],
    ['more hours than a week has', { ...validService, weeklyHours: 169 }, 'weeklyHours', 'too_big'],
    ['hours with two decimals', { ...validService, weeklyHours: 12.25 }, 'weeklyHours', 'not_multiple_of'],
    ['an unknown condition', { ...validService, conditions: { colour: 'blue' } }, 'conditions.colour', 'unrecognized_keys'],
    ['a negative age limit', { ...validService, conditions: { ageLimit: -1 } }, 'conditions.ageLimit', 'too_small'],
    ['a day that does not exist', { ...validService, confirmedAt: '2026-02-30' }, 'confirmedAt', 'invalid_format'],
    ['the year 0', { ...validService, confirmedAt: '0000-01-01' }, 'confirmedAt', 'confirmed_at_out_of_range'],
    ['a confirmation in the future', { ...validService, confirmedAt: '2999-12-31' }, 'confirmedAt', 'confirmed_at_out_of_range'],
    ['a NUL character', { ...validService, description: 'a\u0000b' }, 'description', 'control_characters'],
    ['a NUL character in a condition', { ...validService, conditions: { note: '\u0000' } }, 'conditions.note', 'control_characters'],
    ['an over-long description', { ...validService, description: 'x'.repeat(2001) }, 'description', 'too_big'],
    ['an unknown field', { ...validService, colour: 'blue' }, 'colour', 'unrecognized_keys'],
    ['a field of the wrong type', { ...validService, weeklyHours: '10' }, 'weeklyHours', 'invalid_type'],
  ];

  it.each(badBodies)('refuses %s with 400 naming the field, and writes nothing', async (_label, body, path, code) => {
    await expectFieldRefused(server, () => server.request('/api/services', jsonBody('POST', body)), { path, code }, ['service']);
  });

  it('refuses a body that is not JSON, or no body', async () => {
    expect((await server.request('/api/services', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x' })).status).toBe(415);
    expect((await server.request('/api/services', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '[' })).status).toBe(400);
    expect((await server.request('/api/services', jsonBody('POST', null))).status).toBe(400);
  });
});

describe('the hours a week of staffed and self-service hours', () => {
  it('follow the weekly timetable where the library has one, whatever figure is sent; without one the figure entered stands', async () => {
    const staffed = await server.database.db.selectFrom('service').select(['id', 'version']).where('actor_id', '=', NAMDALSEID_BRANCH).where('type', '=', 'staffed_hours').executeTakeFirstOrThrow();
    const patched = await server.request(`/api/services/${staffed.id}`, jsonBody('PATCH', { weeklyHours: 20, description: 'Ny tekst' }, { 'If-Match': `"${staffed.version}"` }));
    expect(patched.status).toBe(200);
    expect((await patched.json()) as ServiceSummary).toMatchObject({ weeklyHours: 12, description: 'Ny tekst' });

    const added = await createService({ actorId: NAMDALSEID_BRANCH, type: 'self_service_hours', weeklyHours: 70 });
    expect(added.weeklyHours).toBe(48);
    // A type that becomes "Meråpent" takes the timetable's figure too.
    const rooms = await createService({ actorId: NAMDALSEID_BRANCH, weeklyHours: 5 });
    expect(rooms.weeklyHours).toBe(5);
    const retyped = await server.request(`/api/services/${rooms.id}`, jsonBody('PATCH', { type: 'self_service_hours' }, { 'If-Match': '"1"' }));
    expect(((await retyped.json()) as ServiceSummary).weeklyHours).toBe(48);

    // Namsos has no opening hours stored: its figure is what the librarian enters.
    const namsos = await createService({ type: 'staffed_hours', weeklyHours: 21.5 });
    expect(namsos.weeklyHours).toBe(21.5);
    // The public read shows the stored figure, as every other screen does (no second computation from the timetable).
    const publicFigure = async () => {
      const branch = await server.anonymous(`/api/public/v1/libraries/${NAMDALSEID_BRANCH}`);
      expect(branch.status).toBe(200);
      return ((await branch.json()) as { services: { id: string; weeklyHours: number | null }[] }).services.find((s) => s.id === staffed.id)?.weeklyHours;
    };
    expect(await publicFigure()).toBe(12);
    await server.database.db.updateTable('service').set({ weekly_hours: 13 }).where('id', '=', staffed.id).execute();
    expect(await publicFigure()).toBe(13);
  });
});

describe('PATCH /api/services/:id', () => {
  it('changes fields, merges conditions, bumps the version and records before and after', async () => {
    const service = await createService({ conditions: { capacity: 8, note: 'Første' } });
    const response = await server.request(
      `/api/services/${service.id}`,
      jsonBody('PATCH', { weeklyHours: 20, conditions: { ageLimit: 16, note: null } }, { 'If-Match': '"1"' }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"2"');
    const updated = (await response.json()) as ServiceSummary;
    expect(updated).toMatchObject({ weeklyHours: 20, version: 2, type: 'group_rooms', conditions: { capacity: 8, ageLimit: 16, note: null } });
    const entry = await server.database.db
      .selectFrom('audit_entry')
      .selectAll()
      .where('entity_id', '=', service.id)
      .where('action', '=', 'update')
      .executeTakeFirstOrThrow();
    expect(entry.before).toMatchObject({ weeklyHours: null, conditions: { note: 'Første' } });
    expect(entry.after).toMatchObject({ weeklyHours: 20, conditions: { ageLimit: 16 } });
  });

  it('answers 428 without If-Match, 400 for a malformed one and 412 for a stale version, changing nothing', async () => {
    const service = await createService();
    expect((await server.request(`/api/services/${service.id}`, jsonBody('PATCH', { weeklyHours: 1 }))).status).toBe(428);
    const malformed = await server.request(`/api/services/${service.id}`, jsonBody('PATCH', { weeklyHours: 1 }, { 'If-Match': 'v1' }));
    expect(malformed.status).toBe(400);
    expect((await server.request(`/api/services/${service.id}`, jsonBody('PATCH', { weeklyHours: 2 }, { 'If-Match': '"1"' }))).status).toBe(200);
    const stale = await server.request(`/api/services/${service.id}`, jsonBody('PATCH', { weeklyHours: 3 }, { 'If-Match': '"1"' }));
    expect(stale.status).toBe(412);
    expect(await (await server.request(`/api/services/${service.id}`)).json()).toMatchObject({ weeklyHours: 2, version: 2 });
  });

  it('lets only one of two simultaneous saves of the same version win', async () => {
    const service = await createService();
    const saves = await Promise.all(
      [4, 5].map((hours) => server.request(`/api/services/${service.id}`, jsonBody('PATCH', { weeklyHours: hours }, { 'If-Match': '"1"' }))),
    );
    expect(saves.map((r) => r.status).sort()).toEqual([200, 412]);
  });

  it('refuses an invalid change or moving the service to another actor with 400, keeping the record', async () => {
    const service = await createService();
    for (const body of [{ audiences: [] }, { actorId: GRONG_LIBRARY }, { conditions: { hours: 'always' } }]) {
      const response = await server.request(`/api/services/${service.id}`, jsonBody('PATCH', body, { 'If-Match': '"1"' }));
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    expect(await (await server.request(`/api/services/${service.id}`)).json()).toMatchObject({ version: 1, audiences: ['students'] });
  });

  it('answers 404 for a service that does not exist', async () => {
    const response = await server.request(`/api/services/${UNKNOWN_ID}`, jsonBody('PATCH', { weeklyHours: 1 }, { 'If-Match': '"1"' }));
    expect(response.status).toBe(404);
  });
});

describe('POST /api/services/:id/confirm', () => {
  it('records today (in Norway) and who confirmed, as a new version with an audit entry', async () => {
    const service = await createService();
    const response = await server.request(`/api/services/${service.id}/confirm`, jsonBody('POST', { confirmedBy: 'Kari Nordmann' }, { 'If-Match': '"1"' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"2"');
    expect(await response.json()).toMatchObject({ confirmedAt: todayInNorway(), confirmedBy: 'Kari Nordmann', version: 2 });
    const entry = await server.database.db
      .selectFrom('audit_entry')
      .selectAll()
      .where('entity_id', '=', service.id)
      .where('action', '=', 'confirm')
      .executeTakeFirstOrThrow();
    expect(entry.before).toMatchObject({ confirmedAt: null });
  });

  it('needs If-Match, the current version and a name', async () => {
    const service = await createService();
    const url = `/api/services/${service.id}/confirm`;
    expect((await server.request(url, jsonBody('POST', { confirmedBy: 'Ola' }))).status).toBe(428);
    expect((await server.request(url, jsonBody('POST', { confirmedBy: 'Ola' }, { 'If-Match': '"7"' }))).status).toBe(412);
    const missing = await server.request(url, jsonBody('POST', {}, { 'If-Match': '"1"' }));
    expect(missing.status).toBe(400);
    expect((await problemOf(missing)).errors?.[0]?.path).toBe('confirmedBy');
    expect((await server.request(url, jsonBody('POST', { confirmedBy: '  ' }, { 'If-Match': '"1"' }))).status).toBe(400);
    expect((await server.request(`/api/services/${UNKNOWN_ID}/confirm`, jsonBody('POST', { confirmedBy: 'Ola' }, { 'If-Match': '"1"' }))).status).toBe(404);
    expect(await (await server.request(`/api/services/${service.id}`)).json()).toMatchObject({ confirmedAt: null, version: 1 });
  });
});

describe('archive and restore', () => {
  it('hides an archived service from the default list, keeps it readable, and restores it', async () => {
    const service = await createService({ type: 'office_places' });
    const query = `actor=${NAMSOS_LIBRARY}&type=office_places`;
    expect((await server.request(`/api/services/${service.id}/archive`, { method: 'POST' })).status).toBe(428);
    const archived = await server.request(`/api/services/${service.id}/archive`, { method: 'POST', headers: { 'If-Match': '"1"' } });
    expect(archived.status).toBe(200);
    expect(((await archived.json()) as ServiceSummary).archivedAt).not.toBeNull();
    expect((await listServices(query)).items.some((s) => s.id === service.id)).toBe(false);
    expect((await listServices(`${query}&archived=only`)).items.map((s) => s.id)).toEqual([service.id]);
    expect((await server.request(`/api/services/${service.id}`)).status).toBe(200);
    expect((await server.request(`/api/services/${service.id}/archive`, { method: 'POST', headers: { 'If-Match': '"2"' } })).status).toBe(409);
    const restored = await server.request(`/api/services/${service.id}/restore`, { method: 'POST', headers: { 'If-Match': '"2"' } });
    expect(restored.status).toBe(200);
    expect((await listServices(query)).items.some((s) => s.id === service.id)).toBe(true);
  });

  it('hides the services of an archived actor unless archived ones are asked for', async () => {
    const actorResponse = await server.request('/api/actors', jsonBody('POST', { kind: 'public_library', name: 'Arkivbiblioteket' }));
    const actor = (await actorResponse.json()) as { id: string };
    await createService({ actorId: actor.id });
    expect((await listServices(`actor=${actor.id}`)).total).toBe(1);
    // The whole list's count too (counted from the services alone, issue 18), by type and audience as well.
    const totals = async () => Promise.all(['', 'type=group_rooms', 'audience=students', 'archived=include'].map(async (q) => (await listServices(q)).total));
    const before = await totals();
    await server.request(`/api/actors/${actor.id}/archive`, { method: 'POST', headers: { 'If-Match': '"1"' } });
    expect((await listServices(`actor=${actor.id}`)).total).toBe(0);
    expect((await listServices(`actor=${actor.id}&archived=include`)).total).toBe(1);
    expect(await totals()).toEqual(before.map((total, i) => (i < 3 ? total - 1 : total)));
  });
});
