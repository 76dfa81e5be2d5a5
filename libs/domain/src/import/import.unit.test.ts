import { describe, expect, it } from 'vitest';
import { detectFormat, isFormulaCell, kindOfCell, mapActorRow, suggestMapping, type ColumnMapping } from './import.schema';

describe('the suggested mapping', () => {
  it('knows the registers by their published column names', () => {
    expect(detectFormat(['bibnr', 'isil', 'inst', 'bibltype', 'kommnr'])).toBe('base_bibliotek');
    expect(detectFormat(['organisasjonsnummer', 'navn', 'organisasjonsform.kode'])).toBe('enhetsregisteret');
    expect(detectFormat(['Navn', 'Kommune'])).toBe('custom');
  });

  it('maps a list of one\'s own by its headers, each field once, and leaves unknown headers unmapped', () => {
    expect(suggestMapping(['Navn', 'Org.nr', 'E-post', 'Kommunenummer', 'Navn 2', 'Farge']).columns).toEqual({
      Navn: 'name',
      'Org.nr': 'organisationNumber',
      'E-post': 'email',
      Kommunenummer: 'municipalityNumber',
      'Navn 2': null,
      Farge: null,
    });
  });
});

describe('cells', () => {
  it.each([
    ['=cmd|\' /C calc\'!A0', true],
    ['=HYPERLINK("x")', true],
    ['@SUM(A1)', true],
    ['+cmd', true],
    ['-2+3+cmd|x', true],
    ['+47 73 00 00 00', false],
    ['-12', false],
    ['Storgata 1', false],
  ])('%s is a formula: %s', (cell, formula) => {
    expect(isFormulaCell(cell)).toBe(formula);
  });

  it('reads kinds in the API\'s words, Norwegian words and the registers\' codes', () => {
    expect(kindOfCell('public_library')).toBe('public_library');
    expect(kindOfCell('Folkebibliotek')).toBe('public_library');
    expect(kindOfCell('FIL')).toBe('library_branch');
    expect(kindOfCell('KOMM')).toBe('municipality');
    expect(kindOfCell('slott')).toBeUndefined();
  });
});

describe('a row through the mapping', () => {
  const mapping: ColumnMapping = {
    format: 'base_bibliotek',
    columns: { bibnr: 'libraryNumber', isil: 'isil', inst: 'name', bibltype: 'kind', kommnr: 'municipalityNumber', vadr: 'address', vpostnr: 'postalCode', vpoststed: 'postalPlace', url_hjem: 'website' },
    defaultKind: null,
  };

  it('joins the address, pads the municipality number, completes the web address, and leaves empty cells out', () => {
    const row = mapActorRow({ bibnr: '2099101', isil: 'NO-2099101', inst: 'Testvik bibliotek', bibltype: 'FBI', kommnr: '501', vadr: 'Storgata 1', vpostnr: '7800', vpoststed: 'NAMSOS', url_hjem: 'testvik.example' }, mapping);
    expect(row.errors).toEqual([]);
    expect(row.fields).toEqual({ kind: 'public_library', name: 'Testvik bibliotek', libraryNumber: '2099101', municipalityNumber: '0501', address: 'Storgata 1, 7800 NAMSOS', website: 'https://testvik.example' });
  });

  it('names the field and the column of each error', () => {
    const row = mapActorRow({ bibnr: '20991', isil: 'SE-123', inst: '=cmd|x', bibltype: 'slott', kommnr: '5001' }, mapping);
    expect(row.errors.map((e) => [e.path, e.code, e.params?.['column']])).toEqual([
      ['name', 'import_formula_cell', 'inst'],
      ['libraryNumber', 'import_isil_format', 'isil'],
      ['kind', 'import_kind_unknown', 'bibltype'],
      ['libraryNumber', 'library_number_format', 'bibnr'],
    ]);
  });
});
