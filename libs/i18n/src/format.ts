import { intlLocales, type Language } from './languages';

/** Dates are shown as they fall in Norway, whatever the browser's time zone. */
const TIME_ZONE = 'Europe/Oslo';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** A moment's parts (year, month, day, hour, minute) as they read on a clock and calendar in Norway. */
function partsInNorway(time: number, options: Intl.DateTimeFormatOptions): (type: Intl.DateTimeFormatPartTypes) => string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, ...options }).formatToParts(new Date(time));
  return (type) => parts.find((p) => p.type === type)?.value ?? '';
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
  const part = partsInNorway(time, { year: 'numeric', month: 'numeric', day: 'numeric' });
  return { year: Number(part('year')), month: Number(part('month')), day: Number(part('day')) };
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
  const part = partsInNorway(time, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${part('day')}.${part('month')}.${part('year')} ${part('hour')}:${part('minute')}`;
}

/** A date in running text: "3. februar 2026", "3. februar 2026" (nn), "3 February 2026". */
export function formatDateLong(iso: string, language: Language): string {
  const date = toCalendarDate(iso);
  if (!date) return iso;
  return new Intl.DateTimeFormat(intlLocales[language], {
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
  return new Intl.NumberFormat(intlLocales[language], options).format(value);
}

/** An amount in Norwegian kroner: "1 250 000,50 kr" / "NOK 1,250,000.50". */
export function formatAmount(value: number, language: Language): string {
  return new Intl.NumberFormat(intlLocales[language], {
    style: 'currency',
    currency: 'NOK',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value);
}
