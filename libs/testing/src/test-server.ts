import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from '@kompetansebro/server';
import { openTestDatabase, type TestDatabase } from './test-database';

export interface TestServer {
  /** e.g. http://127.0.0.1:43121 */
  baseUrl: string;
  database: TestDatabase;
  /** fetch against the server, over real HTTP. */
  request(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** The real app on a real HTTP port (loopback, free port) over a fresh test database. */
export async function startTestServer(): Promise<TestServer> {
  const database = await openTestDatabase();
  const app = createApp({ db: database.db, config: { databaseKind: database.kind, version: 'test' } });
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
    },
  };
}

/** JSON request options, for brevity in tests. */
export function jsonBody(method: string, body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) };
}
