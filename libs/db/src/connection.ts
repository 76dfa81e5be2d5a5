import { mkdir, readdir } from 'node:fs/promises';
import { Kysely, PostgresDialect, type LogConfig } from 'kysely';
import { Migrator } from 'kysely/migration';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import type { Database } from './database';
import { migrationProvider } from './migrations';
import { namedStatementClient, pgliteNamedQueries } from './named-statements';

export type DatabaseTarget =
  /** PostgreSQL (production, CI): a connection string. */
  | { kind: 'postgres'; url: string; poolSize?: number }
  /** The embedded database, kept in a folder. */
  | { kind: 'pglite'; dataDir: string }
  /** The embedded database in memory (tests), optionally started from another one's `image()`. */
  | { kind: 'pglite-memory'; image?: Blob };

export interface DatabaseHandle {
  db: Kysely<Database>;
  target: 'postgres' | 'pglite';
  /** True when the embedded database's folder was empty before this open. */
  created: boolean;
  /** The embedded database's files as a tar image, to start copies of it (PGlite only). */
  image?: () => Promise<Blob>;
  /**
   * Plain SQL for a library that brings its own schema (the job queue, pg-boss): text without
   * values may hold several statements. On PGlite it waits its turn with Kysely's queries (one
   * connection), so never call it inside a transaction of this handle.
   */
  executeSql(text: string, values?: readonly unknown[]): Promise<{ rows: unknown[] }>;
  close(): Promise<void>;
}

// Dates stay 'YYYY-MM-DD' text (a Date would shift with the time zone); numeric becomes a number
// (amounts in kroner with øre fit a double exactly enough). The same in pg and PGlite.
const DATE_OID = 1082;
const NUMERIC_OID = 1700;
const parseNumeric = (value: string) => Number.parseFloat(value);

const pgTypes = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') => {
    if (oid === DATE_OID) return (value: string) => value;
    if (oid === NUMERIC_OID) return parseNumeric;
    return pg.types.getTypeParser(oid, format);
  },
};
const pgliteParsers = { [DATE_OID]: (value: string) => value, [NUMERIC_OID]: parseNumeric };

/**
 * The contrib extensions the migrations create (PostgreSQL ships them; PGlite loads them when
 * opened): pg_trgm for the search's trigram indexes. Any PGlite opened on our data passes these.
 */
export const pgliteExtensions = { pg_trgm };

/** The dialect factory: one SQL dialect (PostgreSQL) whether it runs in WASM or on a server. */
export async function openDatabase(
  target: DatabaseTarget,
  { onIdleConnectionLost, ...options }: { log?: LogConfig; onIdleConnectionLost?: (error: Error) => void } = {},
): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10, types: pgTypes, Client: namedStatementClient() });
    // The server closed an idle connection (a restart, a failover, an administrator): the pool drops
    // it and opens another for the next query. Unheard, the pool's 'error' would end the process.
    pool.on('error', (error) => onIdleConnectionLost?.(error));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), ...options });
    const executeSql = async (text: string, values?: readonly unknown[]) => ({ rows: (await pool.query(text, values ? [...values] : undefined)).rows as unknown[] });
    return { db, target: 'postgres', created: false, executeSql, close: () => db.destroy() };
  }
  let created = true;
  let client: PGlite;
  if (target.kind === 'pglite') {
    await mkdir(target.dataDir, { recursive: true });
    created = (await readdir(target.dataDir)).length === 0;
    client = await PGlite.create(target.dataDir, { parsers: pgliteParsers, extensions: pgliteExtensions });
  } else {
    // Starting from an image skips initdb, most of the cost of a new in-memory database.
    client = await PGlite.create({ parsers: pgliteParsers, extensions: pgliteExtensions, ...(target.image ? { loadDataDir: target.image } : {}) });
  }
  // The dialect asks its client for `query` and `close` alone.
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pgliteNamedQueries(client) as PGlite), ...options });
  // Kysely's driver hands its one connection to one caller at a time: borrowing it keeps this SQL out of a transaction in progress.
  const executeSql = (text: string, values?: readonly unknown[]) =>
    db.connection().execute(async () => {
      if (values && values.length > 0) return { rows: (await client.query(text, [...values])).rows };
      return { rows: (await client.exec(text)).at(-1)?.rows ?? [] };
    });
  return { db, target: 'pglite', created, image: () => client.dumpDataDir('none'), executeSql, close: () => db.destroy() };
}

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${String(error)}`, { cause: error });
  }
  return (results ?? []).map((r) => r.migrationName);
}
