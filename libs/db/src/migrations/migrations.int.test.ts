import { sql, type Kysely } from 'kysely';
import { Migrator, NO_MIGRATIONS } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../connection';
import type { Database } from '../database';
import { migrationProvider } from './index';

/** What the migrations make, in a form two runs can be compared by: tables, columns, constraints, indexes, types. */
async function schemaOf(db: Kysely<Database>) {
  const columns = await sql<{ table_name: string; column_name: string; data_type: string; is_nullable: string; column_default: string | null }>`
    select table_name, column_name, data_type, is_nullable, column_default from information_schema.columns
    where table_schema = 'public' and table_name not like 'kysely_%' order by table_name, column_name`.execute(db);
  const constraints = await sql<{ conrelid: string; conname: string; definition: string }>`
    select conrelid::regclass::text as conrelid, conname, pg_get_constraintdef(oid) as definition from pg_constraint
    where connamespace = 'public'::regnamespace and conrelid::regclass::text not like 'kysely_%' order by conrelid::regclass::text, conname`.execute(db);
  const indexes = await sql<{ indexname: string; indexdef: string }>`
    select indexname, indexdef from pg_indexes where schemaname = 'public' and tablename not like 'kysely_%' order by indexname`.execute(db);
  const types = await sql<{ typname: string }>`
    select t.typname from pg_type t where t.typnamespace = 'public'::regnamespace and t.typtype in ('e', 'd') order by t.typname`.execute(db);
  const functions = await sql<{ proname: string }>`
    select proname from pg_proc where pronamespace = 'public'::regnamespace order by proname`.execute(db);
  const triggers = await sql<{ tgname: string; definition: string }>`
    select tgname, pg_get_triggerdef(oid) as definition from pg_trigger where not tgisinternal order by tgname`.execute(db);
  return { columns: columns.rows, constraints: constraints.rows, indexes: indexes.rows, types: types.rows, functions: functions.rows, triggers: triggers.rows };
}

// The system's notes in agreements' histories were stored in bokmål; the migration makes them
// codes the reader's language names, and keeps what a person typed as typed.
const BEFORE_NOTE_CODES = '2026_12_06_0800_data_repair';
const NOTE_CODES = '2026_12_06_1300_agreement_transition_note_code';

describe('migrations', () => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await openDatabase({ kind: 'pglite-memory' });
  });
  afterAll(async () => {
    await handle.close();
  });

  it('run down to the start, one at a time, and up again to the same schema', async () => {
    const names = await migrateToLatest(handle.db);
    const latest = await schemaOf(handle.db);
    expect(latest.columns.length).toBeGreaterThan(0);
    expect(latest.triggers.length).toBeGreaterThan(0);

    const migrator = new Migrator({ db: handle.db, provider: migrationProvider });
    const undone: string[] = [];
    for (;;) {
      const { error, results } = await migrator.migrateDown();
      if (error) throw new Error(`Migration ${results?.find((r) => r.status === 'Error')?.migrationName ?? '(unknown)'} failed going down: ${String(error)}`, { cause: error });
      if (!results || results.length === 0) break;
      undone.push(...results.map((r) => r.migrationName));
    }
    expect(undone).toEqual([...names].reverse());
    expect(await schemaOf(handle.db)).toEqual({ columns: [], constraints: [], indexes: [], types: [], functions: [], triggers: [] });

    // NO_MIGRATIONS is the start; going up from it again gives the schema the first run gave.
    expect((await migrator.migrateTo(NO_MIGRATIONS)).error).toBeUndefined();
    expect(await migrateToLatest(handle.db)).toEqual(names);
    expect(await schemaOf(handle.db)).toEqual(latest);
  });

  it('turns the bokmål system notes into codes, keeps typed notes and reasons as typed, and turns them back going down', async () => {
    const migrator = new Migrator({ db: handle.db, provider: migrationProvider });
    expect((await migrator.migrateTo(BEFORE_NOTE_CODES)).error).toBeUndefined();
    const { rows } = await sql<{ id: string }>`
      insert into agreement (title, sort_key, kind, status) values ('Avtale', 'avtale', 'cooperation', 'active') returning id`.execute(handle.db);
    const agreementId = rows[0]?.id;
    const notes: [string | null, string, string | null][] = [
      [null, 'draft', 'Fornyelse'],
      ['draft', 'negotiating', 'Sendt til partene'],
      ['negotiating', 'signed', 'Signert uten godkjenning fra Ørland bibliotek, Osen bibliotek. Begrunnelse: Signert på papir 1. desember — møte'],
      ['negotiating', 'signed', 'Alle parter har godtatt'],
      // (Written on the day it names: the history's time says the day once it is a code.)
      ['signed', 'active', 'Etter kalenderen (2026-12-05)'],
      ['active', 'terminated', 'Fornyelse'],
    ];
    for (const [index, [from, to, note]] of notes.entries()) {
      await sql`insert into agreement_transition (agreement_id, from_status, to_status, note, at) values (${agreementId}, ${from}, ${to}, ${note}, ${`2026-12-0${index + 1}T10:00:00Z`})`.execute(handle.db);
    }
    const read = async () =>
      (
        await sql<{ note: string | null; note_code: string | null; note_params: unknown }>`
          select note, note_code, note_params from agreement_transition where agreement_id = ${agreementId} order by at`.execute(handle.db)
      ).rows.map(({ note, note_code, note_params }) => ({ note, code: note_code, params: note_params }));
    const notesNow = async () => (await sql<{ note: string | null }>`select note from agreement_transition where agreement_id = ${agreementId} order by at`.execute(handle.db)).rows.map((row) => row.note);

    expect((await migrator.migrateTo(NOTE_CODES)).error).toBeUndefined();
    expect(await read()).toEqual([
      { note: null, code: 'renewal', params: null },
      { note: 'Sendt til partene', code: null, params: null },
      { note: 'Signert på papir 1. desember — møte', code: 'signed_without_acceptance', params: { missing: 'Ørland bibliotek, Osen bibliotek' } },
      { note: null, code: 'signed_by_acceptance', params: null },
      { note: null, code: 'calendar', params: null },
      // A person's note that reads as a system one, where the system writes none: kept as typed.
      { note: 'Fornyelse', code: null, params: null },
    ]);

    expect((await migrator.migrateTo(BEFORE_NOTE_CODES)).error).toBeUndefined();
    expect(await notesNow()).toEqual(notes.map(([, , note]) => note));
  });
});
