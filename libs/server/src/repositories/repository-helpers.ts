import { sql } from 'kysely';
import type { Database } from '@kompetansebro/db';
import { invalidInput, notFound, ProblemError } from '../http/problem';
import type { Executor } from './audit.repository';

// Helpers every resource repository needs; the actor repository has its own copies of the
// first three (it predates this file) and can switch to these.

/** Who makes a change: recorded in the audit log (null until accounts exist: the system). */
export interface ChangeContext {
  userId: string | null;
}

/** A timestamp column (Date from pg, Date or string elsewhere) as ISO 8601. */
export const iso = (value: Date | string): string => new Date(value).toISOString();

export const isoOrNull = (value: Date | string | null): string | null => (value === null ? null : iso(value));

/** `%` and `_` in what the user typed are letters, not wildcards. */
export function likePattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** Tables whose rows carry a `version` for If-Match. */
type VersionedTable = { [T in keyof Database]: Database[T] extends { id: unknown; version: unknown } ? T : never }[keyof Database];

/**
 * Locks the row and checks the version the client read: 404 when there is no such row,
 * 412 when it has changed since. Call inside the transaction that writes the change.
 */
export async function lockVersion(trx: Executor, table: VersionedTable, id: string, expectedVersion: number, label: string): Promise<void> {
  const result = await sql<{ version: number }>`select version from ${sql.table(table)} where id = ${id} for update`.execute(trx);
  const locked = result.rows[0];
  if (!locked) throw notFound(label);
  if (locked.version !== expectedVersion) {
    throw new ProblemError(412, `The ${label} is at version ${locked.version}; you changed version ${expectedVersion}. Load it again.`);
  }
}

/** 400 on `path` with `code` when no actor has the id a new record refers to. */
export async function assertActorExists(db: Executor, actorId: string, code: string, path = 'actorId'): Promise<void> {
  const actor = await db.selectFrom('actor').select('id').where('id', '=', actorId).executeTakeFirst();
  if (!actor) throw invalidInput([{ path, code, message: 'No actor has this id' }]);
}
