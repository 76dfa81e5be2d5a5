import { norwegianWallClock } from '@kompetansebro/i18n/format';
import { z } from 'zod';

/** A calendar date, "2026-02-03". */
export const isoDateSchema = z.iso
  .date()
  .refine((date) => date >= '1900-01-01' && date <= '2199-12-31', { message: 'The date must be between 1900 and 2199', params: { code: 'date_out_of_range' } })
  .meta({ example: '2026-02-03' });
export type IsoDate = z.infer<typeof isoDateSchema>;

export const timestampSchema = z.iso.datetime({ offset: true });

/**
 * The earliest date Kompetansebro records an event on (an activity, a confirmation): nothing in
 * use is older, so an earlier date is a mistyped year (1926 for 2026).
 */
export const EARLIEST_RECORDED_DATE = '2000-01-01';

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Today's date in Norway, as an ISO date. */
export function todayInNorway(now: Date = new Date()): IsoDate {
  return norwegianWallClock(now.getTime()).toISOString().slice(0, 10);
}
