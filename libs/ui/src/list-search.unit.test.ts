import { actorListQuerySchema } from '@kompetansebro/domain';
import { describe, expect, it } from 'vitest';
import { nextSearch, searchView, tableSortOf } from './list-search';
import { plainSearch } from './plain-search';

const actorSearch = actorListQuerySchema.pick({ q: true, kind: true, municipality: true, region: true, sort: true, page: true });

describe('plainSearch', () => {
  it('keeps the text of each filter, numbers as the router read them, and a page after the first', () => {
    expect(plainSearch({ q: ' bibliotek ', kind: 'public_library', municipality: 5001, page: '3' })).toEqual({
      q: 'bibliotek',
      kind: 'public_library',
      municipality: 5001,
      page: 3,
    });
  });

  it('leaves out what does not parse, and page 1 (the default)', () => {
    expect(plainSearch({ q: '   ', page: '1', sort: ['name'], region: { id: 1 } })).toEqual({});
    expect(plainSearch({ page: '-3' })).toEqual({});
    expect(plainSearch({ page: '2.5' })).toEqual({});
  });
});

describe('searchView', () => {
  it('ignores unknown kinds, sort keys and malformed numbers', () => {
    expect(searchView(actorSearch, { kind: 'castle', municipality: '12', region: 'x', sort: 'size' })).toEqual({
      q: undefined,
      kind: undefined,
      municipality: undefined,
      region: undefined,
      sort: 'name',
      page: 1,
    });
  });

  it('keeps valid filters', () => {
    expect(searchView(actorSearch, { kind: 'study_centre', municipality: '5007', sort: '-updated', page: 4 })).toMatchObject({
      kind: 'study_centre',
      municipality: '5007',
      sort: '-updated',
      page: 4,
    });
  });

  it('reads a number in the URL as text where the field is text', () => {
    expect(searchView(actorSearch, plainSearch({ q: 2024, municipality: 5001 }))).toMatchObject({ q: '2024', municipality: '5001' });
  });

  it('asks the API for the view', () => {
    expect(searchView(actorSearch, { q: 'ntnu' })).toMatchObject({ q: 'ntnu', sort: 'name', page: 1 });
  });
});

describe('sorting', () => {
  it('describes a sort key as column and direction', () => {
    expect(tableSortOf('-updated')).toEqual({ column: 'updated', direction: 'descending' });
    expect(tableSortOf('name')).toEqual({ column: 'name', direction: 'ascending' });
  });
});

describe('nextSearch', () => {
  const defaults = searchView(actorSearch, {});

  it('leaves defaults and empty values out, and goes back to page 1', () => {
    expect(nextSearch({ q: 'ntnu', page: 3 }, { kind: 'university', sort: 'name', q: '' }, defaults)).toEqual({ kind: 'university' });
    expect(nextSearch({ q: 'ntnu', page: 3 }, { sort: '-updated' }, defaults, { resetPage: false })).toEqual({ q: 'ntnu', page: 3, sort: '-updated' });
  });

  it('writes text that reads as a number as that number, so the URL does not quote it', () => {
    expect(nextSearch({}, { q: '2024' }, defaults)).toEqual({ q: 2024 });
    expect(nextSearch({}, { q: '007' }, defaults)).toEqual({ q: '007' });
  });
});
