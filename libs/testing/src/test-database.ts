import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import './provided-context';
import { openDatabase, type DatabaseHandle } from '@kompetansebro/db';

export interface TestDatabase extends DatabaseHandle {
  kind: 'pglite' | 'postgres';
}

/** The template's image, read once per test worker. */
let pgliteImage: Promise<Blob> | undefined;

async function withAdmin(adminUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/**
 * A fresh database with the schema and the sample data, copied from the run's template (see
 * database-global-setup.ts): PGlite in memory, or — under TEST_DATABASE=postgres — a new
 * database on the throwaway PostgreSQL server, dropped on close.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  const template = inject('templateDatabase');
  if (template.kind === 'pglite') {
    pgliteImage ??= readFile(template.imageFile).then((bytes) => new Blob([bytes]));
    const handle = await openDatabase({ kind: 'pglite-memory', image: await pgliteImage });
    return { ...handle, kind: handle.target };
  }
  const adminUrl = inject('postgresAdminUrl');
  if (!adminUrl) throw new Error('TEST_DATABASE=postgres but the global set-up started no PostgreSQL server');
  const name = `kb_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, `create database ${name} template ${template.name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 5 });
  return {
    ...handle,
    kind: handle.target,
    close: async () => {
      await handle.close();
      await withAdmin(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
}
