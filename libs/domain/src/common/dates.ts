import { norwegianWallClock } from '@kompetansebro/i18n/format';
import type { IsoDate } from './date.schema';

// Plain functions, without zod: the landing pages use them, and zod's schemas cost a phone
// ~50 ms to build (date.schema.ts has the schemas).
export type { IsoDate } from './date.schema';

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

/** The date `days` after `date` (before, when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
