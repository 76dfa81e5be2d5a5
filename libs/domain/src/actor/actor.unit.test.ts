import { describe, expect, it } from 'vitest';
import { actorRuleViolations } from './actor.rules';
import { actorCreateSchema, actorUpdateSchema } from './actor.schema';

const MAIN_LIBRARY = { id: '8d0c2a8e-2f0e-4d7e-9a53-0c5e7d1f0a01', kind: 'public_library' as const };
const UNIVERSITY = { id: '8d0c2a8e-2f0e-4d7e-9a53-0c5e7d1f0a02', kind: 'university' as const };

const codes = (errors: { code: string }[]) => errors.map((e) => e.code);

describe('how actors nest', () => {
  it('a branch belongs to a main library', () => {
    expect(actorRuleViolations({ kind: 'library_branch', libraryNumber: null, parentId: MAIN_LIBRARY.id }, MAIN_LIBRARY)).toEqual([]);
    expect(codes(actorRuleViolations({ kind: 'library_branch', libraryNumber: null, parentId: null }, null))).toEqual(['parent_required']);
    expect(codes(actorRuleViolations({ kind: 'library_branch', libraryNumber: null, parentId: UNIVERSITY.id }, UNIVERSITY))).toEqual([
      'parent_wrong_kind',
    ]);
  });

  it('a campus belongs to a university', () => {
    expect(actorRuleViolations({ kind: 'university_campus', libraryNumber: null, parentId: UNIVERSITY.id }, UNIVERSITY)).toEqual([]);
    expect(codes(actorRuleViolations({ kind: 'university_campus', libraryNumber: null, parentId: null }, null))).toEqual(['parent_required']);
  });

  it('a study centre stands alone, and nothing is its own parent', () => {
    expect(codes(actorRuleViolations({ kind: 'study_centre', libraryNumber: null, parentId: UNIVERSITY.id }, UNIVERSITY))).toEqual([
      'parent_not_allowed',
    ]);
    expect(
      codes(actorRuleViolations({ id: MAIN_LIBRARY.id, kind: 'public_library', libraryNumber: null, parentId: MAIN_LIBRARY.id }, MAIN_LIBRARY)),
    ).toEqual(['parent_is_self']);
  });

  it('a parent id that names nothing is reported', () => {
    expect(codes(actorRuleViolations({ kind: 'library_branch', libraryNumber: null, parentId: MAIN_LIBRARY.id }, null))).toEqual([
      'parent_not_found',
    ]);
  });

  it('only libraries carry a library number', () => {
    expect(actorRuleViolations({ kind: 'public_library', libraryNumber: '2030000', parentId: null }, null)).toEqual([]);
    expect(codes(actorRuleViolations({ kind: 'study_centre', libraryNumber: '2030000', parentId: null }, null))).toEqual([
      'library_number_not_library',
    ]);
  });
});

describe('actor input', () => {
  it('needs kind and name to create, and refuses unknown fields', () => {
    expect(actorCreateSchema.safeParse({ kind: 'study_centre', name: 'Namdal studiesenter' }).success).toBe(true);
    expect(actorCreateSchema.safeParse({ name: 'Namdal studiesenter' }).success).toBe(false);
    expect(actorCreateSchema.safeParse({ kind: 'study_centre', name: 'Namdal', extra: 1 }).success).toBe(false);
  });

  it('checks e-mail, website and phone formats', () => {
    const base = { kind: 'study_centre', name: 'Namdal studiesenter' };
    expect(actorCreateSchema.safeParse({ ...base, email: 'post@namdal.no', website: 'https://namdal.no', phone: '+47 74 21 00 00' }).success).toBe(true);
    expect(actorCreateSchema.safeParse({ ...base, email: 'post@' }).success).toBe(false);
    expect(actorCreateSchema.safeParse({ ...base, website: 'ftp://namdal.no' }).success).toBe(false);
    expect(actorCreateSchema.safeParse({ ...base, phone: 'ring meg' }).success).toBe(false);
  });

  it('updates any subset of fields, and trims names', () => {
    const parsed = actorUpdateSchema.parse({ name: '  Namsos bibliotek ' });
    expect(parsed).toEqual({ name: 'Namsos bibliotek' });
    expect(actorUpdateSchema.safeParse({ version: 3 }).success).toBe(false);
  });
});
