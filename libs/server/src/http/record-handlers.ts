import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import { accessOf, scopeOf, type Scope } from '../auth/visibility';
import type { Executor } from '../persistence/executor';
import type { ChangeContext } from '../persistence/repository-helpers';
import type { ExpectedVersion } from '../persistence/versioned-change';
import type { AppEnv } from './app-env';
import { expectedVersion, versionedJson } from './etag';
import { exportResponse, MAX_EXPORT_ROWS, type ExportColumn, type ExportFormat } from './export';

// The handler bodies the record routes repeat (read one, create, change or remove with If-Match,
// export a list), so a router says only which repository call answers the route. The answers are
// versionedJson's and exportResponse's own, so the typed client sees the same responses.

type RequestContext = Context<AppEnv>;

/** versionedJson's answer, written out: inferred, it is too long for the declarations tsc -b emits. */
type VersionedAnswer<T, S extends 200 | 201> = Response & TypedResponse<JSONParsed<T>, S, 'json'>;

/** What a write hands its repository: the database, the request's scope, and who makes the change. */
export interface WriteAccess {
  db: Executor;
  scope: Scope;
  change: ChangeContext;
}

async function writeAccessOf(c: RequestContext): Promise<WriteAccess> {
  const { scope, change } = await accessOf(c);
  return { db: c.get('deps').db, scope, change };
}

/** GET one versioned record: 200 with its version as ETag. */
export async function readRecord<T extends { version: number }>(c: RequestContext, read: (db: Executor, scope: Scope) => Promise<T>): Promise<VersionedAnswer<T, 200>> {
  return versionedJson(c, await read(c.get('deps').db, await scopeOf(c)), 200);
}

/** POST a new versioned record: 201 with its ETag, and its address as Location. */
export async function createRecord<T extends { id: string; version: number }>(
  c: RequestContext,
  create: (access: WriteAccess) => Promise<T>,
  locationOf: (record: T) => string,
): Promise<VersionedAnswer<T, 201>> {
  const record = await create(await writeAccessOf(c));
  c.header('Location', locationOf(record));
  return versionedJson(c, record, 201);
}

/** A write to a versioned record: the version from If-Match (428/400 first), then 200 with the new ETag. */
export async function changeRecord<T extends { version: number }>(c: RequestContext, write: (access: WriteAccess, version: ExpectedVersion) => Promise<T>): Promise<VersionedAnswer<T, 200>> {
  const version = expectedVersion(c);
  return versionedJson(c, await write(await writeAccessOf(c), version), 200);
}

/** DELETE a versioned record with If-Match: 204. */
export async function removeRecord(c: RequestContext, remove: (access: WriteAccess, version: ExpectedVersion) => Promise<void>): Promise<Response & TypedResponse<null, 204, 'body'>> {
  const version = expectedVersion(c);
  await remove(await writeAccessOf(c), version);
  return c.body(null, 204);
}

/** The list query of an export: the filters, with one page as large as an export may be. */
export type ExportQuery<F> = Omit<F, 'format'> & { page: number; pageSize: number };

/**
 * GET …/export: every row the filters of `query` select (at most MAX_EXPORT_ROWS), as a CSV or
 * XLSX download named `<name>-<date>`.
 */
export async function exportRows<F extends { format: ExportFormat }, Row>(
  c: RequestContext,
  query: F,
  file: { name: string; columns: readonly ExportColumn<Row>[] },
  rowsOf: (db: Executor, scope: Scope, query: ExportQuery<F>) => Promise<readonly Row[]>,
): Promise<Response> {
  const { format, ...filters } = query;
  const rows = await rowsOf(c.get('deps').db, await scopeOf(c), { ...filters, page: 1, pageSize: MAX_EXPORT_ROWS });
  return exportResponse(c, { ...file, format, rows });
}
