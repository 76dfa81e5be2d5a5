import { describe, expect, it } from 'vitest';
import { mapRecordRow, mappingErrors, missingRecordFields, suggestMappingFor } from './import-targets';

describe('the suggested mapping of contact, service and opening-hours files', () => {
  it('reads typical Norwegian headings, the actor\'s columns apart from the record\'s own', () => {
    expect(suggestMappingFor('contact', ['Bibliotek', 'Org.nr', 'Navn', 'Stilling', 'E-post', 'Mobil']).columns).toEqual({
      Bibliotek: 'actorName',
      'Org.nr': 'actorOrganisationNumber',
      Navn: 'name',
      Stilling: 'role',
      'E-post': 'email',
      Mobil: 'phone',
    });
    // A service or opening-hours file has no name of its own: "Navn" is the actor's.
    expect(suggestMappingFor('opening_hours', ['Navn', 'Kommunenr', 'Åpningstider', 'Meråpent']).columns).toEqual({
      Navn: 'actorName',
      Kommunenr: 'actorMunicipalityNumber',
      Åpningstider: 'openingHours',
      Meråpent: 'selfService',
    });
    expect(suggestMappingFor('actor', ['Navn']).columns).toEqual({ Navn: 'name' });
  });

  it('names the columns that fill a field of another kind of file', () => {
    expect(mappingErrors('service', { format: 'custom', columns: { A: 'type', B: 'kind' }, defaultKind: null })).toMatchObject([{ path: 'columns.B', params: { column: 'B' } }]);
  });
});

describe('a row of a service file', () => {
  const mapping = suggestMappingFor('service', ['Aktør', 'ISIL', 'Tjeneste', 'Målgrupper', 'Timer per uke', 'Bekreftet']);
  const row = (cells: Record<string, string>) => mapRecordRow('service', { Aktør: 'Namsos bibliotek', ...cells }, mapping);

  it('reads type and audiences by their Norwegian names, hours with a decimal comma, and a Norwegian date', () => {
    expect(row({ ISIL: 'NO-2099101', Tjeneste: 'Utskrift og skanning', Målgrupper: 'studenter og elever', 'Timer per uke': '37,5', Bekreftet: '1.11.2026' })).toMatchObject({
      actor: { name: 'Namsos bibliotek', libraryNumber: '2099101' },
      fields: { type: 'printing_scanning', audiences: ['students', 'pupils'], weeklyHours: 37.5, confirmedAt: '2026-11-01' },
      errors: [],
    });
  });

  it('says which column holds an unknown type, a bad date or a formula', () => {
    expect(row({ Tjeneste: 'Kaffe', Bekreftet: 'i fjor', Målgrupper: '=cmd|x' }).errors).toMatchObject([
      { path: 'audiences', code: 'import_formula_cell', params: { column: 'Målgrupper' } },
      { path: 'type', code: 'import_service_type_unknown', params: { column: 'Tjeneste' } },
      { path: 'confirmedAt', code: 'import_date_format', params: { column: 'Bekreftet' } },
    ]);
  });

  it('needs an actor, and for a new service its type and audiences', () => {
    const mapped = mapRecordRow('service', { Tjeneste: 'Grupperom' }, mapping);
    expect(mapped.errors).toMatchObject([{ path: 'actor', code: 'import_actor_missing' }]);
    expect(missingRecordFields('service', mapped.fields, mapping, [])).toMatchObject([{ path: 'audiences', params: { column: 'Målgrupper' } }]);
    // No column gives the field: the error names none, rather than the field's code name.
    const unmapped = { ...mapping, columns: { ...mapping.columns, Målgrupper: null } };
    expect(missingRecordFields('service', mapRecordRow('service', { Tjeneste: 'Grupperom' }, unmapped).fields, unmapped, [])).toEqual([
      { path: 'audiences', code: 'invalid_type', message: 'A new service record needs audiences' },
    ]);
  });
});
