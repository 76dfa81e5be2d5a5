/** A month as "2026-02". */
export type MonthKey = string;

const pad = (value: number) => String(value).padStart(2, '0');

export function monthOf(date: string): MonthKey {
  return date.slice(0, 7);
}

/** The month `offset` months after `month` (before, when negative). */
export function addMonths(month: MonthKey, offset: number): MonthKey {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (monthNumber - 1) + offset;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

export function daysInMonth(month: MonthKey): number {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
}

export function firstDayOf(month: MonthKey): string {
  return `${month}-01`;
}

export function lastDayOf(month: MonthKey): string {
  return `${month}-${pad(daysInMonth(month))}`;
}

/** Monday 0 … Sunday 6: Norwegian weeks start on Monday. */
function weekdayOf(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/**
 * The month as weeks of seven days (Monday first); days outside the month are null, so each
 * row of the grid is one week.
 */
export function monthWeeks(month: MonthKey): Array<Array<string | null>> {
  const days = daysInMonth(month);
  const cells: Array<string | null> = Array.from({ length: weekdayOf(firstDayOf(month)) }, () => null);
  for (let day = 1; day <= days; day++) cells.push(`${month}-${pad(day)}`);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: Array<Array<string | null>> = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

interface Dated {
  startDate: string;
  endDate: string | null;
}

/** Does the activity take place on `date` (its first day, its last, or any between)? */
export function fallsOn(activity: Dated, date: string): boolean {
  return activity.startDate <= date && date <= (activity.endDate ?? activity.startDate);
}

/** The activities of each day of the month, in the order given, keyed by ISO date. */
export function activitiesByDay<T extends Dated>(month: MonthKey, activities: readonly T[]): Map<string, T[]> {
  const byDay = new Map<string, T[]>();
  for (let day = 1; day <= daysInMonth(month); day++) {
    const date = `${month}-${pad(day)}`;
    const onDay = activities.filter((activity) => fallsOn(activity, date));
    if (onDay.length > 0) byDay.set(date, onDay);
  }
  return byDay;
}
