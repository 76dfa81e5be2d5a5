import { describe, expect, it } from 'vitest';
import { sampleId } from '@kompetansebro/db';
import type { ActivityDetail, CalendarFeedLink, CalendarFeedStatus } from '@kompetansebro/domain';
import { jsonBody, type RequestAs } from '@kompetansebro/testing/server';
import { creatorOf, ifMatch, loggedIn, testServer } from '../testing/fixture.test';

// An organisation's calendar feed (issue 19): a secret link a calendar app subscribes to without
// a session, made and replaced by those the policy lets, listing what the organisation sees.

const server = testServer();
const namsos = loggedIn(server, 'namsos@demo.kompetansebro.no');
const viewer = loggedIn(server, 'fylke-innsyn@demo.kompetansebro.no');

const COUNTY_LIBRARY = sampleId('actor', 'county-library');
const NAMSOS_LIBRARY = sampleId('actor', 'library-5007');
const TRONDHEIM_LIBRARY = sampleId('actor', 'library-5001');

const createActivity = creatorOf<ActivityDetail>(server, '/api/activities', {
  kind: 'meeting',
  title: 'Kalendermøte',
  startDate: '2030-09-10',
  organiserId: COUNTY_LIBRARY,
});

async function newLink(request: RequestAs): Promise<CalendarFeedLink> {
  const response = await request('/api/calendar-feed', { method: 'POST' });
  expect(response.status).toBe(201);
  return (await response.json()) as CalendarFeedLink;
}

interface CalendarEvent {
  [property: string]: string;
}

/**
 * A small RFC 5545 reader: unfolds lines, checks that every BEGIN has its END, and gives each
 * VEVENT's properties by name (parameters dropped, the value as written).
 */
function parseIcs(text: string): { calendar: Record<string, string>; events: CalendarEvent[] } {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n').filter((line) => line !== '');
  const open: string[] = [];
  const calendar: Record<string, string> = {};
  const events: CalendarEvent[] = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    expect(colon, line).toBeGreaterThan(0);
    const name = line.slice(0, colon).split(';')[0] ?? '';
    const value = line.slice(colon + 1);
    if (name === 'BEGIN') {
      open.push(value);
      if (value === 'VEVENT') events.push({});
    } else if (name === 'END') {
      expect(open.pop(), line).toBe(value);
    } else if (open.at(-1) === 'VEVENT') {
      (events.at(-1) as CalendarEvent)[name] = value;
    } else if (open.at(-1) === 'VCALENDAR') {
      calendar[name] = value;
    }
  }
  expect(open).toEqual([]);
  return { calendar, events };
}

async function feedOf(path: string) {
  // Anonymously: a calendar app sends no cookie.
  const response = await server.anonymous(path);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/calendar');
  return parseIcs(await response.text());
}

const eventOf = (events: CalendarEvent[], activityId: string) => events.find((e) => e.UID === `${activityId}@kompetansebro`);

describe('the calendar feed of an organisation', () => {
  it('is made by the county admin, shown once, stored only hashed, and opens without a session', async () => {
    const before = (await (await server.request('/api/calendar-feed')).json()) as CalendarFeedStatus;
    expect(before).toEqual({ exists: false, createdAt: null });

    const activity = await createActivity({
      title: 'Kalendermøte med tid og sted',
      startTime: '10:00',
      endTime: '11:30',
      place: 'Fylkesbiblioteket, møterom 1',
      onlineUrl: 'https://example.org/kalender',
      participants: [{ actorId: TRONDHEIM_LIBRARY }],
    });
    const link = await newLink(server.request);
    expect(link.path).toMatch(/^\/api\/calendar-feeds\/[A-Za-z0-9_-]{43}\/activities\.ics$/);
    const token = link.path.split('/')[3] as string;
    const stored = await server.database.db.selectFrom('calendar_feed').selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token);

    const status = (await (await server.request('/api/calendar-feed')).json()) as CalendarFeedStatus;
    expect(status).toEqual({ exists: true, createdAt: link.createdAt });

    const { calendar, events } = await feedOf(link.path);
    expect(calendar['X-WR-CALNAME']).toContain('Kompetansebro');
    expect(new Set(events.map((e) => e.UID)).size).toBe(events.length);
    expect(events.every((e) => e.UID && e.DTSTART && e.SUMMARY)).toBe(true);
    expect(eventOf(events, activity.id)).toMatchObject({
      DTSTART: '20300910T100000',
      DTEND: '20300910T113000',
      LOCATION: 'Fylkesbiblioteket\\, møterom 1',
      URL: 'https://example.org/kalender',
      SEQUENCE: '1',
    });

    // A change keeps the event's UID and raises its SEQUENCE: calendars replace it.
    const changed = await server.request(`/api/activities/${activity.id}`, jsonBody('PATCH', { startTime: '12:00', endTime: '13:00' }, ifMatch(1)));
    expect(changed.status).toBe(200);
    expect(eventOf((await feedOf(link.path)).events, activity.id)).toMatchObject({ DTSTART: '20300910T120000', SEQUENCE: '2' });
  });

  it('answers 404 to a wrong or replaced token, and audits each new link without its token', async () => {
    const first = await newLink(server.request);
    const second = await newLink(server.request);
    expect(second.path).not.toBe(first.path);
    expect((await server.anonymous(first.path)).status).toBe(404);
    expect((await server.anonymous(second.path)).status).toBe(200);
    expect((await server.anonymous('/api/calendar-feeds/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/activities.ics')).status).toBe(404);
    expect((await server.anonymous('/api/calendar-feeds/not-a-token/activities.ics')).status).toBe(404);

    const audit = await server.database.db.selectFrom('audit_entry').selectAll().where('entity', '=', 'calendar_feed').orderBy('occurred_at').execute();
    expect(audit.length).toBeGreaterThanOrEqual(3);
    expect(audit.at(-1)).toMatchObject({ action: 'create' });
    expect(audit.at(-1)?.after).toMatchObject({ replaced: true });
    const token = second.path.split('/')[3] as string;
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it('lists a library’s own activities and leaves out those of other organisations', async () => {
    const own = await createActivity({ title: 'Møte med Namsos', participants: [{ actorId: NAMSOS_LIBRARY }] });
    const foreign = await createActivity({ title: 'Møte uten Namsos', participants: [{ actorId: TRONDHEIM_LIBRARY }] });
    const link = await newLink(namsos);
    const { events } = await feedOf(link.path);
    expect(eventOf(events, own.id)).toMatchObject({ SUMMARY: 'Møte med Namsos' });
    expect(eventOf(events, foreign.id)).toBeUndefined();

    // The county's feed is another link, with both.
    const county = await newLink(server.request);
    expect(county.path).not.toBe(link.path);
    const countyEvents = (await feedOf(county.path)).events;
    expect(eventOf(countyEvents, foreign.id)).toBeDefined();
    // Namsos's link still works: each organisation has its own.
    expect((await server.anonymous(link.path)).status).toBe(200);
  });

  it('lets the county viewer see whether there is a link but not make one', async () => {
    expect((await viewer('/api/calendar-feed')).status).toBe(200);
    expect((await viewer('/api/calendar-feed', { method: 'POST' })).status).toBe(403);
    expect((await server.anonymous('/api/calendar-feed')).status).toBe(401);
  });
});
