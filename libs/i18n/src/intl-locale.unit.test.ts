import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatAmount, formatDateLong, formatNumber } from './format';
import { intlLocale, languages } from './languages';

const NBSP = '\u00a0';
const nynorsk = (locale: string) => /^nn(-|$)/i.test(locale);
const listOf = (locales: string | readonly string[] | undefined) => (typeof locales === 'string' ? [locales] : [...(locales ?? [])]);

/**
 * Intl as Debian's Chromium has it: no nynorsk data, so a nynorsk locale is not supported and,
 * asked for all the same, formats as the default American English.
 */
function intlWithoutNynorsk(): typeof Intl {
  const { DateTimeFormat: RealDateTimeFormat, NumberFormat: RealNumberFormat } = Intl;
  const known = (locales: string | readonly string[] | undefined) => listOf(locales).filter((locale) => !nynorsk(locale));
  const orDefault = (locales: string | readonly string[] | undefined) => {
    const left = known(locales);
    return left.length > 0 ? left : 'en-US';
  };
  function DateTimeFormat(locales?: string | string[], options?: Intl.DateTimeFormatOptions) {
    return new RealDateTimeFormat(orDefault(locales), options);
  }
  DateTimeFormat.supportedLocalesOf = (locales: string | string[]) => RealDateTimeFormat.supportedLocalesOf(known(locales));
  function NumberFormat(locales?: string | string[], options?: Intl.NumberFormatOptions) {
    return new RealNumberFormat(orDefault(locales), options);
  }
  NumberFormat.supportedLocalesOf = (locales: string | string[]) => RealNumberFormat.supportedLocalesOf(known(locales));
  return Object.create(Intl, { DateTimeFormat: { value: DateTimeFormat }, NumberFormat: { value: NumberFormat } }) as typeof Intl;
}

describe('intlLocale', () => {
  it('formats each language with its own locale where the runtime has it', () => {
    expect(languages.map(intlLocale)).toEqual(['nb-NO', 'nn-NO', 'en-GB']);
  });

  describe('in a browser without nynorsk data', () => {
    beforeEach(() => vi.stubGlobal('Intl', intlWithoutNynorsk()));
    afterEach(() => vi.unstubAllGlobals());

    it('falls back to bokmål for nynorsk, not to English', () => {
      expect(new Intl.DateTimeFormat('nn-NO', { month: 'long' }).format(new Date(Date.UTC(2026, 11, 1)))).toBe('December');
      expect(intlLocale('nn')).toBe('nb-NO');
    });

    it('asks the runtime once a language, not on every date or number formatted', () => {
      const asked = vi.spyOn(Intl.DateTimeFormat, 'supportedLocalesOf');
      expect([intlLocale('nn'), intlLocale('nn'), formatDateLong('2027-01-31', 'nn'), formatNumber(2, 'nn')]).toEqual(['nb-NO', 'nb-NO', '31. januar 2027', '2']);
      expect(asked).toHaveBeenCalledTimes(1);
    });

    it('writes nynorsk dates and numbers the Norwegian way', () => {
      expect(formatDateLong('2027-01-31', 'nn')).toBe('31. januar 2027');
      expect(formatNumber(1_250_000.5, 'nn')).toBe(`1${NBSP}250${NBSP}000,5`);
      expect(formatAmount(1_500_000, 'nn')).toBe(`1${NBSP}500${NBSP}000,00${NBSP}kr`);
    });
  });

  it('takes nynorsk again from a runtime that has it, whatever another runtime answered before', () => {
    vi.stubGlobal('Intl', intlWithoutNynorsk());
    expect(intlLocale('nn')).toBe('nb-NO');
    vi.unstubAllGlobals();
    expect(intlLocale('nn')).toBe('nn-NO');
  });
});
