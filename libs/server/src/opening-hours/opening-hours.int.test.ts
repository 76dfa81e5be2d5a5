import { describe, expect, it } from 'vitest';
import { mainLibraryKey, sampleId } from '@kompetansebro/db';
import type { OpeningHours, OpeningHoursInput } from '@kompetansebro/domain';
import { jsonBody } from '@kompetansebro/testing/server';
import { ifMatch, json, loggedIn, problemOf, testServer, UNKNOWN_ID } from '../testing/fixture.test';

const server = testServer();
const namsos = loggedIn(server, 'namsos@demo.kompetansebro.no');
const viewer = loggedIn(server, 'fylke-innsyn@demo.kompetansebro.no');
const coordinator = loggedIn(server, 'namdal@demo.kompetansebro.no');
const liaison = loggedIn(server, 'nord@demo.kompetansebro.no');

const NAMSOS = sampleId('actor', mainLibraryKey('5007'));
const NAMDALSEID = sampleId('actor', 'branch-namdalseid');
const TRONDHEIM = sampleId('actor', mainLibraryKey('5001'));

const workdays = ['mo', 'tu', 'we', 'th', 'fr'] as const;
const days = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as const;
const hours: OpeningHoursInput = {
  weekly: [
    ...workdays.map((weekday) => ({ weekday, kind: 'staffed' as const, from: '10:00', to: '16:00' })),
    ...days.map((weekday) => ({ weekday, kind: 'self_service' as const, from: '07:00', to: '22:00' })),
  ],
  seasons: [{ name: 'Sommertid', from: '2027-06-21', to: '2027-08-08', weekly: workdays.map((weekday) => ({ weekday, kind: 'staffed' as const, from: '10:00', to: '14:00' })) }],
  exceptions: [{ date: '2027-12-24', periods: [], note: 'Julaften' }],
  openOnPublicHolidays: false,
};

async function current(actorId: string): Promise<OpeningHours> {
  return json<OpeningHours>(await server.request(`/api/opening-hours/${actorId}`), 200);
}

describe('opening hours', () => {
  it('are empty at version 0 until saved; the library editor saves its own with If-Match "0", audited', async () => {
    const before = await json<OpeningHours>(await namsos(`/api/opening-hours/${NAMSOS}`), 200);
    expect(before).toMatchObject({ id: NAMSOS, actorName: 'Namsos bibliotek', version: 0, weekly: [], now: { state: 'closed' } });
    // The sample branch's hours: staffed two afternoons a week, closed all summer.
    const branch = await json<OpeningHours>(await namsos(`/api/opening-hours/${NAMDALSEID}`), 200);
    expect(branch.osm.openingHours).toBe('Tu,Th 12:00-18:00; 2027 Jun 14-2027 Aug 15 off; PH off');

    const saved = await namsos(`/api/opening-hours/${NAMSOS}`, jsonBody('PATCH', hours, ifMatch(0)));
    const record = await json<OpeningHours>(saved, 200);
    expect(saved.headers.get('etag')).toBe(`"${record.version}"`);
    expect(record.osm.openingHours).toBe('Mo-Fr 10:00-16:00; 2027 Jun 21-2027 Aug 8 off; 2027 Jun 21-2027 Aug 8 Mo-Fr 10:00-14:00; PH off; 2027 Dec 24 off');
    expect(record.osm.selfService.startsWith('Mo-Su 07:00-22:00')).toBe(true);
    expect(record.thisWeek.days).toHaveLength(7);
    // The "hours a week" of the library's opening-hours services now come from the timetable (audited as their own changes).
    const services = await server.database.db.selectFrom('service').select(['type', 'weekly_hours']).where('actor_id', '=', NAMSOS).where('type', 'in', ['staffed_hours', 'self_service_hours']).execute();
    expect(Object.fromEntries(services.map((service) => [service.type, Number(service.weekly_hours)]))).toEqual({ staffed_hours: 30, self_service_hours: 75 });

    const again = await namsos(`/api/opening-hours/${NAMSOS}`, jsonBody('PATCH', { ...hours, openOnPublicHolidays: true }, ifMatch(record.version)));
    expect((await json<OpeningHours>(again, 200)).version).toBe(record.version + 1);

    const audit = await server.database.db.selectFrom('audit_entry').select(['action', 'entity']).where('entity', '=', 'opening_hours').where('entity_id', '=', NAMSOS).execute();
    expect(audit.map((entry) => entry.action).sort()).toEqual(['create', 'update']);
  });

  it('answers a stale version with 412 and changes nothing', async () => {
    const before = await current(NAMSOS);
    const stale = await namsos(`/api/opening-hours/${NAMSOS}`, jsonBody('PATCH', { ...hours, weekly: [] }, ifMatch(before.version - 1)));
    expect(stale.status).toBe(412);
    const missing = await namsos(`/api/opening-hours/${NAMSOS}`, jsonBody('PATCH', hours));
    expect(missing.status).toBe(428);
    expect(await current(NAMSOS)).toMatchObject({ version: before.version, weekly: before.weekly });
  });

  it.each([
    ['an end before the start', { weekly: [{ weekday: 'mo', kind: 'staffed', from: '16:00', to: '10:00' }] }, 'weekly.0.to'],
    [
      'overlapping periods',
      {
        weekly: [
          { weekday: 'mo', kind: 'staffed', from: '10:00', to: '16:00' },
          { weekday: 'mo', kind: 'staffed', from: '12:00', to: '18:00' },
        ],
      },
      'weekly.1.from',
    ],
    ['a time outside 00:00–24:00', { weekly: [{ weekday: 'mo', kind: 'staffed', from: '10:00', to: '25:00' }] }, 'weekly.0.to'],
    ['an unknown weekday', { weekly: [{ weekday: 'mandag', kind: 'staffed', from: '10:00', to: '16:00' }] }, 'weekly.0.weekday'],
    ['a season ending before it starts', { weekly: [], seasons: [{ name: 'Sommer', from: '2027-08-01', to: '2027-06-01', weekly: [] }] }, 'seasons.0.to'],
  ])('answers %s with 400 naming the field, and stores nothing', async (_case, body, path) => {
    const before = await current(NAMSOS);
    const response = await namsos(`/api/opening-hours/${NAMSOS}`, jsonBody('PATCH', body, ifMatch(before.version)));
    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors?.map((error) => error.path)).toEqual([path]);
    expect((await current(NAMSOS)).version).toBe(before.version);
  });

  it('imports the weekly timetable from OSM strings, and says where an invalid one fails', async () => {
    const before = await current(NAMSOS);
    const bad = await namsos(`/api/opening-hours/${NAMSOS}/osm`, jsonBody('PUT', { openingHours: 'Mo-Fr 10:00-16:x' }, ifMatch(before.version)));
    expect(bad.status).toBe(400);
    const problem = await problemOf(bad);
    // Where it fails, for the form to say in the user's language: the text up to the parser's arrow.
    expect(problem.errors?.[0]).toMatchObject({ path: 'openingHours', code: 'invalid_opening_hours', params: { near: 'Mo-Fr 10:00-16' } });
    expect(problem.errors?.[0]?.message).toContain('<---');
    expect((await current(NAMSOS)).version).toBe(before.version);

    const imported = await namsos(`/api/opening-hours/${NAMSOS}/osm`, jsonBody('PUT', { openingHours: 'Mo-Fr 10:00-16:00; Sa 11:00-14:00', selfService: 'Mo-Su 07:00-22:00' }, ifMatch(before.version)));
    const record = await json<OpeningHours>(imported, 200);
    expect(record.weekly.filter((period) => period.kind === 'staffed')).toHaveLength(6);
    expect(record.weekly).toContainEqual({ weekday: 'sa', kind: 'staffed', from: '11:00', to: '14:00' });
    expect(record.weekly.filter((period) => period.kind === 'self_service')).toHaveLength(7);
    // Seasons and exceptions stay as they were.
    expect(record.seasons).toEqual(before.seasons);
    expect(record.thisWeek.staffedHours).toBeGreaterThan(0);
  });

  it('lets a library editor change only its own library and branches; others read what they see', async () => {
    const branch = await current(NAMDALSEID);
    expect((await namsos(`/api/opening-hours/${NAMDALSEID}`, jsonBody('PATCH', hours, ifMatch(branch.version)))).status).toBe(200);
    // Trondheim's library is out of Namsos' sight: 404, as if it did not exist.
    expect((await namsos(`/api/opening-hours/${TRONDHEIM}`)).status).toBe(404);
    expect((await namsos(`/api/opening-hours/${TRONDHEIM}`, jsonBody('PATCH', hours, ifMatch(0)))).status).toBe(404);
    expect((await namsos(`/api/opening-hours/${UNKNOWN_ID}`)).status).toBe(404);
    // The county viewer, a coordinator of the catchment area and a university liaison read, but change nothing.
    for (const reader of [viewer, coordinator, liaison]) {
      expect((await reader(`/api/opening-hours/${NAMSOS}`)).status).toBe(200);
      expect((await reader(`/api/opening-hours/${NAMSOS}`, jsonBody('PATCH', hours, ifMatch((await current(NAMSOS)).version)))).status).toBe(403);
    }
    // The county admin changes any library's hours.
    const trondheim = await server.request(`/api/opening-hours/${TRONDHEIM}`, jsonBody('PATCH', hours, ifMatch((await current(TRONDHEIM)).version)));
    expect(trondheim.status).toBe(200);
    expect((await server.anonymous(`/api/opening-hours/${NAMSOS}`)).status).toBe(401);
  });
});
