import { describe, expect, it } from 'vitest';
import { changedFields, shorten } from './audit-diff';

describe('changedFields', () => {
  it('lists only the fields an update changed, leaving out bookkeeping', () => {
    const before = { id: 'a', name: 'Namsos bibliotek', phone: null, tags: ['x'], version: 1, updatedAt: '2026-01-01T00:00:00Z' };
    const after = { id: 'a', name: 'Namsos folkebibliotek', phone: null, tags: ['x'], version: 2, updatedAt: '2026-02-01T00:00:00Z' };
    expect(changedFields(before, after)).toEqual([{ field: 'name', before: 'Namsos bibliotek', after: 'Namsos folkebibliotek' }]);
  });

  it('compares nested values by content, not by key order', () => {
    expect(changedFields({ address: { street: 'A', zip: '7800' } }, { address: { zip: '7800', street: 'A' } })).toEqual([]);
    expect(changedFields({ parties: [{ id: 1 }] }, { parties: [{ id: 2 }] })).toHaveLength(1);
  });

  it('shows what a create set and what a delete removed, not the empty fields', () => {
    expect(changedFields(null, { name: 'Ny', description: null, topics: [] })).toEqual([{ field: 'name', before: null, after: 'Ny' }]);
    expect(changedFields({ title: 'Gammel', outcome: '' }, null)).toEqual([{ field: 'title', before: 'Gammel', after: null }]);
    expect(changedFields(null, null)).toEqual([]);
  });
});

describe('shorten', () => {
  it('keeps short texts and cuts long ones at a word with an ellipsis', () => {
    expect(shorten('kort')).toBe('kort');
    const long = 'ord '.repeat(60);
    const cut = shorten(long, 50);
    expect(cut.endsWith(' …')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(52);
  });
});
