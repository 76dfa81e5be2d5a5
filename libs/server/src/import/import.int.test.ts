import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sampleId } from '@kompetansebro/db';
import type { ActorDetail, ColumnMapping, ImportSummary } from '@kompetansebro/domain';
import { jsonBody } from '@kompetansebro/testing/server';
import { countRows, json, loggedIn, problemOf, testServer } from '../testing/fixture.test';
import { fixture, importRequests } from './import-requests.test';

const server = testServer();
const countyViewer = loggedIn(server, 'fylke-innsyn@demo.kompetansebro.no');
const libraryEditor = loggedIn(server, 'namsos@demo.kompetansebro.no');

const { upload, uploaded, preview, apply, applied, applyFailure, undo } = importRequests(server);
const COUNTY = sampleId('actor', 'county');

async function actorByLibraryNumber(number: string) {
  return server.database.db.selectFrom('actor').selectAll().where('library_number', '=', number).where('archived_at', 'is', null).executeTakeFirst();
}

/** Every live actor's fields, to compare the register before and after. */
async function registerState() {
  return server.database.db
    .selectFrom('actor')
    .select(['id', 'kind', 'name', 'organisation_number', 'library_number', 'municipality_number', 'parent_id', 'address', 'website', 'email', 'phone', 'archived_at'])
    .orderBy('id')
    .execute();
}

describe('importing the National Library\'s register (Base Bibliotek)', () => {
  it('suggests the mapping from the published field names, previews, applies, re-imports without change, and undoes', async () => {
    const before = await registerState();
    const file = await uploaded('base-bibliotek.csv', fixture('base-bibliotek-eksempel.csv'));
    expect(file.suggested.format).toBe('base_bibliotek');
    expect(file.suggested.columns).toMatchObject({ bibnr: 'libraryNumber', inst: 'name', bibltype: 'kind', kommnr: 'municipalityNumber', overordnet: 'parentLibraryNumber' });
    expect(file.sample[1]?.[2]).toBe('Testvik bibliotek, avdeling Øyna');
    expect(await registerState()).toEqual(before);

    const shown = await preview(file.id, file.suggested);
    expect(shown.counts).toEqual({ new: 4, changed: 0, unchanged: 0, rejected: 0 });
    const namsos = shown.rows.find((r) => r.name === 'Namsos bibliotek');
    expect(namsos?.likelyDuplicates).toEqual([{ id: sampleId('actor', 'library-5007'), name: 'Namsos bibliotek', reason: 'name_in_municipality' }]);
    expect(await registerState()).toEqual(before);

    const done = await applied(file.id, file.suggested);
    expect(done).toMatchObject({ status: 'applied', counts: { new: 4 } });
    const main = await actorByLibraryNumber('2099101');
    const branch = await actorByLibraryNumber('2099102');
    expect(main).toMatchObject({ kind: 'public_library', name: 'Testvik bibliotek', municipality_number: '5007', address: 'Storgata 1, 7800 NAMSOS', email: 'post@testvik-bibliotek.example' });
    expect(branch).toMatchObject({ kind: 'library_branch', parent_id: main?.id });
    const page = await json<ActorDetail>(await server.request(`/api/actors/${main?.id}`), 200);
    expect(page.libraryNumber).toBe('2099101');
    const audit = await server.database.db.selectFrom('audit_entry').select('action').where('entity_id', '=', main?.id ?? '').execute();
    expect(audit.map((a) => a.action)).toEqual(['import']);

    // The same file again: nothing changes.
    const again = await uploaded('base-bibliotek.csv', fixture('base-bibliotek-eksempel.csv'));
    expect((await preview(again.id, again.suggested)).counts).toEqual({ new: 0, changed: 0, unchanged: 4, rejected: 0 });

    // An edited file: only the changed field of the changed row.
    const edited = fixture('base-bibliotek-eksempel.csv').toString('utf8').replace('73 00 00 03', '73 99 99 99');
    const third = await uploaded('base-bibliotek-endret.csv', edited);
    const changedPreview = await preview(third.id, third.suggested);
    expect(changedPreview.counts).toEqual({ new: 0, changed: 1, unchanged: 3, rejected: 0 });
    expect(changedPreview.rows.find((r) => r.status === 'changed')?.changes).toEqual([{ field: 'phone', before: '73 00 00 03', after: '73 99 99 99' }]);
    const fjellasBefore = await actorByLibraryNumber('2099103');
    await applied(third.id, third.suggested);
    const fjellas = await actorByLibraryNumber('2099103');
    expect(fjellas).toMatchObject({ phone: '73 99 99 99', version: (fjellasBefore?.version ?? 0) + 1 });
    expect((await apply(third.id, third.suggested)).status).toBe(409);

    // Undo the edit, then the first import: the register is as it was.
    expect((await json<ImportSummary>(await undo(third.id), 200)).status).toBe('undone');
    expect((await actorByLibraryNumber('2099103'))?.phone).toBe('73 00 00 03');
    expect((await undo(third.id)).status).toBe(409);
    await json<ImportSummary>(await undo(file.id), 200);
    expect(await actorByLibraryNumber('2099101')).toBeUndefined();
    expect((await registerState()).map(({ id, name, phone }) => ({ id, name, phone }))).toEqual(before.map(({ id, name, phone }) => ({ id, name, phone })));
  });

  it('refuses to undo when an imported actor has changed since, and undoes nothing', async () => {
    const file = await uploaded('bb.csv', fixture('base-bibliotek-eksempel.csv'));
    await applied(file.id, file.suggested);
    const main = await actorByLibraryNumber('2099101');
    await json(await server.request(`/api/actors/${main?.id}`, jsonBody('PATCH', { description: 'Endret etterpå' }, { 'If-Match': '"1"' })), 200);
    const refused = await undo(file.id);
    expect(refused.status).toBe(409);
    expect((await problemOf(refused)).errors?.[0]).toMatchObject({ code: 'import_changed_since', params: { actorName: 'Testvik bibliotek' } });
    expect(await actorByLibraryNumber('2099102')).toBeDefined();
  });
});

describe('importing Enhetsregisteret\'s CSV', () => {
  it('matches on the organisation number, keeps the register\'s own name and kind, and creates the rest', async () => {
    const file = await uploaded('enheter.csv', fixture('enhetsregisteret-eksempel.csv'));
    expect(file.suggested).toMatchObject({ format: 'enhetsregisteret', defaultKind: 'employer', columns: { organisasjonsnummer: 'organisationNumber', navn: 'name' } });
    const shown = await preview(file.id, file.suggested);
    expect(shown.counts).toEqual({ new: 2, changed: 1, unchanged: 0, rejected: 0 });
    const county = shown.rows.find((r) => r.actorId === COUNTY);
    expect(county?.changes.map((c) => c.field)).toEqual(['municipalityNumber', 'address'].filter((f) => county?.changes.some((c) => c.field === f)));
    expect(county?.changes.some((c) => c.field === 'name' || c.field === 'kind')).toBe(false);
    await applied(file.id, file.suggested);
    const created = await server.database.db.selectFrom('actor').selectAll().where('organisation_number', '=', '990006857').executeTakeFirstOrThrow();
    expect(created).toMatchObject({ kind: 'employer', name: 'TESTVERKSTEDET AS', website: 'https://www.testverkstedet.example', municipality_number: '5007' });
    const again = await uploaded('enheter.csv', fixture('enhetsregisteret-eksempel.csv'));
    expect((await preview(again.id, again.suggested)).counts).toEqual({ new: 0, changed: 0, unchanged: 3, rejected: 0 });
  });
});

describe('bad files and bad rows', () => {
  const header = 'Navn;Type;Kommunenummer;Organisasjonsnummer;Biblioteknummer';

  it('reads Windows-1252 as well as UTF-8: æøå come out right', async () => {
    const text = `${header}\nBjørkås og Ærø bibliotek;folkebibliotek;5001;;2099201\n`;
    const latin = await uploaded('liste.csv', new Uint8Array(Buffer.from(text, 'latin1')));
    expect(latin.sample[0]?.[0]).toBe('Bjørkås og Ærø bibliotek');
    const utf8 = await uploaded('liste.csv', `\uFEFF${text}`);
    expect(utf8.headers[0]).toBe('Navn');
    expect(utf8.sample[0]?.[0]).toBe('Bjørkås og Ærø bibliotek');
    expect(latin.suggested.columns).toEqual({ Navn: 'name', Type: 'kind', Kommunenummer: 'municipalityNumber', Organisasjonsnummer: 'organisationNumber', Biblioteknummer: 'libraryNumber' });
  });

  it.each([
    ['an empty file', 'tom.csv', '', 'import_file_empty'],
    ['a header only', 'tom.csv', `${header}\n`, 'import_file_header_only'],
    ['more than 50,000 rows', 'stor.csv', `${header}\n${'X;folkebibliotek;5001;;\n'.repeat(50_001)}`, 'import_file_too_many_rows'],
  ])('refuses %s with 400 naming the file', async (_case, name, content, code) => {
    const response = await upload(name, content);
    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors?.[0]).toMatchObject({ path: 'file', code });
  });

  it('refuses a file that is not CSV or XLSX', async () => {
    expect((await upload('kontrakt.pdf', '%PDF-1.4\n')).status).toBe(415);
    expect((await upload('bilde.jpg', 'not an image')).status).toBe(415);
    expect((await upload('bilde.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]))).status).toBe(415);
  });

  it('rejects rows with a broken organisation number, an unknown municipality, a formula or a number another row has, and applies nothing', async () => {
    const rows = [
      header,
      'God rad;folkebibliotek;5001;;2099301',
      'Feil orgnr;folkebibliotek;5001;974767881;',
      'Ukjent kommune;folkebibliotek;0301;;',
      '=cmd|\' /C calc\'!A0;folkebibliotek;5001;;',
      'Samme nummer;folkebibliotek;5001;;2099301',
      'Uten type;;5001;;',
    ].join('\n');
    const file = await uploaded('feil.csv', rows);
    const shown = await preview(file.id, file.suggested);
    expect(shown.counts).toEqual({ new: 1, changed: 0, unchanged: 0, rejected: 5 });
    const errorOf = (line: number) => shown.rows.find((r) => r.line === line)?.errors[0];
    expect(errorOf(3)).toMatchObject({ path: 'organisationNumber', code: 'organisation_number_checksum', params: { column: 'Organisasjonsnummer' } });
    // Every error names the file's own header of its column, not the field.
    expect(errorOf(4)).toMatchObject({ path: 'municipalityNumber', code: 'municipality_not_found', params: { column: 'Kommunenummer' } });
    expect(errorOf(5)).toMatchObject({ path: 'name', code: 'import_formula_cell', params: { column: 'Navn' } });
    expect(errorOf(6)).toMatchObject({ path: 'libraryNumber', code: 'import_duplicate_in_file', params: { line: 2 } });
    expect(errorOf(7)).toMatchObject({ path: 'kind', code: 'invalid_type', params: { column: 'Type' } });
    const actorsBefore = await countRows(server, 'actor');
    expect(await applyFailure(file.id, file.suggested)).toBe('5 rows have errors; correct the file or the mapping and preview again');
    expect(await countRows(server, 'actor')).toBe(actorsBefore);
  });

  it('refuses a row that would change the kind of the actor it matches', async () => {
    const file = await uploaded('blanding.csv', `${header}\nBlanding;folkebibliotek;5001;817920632;2099999\n`);
    // No actor has 2099999; the organisation number is the county's, which is no library: the row would change its kind.
    const shown = await preview(file.id, file.suggested);
    expect(shown.rows[0]).toMatchObject({ status: 'rejected', actorId: COUNTY });
    expect(shown.rows[0]?.errors).toContainEqual(expect.objectContaining({ code: 'import_kind_differs', params: expect.objectContaining({ kind: 'county_authority', column: 'Type' }) }));
  });

  it('reads XLSX, refuses its formula cells, and saves a mapping under a name', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Bibliotek');
    sheet.addRow(['Bibliotek', 'Kommune nr', 'Bibnr']);
    sheet.addRow(['Excelvik bibliotek', '5001', '2099401']);
    sheet.addRow([{ formula: 'HYPERLINK("http://x","y")' }, '5001', '2099402']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const file = await uploaded('bibliotek.xlsx', bytes);
    expect(file.headers).toEqual(['Bibliotek', 'Kommune nr', 'Bibnr']);
    // "Bibnr" is no header the suggestion knows: the user maps it, and saves the mapping.
    expect(file.suggested.columns['Bibnr']).toBeNull();
    const mapping: ColumnMapping = { format: 'custom', columns: { Bibliotek: 'name', 'Kommune nr': 'municipalityNumber', Bibnr: 'libraryNumber' }, defaultKind: 'public_library' };
    const shown = await preview(file.id, { ...mapping, saveAs: 'Bibliotekliste fra Excel' });
    expect(shown.counts).toEqual({ new: 1, changed: 0, unchanged: 0, rejected: 1 });
    expect(shown.rows.find((r) => r.line === 3)?.errors[0]).toMatchObject({ code: 'import_formula_cell' });
    const saved = await json<{ name: string; mapping: ColumnMapping }[]>(await server.request('/api/imports/mappings'), 200);
    expect(saved.find((m) => m.name === 'Bibliotekliste fra Excel')?.mapping).toEqual(mapping);
  });
});

describe('who may import', () => {
  it('only the county admin: the county viewer and a library editor get 403 on every import route', async () => {
    const file = await uploaded('bb.csv', fixture('base-bibliotek-eksempel.csv'));
    for (const request of [countyViewer, libraryEditor]) {
      expect((await upload('bb.csv', fixture('base-bibliotek-eksempel.csv'), request)).status).toBe(403);
      expect((await request('/api/imports')).status).toBe(403);
      expect((await request(`/api/imports/${file.id}`)).status).toBe(403);
      expect((await request(`/api/imports/${file.id}/preview`, jsonBody('POST', file.suggested))).status).toBe(403);
      expect((await request(`/api/imports/${file.id}/apply`, jsonBody('POST', file.suggested))).status).toBe(403);
      expect((await request(`/api/imports/${file.id}/undo`, { method: 'POST' })).status).toBe(403);
    }
    expect((await server.anonymous('/api/imports')).status).toBe(401);
  });
});
