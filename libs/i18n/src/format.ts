import { intlLocale, type Language } from './languages';

// Norway's clock: for showing times here, and for the domain's "today" (it imports this module alone,
// as @kompetansebro/i18n/format).

const HOUR_MS = 3_600_000;

/** The moment (ms) of 01:00 UTC on the last Sunday of a month (0-based): when EU summer time begins (March) or ends (October). */
function lastSundayAtOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/**
 * Norway's offset from UTC at a moment, in ms: one hour, two in summer time, which in the EEA
 * runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October
 * (Directive 2000/84/EC; the same rule since 1996). Reckoned, not asked of `Intl`: a browser's
 * first time-zone format loads its zone data, ~90 ms on the main thread as a page starts.
 */
export function norwayOffsetMs(time: number): number {
  const year = new Date(time).getUTCFullYear();
  return time >= lastSundayAtOneUtc(year, 2) && time < lastSundayAtOneUtc(year, 9) ? 2 * HOUR_MS : HOUR_MS;
}

/** A moment as a clock and calendar in Norway show it: a Date whose UTC fields (year … minute) are Norway's. */
export function norwegianWallClock(time: number): Date {
  return new Date(time + norwayOffsetMs(time));
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}


/**
 * The calendar date of an ISO string: a date-only value ("2026-02-03") is taken as it is,
 * a timestamp is converted to the date it is in Norway.
 */
function toCalendarDate(iso: string): CalendarDate | null {
  const dateOnly = DATE_ONLY.exec(iso);
  if (dateOnly) {
    return { year: Number(dateOnly[1]), month: Number(dateOnly[2]), day: Number(dateOnly[3]) };
  }
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return null;
  // Dates are shown as they fall in Norway, whatever the browser's time zone.
  const wall = norwegianWallClock(time);
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * A date in tables and fields: "03.02.2026" in Norwegian (and in English, where the
 * day-first order with dots cannot be mistaken for the American month-first form).
 * Returns the input unchanged when it is not a date.
 */
export function formatDate(iso: string, _language: Language): string {
  const date = toCalendarDate(iso);
  if (!date) return iso;
  return `${pad(date.day)}.${pad(date.month)}.${date.year}`;
}

/**
 * When something happened, as it was in Norway: "03.02.2026 14:05" (the same day-first form in
 * every language, as `formatDate` does). Returns the input unchanged when it is not a time.
 */
export function formatDateTime(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const wall = norwegianWallClock(time);
  return `${pad(wall.getUTCDate())}.${pad(wall.getUTCMonth() + 1)}.${wall.getUTCFullYear()} ${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
}

/** Which words say when: today, tomorrow or a later day (the catalogue's `finder.moment`). */
export type MomentWords = (when: 'today' | 'tomorrow' | 'later', values: { date: string; time: string }) => string;

/**
 * When a library next opens, as it is said: "i dag kl. 07:00", "i morgen kl. 12:00", "tirsdag
 * 8. desember kl. 12:00" ("Tuesday 8 December at 12:00") — by Norway's calendar and clock, counted
 * from `today` (a date or a moment). The words come from the catalogue through `words`, so the
 * server's finder and the portals say it alike.
 */
export function formatOpeningMoment(iso: string, today: string, language: Language, words: MomentWords): string {
  const time = Date.parse(iso);
  const from = toCalendarDate(today);
  if (Number.isNaN(time) || !from) return iso;
  const wall = norwegianWallClock(time);
  const days = Math.round((Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate()) - Date.UTC(from.year, from.month - 1, from.day)) / 86_400_000);
  const clock = `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
  const date = new Intl.DateTimeFormat(intlLocale(language), { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(wall);
  return words(days === 0 ? 'today' : days === 1 ? 'tomorrow' : 'later', { date, time: clock });
}

/** A date in running text: "3. februar 2026", "3. februar 2026" (nn), "3 February 2026". */
export function formatDateLong(iso: string, language: Language): string {
  const date = toCalendarDate(iso);
  if (!date) return iso;
  return new Intl.DateTimeFormat(intlLocale(language), {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(Date.UTC(date.year, date.month - 1, date.day)));
}

/**
 * A number as the language writes it: "1 250 000,5" in Norwegian (the thousands separator
 * is a no-break space, so a number never wraps), "1,250,000.5" in English.
 */
export function formatNumber(value: number, language: Language, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlLocale(language), options).format(value);
}

/** An amount in Norwegian kroner: "1 250 000,50 kr" / "NOK 1,250,000.50". */
export function formatAmount(value: number, language: Language): string {
  return new Intl.NumberFormat(intlLocale(language), {
    style: 'currency',
    currency: 'NOK',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value);
}
