import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { visibilityFor, type ActorSet, type OrganisationFacts, type Visibility } from '@kompetansebro/domain';
import type { RequestVariables } from '../http/app-env';
import { NotAllowedError, NotFoundError } from '@kompetansebro/domain';
import type { Executor } from '../persistence/executor';
import { literalsOf, oneOfPlannedOnce, type ChangeContext } from '../persistence/repository-helpers';
import { principalOf } from './access-control';
import type { Principal } from './principal';

// The one place where row-level visibility becomes SQL and answers. The rules themselves are
// the domain's (visibilityFor in @kompetansebro/domain); here they are loaded for a principal
// (a Scope) and turned into conditions every repository applies to its lists, counts, exports,
// searches and single records. Every repository function that reads or changes organisation
// data takes a Scope as a required argument, and a Scope can only be made here, from a principal.

declare const scopeBrand: unique symbol;

/**
 * What one principal may see and change (its Visibility) and who it is (for the audit log).
 * Branded: only `loadScope`/`scopeOf` make one, so a route cannot hand a repository a scope it
 * built by hand.
 */
export type Scope = Visibility & { readonly userId: string | null; readonly [scopeBrand]: true };

const asScope = (visibility: Visibility, userId: string | null) => ({ ...visibility, userId }) as Scope;

/** The facts the rules need about the organisation the principal acts for. */
async function organisationFacts(db: Executor, principal: Principal): Promise<OrganisationFacts> {
  const organisationId = principal.organisationId;
  switch (principal.role) {
    case 'study_centre_coordinator': {
      const rows = await db.selectFrom('catchment_area').select('municipality_number').where('study_centre_id', '=', organisationId).execute();
      return { organisationId, catchmentArea: rows.map((r) => r.municipality_number) };
    }
    case 'university_liaison': {
      const university = await db
        .selectFrom('actor as l')
        .innerJoin('actor as u', 'u.id', 'l.parent_id')
        .select('u.id')
        .where('l.id', '=', organisationId)
        .where('u.kind', '=', 'university')
        .executeTakeFirst();
      const campuses = university
        ? await db.selectFrom('actor').select('id').where('parent_id', '=', university.id).where('kind', '=', 'university_campus').execute()
        : [];
      return { organisationId, universityId: university?.id ?? null, campusIds: campuses.map((c) => c.id) };
    }
    case 'library_editor': {
      const branches = await db.selectFrom('actor').select('id').where('parent_id', '=', organisationId).where('kind', '=', 'library_branch').execute();
      return { organisationId, branchIds: branches.map((b) => b.id) };
    }
    default:
      return { organisationId };
  }
}

/** The scope of a principal, read fresh (a changed catchment area counts from the next request). */
export async function loadScope(db: Executor, principal: Principal): Promise<Scope> {
  return asScope(visibilityFor(principal.role, await organisationFacts(db, principal)), principal.userId);
}

/**
 * The scope of a library answering the service survey through its link (no login, no user): what
 * a library editor of that library may do, so its answer goes through the same rules.
 */
export function libraryScope(db: Executor, libraryId: string): Promise<Scope> {
  return organisationScope(db, 'library_editor', libraryId);
}

/**
 * The scope of an organisation acting without a user (its calendar feed, a survey answer): what
 * `role` may see and do for it.
 */
export async function organisationScope(db: Executor, role: Principal['role'], organisationId: string): Promise<Scope> {
  const facts = await organisationFacts(db, { role, organisationId } as Principal);
  return asScope(visibilityFor(role, facts), null);
}

/**
 * The scope of the system itself (a data repair): county-wide, as no user, acting for no
 * organisation (the nil id: it answers for none).
 */
export function systemScope(): Scope {
  return asScope(visibilityFor('county_admin', { organisationId: '00000000-0000-0000-0000-000000000000' }), null);
}

const scopes = new WeakMap<Principal, Promise<Scope>>();

/**
 * The scope of the request's principal (401 without one), loaded once per principal: once per
 * request, or once while the process reuses the principal (http/read-reuse.ts), which forgets both
 * on any change. A load that fails is not kept.
 */
export function scopeOf(c: RequestVariables): Promise<Scope> {
  const principal = principalOf(c);
  let scope = scopes.get(principal);
  if (!scope) {
    scope = loadScope(c.get('deps').db, principal);
    scopes.set(principal, scope);
    scope.catch(() => scopes.delete(principal));
  }
  return scope;
}

/** What a route hands its repository: the scope, and who makes the change (for the audit log). */
export async function accessOf(c: RequestVariables): Promise<{ scope: Scope; change: ChangeContext }> {
  const scope = await scopeOf(c);
  return { scope, change: { userId: scope.userId } };
}

// ---------------------------------------------------------------------------------------------
// SQL: the same sets as conditions. Column names come from the repositories (their aliases).

const TRUE = sql<SqlBool>`true`;
const FALSE = sql<SqlBool>`false`;

/** The set holds every actor of these kinds (all of them, or by kind). */
export function holdsEveryActorOf(set: ActorSet, kinds: readonly string[]): boolean {
  return set.all || kinds.every((kind) => set.kinds.includes(kind));
}

/**
 * The actor (a row aliased `alias` with id, kind, municipality_number) is in the set. `ofKinds`:
 * the query keeps only actors of these kinds already, so a set that holds every actor of them
 * needs no condition (the liaison reads every library: testing each one cost a scan of actors).
 */
export function actorRowInSet(set: ActorSet, alias: string, ofKinds?: readonly string[]): RawBuilder<SqlBool> {
  if (set.all || (ofKinds && holdsEveryActorOf(set, ofKinds))) return TRUE;
  const parts: RawBuilder<unknown>[] = [];
  if (set.ids.length > 0) parts.push(sql`${sql.ref(`${alias}.id`)} in (${sql.join(set.ids)})`);
  // The kinds are the rule's own, written into the statement (literalsOf: the county's inbox).
  if (set.kinds.length > 0) parts.push(sql`${sql.ref(`${alias}.kind`)} in (${sql.join(literalsOf(set.kinds))})`);
  if (set.municipalities.length > 0) parts.push(oneOfPlannedOnce(`${alias}.municipality_number`, set.municipalities, 'bpchar'));
  return parts.length === 0 ? FALSE : sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/**
 * The actor named by the id column is in the set (looks the actor up when the set goes by kind or
 * place). `ofKinds` as for actorRowInSet: the column names only actors of these kinds.
 */
export function actorIdInSet(set: ActorSet, idColumn: string, ofKinds?: readonly string[]): RawBuilder<SqlBool> {
  if (set.all || (ofKinds && holdsEveryActorOf(set, ofKinds))) return TRUE;
  const byIdOnly = set.kinds.length === 0 && set.municipalities.length === 0;
  if (byIdOnly) return set.ids.length === 0 ? FALSE : sql<SqlBool>`${sql.ref(idColumn)} in (${sql.join(set.ids)})`;
  return sql<SqlBool>`exists (select 1 from actor as vis_actor where vis_actor.id = ${sql.ref(idColumn)} and ${actorRowInSet(set, 'vis_actor')})`;
}

/** The agreement (its id column) has a party in the set. */
export function agreementHasPartyIn(set: ActorSet, agreementIdColumn: string): RawBuilder<SqlBool> {
  if (set.all) return TRUE;
  return sql<SqlBool>`exists (select 1 from agreement_party as vis_party where vis_party.agreement_id = ${sql.ref(agreementIdColumn)} and ${actorIdInSet(set, 'vis_party.actor_id')})`;
}

/**
 * The same agreements as agreementHasPartyIn, for a list that walks the agreements in an index's
 * order (the title): the set's agreements are read once into a hash and each agreement walked is
 * looked up there. As a semi-join (agreementHasPartyIn) PostgreSQL probes the parties' index for
 * every agreement it walks (a centre party to 1 in 20: 450 probes for a page of 25, 2.2 ms);
 * `is true` keeps the condition a hashed filter (0.8 ms). For a set with few agreements the walk
 * finds too few and runs long: there the semi-join, which can start from the parties, is better.
 */
export function agreementHasPartyInHashed(set: ActorSet, agreementIdColumn: string): RawBuilder<SqlBool> {
  if (set.all) return TRUE;
  return sql<SqlBool>`(${sql.ref(agreementIdColumn)} in (select vis_party.agreement_id from agreement_party as vis_party where ${actorIdInSet(set, 'vis_party.actor_id')})) is true`;
}

/**
 * The ids of the actors in the set (not one that is every actor), as an array the database reads
 * once per statement, not once per row: a column compared with it (`= any(…)`) is looked up in
 * one scan of its index, for all the ids at once (issue 18).
 */
export function actorIdsOfSet(set: ActorSet): RawBuilder<unknown> {
  const byIdOnly = set.kinds.length === 0 && set.municipalities.length === 0;
  if (byIdOnly) return sql`array[${sql.join(set.ids)}]::uuid[]`;
  return sql`array(select vis_actor.id from actor as vis_actor where ${actorRowInSet(set, 'vis_actor')})`;
}

/** The activity (aliased `alias`) is organised by or has a participant in the set. */
export function activityInvolves(set: ActorSet, alias: string): RawBuilder<SqlBool> {
  if (set.all) return TRUE;
  return sql<SqlBool>`(${actorIdInSet(set, `${alias}.organiser_id`)} or exists (select 1 from activity_participant as vis_participant where vis_participant.activity_id = ${sql.ref(`${alias}.id`)} and ${actorIdInSet(set, 'vis_participant.actor_id')}))`;
}

/**
 * The ids of the activities organised by or with a participant in the set (not one that is every
 * actor), read from the indexes of organisers and of participants: the same activities as
 * `activityInvolves`, for counting them all without testing each activity in turn.
 */
export function activityIdsInvolving(set: ActorSet): RawBuilder<{ id: string }> {
  const ids = actorIdsOfSet(set);
  return sql<{ id: string }>`(select inv_activity.id from activity as inv_activity where inv_activity.organiser_id = any(${ids}) union select inv_participant.activity_id from activity_participant as inv_participant where inv_participant.actor_id = any(${ids}))`;
}

/**
 * The activity (aliased `alias`) is one of `activityIdsInvolving(set)`: the same rule as
 * `activityInvolves`, for a query that should start from the set's few activities rather than
 * walk every activity in an index order and test each (the past activities of one library).
 */
export function activityAmongInvolving(set: ActorSet, alias: string): RawBuilder<SqlBool> {
  if (set.all) return TRUE;
  // An array, read once: the database then fetches those activities by key (with `in (…)` it chose to read every activity).
  return sql<SqlBool>`${sql.ref(`${alias}.id`)} = any(array${activityIdsInvolving(set)})`;
}

// The conditions per resource, as the repositories use them.

/** Actors (aliased `alias`; of `ofKinds` only, when the query keeps only those) the scope may see. */
export const visibleActors = (scope: Scope, alias: string, ofKinds?: readonly string[]) => actorRowInSet(scope.actors.read, alias, ofKinds);
/** Services and contacts whose actor (aliased `actorAlias`) the scope may see. */
export const visibleActorRecords = (scope: Scope, actorAlias: string) => actorRowInSet(scope.actorRecords.read, actorAlias);
/** Services and contacts whose actor (its id column; one of `ofKinds`) the scope may see. */
export const visibleRecordsOfActor = (scope: Scope, actorIdColumn: string, ofKinds: readonly string[]) => actorIdInSet(scope.actorRecords.read, actorIdColumn, ofKinds);
/** Agreements (their id column) the scope may see. */
export const visibleAgreements = (scope: Scope, agreementIdColumn: string) => agreementHasPartyIn(scope.agreements.read, agreementIdColumn);
/** The same, as a hashed filter for a walk in index order (agreementHasPartyInHashed). */
export const visibleAgreementsHashed = (scope: Scope, agreementIdColumn: string) => agreementHasPartyInHashed(scope.agreements.read, agreementIdColumn);
/** Activities (aliased `alias`) the scope may see. */
export const visibleActivities = (scope: Scope, alias: string) => activityInvolves(scope.activities.read, alias);
/** Records no organisation owns (initiatives, plan items, mobility counts, the audit log): the county's. */
export const visibleCountyRecords = (scope: Scope) => (scope.everything ? TRUE : FALSE);

// ---------------------------------------------------------------------------------------------
// Answers for one record.

/** A record the scope may not see is answered as one that does not exist: 404, nothing of it. */
export function requireVisible(visible: boolean, label: string): void {
  if (!visible) throw new NotFoundError(label);
}

/** A record the scope sees but may not change (or a change that would make it not its own): 403. */
export function requireWritable(writable: boolean, detail: string): void {
  if (!writable) throw new NotAllowedError(detail);
}

/** For the county's own records: anyone else gets 404 (the policy table gives them 403 before this). */
export function requireCountyWide(scope: Scope, label: string): void {
  requireVisible(scope.everything, label);
}

/**
 * Liaison notes (the note aliased `alias`): the county reads every channel; a university
 * library its own; a library editor the channels with its library or a branch. A channel with
 * a region is between the university library and the county only.
 */
export function visibleLiaisonNotes(scope: Scope, alias: string): RawBuilder<SqlBool> {
  if (scope.everything) return TRUE;
  if (scope.role === 'university_liaison') return sql<SqlBool>`${sql.ref(`${alias}.university_id`)} = ${scope.organisationId}`;
  if (scope.role === 'library_editor') return actorIdInSet(scope.actors.update, `${alias}.target_actor_id`);
  return FALSE;
}
