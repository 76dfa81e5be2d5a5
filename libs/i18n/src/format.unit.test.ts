import { describe, expect, it } from 'vitest';
import { fillIn, finderTexts } from './finder-texts';
import { formatAmount, formatDate, formatDateLong, formatDateTime, formatNumber, formatOpeningMoment } from './format';
import type { Language } from './languages';

const NBSP = '\u00a0';

describe('formatDate', () => {
  it('writes a calendar date as dd.mm.yyyy', () => {
    expect(formatDate('2026-02-03', 'nb')).toBe('03.02.2026');
    expect(formatDate('2026-02-03', 'en')).toBe('03.02.2026');
  });

  it('takes a timestamp as the date it is in Norway', () => {
    // 23:30 UTC on 31 December is already New Year's Day in Oslo.
    expect(formatDate('2025-12-31T23:30:00Z', 'nn')).toBe('01.01.2026');
    expect(formatDate('2026-06-15T10:00:00+02:00', 'nb')).toBe('15.06.2026');
  });

  it('leaves what is not a date as it is', () => {
    expect(formatDate('not a date', 'nb')).toBe('not a date');
  });
});

describe('formatDateLong', () => {
  it('writes the month in words in each language', () => {
    expect(formatDateLong('2026-02-03', 'nb')).toBe('3. februar 2026');
    expect(formatDateLong('2026-02-03', 'nn')).toBe('3. februar 2026');
    expect(formatDateLong('2026-02-03', 'en')).toBe('3 February 2026');
  });
});

describe('formatNumber', () => {
  it('separates thousands with a no-break space and decimals with a comma in Norwegian', () => {
    expect(formatNumber(1_250_000.5, 'nb')).toBe(`1${NBSP}250${NBSP}000,5`);
    expect(formatNumber(312, 'nn')).toBe('312');
  });

  it('follows English conventions in English', () => {
    expect(formatNumber(1_250_000.5, 'en')).toBe('1,250,000.5');
  });
});

describe('formatAmount', () => {
  it('writes kroner with two decimals', () => {
    expect(formatAmount(1_250_000.5, 'nb')).toBe(`1${NBSP}250${NBSP}000,50${NBSP}kr`);
  });
});

describe('formatDateTime', () => {
  it('writes the time as it was in Norway, day first', () => {
    expect(formatDateTime('2026-02-03T13:05:00.000Z')).toBe('03.02.2026 14:05');
    expect(formatDateTime('2026-07-01T22:30:00Z')).toBe('02.07.2026 00:30');
    expect(formatDateTime('not a time')).toBe('not a time');
  });
});

describe('formatOpeningMoment', () => {
  // Sunday 6 December 2026, 05:10 in Norway.
  const now = '2026-12-06T04:10:00Z';
  const opens = (iso: string, language: Language, today = now) =>
    formatOpeningMoment(iso, today, language, (when, values) => fillIn(finderTexts[language].moment[when], values));

  it.each<[string, Language, string]>([
    ['2026-12-06T06:00:00Z', 'nb', 'i dag kl. 07:00'],
    ['2026-12-07T09:00:00Z', 'nb', 'i morgen kl. 10:00'],
    ['2026-12-07T09:00:00Z', 'nn', 'i morgon kl. 10:00'],
    ['2026-12-06T06:00:00Z', 'en', 'today at 07:00'],
    ['2026-12-07T09:00:00Z', 'en', 'tomorrow at 10:00'],
    // 23:30 UTC on Sunday is already Monday in Norway.
    ['2026-12-06T23:30:00Z', 'nb', 'i morgen kl. 00:30'],
    ['2026-12-08T11:00:00Z', 'nb', 'tirsdag 8. desember kl. 12:00'],
    ['2026-12-08T11:00:00Z', 'nn', 'tysdag 8. desember kl. 12:00'],
    ['2026-12-08T11:00:00Z', 'en', 'Tuesday 8 December at 12:00'],
    // Summer time: 10:00 UTC is 12:00 in Norway.
    ['2027-06-15T10:00:00Z', 'nb', 'tirsdag 15. juni kl. 12:00'],
  ])('says %s in %s as "%s", counted from Sunday 6 December', (iso, language, expected) => {
    expect(opens(iso, language)).toBe(expected);
  });

  it('takes a calendar date as today', () => {
    expect(opens('2026-12-08T11:00:00Z', 'nb', '2026-12-07')).toBe('i morgen kl. 12:00');
  });
});
