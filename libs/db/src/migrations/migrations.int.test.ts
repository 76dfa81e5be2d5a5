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
});
