import { sql } from 'kysely';
import type { Database } from '@kompetansebro/db';
import { inActorSet, type ActorFacts, type ActorSet } from '@kompetansebro/domain';
import { invalidInput, notFound, ProblemError } from '../http/problem';
import type { Executor } from './audit.repository';

// Helpers every resource repository needs; the actor repository has its own copies of the
// first three (it predates this file) and can switch to these.

/** Who makes a change: recorded in the audit log (null: the system, e.g. loading sample data). */
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
 * Locks the row and checks the version the client read: 404 when there is no such row, then
 * `checkReach` (which answers 404 for a record the scope may not see and 403 for one it may not
 * change), then 412 when it has changed since — in that order, so a stale version never tells
 * that a foreign record exists. Call inside the transaction that writes the change.
 */
export async function lockVersion(
  trx: Executor,
  table: VersionedTable,
  id: string,
  expectedVersion: number,
  label: string,
  checkReach: () => Promise<void>,
): Promise<void> {
  const result = await sql<{ version: number }>`select version from ${sql.table(table)} where id = ${id} for update`.execute(trx);
  const locked = result.rows[0];
  if (!locked) throw notFound(label);
  await checkReach();
  if (locked.version !== expectedVersion) {
    throw new ProblemError(412, `The ${label} is at version ${locked.version}; you changed version ${expectedVersion}. Load it again.`);
  }
}

/** The facts visibility is decided by, of the actors with these ids that exist. */
export async function actorFacts(db: Executor, ids: readonly string[]): Promise<Map<string, ActorFacts>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('actor').select(['id', 'kind', 'municipality_number']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, kind: r.kind, municipalityNumber: r.municipality_number }]));
}

/**
 * The actors among `ids` that exist and are in `visible`; one the scope may not see counts as
 * one that does not exist, so a reference in a request body tells nothing about foreign actors.
 */
export async function visibleActorIds(db: Executor, visible: ActorSet, ids: readonly string[]): Promise<Set<string>> {
  const facts = await actorFacts(db, ids);
  return new Set([...facts.values()].filter((a) => inActorSet(visible, a)).map((a) => a.id));
}

/**
 * 400 on `path` with `code` when no actor has the id a new record refers to, or the scope may not
 * see it; returns the actor's facts.
 */
export async function assertActorExists(db: Executor, visible: ActorSet, actorId: string, code: string, path = 'actorId'): Promise<ActorFacts> {
  const actor = (await actorFacts(db, [actorId])).get(actorId);
  if (!actor || !inActorSet(visible, actor)) throw invalidInput([{ path, code, message: 'No actor has this id' }]);
  return actor;
}
