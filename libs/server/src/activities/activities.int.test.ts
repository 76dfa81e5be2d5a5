import { describe, expect, it } from 'vitest';
import { sampleId } from '@kompetansebro/db';
import { activityRuleViolations, addDays, compareNorwegian, todayInNorway, type ActivityCount, type ActivityDetail, type ActivitySummary, type Page, type PlanItemDetail } from '@kompetansebro/domain';
import { jsonBody } from '@kompetansebro/testing/server';
import { countRows, created, creatorOf, expectDisjoint, expectFieldRefused, expectIdChecked, expectQueryRefused, expectXlsx, json, listOf, loggedIn, problemOf, testServer, UNKNOWN_ID } from '../testing/fixture.test';

const server = testServer();
const namsosEditor = loggedIn(server, 'namsos@demo.kompetansebro.no');
const namdalCoordinator = loggedIn(server, 'namdal@demo.kompetansebro.no');

const COUNTY_LIBRARY = sampleId('actor', 'county-library');
const NTNU_LIBRARY = sampleId('actor', 'ntnu-library');
const NORD_LIBRARY = sampleId('actor', 'nord-library');
const NAMSOS_LIBRARY = sampleId('actor', 'library-5007');
const TRONDHEIM_LIBRARY = sampleId('actor', 'library-5001');
const INTERLIBRARY_LOAN_WEBINAR = sampleId('activity', 'webinar-interlibrary-loan-2026');
const PHOTOGRAPHY = sampleId('activity', 'photography-main-libraries-2025');
const NB_PROJECT = sampleId('initiative', 'regional-competence-actors');

const listActivities = listOf<ActivitySummary>(server, '/api/activities');

async function countsOf(query: string): Promise<ActivityCount[]> {
  const response = await server.request(`/api/activities/counts?${query}`);
  expect(response.status, query).toBe(200);
  return ((await response.json()) as { items: ActivityCount[] }).items;
}



/** Test activities lie in 2030, away from the sample data's dates. */
const validActivity = {
  kind: 'meeting',
  title: 'Møte om studieplasser',
  startDate: '2030-03-05',
  organiserId: COUNTY_LIBRARY,
  topics: ['studieplasser'],
  links: [{ kind: 'recording', label: 'Opptak', url: 'https://example.org/opptak' }],
  participants: [
    { actorId: NAMSOS_LIBRARY, headCount: 3 },
    { actorId: TRONDHEIM_LIBRARY, headCount: 5 },
  ],
};

const createActivity = creatorOf<ActivityDetail>(server, '/api/activities', validActivity);

describe('the sample activities (seed 000)', () => {
  it('has exactly 12 webinars from autumn 2023 to summer 2025, three each half year', async () => {
    const page = await listActivities('kind=webinar&from=2023-07-01&to=2025-06-30&pageSize=100');
    expect(page.total).toBe(12);
    expect(page.items.every((a) => a.kind === 'webinar' && a.organiserId === COUNTY_LIBRARY && a.sampleData)).toBe(true);
    expect(page.items.every((a) => a.description?.includes('Eksempeldata'))).toBe(true);
    const counts = await countsOf('per=half_year&kind=webinar&from=2023-07-01&to=2025-06-30');
    expect(counts).toEqual([
      { period: '2023-H2', count: 3 },
      { period: '2024-H1', count: 3 },
      { period: '2024-H2', count: 3 },
      { period: '2025-H1', count: 3 },
    ]);
    expect(counts.reduce((sum, c) => sum + c.count, 0)).toBe(12);
  });

  it('has plausible dates only (the rule that refuses a mistyped year)', async () => {
    const rows = await server.database.db.selectFrom('activity').select(['start_date', 'end_date']).execute();
    const refused = rows.flatMap((row) => activityRuleViolations({ startDate: row.start_date, endDate: row.end_date, participants: [] }));
    expect(refused).toEqual([]);
  });

  it('has the larger webinar on interlibrary loan of 3 February 2026, with NTNU and Nord among the participants', async () => {
    const response = await server.request(`/api/activities/${INTERLIBRARY_LOAN_WEBINAR}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"1"');
    const webinar = (await response.json()) as ActivityDetail;
    expect(webinar).toMatchObject({ kind: 'webinar', startDate: '2026-02-03', endDate: null, organiserName: 'Trøndelag fylkesbibliotek', sampleData: true });
    expect(webinar.title.toLowerCase()).toContain('fjernlån');
    const ids = webinar.participants.map((p) => p.actorId);
    expect(ids).toEqual(expect.arrayContaining([NTNU_LIBRARY, NORD_LIBRARY, TRONDHEIM_LIBRARY]));
    expect(webinar.participants.filter((p) => p.actorKind === 'public_library').length).toBeGreaterThan(3);
    expect(webinar.participants.every((p) => p.headCount !== null && p.headCount > 0)).toBe(true);
    expect(webinar.totalHeadCount).toBe(webinar.participants.reduce((sum, p) => sum + (p.headCount ?? 0), 0));
    expect(webinar.participantCount).toBe(webinar.participants.length);
  });

  it('has the photography of every main library in autumn 2025, with a KS Mediebank link', async () => {
    const photography = (await (await server.request(`/api/activities/${PHOTOGRAPHY}`)).json()) as ActivityDetail;
    expect(photography).toMatchObject({ kind: 'photography', startDate: '2025-08-15', endDate: '2025-11-30' });
    expect(photography.participants).toHaveLength(38);
    expect(photography.participants.every((p) => p.actorKind === 'public_library')).toBe(true);
    expect(photography.links.map((l) => l.label)).toContain('KS Mediebank');
  });

  it('has the brochure on the library’s services to students', async () => {
    const page = await listActivities('kind=publication');
    expect(page.items.some((a) => /brosjyre/i.test(a.title) && /studerende|studenter/i.test(a.title))).toBe(true);
  });
});

describe('GET /api/activities', () => {
  it('filters by participant and organiser', async () => {
    const withNtnu = await listActivities(`participant=${NTNU_LIBRARY}`);
    expect(withNtnu.items.map((a) => a.id)).toContain(INTERLIBRARY_LOAN_WEBINAR);
    expect(withNtnu.items.every((a) => a.participantCount > 0)).toBe(true);
    const byCountyLibrary = await listActivities(`organiser=${COUNTY_LIBRARY}&pageSize=100`);
    expect(byCountyLibrary.total).toBeGreaterThanOrEqual(15);
    expect(byCountyLibrary.items.every((a) => a.organiserName === 'Trøndelag fylkesbibliotek')).toBe(true);
    expect((await listActivities(`organiser=${UNKNOWN_ID}`)).total).toBe(0);
  });

  it('counts a period when it overlaps the dates asked for', async () => {
    const october = await listActivities('from=2025-10-01&to=2025-10-31');
    expect(october.items.map((a) => a.id)).toEqual([PHOTOGRAPHY]);
    const oneDay = await listActivities('from=2026-02-03&to=2026-02-03');
    expect(oneDay.items.map((a) => a.id)).toEqual([INTERLIBRARY_LOAN_WEBINAR]);
  });

  it('counts a running activity among those from today on, and not among those ended before today', async () => {
    const today = todayInNorway();
    const running = await createActivity({ title: 'Kurs som pågår', startDate: addDays(today, -1), endDate: addDays(today, 7), participants: [] });
    const ended = await createActivity({ title: 'Kurs som sluttet i går', startDate: addDays(today, -10), endDate: addDays(today, -1), participants: [] });
    const ids = async (query: string) => (await listActivities(`${query}&pageSize=100`)).items.map((a) => a.id);
    const coming = await ids(`from=${today}`);
    const recent = await ids(`from=${addDays(today, -30)}&endedBefore=${today}`);
    expect(coming).toContain(running.id);
    expect(coming).not.toContain(ended.id);
    expect(recent).toContain(ended.id);
    expect(recent).not.toContain(running.id);
    await server.database.db.deleteFrom('activity').where('id', 'in', [running.id, ended.id]).execute();
  });

  it('sorts the recently ended by their last day, newest first, then by start date', async () => {
    const today = todayInNorway();
    const course = (title: string, from: number, to: number) => createActivity({ kind: 'course', title, startDate: addDays(today, from), endDate: addDays(today, to), participants: [] });
    const long = await course('Langt kurs som sluttet forrige uke', -28, -7);
    const sameEnd = await course('Kort kurs som sluttet samme dag', -8, -7);
    const shortLater = await course('Kort kurs for ti dager siden', -10, -10);
    const shortEarlier = await course('Kort kurs for tjue dager siden', -21, -20);
    const mine = [long.id, sameEnd.id, shortLater.id, shortEarlier.id];
    const recent = (await listActivities(`from=${addDays(today, -30)}&endedBefore=${today}&sort=-date&pageSize=100`)).items.map((a) => a.id);
    expect(recent.filter((id) => mine.includes(id))).toEqual([sameEnd.id, long.id, shortLater.id, shortEarlier.id]);
    const oldestFirst = (await listActivities(`from=${addDays(today, -30)}&endedBefore=${today}&sort=date&pageSize=100`)).items.map((a) => a.id);
    expect(oldestFirst.filter((id) => mine.includes(id))).toEqual([shortEarlier.id, shortLater.id, long.id, sameEnd.id]);
    await server.database.db.deleteFrom('activity').where('id', 'in', mine).execute();
  });

  it('searches title and description with Norwegian stemming', async () => {
    const page = await listActivities('q=fjernlån');
    expect(page.items.map((a) => a.id)).toContain(INTERLIBRARY_LOAN_WEBINAR);
    const stemmed = await listActivities('q=webinarene&pageSize=100');
    expect(stemmed.total).toBeGreaterThanOrEqual(12);
  });

  it('sorts by date (newest first by default) and by title in Norwegian order', async () => {
    const byDate = await listActivities('pageSize=100');
    const dates = byDate.items.map((a) => a.startDate);
    expect(dates).toEqual([...dates].sort().reverse());
    const byTitle = await listActivities('sort=title&pageSize=100');
    const titles = byTitle.items.map((a) => a.title);
    expect(titles).toEqual([...titles].sort(compareNorwegian));
    const descending = await listActivities('sort=-title&pageSize=100');
    expect(descending.items.map((a) => a.title)).toEqual([...titles].reverse());
  });

  it('pages without overlap', async () => {
    const first = await listActivities('pageSize=5&page=1');
    const second = await listActivities('pageSize=5&page=2');
    expect(first.items).toHaveLength(5);
    expect(first.total).toBeGreaterThanOrEqual(15);
    expectDisjoint(first, second);
  });

  it('answers 400 naming the parameter for bad query values', async () => {
    await expectQueryRefused(server, '/api/activities', ['kind=party', 'from=2023-13-01', 'to=0000-01-01', 'endedBefore=2026-02-30', 'sort=colour', 'organiser=abc', 'pageSize=1000', 'q=%00']);
  });
});

describe('GET /api/activities/counts', () => {
  it('counts per month and per year', async () => {
    expect(await countsOf('per=year&kind=webinar&to=2025-12-31')).toEqual([
      { period: '2023', count: 3 },
      { period: '2024', count: 6 },
      { period: '2025', count: 3 },
    ]);
    // Every month asked for, with 0 where there was none.
    const months = await countsOf('per=month&kind=webinar&from=2026-01-01&to=2026-12-31');
    expect(months.map((m) => m.period)).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`));
    expect(months.filter((m) => m.count > 0)).toEqual([{ period: '2026-02', count: 1 }]);
    const withNord = await countsOf(`per=year&participant=${NORD_LIBRARY}`);
    expect(withNord).toEqual([{ period: '2026', count: 1 }]);
  });

  it('counts per half year by default and refuses an unknown period', async () => {
    const counts = await countsOf(`organiser=${COUNTY_LIBRARY}&kind=photography`);
    expect(counts).toEqual([{ period: '2025-H2', count: 1 }]);
    const response = await server.request('/api/activities/counts?per=week');
    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors?.[0]?.path).toBe('query.per');
  });
});

describe('GET /api/activities/export', () => {
  it('exports what the filters select as CSV, with participants and head counts', async () => {
    const response = await server.request('/api/activities/export?format=csv&kind=webinar&from=2023-07-01&to=2025-06-30');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="aktiviteter-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = (await response.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]?.split(';').slice(0, 6)).toEqual(['Tittel', 'Type', 'Fra dato', 'Til dato', 'Arrangør', 'Deltakere']);
    expect(lines).toHaveLength(13);
    expect(lines.slice(1).every((line) => line.includes('Trøndelag fylkesbibliotek'))).toBe(true);
    expect(lines.some((line) => /Trondheim folkebibliotek \(\d+\)/.test(line))).toBe(true);
  });

  it('exports XLSX and refuses an unknown format', async () => {
    await expectXlsx(await server.request(`/api/activities/export?format=xlsx&participant=${NTNU_LIBRARY}`));
    expect((await server.request('/api/activities/export?format=pdf')).status).toBe(400);
  });
});

describe('GET /api/activities/:id', () => {
  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    await expectIdChecked(server, '/api/activities', 'not-a-uuid');
  });
});

describe('POST /api/activities', () => {
  it('creates an activity with participants, answers 201 with Location and ETag, and writes an audit entry', async () => {
    const auditBefore = await countRows(server, 'audit_entry');
    const response = await server.request('/api/activities', jsonBody('POST', validActivity));
    const activity = await created<ActivityDetail>(response, '/api/activities');
    expect(activity).toMatchObject({
      kind: 'meeting',
      title: validActivity.title,
      startDate: '2030-03-05',
      endDate: null,
      organiserName: 'Trøndelag fylkesbibliotek',
      description: null,
      outcome: null,
      sampleData: false,
      totalHeadCount: 8,
      participantCount: 2,
      version: 1,
    });
    expect(activity.participants.map((p) => p.actorName).sort()).toEqual(['Namsos bibliotek', 'Trondheim folkebibliotek']);
    expect(await countRows(server, 'audit_entry')).toBe(auditBefore + 1);
    const entry = await server.database.db.selectFrom('audit_entry').selectAll().where('entity_id', '=', activity.id).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ entity: 'activity', action: 'create', before: null });
  });

  it('creates an activity with only the required fields', async () => {
    const response = await server.request('/api/activities', jsonBody('POST', { kind: 'other', title: 'Enkel aktivitet', startDate: '2030-01-01' }));
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ participants: [], topics: [], links: [], organiserId: null, organiserName: null, totalHeadCount: null });
  });

  const participants = [
    { actorId: NAMSOS_LIBRARY, headCount: 1 },
    { actorId: TRONDHEIM_LIBRARY, headCount: 2 },
    { actorId: UNKNOWN_ID, headCount: 3 },
  ];
  const badBodies: Array<[string, unknown, string, string]> = [
    ['an unknown participant', { ...validActivity, participants }, 'participants.2.actorId', 'actor_not_found'],
    ['an unknown organiser', { ...validActivity, organiserId: UNKNOWN_ID }, 'organiserId', 'actor_not_found'],
    ['an actor listed twice', { ...validActivity, participants: [...validActivity.participants, { actorId: NAMSOS_LIBRARY }] }, 'participants.2.actorId', 'duplicate'],
    ['an end before the start', { ...validActivity, endDate: '2030-03-01' }, 'endDate', 'end_before_start'],
    ['an unknown kind', { ...validActivity, kind: 'party' }, 'kind', 'invalid_value'],
    ['a missing title', { kind: 'meeting', startDate: '2030-01-01' }, 'title', 'invalid_type'],
    ['an impossible date', { ...validActivity, startDate: '2030-02-30' }, 'startDate', 'invalid_format'],
    ['year zero', { ...validActivity, startDate: '0000-01-01' }, 'startDate', 'date_out_of_range'],
    ['a mistyped year (1926 for 2026)', { ...validActivity, startDate: '1926-03-05' }, 'startDate', 'date_too_early'],
    ['an end more than ten years ahead', { ...validActivity, endDate: '2062-03-05' }, 'endDate', 'date_too_far_ahead'],
    ['a NUL character', { ...validActivity, title: 'Møte\u0000' }, 'title', 'control_characters'],
    ['a NUL character in a topic', { ...validActivity, topics: ['a\u0000b'] }, 'topics.0', 'control_characters'],
    ['a lone surrogate in a link label', { ...validActivity, links: [{ kind: 'other', label: 'x\ud800', url: 'https://example.org' }] }, 'links.0.label', 'lone_surrogate'],
    ['a link that is no web address', { ...validActivity, links: [{ kind: 'other', label: 'x', url: 'javascript:alert(1)' }] }, 'links.0.url', 'invalid_format'],
    ['an online link that is no web address', { ...validActivity, onlineUrl: 'teams møte' }, 'onlineUrl', 'invalid_format'],
    ['an online link that is not http(s)', { ...validActivity, onlineUrl: 'ftp://example.org/m' }, 'onlineUrl', 'invalid_format'],
    ['a start time that is no time', { ...validActivity, startTime: '25:00' }, 'startTime', 'invalid_format'],
    ['an end time before the start time', { ...validActivity, startTime: '10:00', endTime: '09:30' }, 'endTime', 'end_time_before_start'],
    ['an end time without a start time', { ...validActivity, endTime: '09:30' }, 'startTime', 'end_time_without_start'],
    ['an empty place', { ...validActivity, place: '' }, 'place', 'too_small'],
    ['a negative head count', { ...validActivity, participants: [{ actorId: NAMSOS_LIBRARY, headCount: -1 }] }, 'participants.0.headCount', 'too_small'],
    ['a malformed actor id', { ...validActivity, participants: [{ actorId: 'x' }] }, 'participants.0.actorId', 'invalid_format'],
    ['an unknown field', { ...validActivity, colour: 'blue' }, 'colour', 'unrecognized_keys'],
    ['sample data set by a client', { ...validActivity, sampleData: true }, 'sampleData', 'unrecognized_keys'],
  ];

  it.each(badBodies)('refuses %s with 400 naming the field, and writes nothing', async (_label, body, path, code) => {
    await expectFieldRefused(server, () => server.request('/api/activities', jsonBody('POST', body)), { path, code }, ['activity', 'activity_participant']);
  });

  it('refuses a body that is not JSON with 415', async () => {
    const response = await server.request('/api/activities', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x' });
    expect(response.status).toBe(415);
  });
});

describe('activity times, place and online link', () => {
  it('keeps start and end time, place and link, and lets a period end earlier in the day on a later date', async () => {
    const activity = await createActivity({
      startDate: '2030-04-02',
      endDate: '2030-04-03',
      startTime: '13:00',
      endTime: '09:00',
      place: 'Namsos bibliotek, møterom 2',
      onlineUrl: 'https://example.org/mote',
    });
    expect(activity).toMatchObject({ startTime: '13:00', endTime: '09:00', place: 'Namsos bibliotek, møterom 2', onlineUrl: 'https://example.org/mote' });
    const page = await listActivities('from=2030-04-02&to=2030-04-02');
    expect(page.items.find((a) => a.id === activity.id)).toMatchObject({ startTime: '13:00', place: 'Namsos bibliotek, møterom 2' });
  });
});

describe('GET /api/activities/:id/calendar.ics', () => {
  it('answers an iCalendar event in Europe/Oslo time with the place and the online link', async () => {
    const activity = await createActivity({
      title: 'Møte om studieplasser, runde 2',
      startDate: '2030-06-11',
      startTime: '09:30',
      endTime: '11:00',
      place: 'Namsos bibliotek, møterom 2',
      onlineUrl: 'https://example.org/mote?id=1',
    });
    const response = await server.request(`/api/activities/${activity.id}/calendar.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/calendar');
    expect(response.headers.get('content-disposition')).toContain('.ics');
    const ics = (await response.text()).replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('DTSTART;TZID=Europe/Oslo:20300611T093000');
    expect(ics).toContain('DTEND;TZID=Europe/Oslo:20300611T110000');
    expect(ics).toContain('LOCATION:Namsos bibliotek\\, møterom 2');
    expect(ics).toMatch(/URL(;VALUE=URI)?:https:\/\/example\.org\/mote\?id=1/);
    expect(ics).toContain('SUMMARY:Møte om studieplasser\\, runde 2');
  });

  it('gives whole days when the activity has no time, and 404 for an unknown activity', async () => {
    const response = await server.request(`/api/activities/${PHOTOGRAPHY}/calendar.ics`);
    expect(response.status).toBe(200);
    const ics = await response.text();
    expect(ics).toContain('DTSTART;VALUE=DATE:20250815');
    // The end of whole days is the day after the last (RFC 5545).
    expect(ics).toContain('DTEND;VALUE=DATE:20251201');
    expect((await server.request(`/api/activities/${UNKNOWN_ID}/calendar.ics`)).status).toBe(404);
  });
});

describe('PATCH /api/activities/:id', () => {
  it('changes fields with the current version, keeps participants unless given, and records before and after', async () => {
    const activity = await createActivity();
    const response = await server.request(`/api/activities/${activity.id}`, jsonBody('PATCH', { outcome: 'Enighet om videre arbeid' }, { 'If-Match': '"1"' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"2"');
    const updated = (await response.json()) as ActivityDetail;
    expect(updated).toMatchObject({ outcome: 'Enighet om videre arbeid', version: 2, title: validActivity.title });
    expect(updated.participants).toHaveLength(2);
    const entry = await server.database.db
      .selectFrom('audit_entry')
      .selectAll()
      .where('entity_id', '=', activity.id)
      .where('action', '=', 'update')
      .executeTakeFirstOrThrow();
    expect(entry.before).toMatchObject({ outcome: null });
    expect(entry.after).toMatchObject({ outcome: 'Enighet om videre arbeid' });
  });

  it('replaces the participants as a whole when they are given', async () => {
    const activity = await createActivity();
    const response = await server.request(
      `/api/activities/${activity.id}`,
      jsonBody('PATCH', { participants: [{ actorId: NTNU_LIBRARY, headCount: 7 }] }, { 'If-Match': '"1"' }),
    );
    expect(response.status).toBe(200);
    const updated = (await response.json()) as ActivityDetail;
    expect(updated.participants).toEqual([{ actorId: NTNU_LIBRARY, actorName: 'NTNU Universitetsbiblioteket', actorKind: 'university_library', headCount: 7 }]);
    expect(updated.totalHeadCount).toBe(7);
    const cleared = await server.request(`/api/activities/${activity.id}`, jsonBody('PATCH', { participants: [] }, { 'If-Match': '"2"' }));
    expect(((await cleared.json()) as ActivityDetail).participants).toEqual([]);
  });

  it('answers 428 without If-Match, 412 for a stale version and 400 for a malformed one, changing nothing', async () => {
    const activity = await createActivity();
    expect((await server.request(`/api/activities/${activity.id}`, jsonBody('PATCH', { title: 'Uten versjon' }))).status).toBe(428);
    expect((await server.request(`/api/activities/${activity.id}`, jsonBody('PATCH', { title: 'Rar versjon' }, { 'If-Match': 'v1' }))).status).toBe(400);
    expect((await server.request(`/api/activities/${activity.id}`, jsonBody('PATCH', { title: 'Første lagring' }, { 'If-Match': '"1"' }))).status).toBe(200);
    const stale = await server.request(`/api/activities/${activity.id}`, jsonBody('PATCH', { title: 'Andre lagring' }, { 'If-Match': '"1"' }));
    expect(stale.status).toBe(412);
    const current = (await (await server.request(`/api/activities/${activity.id}`)).json()) as ActivityDetail;
    expect(current).toMatchObject({ title: 'Første lagring', version: 2 });
  });

  it('lets only one of two simultaneous saves of the same version win', async () => {
    const activity = await createActivity();
    const saves = await Promise.all(
      ['A', 'B'].map((name) => server.request(`/api/activities/${activity.id}`, jsonBody('PATCH', { title: `Kappløp ${name}` }, { 'If-Match': '"1"' }))),
    );
    expect(saves.map((r) => r.status).sort()).toEqual([200, 412]);
  });

  it('refuses an invalid change with 400 naming the field and keeps the record', async () => {
    const activity = await createActivity();
    const unknownParticipant = await server.request(
      `/api/activities/${activity.id}`,
      jsonBody('PATCH', { participants: [{ actorId: NAMSOS_LIBRARY }, { actorId: UNKNOWN_ID }] }, { 'If-Match': '"1"' }),
    );
    expect(unknownParticipant.status).toBe(400);
    expect((await problemOf(unknownParticipant)).errors?.[0]).toMatchObject({ path: 'participants.1.actorId', code: 'actor_not_found' });
    // The end is checked against the stored start.
    const endBeforeStart = await server.request(`/api/activities/${activity.id}`, jsonBody('PATCH', { endDate: '2029-01-01' }, { 'If-Match': '"1"' }));
    expect((await problemOf(endBeforeStart)).errors?.[0]).toMatchObject({ path: 'endDate', code: 'end_before_start' });
    const mistypedYear = await server.request(`/api/activities/${activity.id}`, jsonBody('PATCH', { startDate: '1926-03-05' }, { 'If-Match': '"1"' }));
    expect(mistypedYear.status).toBe(400);
    expect((await problemOf(mistypedYear)).errors).toEqual([expect.objectContaining({ path: 'startDate', code: 'date_too_early' })]);
    const current = (await (await server.request(`/api/activities/${activity.id}`)).json()) as ActivityDetail;
    expect(current).toMatchObject({ version: 1, startDate: validActivity.startDate, endDate: null });
    expect(current.participants).toHaveLength(2);
  });

  it('answers 404 when changing an activity that does not exist', async () => {
    const response = await server.request(`/api/activities/${UNKNOWN_ID}`, jsonBody('PATCH', { title: 'Finnes ikke' }, { 'If-Match': '"1"' }));
    expect(response.status).toBe(404);
  });
});

describe('DELETE /api/activities/:id', () => {
  it('needs If-Match, refuses a stale version, deletes with the current one and records it', async () => {
    const activity = await createActivity();
    expect((await server.request(`/api/activities/${activity.id}`, { method: 'DELETE' })).status).toBe(428);
    expect((await server.request(`/api/activities/${activity.id}`, { method: 'DELETE', headers: { 'If-Match': '"7"' } })).status).toBe(412);
    const participantsBefore = await countRows(server, 'activity_participant');
    const deleted = await server.request(`/api/activities/${activity.id}`, { method: 'DELETE', headers: { 'If-Match': '"1"' } });
    expect(deleted.status).toBe(204);
    expect((await server.request(`/api/activities/${activity.id}`)).status).toBe(404);
    expect(await countRows(server, 'activity_participant')).toBe(participantsBefore - 2);
    const entry = await server.database.db
      .selectFrom('audit_entry')
      .selectAll()
      .where('entity_id', '=', activity.id)
      .where('action', '=', 'delete')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ entity: 'activity', after: null });
    expect(entry.before).toMatchObject({ title: validActivity.title });
    expect((await server.request(`/api/activities/${activity.id}`, { method: 'DELETE', headers: { 'If-Match': '"1"' } })).status).toBe(404);
  });

  it('removes the activity from the plan items that list it as a result', async () => {
    const activity = await createActivity();
    const created = await server.request(
      `/api/initiatives/${NB_PROJECT}/plan-items`,
      jsonBody('POST', { title: 'Resultat som slettes', activityIds: [activity.id] }),
    );
    expect(created.status).toBe(201);
    const item = (await created.json()) as PlanItemDetail;
    expect(item.activities).toEqual([{ id: activity.id, title: activity.title }]);
    expect((await server.request(`/api/activities/${activity.id}`, { method: 'DELETE', headers: { 'If-Match': '"1"' } })).status).toBe(204);
    const items = (await (await server.request(`/api/plan-items?initiative=${NB_PROJECT}&pageSize=100`)).json()) as Page<PlanItemDetail>;
    const after = items.items.find((i) => i.id === item.id);
    expect(after).toMatchObject({ activityIds: [], activities: [], version: 2 });
  });
});

describe('the OpenAPI document', () => {
  it('describes the activity routes with named schemas', async () => {
    const document = (await (await server.request('/api/openapi.json')).json()) as { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/activities', '/api/activities/{id}', '/api/activities/counts', '/api/activities/export']),
    );
    expect(document.components.schemas).toHaveProperty('ActivityDetail');
    expect(document.components.schemas).toHaveProperty('ActivityCounts');
  });
});

describe("an organisation's whole list of activities", () => {
  it('counts each activity it organises or takes part in once, as the same list with a filter does', async () => {
    // Namsos organises one and takes part in another (with another library), and both in a third.
    await createActivity({ title: 'Namsos arrangerer', organiserId: NAMSOS_LIBRARY, participants: [] });
    await createActivity({ title: 'Namsos deltar', participants: [{ actorId: NAMSOS_LIBRARY, headCount: 2 }, { actorId: TRONDHEIM_LIBRARY, headCount: 1 }] });
    await createActivity({ title: 'Namsos begge deler', organiserId: NAMSOS_LIBRARY, participants: [{ actorId: NAMSOS_LIBRARY, headCount: 4 }] });
    for (const asOrganisation of [namsosEditor, namdalCoordinator]) {
      const everything = await json<Page<ActivitySummary>>(await asOrganisation('/api/activities?pageSize=100'), 200);
      // `from` far back keeps every activity but takes the filtered path: the totals must agree.
      const filtered = await json<Page<ActivitySummary>>(await asOrganisation('/api/activities?pageSize=100&from=1900-01-01'), 200);
      expect(everything.total).toBe(filtered.total);
      expect(everything.total).toBe(everything.items.length);
      expect(new Set(everything.items.map((a) => a.id)).size).toBe(everything.items.length);
    }
    const namsos = await json<Page<ActivitySummary>>(await namsosEditor('/api/activities?pageSize=100'), 200);
    expect(namsos.items.map((a) => a.title)).toEqual(expect.arrayContaining(['Namsos arrangerer', 'Namsos deltar', 'Namsos begge deler']));
  });
});
