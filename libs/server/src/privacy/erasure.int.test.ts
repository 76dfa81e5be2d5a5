import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { loadSampleData, mainLibraryKey, sampleId } from '@kompetansebro/db';
import { jsonBody } from '@kompetansebro/testing/server';
import { json, tablesHolding, testServer } from '../testing/fixture.test';
import { notPersonalColumns, personalColumns } from './personal-data-register';

// Finding 9 of the hardening issue: an erased person leaves nothing behind, every column of the
// schema is classified in the personal-data register, and the record of processing comes from it.

const server = testServer();

const NAMSOS_LIBRARY = sampleId('actor', mainLibraryKey('5007'));


describe('the personal-data register', () => {
  it('classifies every column of the schema, once, and names no column the schema lacks', async () => {
    const columns = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns where table_schema = 'public'`.execute(server.database.db);
    const inSchema = new Set(columns.rows.map((c) => `${c.table_name}.${c.column_name}`));
    const personal = Object.entries(personalColumns).flatMap(([table, cols]) => Object.keys(cols).map((column) => `${table}.${column}`));
    const notPersonal = Object.entries(notPersonalColumns).flatMap(([table, cols]) => cols.map((column) => `${table}.${column}`));
    const classified = new Set([...personal, ...notPersonal]);
    expect([...inSchema].filter((column) => !classified.has(column)), 'columns missing from the register (classify them in personal-data-register.ts)').toEqual([]);
    expect([...classified].filter((column) => !inSchema.has(column)), 'register entries the schema does not have').toEqual([]);
    expect(personal.filter((column) => notPersonal.includes(column)), 'classified both ways').toEqual([]);
    expect(personal.length + notPersonal.length).toBe(inSchema.size);
  });
});

describe('erasing a contact', () => {
  it('leaves her e-mail and name nowhere: recipient lists, confirmedBy, answeredBy, the audit log', async () => {
    const name = 'Eira Slettesen';
    const email = 'eira.slettesen@example.org';
    const phone = '+47 912 34 567';
    const contact = await json<{ id: string }>(
      await server.request('/api/contacts', jsonBody('POST', { actorId: NAMSOS_LIBRARY, name, role: 'Biblioteksjef', email, phone })),
      201,
    );
    // She confirmed a service (through the API: the audit log has her name too) …
    const service = await server.database.db.selectFrom('service').select(['id', 'version']).where('actor_id', '=', NAMSOS_LIBRARY).executeTakeFirstOrThrow();
    await json(await server.request(`/api/services/${service.id}/confirm`, jsonBody('POST', { confirmedBy: name }, { 'If-Match': `"${service.version}"` })), 200);
    // … and a survey went to her e-mail, which she answered.
    const survey = await server.database.db
      .insertInto('survey')
      .values({ name: 'Tjenesteundersøkelse', deadline: '2027-01-31', include_branches: false, created_by: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await server.database.db
      .insertInto('survey_recipient')
      .values({ survey_id: survey.id, actor_id: NAMSOS_LIBRARY, email, answered_at: new Date(), answered_by: name })
      .execute();
    // A contact file with her row was imported, and an import changed her contact (what an undo would restore).
    const batch = await server.database.db
      .insertInto('import_batch')
      .values({ target: 'contact', file_name: 'kontakter.csv', headers: JSON.stringify(['Navn', 'E-post', 'Telefon']), rows: JSON.stringify([[name, email, phone], ['Ola Blir', 'ola.blir@example.org', '']]) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await server.database.db
      .insertInto('import_change')
      .values({ batch_id: batch.id, record_id: contact.id, entity: 'contact', before: JSON.stringify({ name, email, phone, role: 'Leder' }), version_after: 2 })
      .execute();
    expect((await tablesHolding(server, email)).sort()).toEqual(['contact', 'import_batch', 'import_change', 'survey_recipient']);
    expect((await tablesHolding(server, name)).sort()).toEqual(['audit_entry', 'contact', 'import_batch', 'import_change', 'service', 'survey_recipient']);

    const receipt = await json<{ recordDeleted: boolean; tracesCleared: number }>(await server.request(`/api/contacts/${contact.id}/erase`, { method: 'POST' }), 200);
    expect(receipt.recordDeleted).toBe(true);
    expect(receipt.tracesCleared).toBeGreaterThanOrEqual(3);
    expect(await tablesHolding(server, email)).toEqual([]);
    expect(await tablesHolding(server, 'Slettesen')).toEqual([]);
    expect(await tablesHolding(server, phone)).toEqual([]);
    // The rest of the imported file is as it was.
    const rows = await server.database.db.selectFrom('import_batch').select('rows').where('id', '=', batch.id).executeTakeFirstOrThrow();
    expect(rows.rows).toEqual([['[slettet]', '[slettet]', '[slettet]'], ['Ola Blir', 'ola.blir@example.org', '']]);
    // The survey's recipient list still counts the library, without her.
    const recipient = await server.database.db.selectFrom('survey_recipient').select(['email', 'answered_by', 'answered_at']).where('survey_id', '=', survey.id).executeTakeFirstOrThrow();
    expect(recipient).toMatchObject({ email: null, answered_by: null });
    expect(recipient.answered_at).not.toBeNull();
  });

  it('is not undone by the sample data at the next start', async () => {
    const id = sampleId('contact', 'study-centre-namdal-leader');
    expect(await server.database.db.selectFrom('contact').select('id').where('id', '=', id).executeTakeFirst()).toBeDefined();
    await json(await server.request(`/api/contacts/${id}/erase`, { method: 'POST' }), 200);
    await loadSampleData(server.database.db);
    expect(await server.database.db.selectFrom('contact').select('id').where('id', '=', id).executeTakeFirst()).toBeUndefined();
  });
});

describe('the record of processing (GDPR art. 30)', () => {
  it('is generated from the register for the county admin, as Markdown', async () => {
    const response = await server.request('/api/privacy/record-of-processing');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/markdown');
    const text = await response.text();
    for (const [table, columns] of Object.entries(personalColumns)) {
      for (const column of Object.keys(columns)) expect(text).toContain(`\`${table}.${column}\``);
    }
    expect(text).toContain('# Record of processing activities (GDPR art. 30)');
  });

  it('is the county admin’s only', async () => {
    for (const email of ['fylke-innsyn@demo.kompetansebro.no', 'namdal@demo.kompetansebro.no', 'ntnu@demo.kompetansebro.no']) {
      const request = await server.as(email);
      expect((await request('/api/privacy/record-of-processing')).status, email).toBe(403);
    }
    expect((await server.anonymous('/api/privacy/record-of-processing')).status).toBe(401);
  });
});
