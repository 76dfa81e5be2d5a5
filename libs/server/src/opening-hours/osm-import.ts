import OpeningHoursParser from 'opening_hours';
import { DomainRuleError, openingHoursErrorCodes, weekdays, type OpeningHoursOsmImport, type OpeningKind, type WeeklyPeriod } from '@kompetansebro/domain';

// Reading OpenStreetMap's `opening_hours` syntax (what a municipal site or a map already has)
// with the opening_hours package: the weekly timetable of an ordinary week. Seasons and single
// days of the string are not taken over; the library adds them in the form.

/** A week in February without public holidays or common seasons: the ordinary timetable. */
function ordinaryWeek(now: Date): Date {
  const year = now.getFullYear() + 1;
  const first = new Date(year, 1, 2);
  // Monday on or after 2 February (Easter never reaches February in Norway).
  first.setDate(first.getDate() + ((8 - first.getDay()) % 7));
  return first;
}

const clock = (date: Date, dayStart: Date) => {
  if (date.getTime() - dayStart.getTime() >= 86_400_000) return '24:00';
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
};

function periodsOf(value: string, kind: OpeningKind, field: string, now: Date): WeeklyPeriod[] {
  let parsed: OpeningHoursParser;
  try {
    parsed = new OpeningHoursParser(value, { lat: 63.43, lon: 10.39, address: { country_code: 'no', state: '' } });
  } catch (error) {
    // The package's message shows where: "Mo-Fr 10:00-16:x <--- (Time range does not continue as expected)";
    // the text up to the arrow (params.near) lets the form say where in the librarian's language.
    const message = String(error).replace(/\s+/g, ' ').trim();
    const near = /^(.*?)\s*<---/.exec(message)?.[1]?.trim();
    throw new DomainRuleError([{ path: field, code: openingHoursErrorCodes.invalidOsm, message, ...(near ? { params: { near } } : {}) }]);
  }
  const monday = ordinaryWeek(now);
  const periods: WeeklyPeriod[] = [];
  weekdays.forEach((weekday, index) => {
    const dayStart = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + index);
    const dayEnd = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + index + 1);
    for (const [from, to] of parsed.getOpenIntervals(dayStart, dayEnd)) periods.push({ weekday, kind, from: clock(from, dayStart), to: clock(to, dayStart) });
  });
  return periods;
}

/** The weekly timetable in two OSM strings (staffed; self-service); 400 naming the string that does not parse, and where. */
export function weeklyFromOsm(input: OpeningHoursOsmImport, now = new Date()): WeeklyPeriod[] {
  return [
    ...periodsOf(input.openingHours, 'staffed', 'openingHours', now),
    ...(input.selfService === '' ? [] : periodsOf(input.selfService, 'self_service', 'selfService', now)),
  ];
}
