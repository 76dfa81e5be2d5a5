import { z } from 'zod';
import { calendarFeedLinkSchema, calendarFeedStatusSchema, calendarFeedTokenSchema, NotFoundError } from '@kompetansebro/domain';
import { accessOf, scopeOf } from '../auth/visibility';
import { fileAnswer, jsonAnswer, routesTagged } from '../http/api-route';
import { createRouter } from '../http/openapi';
import { calendarFeedFile, calendarFeedStatus, newCalendarFeed } from './calendar-feed.repository';

const CalendarFeedStatus = calendarFeedStatusSchema.meta({ id: 'CalendarFeedStatus' });
const CalendarFeedLink = calendarFeedLinkSchema.meta({ id: 'CalendarFeedLink' });
const route = routesTagged('Activities');

const statusRoute = route('get', '/api/calendar-feed', ['calendar_feed', 'read'], {
  summary: "Whether the caller's organisation has a calendar feed link, and since when (the link itself is shown only when made)",
  answers: { 200: jsonAnswer('The feed', CalendarFeedStatus) },
});

const newLinkRoute = route('post', '/api/calendar-feed', ['calendar_feed', 'create'], {
  summary: "A new calendar feed link for the caller's organisation; the old link, if any, stops working",
  answers: { 201: jsonAnswer('The new link (its path holds the secret token: shown this once)', CalendarFeedLink) },
});

const feedRoute = route('get', '/api/calendar-feeds/{token}/activities.ics', 'public', {
  summary:
    'An organisation’s activities as an iCalendar feed for a calendar app to subscribe to (no login: the secret token is the key); the activities its organisation sees, from a year back',
  request: { params: z.object({ token: z.string().meta({ param: { name: 'token', in: 'path' } }) }) },
  answers: { 200: fileAnswer('The iCalendar feed', 'text/calendar') },
  problems: [404],
});

export const calendarFeedsRouter = createRouter()
  .openapi(statusRoute, async (c) => c.json(await calendarFeedStatus(c.get('deps').db, await scopeOf(c)), 200))
  .openapi(newLinkRoute, async (c) => {
    const { scope, change } = await accessOf(c);
    return c.json(await newCalendarFeed(c.get('deps').db, scope, change), 201);
  })
  .openapi(feedRoute, async (c) => {
    const token = c.req.valid('param').token;
    // A malformed token is an unknown one: 404, as for a replaced link.
    if (!calendarFeedTokenSchema.safeParse(token).success) throw new NotFoundError('calendar_feed');
    const { ics } = await calendarFeedFile(c.get('deps').db, token);
    return c.body(ics, 200, { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': 'inline; filename="aktiviteter.ics"' });
  });
