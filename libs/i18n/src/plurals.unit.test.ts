import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from './catalogues/en';
import { nb } from './catalogues/nb';
import { nn } from './catalogues/nn';
import { languages } from './languages';

const catalogues = { nb, nn, en };

/** Every leaf as [dotted key, text]. */
function leaves(tree: unknown, prefix = ''): Array<[string, string]> {
  if (tree === null || typeof tree !== 'object') return [[prefix.slice(0, -1), String(tree)]];
  return Object.entries(tree).flatMap(([key, value]) => leaves(value, `${prefix}${key}.`));
}

/**
 * Texts that show {{count}} but need no plural form: a number in brackets or after a colon, a
 * count that is never one (Trøndelag's municipalities), "X of N libraries", and the finder's texts, which the server
 * fills in without i18next (finder-texts.ts) and which say "the day before" on their own.
 */
const noPluralNeeded = new Set(['survey.create.previewSummary', 'liaison.thread.history', 'liaison.needs.savedValue', 'municipalities.intro']);
const isPlural = (key: string) => /_(zero|one|two|few|many|other)$/.test(key);

async function translator(language: (typeof languages)[number]) {
  const instance = createInstance();
  await instance.init({ lng: language, fallbackLng: false, resources: { [language]: { translation: catalogues[language] } }, interpolation: { escapeValue: false } });
  return instance.t.bind(instance) as (key: string, options?: Record<string, unknown>) => string;
}

describe('plural forms', () => {
  it('every text that shows {{count}} has a one and an other form, in every language', () => {
    for (const language of languages) {
      const texts = leaves(catalogues[language]);
      const keys = new Set(texts.map(([key]) => key));
      const singular = texts
        .filter(([key, text]) => /\{\{\s*count\b/.test(text) && !isPlural(key) && !key.startsWith('finder.') && !noPluralNeeded.has(key))
        .map(([key]) => key);
      expect(singular, language).toEqual([]);
      const unpaired = [...keys].filter((key) => key.endsWith('_one') && !keys.has(key.replace(/_one$/, '_other')));
      expect(unpaired, language).toEqual([]);
    }
  });

  it('says one agreement, one day and one row in bokmål, nynorsk and English', async () => {
    const t = { nb: await translator('nb'), nn: await translator('nn'), en: await translator('en') };
    expect(t.nb('overview.status.total', { count: 1 })).toBe('Til sammen 1 avtale.');
    expect(t.nb('overview.status.total', { count: 12 })).toBe('Til sammen 12 avtaler.');
    expect(t.nn('overview.status.total', { count: 1 })).toBe('Til saman 1 avtale.');
    expect(t.nn('overview.status.total', { count: 0 })).toBe('Til saman 0 avtalar.');
    expect(t.en('overview.status.total', { count: 1 })).toBe('1 agreement in all.');

    expect(t.nb('liaison.library.bookingLeadTime', { count: 1 })).toBe('Bestill dagen før');
    expect(t.nb('liaison.library.bookingLeadTime', { count: 3 })).toBe('Bestill 3 dager før');
    expect(t.nn('liaison.library.bookingLeadTime', { count: 3 })).toBe('Bestill 3 dagar før');
    expect(t.en('liaison.library.bookingLeadTime', { count: 1 })).toBe('Book the day before');
    expect(t.en('liaison.library.bookingLeadTime', { count: 7 })).toBe('Book 7 days ahead');

    expect(t.en('import.preview.apply', { count: 1 })).toBe('Import 1 row');
    expect(t.nb('import.preview.apply', { count: 1 })).toBe('Importer 1 rad');
    expect(t.nb('import.preview.apply', { count: 2 })).toBe('Importer 2 rader');
    // A decimal is never "one": 1,5 hours.
    expect(t.nb('actors.services.weeklyHoursValue', { count: 1.5, hours: '1,5' })).toBe('1,5 timer');
    expect(t.nb('actors.services.weeklyHoursValue', { count: 1, hours: '1' })).toBe('1 time');
  });
});
