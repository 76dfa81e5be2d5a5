import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import './provided-context';
import { loadSampleData, migrateToLatest, openDatabase, type DatabaseHandle } from '@kompetansebro/db';

export interface TestDatabase extends DatabaseHandle {
  kind: 'pglite' | 'postgres';
}

/**
 * A fresh, migrated database with the sample data: PGlite in memory, or — under
 * TEST_DATABASE=postgres — a new database on the throwaway PostgreSQL server, dropped on close.
 */
export async function openTestDatabase(options: { sampleData?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = inject('postgresAdminUrl');
  let handle: DatabaseHandle;
  let dropDatabase = async () => undefined;
  if (adminUrl) {
    const name = `kb_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    handle = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 5 });
    dropDatabase = async () => {
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    };
  } else {
    handle = await openDatabase({ kind: 'pglite-memory' });
  }
  await migrateToLatest(handle.db);
  if (options.sampleData !== false) await loadSampleData(handle.db);
  return {
    ...handle,
    kind: handle.target,
    close: async () => {
      await handle.close();
      await dropDatabase();
    },
  };
}
