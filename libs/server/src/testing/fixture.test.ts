import { afterAll, beforeAll, expect } from 'vitest';
import { sql } from 'kysely';
import type { Database } from '@kompetansebro/db';
import { addDays, todayInNorway, type AgreementDetail, type IsoDate, type Page, type Problem, type ServiceType } from '@kompetansebro/domain';
import { jsonBody, startTestServer, type RequestAs, type TestServer } from '@kompetansebro/testing/server';
import { createApp } from '../app';
import { DEFAULT_REUSE, type AppConfig } from '../http/app-env';
import { createMailer } from '../auth/mail';
import { startMailCatcher, type MailCatcher } from '../auth/mail-catcher.test-support';
import type { ReminderDeps } from '../jobs/reminders';

// Test support for the integration tests (*.int.test.ts): the setup every file repeats. Named
// *.test.ts because only test files may use the testing library (lint); Vitest runs only
// *.unit.test.ts and *.int.test.ts, so this file is no test of its own.

/**
 * The app as production configures what it reuses from memory (READ_REUSE_SECONDS,
 * PUBLIC_ANSWER_SECONDS): for the files that show what a user sees of their own and others'
 * changes with it on. Other files read everything afresh on every request.
 */
export const PRODUCTION_REUSE: Partial<AppConfig> = DEFAULT_REUSE;

/**
 * The app on a fresh in-memory database for one test file: started before its tests, closed
 * after them. Call it at the top of the file; the server it answers is there from beforeAll on.
 */
export function testServer(config: Partial<AppConfig> = {}): TestServer {
  let started: TestServer | undefined;
  beforeAll(async () => {
    started = await startTestServer((deps) => createApp({ ...deps, config: { ...deps.config, ...config } }));
  });
  afterAll(async () => {
    await started?.close();
  });
  const current = (): TestServer => {
    if (!started) throw new Error('The test server starts in beforeAll; use it inside hooks and tests');
    return started;
  };
  return {
    get baseUrl() {
      return current().baseUrl;
    },
    get database() {
      return current().database;
    },
    request: (path, init) => current().request(path, init),
    anonymous: (path, init) => current().anonymous(path, init),
    as: (email, organisationId) => current().as(email, organisationId),
    close: () => current().close(),
  };
}

/** A server whose mail goes to a catcher, with the deps the jobs run with (the same mail settings). */
export interface MailedTestServer {
  server: TestServer;
  mail: MailCatcher;
  /** What a job (reminders, digests, acceptance mails) is handed, as the app's own. */
  jobDeps: ReminderDeps;
  close(): Promise<void>;
}

/** Starts a mail catcher and the app mailing to it (call in beforeAll; close in afterAll). */
export async function startMailedTestServer(extraConfig: Partial<AppConfig> = {}): Promise<MailedTestServer> {
  const mail = await startMailCatcher();
  const mailConfig = { smtpUrl: mail.url, from: 'Kompetansebro <ikke-svar@test.invalid>' };
  const silent = { info: () => undefined, error: () => undefined };
  let jobDeps: ReminderDeps | undefined;
  const server = await startTestServer((appDeps) => {
    const config = { ...appDeps.config, ...extraConfig, mail: mailConfig };
    jobDeps = { db: appDeps.db, config, mailer: createMailer(mailConfig, silent), logger: silent };
    return createApp({ ...appDeps, config });
  });
  if (!jobDeps) throw new Error('The test server did not build its app');
  return {
    server,
    mail,
    jobDeps,
    close: async () => {
      await server.close();
      await mail.close();
    },
  };
}

/** The date `days` from today in Norway (negative: before). */
export const daysFromToday = (days: number): IsoDate => addDays(todayInNorway(), days);

/** Requests as a demo account, logged in once before the file's tests (after `testServer()` has started). */
export function loggedIn(server: TestServer, email: string): RequestAs {
  let request: RequestAs | undefined;
  beforeAll(async () => {
    request = await server.as(email);
  });
  return (path, init) => {
    if (!request) throw new Error(`${email} logs in in beforeAll; use it inside hooks and tests`);
    return request(path, init);
  };
}

/** The If-Match header for a version the client read. */
export const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

/** The body of a response that must have this status (the body is in the failure message otherwise). */
export async function json<T>(response: Response, status: number): Promise<T> {
  expect(response.status, await response.clone().text()).toBe(status);
  return (await response.json()) as T;
}

/** A service of an actor written straight to the database (for reads that need one to exist); returns its id. */
export async function addService(server: TestServer, actorId: string, type: ServiceType): Promise<string> {
  const row = await server.database.db
    .insertInto('service')
    .values({ actor_id: actorId, type, audiences: JSON.stringify(['students']), conditions: JSON.stringify({}) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An agreement created through the API (a draft). */
export async function draftAgreement(server: TestServer, fields: { title: string; kind: string; parties: readonly object[] }): Promise<AgreementDetail> {
  return json<AgreementDetail>(await server.request('/api/agreements', jsonBody('POST', fields)), 201);
}

/**
 * A draft taken to `signed` through the API: sent to the parties, then signed by the county with a
 * reason for the missing acceptances (no start date: in force from signing).
 */
export async function signAgreement(server: TestServer, draft: AgreementDetail): Promise<AgreementDetail> {
  let agreement = draft;
  for (const step of [{ to: 'negotiating' }, { to: 'signed', overrideReason: 'Signert på papir' }]) {
    agreement = await json<AgreementDetail>(await server.request(`/api/agreements/${agreement.id}/transitions`, jsonBody('POST', step, ifMatch(agreement.version))), 200);
  }
  return agreement;
}

/** How many rows a table holds now (to see that a refused write wrote nothing, or an audit entry more). */
export async function countRows(server: TestServer, table: keyof Database): Promise<number> {
  const row = await server.database.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The problem+json body of an error response. */
export async function problemOf(response: Response): Promise<Problem> {
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  return (await response.json()) as Problem;
}

/** An id no record has. */
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** GET one record of `collection`: 404 for an id no record has, 400 naming `param.id` for one that is no UUID. */
export async function expectIdChecked(server: TestServer, collection: string, malformedId: string): Promise<void> {
  expect((await server.request(`${collection}/${UNKNOWN_ID}`)).status).toBe(404);
  const malformed = await server.request(`${collection}/${malformedId}`);
  expect(malformed.status).toBe(400);
  expect((await problemOf(malformed)).errors?.[0]?.path).toBe('param.id');
}

/** A 201 with the new record's Location (`collection/<id>`) and ETag "1"; returns the record. */
export async function created<T extends { id: string }>(response: Response, collection: string): Promise<T> {
  expect(response.status).toBe(201);
  const record = (await response.json()) as T;
  expect(response.headers.get('location')).toBe(`${collection}/${record.id}`);
  expect(response.headers.get('etag')).toBe('"1"');
  return record;
}

/** A 200 whose body is an XLSX workbook (a zip: it starts with "PK"). */
export async function expectXlsx(response: Response): Promise<void> {
  expect(response.status).toBe(200);
  expect([...new Uint8Array(await response.arrayBuffer()).slice(0, 2)]).toEqual([0x50, 0x4b]);
}

/** GET `path` as the server's default user, which must answer 200 (the path is in the failure message); returns the body. */
export async function getJson<T>(server: TestServer, path: string): Promise<T> {
  const response = await server.request(path);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

/** The page of `collection` a query string selects (which must answer 200). */
export function listOf<T>(server: TestServer, collection: string): (query: string) => Promise<Page<T>> {
  return (query) => getJson<Page<T>>(server, `${collection}?${query}`);
}

/** POSTs `defaults` with the fields given to `collection`, which must answer 201; returns the new record. */
export function creatorOf<T>(server: TestServer, collection: string, defaults: Record<string, unknown>): (fields?: Record<string, unknown>) => Promise<T> {
  return async (fields = {}) => {
    const response = await server.request(collection, jsonBody('POST', { ...defaults, ...fields }));
    expect(response.status).toBe(201);
    return (await response.json()) as T;
  };
}

/** Each bad query string refused with 400, its first field error naming the parameter (`query.<name>`). */
export async function expectQueryRefused(server: TestServer, collection: string, queries: readonly string[]): Promise<void> {
  for (const query of queries) {
    const response = await server.request(`${collection}?${query}`);
    expect(response.status, query).toBe(400);
    expect((await problemOf(response)).errors?.[0]?.path, query).toBe(`query.${query.split('=')[0]}`);
  }
}

/** Two pages of a list share no record. */
export function expectDisjoint(first: Page<{ id: string }>, second: Page<{ id: string }>): void {
  const ids = new Set(first.items.map((item) => item.id));
  expect(second.items.some((item) => ids.has(item.id))).toBe(false);
}

/** A write refused with 400 naming the field (`path` and `code`), which changed no row of `tables` and wrote no audit entry. */
export async function expectFieldRefused(
  server: TestServer,
  write: () => Promise<Response>,
  error: { path: string; code: string },
  tables: readonly (keyof Database)[],
): Promise<void> {
  const counted = [...tables, 'audit_entry' as const];
  const before = await Promise.all(counted.map((table) => countRows(server, table)));
  const response = await write();
  expect(response.status).toBe(400);
  expect((await problemOf(response)).errors).toEqual(expect.arrayContaining([expect.objectContaining(error)]));
  expect(await Promise.all(counted.map((table) => countRows(server, table)))).toEqual(before);
}

/** Tables (every one in the schema) whose rows, read as text, contain `text`: where a person's data still is. */
export async function tablesHolding(server: TestServer, text: string): Promise<string[]> {
  const { db } = server.database;
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(db);
  const holding: string[] = [];
  for (const { table_name: table } of tables.rows) {
    const found = await sql<{ n: string | number }>`select count(*) as n from ${sql.table(table)} as r where r::text ilike ${`%${text}%`}`.execute(db);
    if (Number(found.rows[0]?.n) > 0) holding.push(table);
  }
  return holding;
}
