import { describe, expect, it } from 'vitest';
import {
  formatOrganisationNumber,
  isValidOrganisationNumber,
  normaliseOrganisationNumber,
  organisationNumberSchema,
} from './organisation-number';
import { isValidLibraryNumber, libraryNumberSchema, toIsil } from './library-number';

describe('organisation numbers', () => {
  it.each(['974767880', '817920632', '942110464'])('accepts %s, whose check digit is right', (value) => {
    expect(isValidOrganisationNumber(value)).toBe(true);
  });

  it.each([
    ['974767881', 'a wrong check digit'],
    ['97476788', 'eight digits'],
    ['9747678800', 'ten digits'],
    ['97476788a', 'a letter'],
    ['', 'nothing'],
  ])('refuses %s (%s)', (value) => {
    expect(isValidOrganisationNumber(value)).toBe(false);
  });

  it('refuses a number whose check digit would have to be 10', () => {
    // Weighted sum 3·4 = 12; 11 - (12 % 11) = 10: no digit can be the check digit.
    const firstEight = '40000000';
    const sum = [3, 2, 7, 6, 5, 4, 3, 2].reduce((acc, w, i) => acc + w * Number(firstEight[i]), 0);
    expect(11 - (sum % 11)).toBe(10);
    for (let last = 0; last <= 9; last++) expect(isValidOrganisationNumber(`${firstEight}${last}`)).toBe(false);
  });

  it('formats as three groups and strips the spaces users type', () => {
    expect(formatOrganisationNumber('974767880')).toBe('974 767 880');
    expect(normaliseOrganisationNumber(' 974 767 880 ')).toBe('974767880');
  });

  it('tells format errors from check-digit errors', () => {
    const format = organisationNumberSchema.safeParse('12345');
    const checksum = organisationNumberSchema.safeParse('974767881');
    expect(format.success || format.error.issues.map((i) => (i as { params?: { code?: string } }).params?.code)).toEqual(['organisation_number_format']);
    expect(checksum.success || checksum.error.issues.map((i) => (i as { params?: { code?: string } }).params?.code)).toEqual([
      'organisation_number_checksum',
    ]);
  });
});

describe('library numbers', () => {
  it('are seven digits and show as ISIL', () => {
    expect(isValidLibraryNumber('2030000')).toBe(true);
    expect(isValidLibraryNumber('203000')).toBe(false);
    expect(isValidLibraryNumber('20300000')).toBe(false);
    expect(isValidLibraryNumber('NO-2030000')).toBe(false);
    expect(libraryNumberSchema.safeParse('2030000').success).toBe(true);
    expect(toIsil('2030000')).toBe('NO-2030000');
  });
});
