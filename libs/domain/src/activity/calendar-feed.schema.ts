import { z } from 'zod';
import { roleOrganisationKinds, type Role } from '../access/access.schema';
import type { ActorKind } from '../actor/actor-kind';
import { timestampSchema } from '../common/date.schema';

/**
 * An organisation's calendar feed as its users see it: whether there is a link, and when it was
 * made. The address itself is secret and stored only as a hash: it is shown once, when it is made.
 */
export const calendarFeedStatusSchema = z.object({
  exists: z.boolean(),
  createdAt: timestampSchema.nullable(),
});
export type CalendarFeedStatus = z.infer<typeof calendarFeedStatusSchema>;

/** A new calendar feed link (the old one, if any, stops working): the path of the feed, with its token. */
export const calendarFeedLinkSchema = calendarFeedStatusSchema.extend({
  exists: z.literal(true),
  /** The feed's path on this server (`/api/calendar-feeds/{token}/activities.ics`); no login needed. */
  path: z.string(),
});
export type CalendarFeedLink = z.infer<typeof calendarFeedLinkSchema>;

/** The token of a calendar feed's address (256 random bits, base64url). */
export const calendarFeedTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);

/** Read-only roles first: the feed sees what the organisation's reading role sees, never more. */
const feedRoles: readonly Role[] = ['county_viewer', 'study_centre_coordinator', 'university_liaison', 'library_editor'];

/**
 * The role whose visibility an organisation's calendar feed has (a calendar app acts for the
 * organisation, not for a user): the read-only role of its kind; null for a kind no role acts for.
 */
export function calendarFeedRole(kind: ActorKind): Role | null {
  return feedRoles.find((role) => roleOrganisationKinds[role].includes(kind)) ?? null;
}
