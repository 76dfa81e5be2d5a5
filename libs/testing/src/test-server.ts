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
  config: { databaseKind: 'pglite' | 'postgres'; version: string; documentsDir: string; cookieSecure: boolean; publicUrl: string };
}) => { fetch: (request: Request, env?: unknown) => Response | Promise<Response> };

/** The demo county admin: the default caller of `request`. */
export const COUNTY_ADMIN = 'fylke@demo.kompetansebro.no';
export const DEMO_PASSWORD = 'kompetansebro';

export type RequestAs = (path: string, init?: RequestInit) => Promise<Response>;

export interface TestServer {
  /** e.g. http://127.0.0.1:43121 */
  baseUrl: string;
  database: TestDatabase;
  /** fetch against the server over real HTTP, logged in as the county admin. */
  request: RequestAs;
  /** fetch with no session. */
  anonymous: RequestAs;
  /** Logs a demo user in (optionally acting for one of their organisations) and fetches as them. */
  as(email: string, organisationId?: string): Promise<RequestAs>;
  close(): Promise<void>;
}

/** The real app on a real HTTP port (loopback, free port) over a fresh test database. */
export async function startTestServer(createApp: AppFactory): Promise<TestServer> {
  const database = await openTestDatabase();
  const documentsDir = await mkdtemp(join(tmpdir(), 'kompetansebro-documents-'));
  // The port is known once the server listens, and the app needs it as its public URL (links
  // in e-mails, the OIDC redirect): listen first, then build the app.
  const built: { app?: ReturnType<AppFactory> } = {};
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve(
      // env carries the socket (the client's address, for rate limits).
      { fetch: (request, env) => (built.app ? built.app.fetch(request, env) : new Response('starting', { status: 503 })), port: 0, hostname: '127.0.0.1' },
      () => resolve(started),
    );
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  built.app = createApp({ db: database.db, config: { databaseKind: database.kind, version: 'test', documentsDir, cookieSecure: false, publicUrl: baseUrl } });
  const anonymous: RequestAs = (path, init) => fetch(`${baseUrl}${path}`, init);
  const as = async (email: string, organisationId?: string): Promise<RequestAs> => {
    const login = await anonymous('/api/auth/login', jsonBody('POST', { email, password: DEMO_PASSWORD }));
    if (login.status !== 200) throw new Error(`login as ${email} answered ${login.status}`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const withCookie: RequestAs = (path, init = {}) => {
      const headers = new Headers(init.headers);
      headers.set('Cookie', cookie);
      return fetch(`${baseUrl}${path}`, { ...init, headers });
    };
    if (organisationId) {
      const switched = await withCookie('/api/me/organisation', jsonBody('PUT', { organisationId }));
      if (switched.status !== 200) throw new Error(`switch to ${organisationId} answered ${switched.status}`);
    }
    return withCookie;
  };
  const request = await as(COUNTY_ADMIN);
  return {
    baseUrl,
    database,
    request,
    anonymous,
    as,
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
