import { describe, expect, it } from 'vitest';
import { actorListView, nextSort, sortColumn, toActorListQuery } from './actor-list-query';
import { parseActorListSearch } from './actor-list-search';

describe('parseActorListSearch', () => {
  it('keeps the text of each filter and a page after the first', () => {
    expect(parseActorListSearch({ q: ' bibliotek ', kind: 'public_library', municipality: 5001, page: '3' })).toEqual({
      q: 'bibliotek',
      kind: 'public_library',
      municipality: '5001',
      page: 3,
    });
  });

  it('leaves out what does not parse, and page 1 (the default)', () => {
    expect(parseActorListSearch({ q: '   ', page: '1', sort: ['name'], region: { id: 1 } })).toEqual({});
    expect(parseActorListSearch({ page: '-3' })).toEqual({});
    expect(parseActorListSearch({ page: '2.5' })).toEqual({});
  });
});

describe('actorListView', () => {
  it('ignores unknown kinds, sort keys and malformed numbers', () => {
    expect(actorListView({ kind: 'castle', municipality: '12', region: 'x', sort: 'size' })).toEqual({
      q: undefined,
      kind: undefined,
      municipality: undefined,
      region: undefined,
      sort: 'name',
      page: 1,
    });
  });

  it('keeps valid filters', () => {
    expect(actorListView({ kind: 'study_centre', municipality: '5007', sort: '-updated', page: 4 })).toMatchObject({
      kind: 'study_centre',
      municipality: '5007',
      sort: '-updated',
      page: 4,
    });
  });
});

describe('sorting', () => {
  it('turns a column ascending first, then descending', () => {
    expect(nextSort('name', 'name')).toBe('-name');
    expect(nextSort('-name', 'name')).toBe('name');
    expect(nextSort('name', 'municipality')).toBe('municipality');
  });

  it('describes a sort key as column and direction', () => {
    expect(sortColumn('-updated')).toEqual({ column: 'updated', direction: 'descending' });
  });
});

describe('toActorListQuery', () => {
  it('asks the API for the view, 25 to a page', () => {
    expect(toActorListQuery(actorListView({ q: 'ntnu' }))).toMatchObject({ q: 'ntnu', sort: 'name', page: 1, pageSize: 25 });
  });
});
