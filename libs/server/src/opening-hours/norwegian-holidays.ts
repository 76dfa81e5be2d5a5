import Holidays from 'date-holidays';
import type { HolidayCalendar } from '@kompetansebro/domain';

// Norway's public holidays from a maintained calendar (date-holidays), for the domain's opening
// hours rules: the name of the public holiday on a date, or null.

const norway = new Holidays('NO');
const byYear = new Map<number, Map<string, string>>();

function holidaysOf(year: number): Map<string, string> {
  let found = byYear.get(year);
  if (!found) {
    found = new Map(
      norway
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => [holiday.date.slice(0, 10), holiday.name] as const),
    );
    byYear.set(year, found);
  }
  return found;
}

export const norwegianPublicHolidays: HolidayCalendar = (date) => holidaysOf(Number(date.slice(0, 4))).get(date) ?? null;
