import { z } from 'zod';
import { isoDateSchema } from '../common/date.schema';
import { EARLIEST_RECORDED_DATE, todayInNorway } from '../common/dates';
import { listQuerySchema } from '../common/list.schema';
import type { FieldError } from '../common/problem.schema';
import { plainTextSchema, webUrlSchema } from '../common/text';
import { maskWithout, versionedRecordFields } from '../common/record.schema';

export const activityKinds = ['webinar', 'meeting', 'course', 'conference', 'publication', 'photography', 'mobility', 'other'] as const;
export const activityKindSchema = z.enum(activityKinds);
export type ActivityKind = z.infer<typeof activityKindSchema>;

export const activityLinkKinds = ['recording', 'mediebank', 'document', 'website', 'other'] as const;

/** Codes of the rules on activities (beside zod's own codes), for the UI to translate. */
export const activityErrorCodes = {
  endBeforeStart: 'end_before_start',
  endTimeBeforeStart: 'end_time_before_start',
  endTimeWithoutStart: 'end_time_without_start',
  duplicate: 'duplicate',
  actorNotFound: 'actor_not_found',
  loneSurrogate: 'lone_surrogate',
  dateTooEarly: 'date_too_early',
  dateTooFarAhead: 'date_too_far_ahead',
} as const;

/**
 * The dates an activity may plausibly have: a mistyped year (1926 for 2026) is refused, as it
 * would stretch every count per period over a century of empty months. Kompetansebro records
 * activities from 2000 on (the oldest in use are from the 2020s), and a county plans a few years
 * ahead at most: ten years leaves room without letting 2062 for 2026 through.
 */
export const activityDateBounds = { earliest: EARLIEST_RECORDED_DATE, yearsAhead: 10 } as const;

/**
 * Whether the text has a lone UTF-16 surrogate (half of an emoji, say): JSON.stringify writes it
 * as an escape that PostgreSQL's jsonb refuses, so it must fail validation, not the database.
 */
export function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) return true;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    }
  }
  return false;
}

/**
 * Free text PostgreSQL can store in text and jsonb columns alike: the shared plain-text rule
 * (trimmed, bounded, no control characters such as NUL) and no lone surrogate.
 */
export function storableText(min: number, max: number) {
  return plainTextSchema(max, min).refine((text) => !hasLoneSurrogate(text), {
    message: 'The text has a broken character (a lone surrogate)',
    params: { code: activityErrorCodes.loneSurrogate },
  });
}

const webUrl = webUrlSchema(1000);

/** A wall-clock time in Norway, "HH:MM" (24 hours). */
export const timeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Write the time as HH:MM (for example 09:30)' });

const activityLinkSchema = z
  .object({
    kind: z.enum(activityLinkKinds),
    label: storableText(1, 200),
    url: webUrl,
  })
  .strict();
export type ActivityLink = z.infer<typeof activityLinkSchema>;

const activityParticipantInputSchema = z
  .object({
    actorId: z.uuid(),
    /** How many people took part from this actor, when known. */
    headCount: z.number().int().min(0).max(100_000).nullable().optional(),
  })
  .strict();
export type ActivityParticipantInput = z.infer<typeof activityParticipantInputSchema>;

const activityParticipantSchema = z.object({
  actorId: z.uuid(),
  actorName: z.string(),
  actorKind: z.string(),
  headCount: z.number().int().nullable(),
});
export type ActivityParticipant = z.infer<typeof activityParticipantSchema>;

export const activitySchema = z.object({
  id: z.uuid(),
  kind: activityKindSchema,
  title: storableText(3, 300),
  description: storableText(0, 5000).nullable(),
  startDate: isoDateSchema,
  /** For activities over a period (photography in autumn 2025); null for one day. */
  endDate: isoDateSchema.nullable(),
  /** When it starts on the start date ("HH:MM", time in Norway); null for a whole day. */
  startTime: timeOfDaySchema.nullable(),
  /** When it ends (on the end date, or the start date when there is none). */
  endTime: timeOfDaySchema.nullable(),
  /** Where it takes place (an address or a room); null when online only or not known. */
  place: storableText(1, 300).nullable(),
  /** The link to join online (a web address). */
  onlineUrl: webUrl.nullable(),
  organiserId: z.uuid().nullable(),
  topics: z.array(storableText(1, 100)).max(20),
  outcome: storableText(0, 5000).nullable(),
  links: z.array(activityLinkSchema).max(20),
  /** Invented details (head counts, titles) in the sample dataset; the description says which. */
  sampleData: z.boolean(),
  ...versionedRecordFields(),
});
export type Activity = z.infer<typeof activitySchema>;

/** A list row: the activity, its organiser's name and how many took part. */
export const activitySummarySchema = activitySchema.extend({
  organiserName: z.string().nullable(),
  participantCount: z.number().int().min(0),
  /** The sum of the known head counts; null when none is known. */
  totalHeadCount: z.number().int().nullable(),
});
export type ActivitySummary = z.infer<typeof activitySummarySchema>;

export const activityDetailSchema = activitySummarySchema.extend({
  participants: z.array(activityParticipantSchema),
});
export type ActivityDetail = z.infer<typeof activityDetailSchema>;

const editable = {
  kind: true,
  title: true,
  description: true,
  startDate: true,
  endDate: true,
  startTime: true,
  endTime: true,
  place: true,
  onlineUrl: true,
  organiserId: true,
  topics: true,
  outcome: true,
  links: true,
} as const;
const participantsSchema = z.array(activityParticipantInputSchema).max(500);

export const activityCreateSchema = activitySchema
  .pick(editable)
  .partial(maskWithout(editable, 'kind', 'title', 'startDate'))
  .extend({ participants: participantsSchema.optional() })
  .strict();
export type ActivityCreate = z.infer<typeof activityCreateSchema>;

/** Any subset of the fields; `participants`, when given, replaces the whole list. */
export const activityUpdateSchema = activitySchema.pick(editable).extend({ participants: participantsSchema }).partial().strict();
export type ActivityUpdate = z.infer<typeof activityUpdateSchema>;

const activitySortKeys = ['date', '-date', 'title', '-title', 'kind', '-kind', 'updated', '-updated'] as const;

export const activityListQuerySchema = listQuerySchema.extend({
  kind: activityKindSchema.optional(),
  organiser: z.uuid().optional(),
  participant: z.uuid().optional(),
  /** Activities on or after this date (a period counts when any part of it is). */
  from: isoDateSchema.optional(),
  /** Activities on or before this date. */
  to: isoDateSchema.optional(),
  /** Activities that ended before this date (their last day is earlier, as activityHasEnded): not still running. */
  endedBefore: isoDateSchema.optional(),
  sort: z.enum(activitySortKeys).default('-date'),
});
export type ActivityListQuery = z.infer<typeof activityListQuerySchema>;

/** Periods activities are counted by: a calendar month, a half year (vår/høst) or a year. */
export const countPeriods = ['month', 'half_year', 'year'] as const;
type CountPeriod = (typeof countPeriods)[number];
export const activityCountQuerySchema = activityListQuerySchema
  .pick({ kind: true, organiser: true, participant: true, from: true, to: true })
  .extend({ per: z.enum(countPeriods).default('half_year') });
export type ActivityCountQuery = z.infer<typeof activityCountQuerySchema>;

const activityCountSchema = z.object({ period: z.string(), count: z.number().int() });
export type ActivityCount = z.infer<typeof activityCountSchema>;
export const activityCountsSchema = z.object({ items: z.array(activityCountSchema) });

/**
 * The period a date falls in: "2023-10", "2023-H2" (autumn, July–December; H1 is spring,
 * January–June) or "2023".
 */
export function periodOf(date: string, per: CountPeriod): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  if (per === 'year') return year;
  if (per === 'month') return date.slice(0, 7);
  return `${year}-H${month <= 6 ? 1 : 2}`;
}

/** Counts per period, in time order, from the first period with an activity to the last: those between with none count 0. */
export function countByPeriod(dates: readonly string[], per: CountPeriod): ActivityCount[] {
  return sumByPeriod(
    dates.map((date) => ({ date, count: 1 })),
    per,
  );
}

/** The same from counts per day (the database counts the activities of each day; this adds up the periods), over the dates asked for. */
export function sumByPeriod(
  days: ReadonlyArray<{ date: string; count: number }>,
  per: CountPeriod,
  /** The dates asked for: the series runs from the period of `from` to that of `to` where they reach beyond the activities. */
  asked: { from?: string | undefined; to?: string | undefined } = {},
): ActivityCount[] {
  const counts = new Map<string, number>();
  for (const { date, count } of days) {
    const period = periodOf(date, per);
    counts.set(period, (counts.get(period) ?? 0) + count);
  }
  if (counts.size === 0) return [];
  const periods = [...counts.keys(), ...[asked.from, asked.to].filter((date) => date !== undefined).map((date) => periodOf(date, per))].sort();
  const first = periods[0];
  const last = periods.at(-1);
  if (first === undefined || last === undefined) return [];
  // A gap in a time series reads as missing data: a period without activities is there, with 0.
  const items: ActivityCount[] = [];
  for (let period = first; period <= last; period = periodAfter(period, per)) items.push({ period, count: counts.get(period) ?? 0 });
  return items;
}

/** The period after one of periodOf's: "2023-12" → "2024-01", "2023-H2" → "2024-H1", "2023" → "2024". */
export function periodAfter(period: string, per: CountPeriod): string {
  const year = Number(period.slice(0, 4));
  if (per === 'year') return String(year + 1);
  const part = Number(period.slice(per === 'month' ? 5 : 6));
  const parts = per === 'month' ? 12 : 2;
  const [nextYear, nextPart] = part === parts ? [year + 1, 1] : [year, part + 1];
  return per === 'month' ? `${nextYear}-${String(nextPart).padStart(2, '0')}` : `${nextYear}-H${nextPart}`;
}

/** The activity's last day is behind `today` (a Norwegian calendar date): it has taken place, so there is nothing left to join. */
export function activityHasEnded(activity: { startDate: string; endDate: string | null }, today: string): boolean {
  return (activity.endDate ?? activity.startDate) < today;
}

/** A library may sign up for an activity until it has ended: a course under way still takes latecomers. */
export function activityTakesSignUps(activity: { startDate: string; endDate: string | null }, today: string): boolean {
  return !activityHasEnded(activity, today);
}

/**
 * A library may cancel its sign-up only before the activity's start date: its attendance of one
 * under way (or held) counts in the activity counts and reports, and must not be erased.
 */
export function activitySignUpCancellable(activity: { startDate: string }, today: string): boolean {
  return today < activity.startDate;
}

interface ActivityShape {
  startDate: string;
  endDate: string | null;
  startTime?: string | null;
  endTime?: string | null;
  participants: ReadonlyArray<{ actorId: string }>;
}

/**
 * The rules an activity keeps beyond the shape of its fields: its dates are plausible
 * (activityDateBounds, from `today`), a period does not end before it starts, and an actor takes
 * part once (with its head count).
 */
export function activityRuleViolations(activity: ActivityShape, today: string = todayInNorway()): FieldError[] {
  const errors: FieldError[] = [];
  const latest = `${Number(today.slice(0, 4)) + activityDateBounds.yearsAhead}${today.slice(4)}`;
  for (const path of ['startDate', 'endDate'] as const) {
    const date = activity[path];
    if (date === null) continue;
    if (date < activityDateBounds.earliest) {
      errors.push({ path, code: activityErrorCodes.dateTooEarly, message: `The date is before ${activityDateBounds.earliest}; check the year` });
    } else if (date > latest) {
      errors.push({ path, code: activityErrorCodes.dateTooFarAhead, message: `The date is more than ${activityDateBounds.yearsAhead} years ahead (after ${latest}); check the year` });
    }
  }
  if (activity.endDate !== null && activity.endDate < activity.startDate) {
    errors.push({ path: 'endDate', code: activityErrorCodes.endBeforeStart, message: 'The end date is before the start date' });
  }
  const startTime = activity.startTime ?? null;
  const endTime = activity.endTime ?? null;
  if (endTime !== null && startTime === null) {
    errors.push({ path: 'startTime', code: activityErrorCodes.endTimeWithoutStart, message: 'Give a start time when you give an end time' });
  }
  const sameDay = activity.endDate === null || activity.endDate === activity.startDate;
  if (startTime !== null && endTime !== null && sameDay && endTime <= startTime) {
    errors.push({ path: 'endTime', code: activityErrorCodes.endTimeBeforeStart, message: 'The end time is not after the start time' });
  }
  const seen = new Set<string>();
  activity.participants.forEach((participant, index) => {
    if (seen.has(participant.actorId)) {
      errors.push({
        path: `participants.${index}.actorId`,
        code: activityErrorCodes.duplicate,
        message: 'This actor is listed already; give one head count per actor',
      });
    }
    seen.add(participant.actorId);
  });
  return errors;
}

/** The sum of the known head counts; null when none is known. */
export function totalHeadCount(participants: ReadonlyArray<{ headCount: number | null }>): number | null {
  const known = participants.map((p) => p.headCount).filter((n): n is number => n !== null);
  return known.length === 0 ? null : known.reduce((sum, n) => sum + n, 0);
}
