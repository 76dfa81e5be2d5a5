import { inActorSet, type ActorFacts, type ActorSet } from '@kompetansebro/domain';
import { DomainRuleError } from '@kompetansebro/domain';
import type { Executor } from './executor';

// Helpers every resource repository needs.

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
  if (!actor || !inActorSet(visible, actor)) throw new DomainRuleError([{ path, code, message: 'No actor has this id' }]);
  return actor;
}

/** Which of these actor ids exist (the county sees every actor). */
export async function existingActorIds(db: Executor, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('actor').select('id').where('id', 'in', [...new Set(ids)]).execute();
  return new Set(rows.map((r) => r.id));
}
