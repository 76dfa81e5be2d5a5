import { describe, expect, it } from 'vitest';
import { isLibraryListFiltered, parseLibraryListSearch } from './library-list-search';

describe('the libraries list in the URL', () => {
  it('keeps the known filters and drops what means nothing', () => {
    const region = '00000000-0000-4000-8001-000000000002';
    expect(parseLibraryListSearch({ service: 'university_loan_pickup', region, view: 'regions', page: '2', q: ' namsos ' })).toEqual({
      service: 'university_loan_pickup',
      region,
      view: 'regions',
      page: 2,
      q: 'namsos',
    });
    expect(parseLibraryListSearch({ service: 'coffee', region: 'namdal', view: 'grid', page: '0' })).toEqual({});
  });

  it('counts the view as no filter', () => {
    expect(isLibraryListFiltered({ view: 'regions' })).toBe(false);
    expect(isLibraryListFiltered({ service: 'interlibrary_loan' })).toBe(true);
  });
});
