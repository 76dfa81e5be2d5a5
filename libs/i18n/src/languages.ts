/** The languages every text exists in: bokmål (default), nynorsk and English. */
export const languages = ['nb', 'nn', 'en'] as const;
export type Language = (typeof languages)[number];

export const defaultLanguage: Language = 'nb';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** The BCP 47 locale Intl formats with for each language. */
export const intlLocales: Record<Language, string> = {
  nb: 'nb-NO',
  nn: 'nn-NO',
  en: 'en-GB',
};

/** Each language named in itself, as a language switch shows it. */
export const languageAutonyms: Record<Language, string> = {
  nb: 'Bokmål',
  nn: 'Nynorsk',
  en: 'English',
};
