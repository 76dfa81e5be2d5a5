import { minutesOf, weekdays } from './opening-hours-basics';
import type { DayPeriod, OpeningHoursInput, OpeningKind, Weekday, WeeklyPeriod } from './opening-hours.schema';

// The opening hours in OpenStreetMap's `opening_hours` syntax, which municipal sites and map
// services read: staffed hours as `opening_hours`, self-service as `opening_hours:self_service`.
// Rules later in a string override earlier ones for the days they name, so the order is: the
// weekly timetable, the seasons, public holidays, then single days.

const OSM_DAY: Record<Weekday, string> = { mo: 'Mo', tu: 'Tu', we: 'We', th: 'Th', fr: 'Fr', sa: 'Sa', su: 'Su' };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function times(periods: readonly DayPeriod[]): string {
  return [...periods]
    .sort((a, b) => minutesOf(a.from) - minutesOf(b.from))
    .map((period) => `${period.from}-${period.to}`)
    .join(',');
}

/** "Mo-Fr,Su 10:00-16:00; Sa 10:00-14:00": the days with the same times in one rule, consecutive days as a range. */
function weeklyRules(periods: readonly WeeklyPeriod[]): string[] {
  const byTimes = new Map<string, Weekday[]>();
  for (const weekday of weekdays) {
    const dayTimes = times(periods.filter((period) => period.weekday === weekday));
    if (dayTimes !== '') byTimes.set(dayTimes, [...(byTimes.get(dayTimes) ?? []), weekday]);
  }
  return [...byTimes].map(([dayTimes, days]) => `${dayList(days)} ${dayTimes}`);
}

/** "Mo-We,Fr": runs of three or more consecutive days as a range. */
function dayList(days: readonly Weekday[]): string {
  const runs: Weekday[][] = [];
  for (const day of days) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && weekdays.indexOf(last) === weekdays.indexOf(day) - 1) run.push(day);
    else runs.push([day]);
  }
  return runs
    .flatMap((run) => (run.length >= 3 ? [`${OSM_DAY[run[0] ?? 'mo']}-${OSM_DAY[run.at(-1) ?? 'mo']}`] : run.map((day) => OSM_DAY[day])))
    .join(',');
}

/** "2026 Jun 15" */
function osmDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${year} ${MONTHS[Number(month) - 1]} ${Number(day)}`;
}

/** One kind of the opening hours (staffed or self-service) as an OSM `opening_hours` value; "" when it has none. */
export function toOsmOpeningHours(hours: OpeningHoursInput, kind: OpeningKind): string {
  const ofKind = <T extends DayPeriod>(periods: readonly T[]) => periods.filter((period) => period.kind === kind);
  const weekly = weeklyRules(ofKind(hours.weekly));
  const any = weekly.length > 0 || hours.seasons.some((season) => ofKind(season.weekly).length > 0) || hours.exceptions.some((exception) => ofKind(exception.periods).length > 0);
  if (!any) return '';
  const rules = weekly.length > 0 ? [...weekly] : ['off'];
  for (const season of hours.seasons) {
    const range = `${osmDate(season.from)}-${osmDate(season.to)}`;
    rules.push(`${range} off`, ...weeklyRules(ofKind(season.weekly)).map((rule) => `${range} ${rule}`));
  }
  if (!hours.openOnPublicHolidays) rules.push('PH off');
  for (const exception of hours.exceptions) {
    const periods = ofKind(exception.periods);
    rules.push(`${osmDate(exception.date)} ${periods.length > 0 ? times(periods) : 'off'}`);
  }
  return rules.join('; ');
}

export function toOsm(hours: OpeningHoursInput): { openingHours: string; selfService: string } {
  return { openingHours: toOsmOpeningHours(hours, 'staffed'), selfService: toOsmOpeningHours(hours, 'self_service') };
}
