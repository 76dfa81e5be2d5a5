import { norwayOffsetMs, norwegianWallClock } from '@kompetansebro/i18n/format';
import { addDays, type IsoDate } from '../common/dates';
import type { ServiceType } from '../service/service.schema';
import { minutesOf, weekdays } from './opening-hours-basics';
import type { DayPeriod, OpeningHoursInput, OpeningState, OpeningWeek, Season, Weekday, WeeklyPeriod } from './opening-hours.schema';

// What the opening hours mean at a moment, on a day and in a week — in Norwegian time
// (Europe/Oslo, by i18n's clock), across the changes to and from summer time. Pure: the public
// holidays come in as a function (the server passes date-holidays' Norwegian calendar).

/** The name of the public holiday on a date, or null. */
export type HolidayCalendar = (date: IsoDate) => string | null;

const DAY_MS = 86_400_000;

/** The wall-clock date and minutes after midnight in Norway at an instant. */
export function osloClock(instant: Date): { date: IsoDate; minutes: number } {
  const wall = norwegianWallClock(instant.getTime());
  return { date: wall.toISOString().slice(0, 10), minutes: wall.getUTCHours() * 60 + wall.getUTCMinutes() + wall.getUTCSeconds() / 60 };
}

/** Norway's offset from UTC at an instant, in minutes (60 in winter, 120 in summer). */
function osloOffset(instant: number): number {
  return norwayOffsetMs(instant) / 60_000;
}

/**
 * The instant of a wall-clock time in Norway ("24:00" is the next midnight). A time the clocks
 * skip (02:30 on the last Sunday of March) counts as the moment after the skip.
 */
export function osloInstant(date: IsoDate, minutes: number): Date {
  const asUtc = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000;
  const first = asUtc - osloOffset(asUtc) * 60_000;
  const second = asUtc - osloOffset(first) * 60_000;
  return new Date(osloOffset(second) === osloOffset(first) ? second : Math.max(first, second));
}

export function weekdayOf(date: IsoDate): Weekday {
  // 1970-01-01 was a Thursday.
  const index = (Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS) + 3) % 7;
  return weekdays[(index + 7) % 7] ?? 'mo';
}

/** The Monday of the week a date is in. */
export function mondayOf(date: IsoDate): IsoDate {
  return addDays(date, -weekdays.indexOf(weekdayOf(date)));
}

const byStart = (a: DayPeriod, b: DayPeriod) => minutesOf(a.from) - minutesOf(b.from) || a.kind.localeCompare(b.kind);

/**
 * The periods of one day, and why the day differs from the weekly timetable: an exception for
 * the date first, then a public holiday (closed, unless the library opens on them), then the
 * season the date is in, then the weekly timetable.
 */
export function periodsOn(hours: OpeningHoursInput, date: IsoDate, holidays: HolidayCalendar): { periods: DayPeriod[]; reason: string | null } {
  const weekday = weekdayOf(date);
  const exception = hours.exceptions.find((candidate) => candidate.date === date);
  if (exception) return { periods: [...exception.periods].sort(byStart), reason: exception.note ?? holidays(date) ?? null };
  const holiday = holidays(date);
  if (holiday && !hours.openOnPublicHolidays) return { periods: [], reason: holiday };
  const season = hours.seasons.find((candidate) => candidate.from <= date && date <= candidate.to);
  const timetable = season ? season.weekly : hours.weekly;
  const periods = timetable.filter((period) => period.weekday === weekday).map(({ kind, from, to }) => ({ kind, from, to }));
  return { periods: periods.sort(byStart), reason: season?.name ?? holiday ?? null };
}

/** Whether the library is staffed, open for self-service, or closed at an instant. Staffed wins where both apply. */
export function stateAt(hours: OpeningHoursInput, instant: Date, holidays: HolidayCalendar): OpeningState {
  const { date, minutes } = osloClock(instant);
  const open = periodsOn(hours, date, holidays).periods.filter((period) => minutesOf(period.from) <= minutes && minutes < minutesOf(period.to));
  if (open.some((period) => period.kind === 'staffed')) return 'staffed';
  return open.length > 0 ? 'self_service' : 'closed';
}

export function isOpenAt(hours: OpeningHoursInput, instant: Date, holidays: HolidayCalendar): boolean {
  return stateAt(hours, instant, holidays) !== 'closed';
}

/**
 * The next instant the library opens (staffed or self-service) after `instant`, looking up to
 * `horizonDays` ahead; null when it stays closed (a branch closed all summer, seen from June,
 * opens in August: within the default horizon).
 */
export function nextOpening(hours: OpeningHoursInput, instant: Date, holidays: HolidayCalendar, horizonDays = 120): Date | null {
  const { date: today } = osloClock(instant);
  for (let day = 0; day <= horizonDays; day++) {
    const date = addDays(today, day);
    for (const period of periodsOn(hours, date, holidays).periods) {
      const start = osloInstant(date, minutesOf(period.from));
      // Open already at `instant` does not count: the next opening is after a closed moment.
      if (start.getTime() > instant.getTime() && !isOpenAt(hours, new Date(start.getTime() - 60_000), holidays)) return start;
    }
  }
  return null;
}

/** Real hours between two wall-clock times of a day (a period across the clock change is an hour shorter or longer). */
function hoursOf(date: IsoDate, periods: readonly DayPeriod[]): number {
  // Overlapping periods of one kind are not allowed; across kinds they are counted per kind.
  return periods.reduce((sum, period) => sum + (osloInstant(date, minutesOf(period.to)).getTime() - osloInstant(date, minutesOf(period.from)).getTime()) / 3_600_000, 0);
}

/**
 * The week that `date` is in, Monday to Sunday: each day's periods and why it differs, and the
 * staffed and self-service hours (the "hours a week" figure, from the timetable). Self-service
 * hours count only the time outside staffed hours.
 */
export function hoursOfWeek(hours: OpeningHoursInput, date: IsoDate, holidays: HolidayCalendar): OpeningWeek {
  const monday = mondayOf(date);
  let staffedHours = 0;
  let selfServiceHours = 0;
  const days = weekdays.map((weekday, index) => {
    const day = addDays(monday, index);
    const { periods, reason } = periodsOn(hours, day, holidays);
    const staffed = periods.filter((period) => period.kind === 'staffed');
    staffedHours += hoursOf(day, staffed);
    selfServiceHours += hoursOf(day, selfServiceOutside(periods.filter((period) => period.kind === 'self_service'), staffed));
    return { date: day, weekday, periods, reason };
  });
  const round = (value: number) => Math.round(value * 100) / 100;
  return { days, staffedHours: round(staffedHours), selfServiceHours: round(selfServiceHours) };
}

/** The parts of the self-service periods outside every staffed period. */
function selfServiceOutside(selfService: readonly DayPeriod[], staffed: readonly DayPeriod[]): DayPeriod[] {
  let parts = selfService.map((period) => ({ from: minutesOf(period.from), to: minutesOf(period.to) }));
  for (const cut of staffed.map((period) => ({ from: minutesOf(period.from), to: minutesOf(period.to) }))) {
    parts = parts.flatMap((part) =>
      cut.to <= part.from || part.to <= cut.from
        ? [part]
        : [
            ...(part.from < cut.from ? [{ from: part.from, to: cut.from }] : []),
            ...(cut.to < part.to ? [{ from: cut.to, to: part.to }] : []),
          ],
    );
  }
  const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return parts.map((part) => ({ kind: 'self_service' as const, from: clock(part.from), to: clock(part.to) }));
}

/** A week of winter time with no public holiday: where the ordinary timetable is measured. */
const ORDINARY_WEEK: IsoDate = '2027-02-01';

/**
 * The "hours a week" of the ordinary timetable (no season, no single days, no holidays): staffed
 * hours, and self-service hours outside them, to one decimal — the figure the library's
 * "Betjent åpningstid" and "Meråpent" services show students.
 */
export function ordinaryWeekHours(hours: OpeningHoursInput): { staffedHours: number; selfServiceHours: number } {
  const week = hoursOfWeek({ ...hours, seasons: [], exceptions: [], openOnPublicHolidays: true }, ORDINARY_WEEK, () => null);
  const oneDecimal = (value: number) => Math.round(value * 10) / 10;
  return { staffedHours: oneDecimal(week.staffedHours), selfServiceHours: oneDecimal(week.selfServiceHours) };
}

/**
 * Whether opening hours are entered: a weekly timetable or a season. Without them a week is
 * unknown, not closed — and single days alone (a closed Christmas Eve) say nothing of the others.
 */
export function hasOpeningHours(hours: OpeningHoursInput): boolean {
  return hours.weekly.length + hours.seasons.length > 0;
}

/**
 * Whether the library offers self-service, as of `today`: a self-service period in its weekly
 * timetable, a season that has not ended or a single day not yet past. Without it a "Meråpent"
 * column would be a column of "Stengt" — and one past self-service day must not keep it forever.
 */
export function offersSelfService(hours: OpeningHoursInput, today: IsoDate): boolean {
  const selfService = (periods: readonly DayPeriod[]) => periods.some((period) => period.kind === 'self_service');
  return (
    selfService(hours.weekly) ||
    hours.seasons.some((season) => season.to >= today && selfService(season.weekly)) ||
    hours.exceptions.some((exception) => exception.date >= today && selfService(exception.periods))
  );
}

/**
 * Whether a week can be shown day by day: a weekly timetable is entered, or a season falls in the
 * week. A lone single day (a closed Christmas Eve) says nothing of the other days: without a
 * timetable the week is unknown, not a week of "Stengt".
 */
export function weekHasTimetable(hours: OpeningHoursInput, week: Pick<OpeningWeek, 'days'>): boolean {
  const first = week.days[0]?.date;
  const last = week.days[week.days.length - 1]?.date;
  if (hours.weekly.length > 0) return true;
  return first !== undefined && last !== undefined && hours.seasons.some((season) => season.from <= last && first <= season.to);
}

/** What makes a week differ from a normal one: a season over the whole week (one mention), and the days whose hours differ. */
export interface WeekDifferences {
  season: Season | null;
  days: OpeningWeek['days'];
}

const sameDay = (weekly: readonly WeeklyPeriod[], weekday: Weekday, periods: readonly DayPeriod[]) => {
  const normal = weekly.filter((period) => period.weekday === weekday).map(({ kind, from, to }) => ({ kind, from, to })).sort(byStart);
  const actual = [...periods].sort(byStart);
  return normal.length === actual.length && normal.every((period, index) => period.kind === actual[index]?.kind && period.from === actual[index]?.from && period.to === actual[index]?.to);
};

/**
 * The days of a week whose hours differ from the normal week — the weekly timetable, or a
 * season's when the season covers the whole week (then named once, not on seven days). A
 * holiday on a day that is closed anyway is no difference.
 */
export function weekDifferences(hours: OpeningHoursInput, week: Pick<OpeningWeek, 'days'>): WeekDifferences {
  const first = week.days[0]?.date ?? '';
  const last = week.days[week.days.length - 1]?.date ?? '';
  const covering = hours.seasons.find((candidate) => candidate.from <= first && last <= candidate.to) ?? null;
  const season = covering && !weekdays.every((weekday) => sameWeekly(covering.weekly, hours.weekly, weekday)) ? covering : null;
  const normal = covering ? covering.weekly : hours.weekly;
  return { season, days: week.days.filter((day) => !sameDay(normal, day.weekday, day.periods)) };
}

const sameWeekly = (a: readonly WeeklyPeriod[], b: readonly WeeklyPeriod[], weekday: Weekday) =>
  sameDay(a, weekday, b.filter((period) => period.weekday === weekday).map(({ kind, from, to }) => ({ kind, from, to })));

/** Whether a weekly timetable is entered: what a normal week is measured against (seasons and single days only change it). */
export function hasWeeklyTimetable(hours: Pick<OpeningHoursInput, 'weekly'> | null): boolean {
  return hours !== null && hours.weekly.length > 0;
}

/**
 * Whether a service's "hours a week" follows the opening hours: "Betjent åpningstid" and
 * "Meråpent" of a library with a weekly timetable (no self-service periods: 0 hours of it).
 * Such a figure is not entered but derived, on every write of the service or of the hours.
 */
export function weeklyHoursFollowOpeningHours(type: ServiceType, hours: Pick<OpeningHoursInput, 'weekly'> | null): boolean {
  return hasWeeklyTimetable(hours) && (type === 'staffed_hours' || type === 'self_service_hours');
}

/**
 * The "hours a week" a service stores: for "Betjent åpningstid" and "Meråpent", the figure of the
 * weekly timetable where one is entered (so the two never disagree), else the figure entered.
 */
export function serviceWeeklyHours(type: ServiceType, entered: number | null, hours: OpeningHoursInput | null): number | null {
  if (hours === null || !weeklyHoursFollowOpeningHours(type, hours)) return entered;
  const week = ordinaryWeekHours(hours);
  return type === 'staffed_hours' ? week.staffedHours : week.selfServiceHours;
}
