import { z } from 'zod';
import { isoDateSchema } from '../common/date.schema';
import { plainTextSchema } from '../common/text';
import { minutesOf, openingHoursErrorCodes, weekdays } from './opening-hours-basics';

// A library's opening hours: a weekly timetable, seasons (summer hours) with their dates, and
// exceptions for single days; staffed and self-service ("meråpent") periods kept apart, as OSM
// keeps `opening_hours` and `opening_hours:self_service` apart.

export const weekdaySchema = z.enum(weekdays);
export type Weekday = z.infer<typeof weekdaySchema>;

export const openingKinds = ['staffed', 'self_service'] as const;
export const openingKindSchema = z.enum(openingKinds);
export type OpeningKind = z.infer<typeof openingKindSchema>;

/** "07:00" … "24:00" (the end of the day); nothing outside 00:00–24:00. */
export const clockTimeSchema = z
  .string()
  .regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, { message: 'A time of day from 00:00 to 24:00, as HH:MM' })
  .meta({ example: '10:00' });

/** A period of one day: from–to, staffed or self-service. */
export const dayPeriodSchema = z.object({ kind: openingKindSchema, from: clockTimeSchema, to: clockTimeSchema }).strict();
export type DayPeriod = z.infer<typeof dayPeriodSchema>;

/** A period of the weekly timetable: on a weekday. */
export const weeklyPeriodSchema = dayPeriodSchema.extend({ weekday: weekdaySchema }).strict();
export type WeeklyPeriod = z.infer<typeof weeklyPeriodSchema>;

type Issue = { path: (string | number)[]; message: string; code: string };

/** End after start, and no two periods of one kind on one day that overlap. */
function periodIssues(periods: readonly (DayPeriod & { weekday?: Weekday })[], path: (string | number)[]): Issue[] {
  const issues: Issue[] = [];
  periods.forEach((period, index) => {
    // A time that is no time of day has its own error already: one error per input.
    if (!clockTimeSchema.safeParse(period.from).success || !clockTimeSchema.safeParse(period.to).success) return;
    if (minutesOf(period.to) <= minutesOf(period.from)) {
      issues.push({ path: [...path, index, 'to'], message: 'The period ends before it starts', code: openingHoursErrorCodes.endBeforeStart });
      return;
    }
    const clash = periods.findIndex(
      (other, otherIndex) =>
        otherIndex < index &&
        other.kind === period.kind &&
        other.weekday === period.weekday &&
        minutesOf(other.from) < minutesOf(period.to) &&
        minutesOf(period.from) < minutesOf(other.to),
    );
    if (clash >= 0) issues.push({ path: [...path, index, 'from'], message: `The period overlaps period ${clash + 1} of the same kind`, code: openingHoursErrorCodes.overlap });
  });
  return issues;
}

function addIssues(context: z.RefinementCtx, issues: Issue[]) {
  for (const issue of issues) context.addIssue({ code: 'custom', path: issue.path, message: issue.message, params: { code: issue.code } });
}

export const seasonSchema = z
  .object({
    /** "Sommertid" */
    name: plainTextSchema(100, 1),
    from: isoDateSchema,
    to: isoDateSchema,
    /** The timetable in the season; a weekday with none is closed. */
    weekly: z.array(weeklyPeriodSchema).max(50),
  })
  .strict();
export type Season = z.infer<typeof seasonSchema>;

export const exceptionSchema = z
  .object({
    date: isoDateSchema,
    /** None: closed that day. */
    periods: z.array(dayPeriodSchema).max(10),
    note: plainTextSchema(200).optional(),
  })
  .strict();
export type OpeningException = z.infer<typeof exceptionSchema>;

/** The opening hours as a library edits them (one record per library or branch). */
export const openingHoursInputSchema = z
  .object({
    weekly: z.array(weeklyPeriodSchema).max(50),
    seasons: z.array(seasonSchema).max(20).default([]),
    exceptions: z.array(exceptionSchema).max(200).default([]),
    /** Norway's public holidays close the library, unless it says it is open on them. */
    openOnPublicHolidays: z.boolean().default(false),
  })
  .strict()
  .superRefine((hours, context) => {
    addIssues(context, periodIssues(hours.weekly, ['weekly']));
    hours.seasons.forEach((season, index) => {
      if (season.to < season.from) context.addIssue({ code: 'custom', path: ['seasons', index, 'to'], message: 'The season ends before it starts', params: { code: openingHoursErrorCodes.endBeforeStart } });
      const clash = hours.seasons.findIndex((other, otherIndex) => otherIndex < index && other.from <= season.to && season.from <= other.to);
      if (clash >= 0) context.addIssue({ code: 'custom', path: ['seasons', index, 'from'], message: `The season overlaps season ${clash + 1}`, params: { code: openingHoursErrorCodes.overlap } });
      addIssues(context, periodIssues(season.weekly, ['seasons', index, 'weekly']));
    });
    hours.exceptions.forEach((exception, index) => {
      if (hours.exceptions.findIndex((other) => other.date === exception.date) < index) {
        context.addIssue({ code: 'custom', path: ['exceptions', index, 'date'], message: 'Another exception has this date', params: { code: openingHoursErrorCodes.duplicateDate } });
      }
      addIssues(context, periodIssues(exception.periods, ['exceptions', index, 'periods']));
    });
  });
export type OpeningHoursInput = z.infer<typeof openingHoursInputSchema>;

/** The week's figures as the API shows them beside the timetable (Europe/Oslo). */
export const openingWeekSchema = z.object({
  days: z.array(
    z.object({
      date: isoDateSchema,
      weekday: weekdaySchema,
      periods: z.array(dayPeriodSchema),
      /** Why the day differs from the weekly timetable: a public holiday's name, a season's name, an exception's note. */
      reason: z.string().nullable(),
    }),
  ),
  staffedHours: z.number(),
  selfServiceHours: z.number(),
});
export type OpeningWeek = z.infer<typeof openingWeekSchema>;

export const openingStateSchema = z.enum(['staffed', 'self_service', 'closed']);
export type OpeningState = z.infer<typeof openingStateSchema>;

/** One library's or branch's opening hours, with what they mean now and this week. */
export const openingHoursSchema = z.object({
  /** The library or branch (the actor). */
  id: z.uuid(),
  actorName: z.string(),
  weekly: z.array(weeklyPeriodSchema),
  seasons: z.array(seasonSchema),
  exceptions: z.array(exceptionSchema),
  openOnPublicHolidays: z.boolean(),
  /** The same in OpenStreetMap's syntax: staffed hours, and self-service hours. */
  osm: z.object({ openingHours: z.string(), selfService: z.string() }),
  now: z.object({ state: openingStateSchema, nextOpening: z.iso.datetime({ offset: true }).nullable() }),
  thisWeek: openingWeekSchema,
  /** 0 until the library first saves its hours. */
  version: z.number().int().min(0),
  createdAt: z.iso.datetime({ offset: true }).nullable(),
  updatedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type OpeningHours = z.infer<typeof openingHoursSchema>;

/** Importing the weekly timetable from OSM strings (what a municipal site or map already has). */
export const openingHoursOsmImportSchema = z
  .object({
    openingHours: z.string().trim().min(1).max(1000),
    selfService: z.string().trim().max(1000).default(''),
  })
  .strict();
export type OpeningHoursOsmImport = z.infer<typeof openingHoursOsmImportSchema>;

export const noOpeningHours: OpeningHoursInput = { weekly: [], seasons: [], exceptions: [], openOnPublicHolidays: false };
