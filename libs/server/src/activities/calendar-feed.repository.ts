import { addDays, calendarFeedRole, NotFoundError, todayInNorway, type CalendarFeedLink, type CalendarFeedStatus } from '@kompetansebro/domain';
import { hashToken, newToken } from '../auth/session';
import { organisationScope, type Scope } from '../auth/visibility';
import type { Executor } from '../persistence/executor';
import { iso, type ChangeContext } from '../persistence/repository-helpers';
import { auditedAction } from '../persistence/versioned-change';
import { activitiesCalendar } from './activity-calendar';
import { listCalendarActivities } from './activity.repository';

// An organisation's calendar feed (issue 19): a secret address a calendar app subscribes to
// without a session. Only the hash of its token is stored; a new link replaces the old at once.

/** The path of a feed on this server (the token is its only key). */
export const calendarFeedPath = (token: string) => `/api/calendar-feeds/${token}/activities.ics`;

/** How far back the feed reaches: a year of past activities, and every coming one. */
const FEED_DAYS_BACK = 365;

/** Whether the scope's organisation has a calendar link, and since when. */
export async function calendarFeedStatus(db: Executor, scope: Scope): Promise<CalendarFeedStatus> {
  const row = await db.selectFrom('calendar_feed').select('created_at').where('organisation_id', '=', scope.organisationId).executeTakeFirst();
  return { exists: row !== undefined, createdAt: row ? iso(row.created_at) : null };
}

/**
 * A new calendar link for the scope's organisation: the old one (if any) stops working in the same
 * transaction. Audited as the link's creation or change (when, by whom; never the token or its hash).
 */
export function newCalendarFeed(db: Executor, scope: Scope, context: ChangeContext): Promise<CalendarFeedLink> {
  const organisationId = scope.organisationId;
  return auditedAction(db, { entity: 'calendar_feed', entityId: organisationId, action: 'create' }, context, async (trx) => {
    const token = newToken();
    const old = await trx.selectFrom('calendar_feed').select('created_at').where('organisation_id', '=', organisationId).forUpdate().executeTakeFirst();
    const row = await trx
      .insertInto('calendar_feed')
      .values({ organisation_id: organisationId, token_hash: hashToken(token), created_by: context.userId })
      .onConflict((oc) =>
        oc.column('organisation_id').doUpdateSet((eb) => ({ token_hash: eb.ref('excluded.token_hash'), created_by: eb.ref('excluded.created_by'), created_at: eb.fn('now') })),
      )
      .returning('created_at')
      .executeTakeFirstOrThrow();
    const createdAt = iso(row.created_at);
    return {
      result: { exists: true, createdAt, path: calendarFeedPath(token) },
      audit: { before: old ? { createdAt: iso(old.created_at) } : null, after: { createdAt, replaced: old !== undefined } },
    };
  });
}

/**
 * The feed a token opens, as an iCalendar file: the activities its organisation sees (as its
 * activities list, with its kind's reading role), from a year back. 404 for an unknown or replaced token.
 */
export async function calendarFeedFile(db: Executor, token: string, today = todayInNorway()): Promise<{ organisationName: string; ics: string }> {
  const feed = await db
    .selectFrom('calendar_feed as f')
    .innerJoin('actor as o', 'o.id', 'f.organisation_id')
    .select(['f.organisation_id', 'o.kind', 'o.name'])
    .where('f.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  const role = feed ? calendarFeedRole(feed.kind) : null;
  if (!feed || !role) throw new NotFoundError('calendar_feed');
  const scope = await organisationScope(db, role, feed.organisation_id);
  const from = addDays(today, -FEED_DAYS_BACK);
  const activities = await listCalendarActivities(db, scope, from);
  return { organisationName: feed.name, ics: activitiesCalendar(`Kompetansebro – ${feed.name}`, activities) };
}
