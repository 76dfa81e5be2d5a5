import { describe, expect, it } from 'vitest';
import { withFields } from './objects';

describe('withFields', () => {
  it('gives base and fields in one new object, fields winning, base unchanged', () => {
    const base = { id: 'a', name: 'Namsos bibliotek', kind: 'public_library' as const };
    const merged = withFields(base, { name: 'Namsos', services: 3 });
    expect(merged).toEqual({ id: 'a', name: 'Namsos', kind: 'public_library', services: 3 });
    expect(Object.keys(merged)).toEqual(['id', 'name', 'kind', 'services']);
    expect(base).toEqual({ id: 'a', name: 'Namsos bibliotek', kind: 'public_library' });
    expect(merged).not.toBe(base);
  });
});
