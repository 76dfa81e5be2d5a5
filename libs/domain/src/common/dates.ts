import { z } from 'zod';

/** A calendar date, "2026-02-03". */
export const isoDateSchema = z.iso
  .date()
  .refine((date) => date >= '1900-01-01' && date <= '2199-12-31', { message: 'The date must be between 1900 and 2199', params: { code: 'date_out_of_range' } })
  .meta({ example: '2026-02-03' });
export type IsoDate = z.infer<typeof isoDateSchema>;

export const timestampSchema = z.iso.datetime({ offset: true });

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

// Made once: a DateTimeFormat with a time zone costs about a millisecond to create, and "today"
// is asked for several times in a request.
const norwegianDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });

// Norway's day changes on a whole minute (its offsets are whole hours), so one answer holds for
// the minute; formatting with a time zone is the costly part of asking on every read.
let lastDay = { minute: Number.NaN, day: '' };

/** Today's date in Norway, as an ISO date. */
export function todayInNorway(now: Date = new Date()): IsoDate {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== lastDay.minute) lastDay = { minute, day: norwegianDay.format(now) };
  return lastDay.day;
}
