import { describe, expect, it } from 'vitest';
import { hasControlCharacters, plainTextSchema } from './text';

describe('plain text', () => {
  it('finds control characters but allows tabs and line breaks', () => {
    expect(hasControlCharacters('Nul\u0000tegn')).toBe(true);
    expect(hasControlCharacters('Bell\u0007')).toBe(true);
    expect(hasControlCharacters('Linje 1\r\nLinje 2\tinnrykk')).toBe(false);
    expect(hasControlCharacters('Ærlig, øvet, åpen')).toBe(false);
  });

  it('trims, bounds the length and refuses control characters with a stable code', () => {
    const schema = plainTextSchema(10, 2);
    expect(schema.parse('  Grong  ')).toBe('Grong');
    expect(schema.safeParse('x').success).toBe(false);
    expect(schema.safeParse('x'.repeat(11)).success).toBe(false);
    const result = schema.safeParse('a\u0000b');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: 'custom', params: { code: 'control_characters' } });
  });
});
