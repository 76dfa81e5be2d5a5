import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { Kysely } from 'kysely';
import type { Database } from '@kompetansebro/db';
import { openTestDatabase, type TestDatabase } from './test-database';

/**
 * Builds the app under test from its dependencies: the server's `createApp`, passed in by the
 * test so this library does not depend on the server (the server's own tests use it).
 */
export type AppFactory = (deps: {
  db: Kysely<Database>;
  config: { databaseKind: 'pglite' | 'postgres'; version: string; documentsDir: string };
}) => { fetch: (request: Request) => Response | Promise<Response> };

export interface TestServer {
  /** e.g. http://127.0.0.1:43121 */
  baseUrl: string;
  database: TestDatabase;
  /** fetch against the server, over real HTTP. */
  request(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** The real app on a real HTTP port (loopback, free port) over a fresh test database. */
export async function startTestServer(createApp: AppFactory): Promise<TestServer> {
  const database = await openTestDatabase();
  const documentsDir = await mkdtemp(join(tmpdir(), 'kompetansebro-documents-'));
  const app = createApp({ db: database.db, config: { databaseKind: database.kind, version: 'test', documentsDir } });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    database,
    request: (path, init) => fetch(`${baseUrl}${path}`, init),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
      await rm(documentsDir, { recursive: true, force: true });
    },
  };
}

/** JSON request options, for brevity in tests. */
export function jsonBody(method: string, body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) };
}
