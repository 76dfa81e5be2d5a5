import { sql, type OrderByItemBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { inActorSet, publicLibraryKinds, type ActorFacts, type ActorSet, type Page } from '@kompetansebro/domain';
import { DomainRuleError } from '@kompetansebro/domain';
import type { Executor } from './executor';

// Helpers every resource repository needs.

/** Who makes a change: recorded in the audit log (null: the system, e.g. loading sample data). */
export interface ChangeContext {
  userId: string | null;
  /** A change made by a library's answer to the county's survey (no user): who answered, kept in the audit entry. */
  answeredBy?: string;
}

/**
 * The name of the record of `table` whose id is in `column`, looked up by key as a subquery of the
 * select list: the database reads it for the rows a page returns only, after their order and
 * limit. A join let the planner hash every actor (2,000 at national scale) for a page's few dozen
 * names, and each join more made a statement dearer to plan.
 */
export const nameOf = (table: 'actor' | 'region' | 'app_user', column: string) =>
  sql<string | null>`(select name_of.name from ${sql.table(table)} as name_of where name_of.id = ${sql.ref(column)})`;

/** The name of the actor whose id is in `column` (`nameOf`). */
export const actorNameOf = (column: string) => nameOf('actor', column);

/** A timestamp column (Date from pg, Date or string elsewhere) as ISO 8601. */
export const iso = (value: Date | string): string => (typeof value === 'string' ? new Date(value) : value).toISOString();

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

// ---------------------------------------------------------------------------------------------
// List queries: every list reads a count of what its filters select and one page of it, sorted.

/** How a list query's `sort` (a key, `-` first for descending) orders the rows. */
export function sortOf(sort: string): { key: string; descending: boolean; direction: 'asc' | 'desc' } {
  const descending = sort.startsWith('-');
  return { key: sort.replace('-', ''), descending, direction: descending ? 'desc' : 'asc' };
}

/** Ordering that keeps rows without a value last, whichever the direction (e.g. undated after dated). */
export const nullsLast =
  (descending: boolean) =>
  (ob: OrderByItemBuilder): OrderByItemBuilder =>
    descending ? ob.desc().nullsLast() : ob.asc().nullsLast();

/**
 * How far past a page's start a capped total counts (`cappedTotalOf`): beyond it the total says
 * "more than", and counting a long list costs as much as reading this many index entries.
 */
export const COUNT_CAP = 1000;

/** What of a list query says how to show the list, not which records are in it. */
const PRESENTATION_KEYS = new Set<string>(['page', 'pageSize', 'sort']);

/** The list asks for every record its scope sees: no filter (any other key of the query, set, is one). */
export const noFilterIn = (query: object) => Object.entries(query).every(([key, value]) => PRESENTATION_KEYS.has(key) || value === undefined || value === '');

/**
 * How many rows to read to tell whether a list goes past `COUNT_CAP` after `offset`. On the first
 * page a number written into the statement, like a page's size (`pageRows`), so that its plan is
 * made once; past it a value, so that page numbers do not each add a statement.
 */
export const rowsUpToCap = (offset: number) => (offset === 0 ? sql.lit(COUNT_CAP + 1) : offset + COUNT_CAP + 1);

/**
 * How many rows `filtered` lets through, counted only up to `COUNT_CAP` past the page's start
 * (`offset`): beyond it `totalCapped` says there are more than `total`, and the next pages count
 * further. For lists where an exact count would read every row on every page.
 */
export async function cappedTotalOf<DB, TB extends keyof DB, O>(
  db: Executor,
  filtered: SelectQueryBuilder<DB, TB, O>,
  offset: number,
): Promise<{ total: number; totalCapped?: true }> {
  const cap = offset + COUNT_CAP;
  const limited = filtered.select(sql<number>`1`.as('one')).limit(rowsUpToCap(offset));
  const counted = await sql<{ total: string }>`select count(*) as total from (${limited}) as counted`.execute(db);
  const total = Number(counted.rows[0]?.total ?? 0);
  return { total: Math.min(total, cap), ...(total > cap ? { totalCapped: true as const } : {}) };
}

/** A page whose total is capped (`cappedTotalOf`): for a list that grows without bound (the audit log). */
export async function cappedPageOf<FilteredDB, FilteredTables extends keyof FilteredDB, Selected, DB, TB extends keyof DB, Row, Item>(
  db: Executor,
  query: { page: number; pageSize: number },
  filtered: SelectQueryBuilder<FilteredDB, FilteredTables, Selected>,
  ordered: SelectQueryBuilder<DB, TB, Row>,
  toItem: (row: Row) => Item,
): Promise<Page<Item>> {
  const counted = await cappedTotalOf(db, filtered, (query.page - 1) * query.pageSize);
  const rows = await pageRows(ordered, query).execute();
  return { items: rows.map(toItem), ...counted, page: query.page, pageSize: query.pageSize };
}

/**
 * Values of a fixed set (kinds, statuses: the code's own, or one a request's schema checked)
 * written into the statement, not sent as values: PostgreSQL then makes its plan for them once
 * per connection. As values it costed a plan for "some kind" above the one for the kind asked and
 * planned every request again (issue 18: the inbox, 1.3–2 ms of planning a request).
 */
export const literalsOf = <T extends string>(values: readonly T[]) => values.map((value) => sql.lit(value));

/** The kinds of a public library (a main library and its branches), written into the statement. */
export const publicLibraryKindLiterals = literalsOf(publicLibraryKinds);

/**
 * A day the statement's plan does not hang on: read once per run in a scalar subquery, so the
 * database plans the statement alike for every day and keeps that one plan per connection. As a
 * value, PostgreSQL costed a plan for "some day" above the one for today and so planned every
 * request again (issue 18: a centre's next activities, 3 of its 6 ms of PostgreSQL's CPU).
 */
export const dayPlannedOnce = (day: string) => sql<string>`(select ${day}::date)`;

/**
 * The column is one of the values, made into an array once per run (as `dayPlannedOnce`) and
 * looked up in the column's index. For values whose rows PostgreSQL would cost one by one (a
 * page's ids, an organisation's municipalities): costing "some values" above the request's own,
 * it planned every request again (a page of agreements' commitments, a centre's libraries).
 */
export const oneOfPlannedOnce = (column: string, values: readonly string[], type: 'uuid' | 'bpchar') =>
  sql<SqlBool>`${sql.ref(column)} = any(array(select unnest(${values}::${sql.raw(type)}[])))`;

/**
 * The rows of the page the query asks for: its size written into the statement, and no offset on
 * the first page. With both as values the database cannot tell how many rows a page reads, so it
 * planned each request's page again (a plan of its own per value) instead of once per connection
 * (issue 18); page sizes are few, so this adds few statements.
 */
export function pageRows<DB, TB extends keyof DB, O>(ordered: SelectQueryBuilder<DB, TB, O>, query: { page: number; pageSize: number }): SelectQueryBuilder<DB, TB, O> {
  const limited = ordered.limit(sql.lit(query.pageSize));
  return query.page === 1 ? limited : limited.offset((query.page - 1) * query.pageSize);
}

/**
 * One page of a list: the rows of the page the query asks for from `ordered` (which ends with a
 * unique column, so pages neither overlap nor skip), and how many rows `filtered` selects. A page
 * that is not full ends the list, so its rows give the total; only a full page, or one past the
 * end, is counted (a second statement, which for a short list cost as much as the page: issue 18).
 */
export async function pageOf<FilteredDB, FilteredTables extends keyof FilteredDB, Selected, DB, TB extends keyof DB, Row, Item>(
  query: { page: number; pageSize: number },
  filtered: SelectQueryBuilder<FilteredDB, FilteredTables, Selected>,
  ordered: SelectQueryBuilder<DB, TB, Row>,
  toItem: (row: Row) => Item,
): Promise<Page<Item>> {
  const rows = await pageRows(ordered, query).execute();
  const before = (query.page - 1) * query.pageSize;
  const endsHere = rows.length < query.pageSize && (rows.length > 0 || query.page === 1);
  const total = endsHere ? before + rows.length : await countOf(filtered);
  return { items: rows.map(toItem), total, page: query.page, pageSize: query.pageSize };
}

/** How many rows `filtered` selects. */
async function countOf<DB, TB extends keyof DB, Selected>(filtered: SelectQueryBuilder<DB, TB, Selected>): Promise<number> {
  // $castTo: Kysely cannot name the selection of a table that is a type parameter.
  return Number((await filtered.select(sql<string>`count(*)`.as('total')).$castTo<{ total: string }>().executeTakeFirstOrThrow()).total);
}

/**
 * One page of a list as `pageOf` gives it, with the total counted in the page's own statement
 * (`count(*) over ()`), for a selection found by lookups whose work the page does anyway (the
 * past activities of a library: its few hundred activities fetched by key, then sorted): a second
 * statement would repeat every lookup only to count them (issue 18). An empty page past the first
 * has no row to carry the total, so only that one is counted apart.
 */
export async function pageCountedWithRowsOf<FilteredDB, FilteredTables extends keyof FilteredDB, Selected, DB, TB extends keyof DB, Row, Item>(
  query: { page: number; pageSize: number },
  filtered: SelectQueryBuilder<FilteredDB, FilteredTables, Selected>,
  ordered: SelectQueryBuilder<DB, TB, Row>,
  toItem: (row: Row) => Item,
): Promise<Page<Item>> {
  // $castTo: as in countOf, Kysely cannot name the selection of a table that is a type parameter.
  const counted = ordered.select(sql<string>`count(*) over ()`.as('total_count')).$castTo<Row & { total_count: string }>();
  const rows = await pageRows(counted, query).execute();
  const first = rows[0];
  const total = first ? Number(first.total_count) : query.page === 1 ? 0 : await countOf(filtered);
  return { items: rows.map(toItem), total, page: query.page, pageSize: query.pageSize };
}

/** The items by a key, in their order (Map.groupBy needs Node 21). */
export function groupedBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
