import { describe, expect, it } from 'vitest';
import { parseNumberText, parseWholeNumberText } from './number-text';

describe('parseNumberText', () => {
  it('reads numbers as they are typed and printed in Norway', () => {
    expect(parseNumberText('1200')).toBe(1200);
    expect(parseNumberText('1 200')).toBe(1200);
    expect(parseNumberText('1 200,5')).toBe(1200.5);
    expect(parseNumberText('1\u00a0200,5')).toBe(1200.5);
    expect(parseNumberText('1\u202f250\u202f000')).toBe(1_250_000);
    expect(parseNumberText('  37,5 ')).toBe(37.5);
    expect(parseNumberText('37.5')).toBe(37.5);
    expect(parseNumberText('0')).toBe(0);
  });

  it('refuses what is not a number', () => {
    expect(parseNumberText('')).toBeNull();
    expect(parseNumberText('mange')).toBeNull();
    expect(parseNumberText('12 00')).toBeNull();
    expect(parseNumberText('1 2000')).toBeNull();
    expect(parseNumberText('1,2,3')).toBeNull();
    expect(parseNumberText('1 200 ,5')).toBeNull();
  });

  it('takes a minus only where allowed, and caps the decimals', () => {
    expect(parseNumberText('-5')).toBeNull();
    expect(parseNumberText('-5', { negative: true })).toBe(-5);
    expect(parseNumberText('\u22125', { negative: true })).toBe(-5);
    expect(parseNumberText('1,234', { decimals: 2 })).toBeNull();
    expect(parseNumberText('1,23', { decimals: 2 })).toBe(1.23);
    expect(parseWholeNumberText('1 200')).toBe(1200);
    expect(parseWholeNumberText('1 200,5')).toBeNull();
  });

  it('ignores a unit the field names anyway', () => {
    expect(parseNumberText('1 250 000,50 kr', { units: ['kr'] })).toBe(1_250_000.5);
    expect(parseNumberText('1 250 000,50 kr')).toBeNull();
  });
});
