import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { openDatabase, PLANNED_ONCE, type DatabaseHandle } from '@kompetansebro/db';
import { startThrowawayPostgres, type ThrowawayPostgres } from '@kompetansebro/testing/server';

/** A PostgreSQL database for this file: on the run's server, or on one of its own. */
async function postgresDatabase(): Promise<{ url: string; server?: ThrowawayPostgres }> {
  const name = `kb_named_${process.pid}_${Date.now()}`;
  const adminUrl = inject('postgresAdminUrl');
  if (!adminUrl) {
    const server = await startThrowawayPostgres('named');
    return { url: await server.createDatabase(name), server };
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return { url: new URL(name, adminUrl).toString() };
}

// Both connections name their statements (libs/db named-statements.ts): each target is checked.
describe.each(['postgres', 'pglite'] as const)('named statements on %s', (target) => {
  let server: ThrowawayPostgres | undefined;
  let handle: DatabaseHandle;

  beforeAll(async () => {
    if (target === 'pglite') {
      handle = await openDatabase({ kind: 'pglite-memory' });
      return;
    }
    const database = await postgresDatabase();
    server = database.server;
    // One connection, so the session asked is the one that ran the statements.
    handle = await openDatabase({ kind: 'postgres', url: database.url, poolSize: 1 });
  });

  afterAll(async () => {
    await handle.close();
    await server?.stop();
  });

  const prepared = async () => (await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(handle.db)).rows.map((r) => r.statement);
  const doubled = async (n: number) => (await sql<{ doubled: number }>`select ${n}::int * 2 as doubled`.execute(handle.db)).rows[0]?.doubled;

  it('plans a statement with values once per connection, and answers each value', async () => {
    expect(await doubled(2)).toBe(4);
    expect(await doubled(21)).toBe(42);
    expect((await prepared()).filter((s) => s.includes('* 2 as doubled'))).toHaveLength(1);
  });

  it('plans a search for each value: how common the pattern is decides its plan', async () => {
    const hit = (await sql<{ hit: boolean }>`select ${'kompetansebro'} ilike ${'%bro%'} as hit`.execute(handle.db)).rows[0]?.hit;
    expect(hit).toBe(true);
    expect((await prepared()).some((s) => s.includes('ilike'))).toBe(false);
  });

  it('plans once a search that says one plan fits every value, and answers each value', async () => {
    // As the search across all records does: the words made a query once per run (a scalar subquery).
    const finds = async (text: string, words: string) =>
      (
        await sql<{ hit: boolean }>`select ${sql.raw(PLANNED_ONCE)} to_tsvector('norwegian', ${text}::text) @@ (select websearch_to_tsquery('norwegian', ${words}::text)) as hit`.execute(
          handle.db,
        )
      ).rows[0]?.hit;
    // Past the first five runs, the database may switch to the one generic plan: each value still answered.
    for (let run = 0; run < 4; run++) {
      expect(await finds('Bibliotekene i Trøndelag', 'bibliotek')).toBe(true);
      expect(await finds('Bibliotekene i Trøndelag', 'trøndelag -bibliotek')).toBe(false);
      expect(await finds('Studiesenteret', 'bibliotek')).toBe(false);
    }
    expect((await prepared()).filter((s) => s.includes(PLANNED_ONCE))).toHaveLength(1);
  });

  it('reports a bad value or a bad statement as the database does, and goes on working', async () => {
    await expect(sql`select ${'not a number'}::int as n`.execute(handle.db)).rejects.toThrow(/invalid input syntax/);
    await expect(sql`select ${1}::int from no_such_table`.execute(handle.db)).rejects.toThrow(/no_such_table/);
    await expect(sql`select ${1}::int from no_such_table`.execute(handle.db)).rejects.toThrow(/no_such_table/);
    expect(await doubled(5)).toBe(10);
  });

  it('keeps a transaction whole: a named statement inside one is rolled back with it', async () => {
    await handle.executeSql('create table named_rollback (n int)');
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await sql`insert into named_rollback values (${1})`.execute(trx);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await handle.db.transaction().execute((trx) => sql`insert into named_rollback values (${2})`.execute(trx));
    const rows = (await sql<{ n: number }>`select n from named_rollback where n > ${0}`.execute(handle.db)).rows;
    expect(rows).toEqual([{ n: 2 }]);
  });

  it('plans a single query without values once per connection too (an unfiltered list), but not other statements', async () => {
    const unfiltered = async () => (await sql<{ n: number }>`select 6 * 7 as n`.execute(handle.db)).rows[0]?.n;
    expect(await unfiltered()).toBe(42);
    expect(await unfiltered()).toBe(42);
    expect((await prepared()).filter((s) => s.includes('6 * 7 as n'))).toHaveLength(1);
    await sql`create table named_ddl (n int)`.execute(handle.db);
    await sql`vacuum named_ddl`.execute(handle.db);
    expect((await prepared()).some((s) => s.includes('named_ddl'))).toBe(false);
  });

  it('still runs a text of several statements without values', async () => {
    await handle.executeSql('create table named_check (n int); insert into named_check values (7)');
    const rows = (await sql<{ n: number }>`select n from named_check where n = ${7}`.execute(handle.db)).rows;
    expect(rows).toEqual([{ n: 7 }]);
  });
});

// An idle connection the server closes (a restart, a failover, pg_terminate_backend) must not end
// the process: the pool's 'error' is heard (openDatabase), and the next query opens another.
describe('a PostgreSQL connection the server closes while idle', () => {
  let server: ThrowawayPostgres | undefined;
  let handle: DatabaseHandle;
  const lost: Error[] = [];

  beforeAll(async () => {
    const database = await postgresDatabase();
    server = database.server;
    handle = await openDatabase({ kind: 'postgres', url: database.url, poolSize: 1 }, { onIdleConnectionLost: (error) => lost.push(error) });
  });

  afterAll(async () => {
    await handle.close();
    await server?.stop();
  });

  it('is reported, and the next query runs on a new connection', async () => {
    const backend = async () => (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(handle.db)).rows[0]?.pid;
    const first = await backend();
    // Another session ends the pool's idle connection, as an administrator or a failover would.
    const { rows } = await handle.executeSql('select current_database() as name');
    const admin = new pg.Client({ connectionString: new URL(String((rows[0] as { name: string }).name), inject('postgresAdminUrl') ?? server?.serverUrl).toString() });
    await admin.connect();
    await admin.query('select pg_terminate_backend($1)', [first]);
    await admin.end();
    await expect.poll(() => lost.length).toBe(1);
    expect((lost[0] as Error & { code?: string }).code).toBe('57P01');
    const second = await backend();
    expect(second).not.toBe(first);
  });
});
