import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadSampleData, migrateToLatest, openDatabase, type DatabaseTarget } from '@kompetansebro/db';
import { startThrowawayPostgres } from './throwaway-postgres';
import './provided-context';

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
 * With TEST_DATABASE=postgres, on a throwaway PostgreSQL server stopped after the run;
 * otherwise an image of an in-memory PGlite database, which each test database loads.
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
  const server = await startThrowawayPostgres('kompetansebro-test');
  const templateUrl = await server.createDatabase(TEMPLATE_DATABASE);
  // Closed before the tests start: PostgreSQL copies a template only while no one is connected to it.
  await (await buildTemplate({ kind: 'postgres', url: templateUrl, poolSize: 1 })).close();
  project.provide('postgresAdminUrl', `${server.serverUrl}postgres`);
  project.provide('templateDatabase', { kind: 'postgres', name: TEMPLATE_DATABASE });
  return () => server.stop();
}
