import { fillIn, finderTexts, formatOpeningMoment, isLanguage, type FinderTexts, type Language } from '@kompetansebro/i18n';
import type { DayPeriod, Weekday } from '@kompetansebro/domain';

// The finder's language: `?lang=nn` or `?lang=en` on any page (bokmål without it), kept on every
// link the page makes, so a reader who chose nynorsk stays in nynorsk. Only the address says it
// (no cookie, no Accept-Language): the pages are kept by their address (answer-reuse.ts).

export interface Reader {
  lang: Language;
  t: FinderTexts;
  /** A finder address in the reader's language: `/finn/bibliotek/x` → `/finn/bibliotek/x?lang=nn`. */
  href: (path: string, query?: Record<string, string | undefined>) => string;
  fill: typeof fillIn;
}

export function readerOf(lang: string | undefined): Reader {
  const language: Language = isLanguage(lang) ? lang : 'nb';
  return {
    lang: language,
    t: finderTexts[language],
    href: (path, query = {}) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
      if (language !== 'nb') params.set('lang', language);
      const search = params.toString();
      return search ? `${path}?${search}` : path;
    },
    fill: fillIn,
  };
}

/** "09:00–19:00, 20:00–22:00" */
export const periodsText = (periods: readonly DayPeriod[]) => periods.map((period) => `${period.from}–${period.to}`).join(', ');

/** "i dag kl. 07:00", "tirsdag 8. desember kl. 12:00" (in Norwegian time, from `today`): when a library opens next. */
export function momentText(reader: Reader, iso: string, today: string): string {
  return formatOpeningMoment(iso, today, reader.lang, (when, values) => reader.fill(reader.t.moment[when], values));
}

/** "27.11." */
export const dateText = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}.`;

export const weekdayName = (reader: Reader, weekday: Weekday) => reader.t.weekday[weekday];
