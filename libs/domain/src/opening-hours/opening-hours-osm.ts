import { minutesOf, weekdays, type DayPeriod, type OpeningHoursInput, type OpeningKind, type Weekday, type WeeklyPeriod } from './opening-hours.schema';

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

/** "Mo-Fr 10:00-16:00; Sa 10:00-14:00": consecutive weekdays with the same times joined. */
function weeklyRules(periods: readonly WeeklyPeriod[]): string[] {
  const byDay = weekdays.map((weekday) => ({ weekday, times: times(periods.filter((period) => period.weekday === weekday)) }));
  const rules: { days: Weekday[]; times: string }[] = [];
  for (const day of byDay) {
    if (day.times === '') continue;
    const last = rules.at(-1);
    const previous = last?.days.at(-1);
    if (last && last.times === day.times && previous && weekdays.indexOf(previous) === weekdays.indexOf(day.weekday) - 1) last.days.push(day.weekday);
    else rules.push({ days: [day.weekday], times: day.times });
  }
  const dayRange = (days: Weekday[]) => {
    const first = OSM_DAY[days[0] ?? 'mo'];
    const last = OSM_DAY[days.at(-1) ?? 'mo'];
    return days.length === 1 ? first : days.length === 2 ? `${first},${last}` : `${first}-${last}`;
  };
  return rules.map((rule) => `${dayRange(rule.days)} ${rule.times}`);
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
