import { describe, expect, it } from 'vitest';
import {
  changedFields,
  contactOnlyIntroOf,
  emptyActorFormValues,
  fieldValuesFromForm,
  toActorCreate,
  toActorUpdate,
  validateActorForm,
  type ActorFormValues,
} from './actor-form-values';

const values = (changes: Partial<ActorFormValues>): ActorFormValues => ({ ...emptyActorFormValues, ...changes });

describe('fieldValuesFromForm', () => {
  it('trims text, turns empty inputs into null and strips spaces from the organisation number', () => {
    expect(fieldValuesFromForm(values({ kind: 'public_library', name: '  Steinkjer bibliotek ', organisationNumber: ' 974 767 880 ', phone: '   ' }))).toMatchObject({
      kind: 'public_library',
      name: 'Steinkjer bibliotek',
      organisationNumber: '974767880',
      phone: null,
      shortName: null,
    });
  });
});

describe('toActorCreate', () => {
  it('leaves empty fields out', () => {
    expect(toActorCreate(values({ kind: 'study_centre', name: 'Fosen studiesenter', municipalityNumber: '5054' }))).toEqual({
      kind: 'study_centre',
      name: 'Fosen studiesenter',
      municipalityNumber: '5054',
    });
  });

  it('gives nothing for values that do not make an actor', () => {
    expect(toActorCreate(values({ name: 'No kind' }))).toBeNull();
  });
});

describe('toActorUpdate', () => {
  const saved = values({ kind: 'public_library', name: 'Levanger bibliotek', organisationNumber: '974 767 880', phone: '74 05 29 00' });

  it('sends only what changed, an emptied field as null', () => {
    expect(toActorUpdate({ ...saved, name: 'Levanger folkebibliotek', phone: '' }, saved)).toEqual({ name: 'Levanger folkebibliotek', phone: null });
  });

  it('does not count re-spacing the organisation number as a change', () => {
    const respaced = { ...saved, organisationNumber: '974767880' };
    expect(changedFields(respaced, saved)).toEqual([]);
    expect(toActorUpdate(respaced, saved)).toEqual({});
  });
});

describe('validateActorForm', () => {
  it('reports each field once, with the codes the API uses', () => {
    const errors = validateActorForm(values({ name: 'A', organisationNumber: '974767881', email: 'not-an-address' }), undefined);
    expect(errors.map((error) => [error.path, error.code])).toEqual([
      ['kind', 'invalid_value'],
      ['name', 'too_small'],
      ['organisationNumber', 'organisation_number_checksum'],
      ['email', 'invalid_format'],
    ]);
  });

  it('applies the domain’s rules: a branch needs its main library, only libraries have library numbers', () => {
    const errors = validateActorForm(values({ kind: 'library_branch', name: 'Byåsen filial', libraryNumber: '2030001' }), undefined);
    expect(errors.map((error) => [error.path, error.code])).toEqual([['parentId', 'parent_required']]);

    const notLibrary = validateActorForm(values({ kind: 'study_centre', name: 'Innherred studiesenter', libraryNumber: '2030001' }), undefined);
    expect(notLibrary.map((error) => error.code)).toEqual(['library_number_not_library']);
  });

  it('leaves it to the API whether a chosen parent exists when the form does not know its kind', () => {
    const errors = validateActorForm(
      values({ kind: 'library_branch', name: 'Byåsen filial', parentId: '00000000-0000-4000-8002-000000000001' }),
      undefined,
    );
    expect(errors).toEqual([]);
  });
});

describe('contactOnlyIntroOf', () => {
  it('lists a library number only for a library, and "who you belong to" only for a kind that can belong to another', () => {
    expect((['public_library', 'library_branch', 'county_library', 'university_library'] as const).map(contactOnlyIntroOf)).toEqual(['library', 'library', 'library', 'library']);
    expect((['career_centre', 'upper_secondary_school', 'university_campus'] as const).map(contactOnlyIntroOf)).toEqual(['withParent', 'withParent', 'withParent']);
    expect((['study_centre', 'university', 'employer'] as const).map(contactOnlyIntroOf)).toEqual(['standalone', 'standalone', 'standalone']);
  });
});
