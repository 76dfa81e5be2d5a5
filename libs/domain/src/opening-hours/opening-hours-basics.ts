// The plain parts of opening hours, without the schemas (and zod): the rules that say whether a
// library is open now (a landing page's) and the forms' error texts use them.

/** Monday first, as Norway counts the week; OSM's two-letter names. */
export const weekdays = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as const;

export const openingHoursErrorCodes = {
  endBeforeStart: 'end_before_start',
  overlap: 'overlapping_periods',
  duplicateDate: 'duplicate_date',
  invalidOsm: 'invalid_opening_hours',
} as const;

/** Minutes after midnight of "HH:MM". */
export function minutesOf(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}
