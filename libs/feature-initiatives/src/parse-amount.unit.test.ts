import { describe, expect, it } from 'vitest';
import { parseAmount } from './initiative-form-values';

describe('parseAmount', () => {
  it('reads kroner as people write them', () => {
    expect(parseAmount('1 250 000,50')).toBe(1_250_000.5);
    expect(parseAmount('1\u00a0250\u00a0000,5 kr')).toBe(1_250_000.5);
    expect(parseAmount('1250000.50')).toBe(1_250_000.5);
    expect(parseAmount('0')).toBe(0);
  });

  it('refuses what is not an amount', () => {
    expect(parseAmount('mye')).toBeNull();
    expect(parseAmount('-5')).toBeNull();
    expect(parseAmount('1,234')).toBeNull();
    expect(parseAmount('')).toBeNull();
  });
});
