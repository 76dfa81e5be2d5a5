/** The languages every text exists in: bokmål (default), nynorsk and English. */
export const languages = ['nb', 'nn', 'en'] as const;
export type Language = (typeof languages)[number];

export const defaultLanguage: Language = 'nb';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/**
 * The BCP 47 locales Intl may format each language with, best first. Nynorsk falls back to
 * bokmål (the same dates and numbers), never to the browser's default English: Debian's
 * Chromium, for one, has no nynorsk data.
 */
const intlCandidates: Record<Language, readonly string[]> = {
  nb: ['nb-NO', 'nb', 'no-NO', 'no'],
  nn: ['nn-NO', 'nn', 'nb-NO', 'nb', 'no-NO', 'no'],
  en: ['en-GB', 'en'],
};

/** The locale chosen for each language, by the Intl it was chosen in. */
const chosenLocales = new WeakMap<typeof Intl, Map<Language, string>>();

/**
 * The locale to give Intl (and `toLocale…`) for a language: the first of its candidates this
 * runtime has both date and number data for. Every Intl use in the apps and the server goes
 * through here.
 */
export function intlLocale(language: Language): string {
  // Kept per runtime's Intl (formatting asks on every call), so a test that stands in another Intl gets its own answers.
  let chosen = chosenLocales.get(Intl);
  if (!chosen) {
    chosen = new Map();
    chosenLocales.set(Intl, chosen);
  }
  const known = chosen.get(language);
  if (known !== undefined) return known;
  const candidates = intlCandidates[language];
  const [supported] = Intl.NumberFormat.supportedLocalesOf(Intl.DateTimeFormat.supportedLocalesOf([...candidates]));
  const locale = supported ?? candidates[0] ?? language;
  chosen.set(language, locale);
  return locale;
}

/** Each language named in itself, as a language switch shows it. */
export const languageAutonyms: Record<Language, string> = {
  nb: 'Bokmål',
  nn: 'Nynorsk',
  en: 'English',
};
