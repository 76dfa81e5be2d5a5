import { describe, expect, it } from 'vitest';
import { compareNorwegian, norwegianSortKey } from './norwegian-order';
import { pageRange } from './list.schema';

describe('Norwegian order', () => {
  it('puts æ, ø and å after z, in that order', () => {
    const names = ['Åfjord', 'Ørland', 'Zeta', 'Ænes', 'Agdenes', 'Øygarden'];
    expect([...names].sort(compareNorwegian)).toEqual(['Agdenes', 'Zeta', 'Ænes', 'Ørland', 'Øygarden', 'Åfjord']);
  });

  it('ignores case and sorts accented letters with their base letter', () => {
    expect(compareNorwegian('namsos', 'Namsos')).toBe(0);
    expect(['Rørvik', 'René', 'Rennebu'].sort(compareNorwegian)).toEqual(['René', 'Rennebu', 'Rørvik']);
  });

  it('sorts ä and ö as æ and ø, and ü as y', () => {
    expect(norwegianSortKey('Ä')).toBe(norwegianSortKey('Æ'));
    expect(norwegianSortKey('Ö')).toBe(norwegianSortKey('Ø'));
    expect(norwegianSortKey('ü')).toBe('y');
  });
});

describe('pageRange', () => {
  it('says which rows a page shows, as "1–25 av 312"', () => {
    expect(pageRange({ page: 1, pageSize: 25, total: 312 })).toEqual({ first: 1, last: 25, pageCount: 13 });
    expect(pageRange({ page: 13, pageSize: 25, total: 312 })).toEqual({ first: 301, last: 312, pageCount: 13 });
    expect(pageRange({ page: 1, pageSize: 25, total: 0 })).toEqual({ first: 0, last: 0, pageCount: 1 });
  });
});
