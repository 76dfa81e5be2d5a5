import { sql, type Transaction } from 'kysely';
import type { Database } from '@kompetansebro/db';
import { ConflictError, NotFoundError, StaleVersionError } from '@kompetansebro/domain';
import { writeAudit, type AuditRecord } from '../audit/audit.repository';
import type { Executor } from './executor';
import type { ChangeContext } from './repository-helpers';

// How every write to the database is made: in one transaction with its audit entry, and — for a
// record with a `version` — only when the client changes the version it read (If-Match).

/**
 * The versions a write accepts, from If-Match (RFC 9110 13.1.1): one version (the usual case), any
 * of several (a list of ETags; an empty list when it named none this server makes, which never
 * matches), or any version at all (`*`).
 */
export type ExpectedVersion = number | readonly number[] | '*';

/** Whether the stored version meets If-Match (strong comparison: weak tags were dropped when it was read). */
export function versionMatches(expected: ExpectedVersion, current: number): boolean {
  if (expected === '*') return true;
  return typeof expected === 'number' ? expected === current : expected.includes(current);
}

/** 412 unless the stored version meets If-Match; `label` names the record in the message. */
export function assertVersionMatches(label: string, current: number, expected: ExpectedVersion): void {
  if (versionMatches(expected, current)) return;
  if (typeof expected === 'number') throw StaleVersionError.of(label, current, expected);
  throw new StaleVersionError(`The ${label} is at version ${current}, which If-Match does not name. Load it again.`);
}

/** Tables whose rows carry a `version` for If-Match. */
type VersionedTable = { [T in keyof Database]: Database[T] extends { id: unknown; version: unknown } ? T : never }[keyof Database];

/**
 * Locks the row and checks the version the client read: 404 when there is no such row, then
 * `checkReach` (which answers 404 for a record the scope may not see and 403 for one it may not
 * change), then 412 when it has changed since — in that order, so a stale version never tells
 * that a foreign record exists. Call inside the transaction that writes the change.
 */
export async function lockVersion(
  trx: Executor,
  table: VersionedTable,
  id: string,
  expectedVersion: ExpectedVersion,
  label: string,
  checkReach: () => Promise<void>,
): Promise<void> {
  const result = await sql<{ version: number }>`select version from ${sql.table(table)} where id = ${id} for update`.execute(trx);
  const locked = result.rows[0];
  if (!locked) throw new NotFoundError(label);
  await checkReach();
  assertVersionMatches(label, locked.version, expectedVersion);
}

/** The columns every versioned write sets: the next version, and when. */
export const nextVersion = { version: sql<number>`version + 1`, updated_at: sql<Date>`now()` };

/** Which versioned row a change is about, and how the repository reads it and decides who reaches it. */
export interface VersionedRecord<T> {
  table: VersionedTable;
  id: string;
  /** The entity as the audit log names it. */
  entity: AuditRecord['entity'];
  /** The record in messages (404, 412); default: `entity`. */
  label?: string;
  /** 404 for a record the scope may not see, 403 for one it may not change; after the lock, before the version check. */
  checkReach?: (trx: Transaction<Database>) => Promise<void>;
  /** The record as the API shows it: read before and after the write, and audited. */
  read: (trx: Transaction<Database>) => Promise<T>;
  /** What the audit log stores of the record (e.g. with personal fields redacted); default: all of it. */
  toAudit?: (record: T) => unknown;
}

export interface VersionedChange<T> extends VersionedRecord<T> {
  expectedVersion: ExpectedVersion;
  action: AuditRecord['action'];
  context: ChangeContext;
  /**
   * The change itself (checks on `before` first, then the update; bump the version with
   * `nextVersion`). 'unchanged': nothing was to do — the record is returned as it was, unaudited.
   */
  write: (trx: Transaction<Database>, before: T) => Promise<void | 'unchanged'>;
  /**
   * What the audit entry stores for a change better told by what it did than by the whole record
   * (a transition: the status before and after); default: the record before and after (`toAudit`).
   */
  auditAs?: (before: T, after: T) => Pick<AuditRecord, 'before' | 'after'>;
}

/** The audit entry's "after" of a change a survey answer made: it names who answered. */
function answeredIn(context: ChangeContext, after: unknown): unknown {
  return context.answeredBy && after !== null && typeof after === 'object' ? { ...after, answeredBy: context.answeredBy } : after;
}

/**
 * Every write to a versioned record, in one transaction: lock the row and check the If-Match
 * version (404 / reach / 412), read the record before, write, read it after, and audit both —
 * so neither the change nor its audit entry exists without the other. Returns the record after.
 */
export function versionedChange<T>(db: Executor, change: VersionedChange<T>): Promise<T> {
  return inTransaction(db, async (trx) => {
    const before = await lockAndRead(trx, change);
    if ((await change.write(trx, before)) === 'unchanged') return before;
    const after = await change.read(trx);
    const audit = { ...auditOf(change, before, after), ...change.auditAs?.(before, after) };
    await writeAudit(trx, { ...audit, after: answeredIn(change.context, audit.after) });
    return after;
  });
}

/** As versionedChange, for a write that removes the record: the audit entry keeps what it was. */
export function versionedRemoval<T>(db: Executor, change: Omit<VersionedChange<T>, 'action'>): Promise<void> {
  return inTransaction(db, async (trx) => {
    const before = await lockAndRead(trx, change);
    await change.write(trx, before);
    await writeAudit(trx, auditOf({ ...change, action: 'delete' }, before, null));
  });
}

/** A new record: insert it, read it as the API shows it, audit it — in one transaction. */
export function auditedCreate<T>(
  db: Executor,
  create: {
    entity: AuditRecord['entity'];
    context: ChangeContext;
    /** Inserts the record; returns its id. */
    insert: (trx: Transaction<Database>) => Promise<string>;
    read: (trx: Transaction<Database>, id: string) => Promise<T>;
    toAudit?: (record: T) => unknown;
  },
): Promise<T> {
  return inTransaction(db, async (trx) => {
    const id = await create.insert(trx);
    const created = await create.read(trx, id);
    const after = create.toAudit ? create.toAudit(created) : created;
    await writeAudit(trx, { userId: create.context.userId, entity: create.entity, entityId: id, action: 'create', before: null, after: answeredIn(create.context, after) });
    return created;
  });
}

async function lockAndRead<T>(trx: Transaction<Database>, record: VersionedRecord<T> & { expectedVersion: ExpectedVersion }): Promise<T> {
  await lockVersion(trx, record.table, record.id, record.expectedVersion, record.label ?? record.entity, async () => record.checkReach?.(trx));
  return record.read(trx);
}

function auditOf<T>(change: Pick<VersionedChange<T>, 'entity' | 'id' | 'action' | 'context' | 'toAudit'>, before: T, after: T | null): AuditRecord {
  const stored = (record: T | null) => (record === null || !change.toAudit ? record : change.toAudit(record));
  return { userId: change.context.userId, entity: change.entity, entityId: change.id, action: change.action, before: stored(before), after: stored(after) };
}

/**
 * A write that is no plain versioned change of one record's fields — owed whatever version the
 * caller read (an erasure), idempotent (joining an activity), about something beside the record
 * (a new invitation, ending sessions, a study centre's catchment area, which checks the centre's
 * version itself) — in one transaction with its audit entry about `subject`. `write` makes the
 * change (locking what it changes) and answers its result and what the audit entry stores;
 * `audit: null` when nothing changed, and nothing is audited.
 */
export function auditedAction<R>(
  db: Executor,
  subject: Pick<AuditRecord, 'entity' | 'entityId' | 'action'>,
  context: Pick<ChangeContext, 'userId'>,
  write: (trx: Transaction<Database>) => Promise<{ result: R; audit: Pick<AuditRecord, 'before' | 'after'> | null }>,
): Promise<R> {
  return inTransaction(db, async (trx) => {
    const { result, audit } = await write(trx);
    if (audit) await writeAudit(trx, { userId: context.userId, ...subject, ...audit });
    return result;
  });
}

/** Runs `work` in a transaction, or in the one `db` is already (Kysely does not nest them). */
export function inTransaction<T>(db: Executor, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db as Transaction<Database>) : db.transaction().execute(work);
}

/**
 * The change that archives (hides from lists, keeps for history) or restores a record: 409 when
 * it is so already, else `archived_at` set or cleared with the next version.
 */
export function archiving<T extends { archivedAt: string | null }>(
  table: 'actor' | 'service',
  id: string,
  archived: boolean,
  label: string,
): Pick<VersionedChange<T>, 'action' | 'write'> {
  return {
    action: archived ? 'archive' : 'restore',
    write: async (trx, before) => {
      if ((before.archivedAt !== null) === archived) throw new ConflictError(archived ? `The ${label} is archived already` : `The ${label} is not archived`);
      await trx
        .updateTable(table)
        .set({ archived_at: archived ? sql<Date>`now()` : null, ...nextVersion })
        .where('id', '=', id)
        .execute();
    },
  };
}
