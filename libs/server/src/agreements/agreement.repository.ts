import { sql, type Compilable, type Expression, type ExpressionBuilder, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Database } from '@kompetansebro/db';
import {
  agreementStatuses,
  AMENDABLE_STATUSES,
  type AgreementStatusCounts,
  agreementInReach,
  agreementRuleViolations,
  allowedTransitionsFor,
  canRenew,
  canTransition,
  commitmentStatus,
  CONFIRMATION_VALID_DAYS,
  renewalStart,
  renewalViolations,
  mayAcceptFor,
  mayTransition,
  signingNote,
  norwegianSortKey,
  todayInNorway,
  type AgreementAmendment,
  type AgreementCreate,
  type AgreementDecision,
  type AgreementDetail,
  type AgreementListQuery,
  type AgreementPartyInput,
  type AgreementStatus,
  type AgreementSummary,
  type AgreementUpdate,
  type FieldError,
  type Page,
  type PendingAcceptance,
  type PendingAcceptanceListQuery,
  withFields,
} from '@kompetansebro/domain';
import {
  assertAcceptanceOpen,
  assertAgreementChangeAllowed,
  ConflictError,
  DomainRuleError,
  NotFoundError,
  partyViolations as agreementPartyViolations,
  signedByAcceptance,
  type AgreementNoteCode,
} from '@kompetansebro/domain';
import { actorIdInSet, actorIdsOfSet, requireVisible, requireWritable, systemScope, visibleAgreements, visibleAgreementsHashed, type Scope } from '../auth/visibility';
import { uniqueViolation } from '../persistence/database-errors';
import type { Executor } from '../persistence/executor';
import { actorNameOf, cappedTotalOf, COUNT_CAP, groupedBy, iso, isoOrNull, likePattern, literalsOf, noFilterIn, oneOfPlannedOnce, pageRows, rowsUpToCap, visibleActorIds, type ChangeContext } from '../persistence/repository-helpers';
import { auditedCreate, nextVersion, versionedChange, type VersionedRecord, type ExpectedVersion } from '../persistence/versioned-change';

type AgreementJoin = Database & { ag: Database['agreement'] };

const json = (value: unknown) => JSON.stringify(value);


function listConditions(eb: ExpressionBuilder<AgreementJoin, 'ag'>, query: AgreementListQuery): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (query.q) {
    conditions.push(
      eb.or([eb(sql`ag.search_vector`, '@@', sql`websearch_to_tsquery('norwegian', ${query.q})`), eb('ag.title', 'ilike', likePattern(query.q))]),
    );
  }
  // A status and a kind are written into the statement (literalsOf: a library's negotiating
  // agreements were planned on every request). A region's list reads the kept region rows
  // (inRegion), whose index holds the status.
  if (query.status) conditions.push(query.region ? regionRowHasStatus(query.status) : eb('ag.status', 'in', literalsOf([query.status])));
  if (query.kind) conditions.push(eb('ag.kind', 'in', literalsOf([query.kind])));
  if (query.party) conditions.push(hasParty(query.party, 'ag.id'));
  if (query.endingWithinDays !== undefined) {
    const today = todayInNorway();
    // The statuses written into the statement (not values): one plan reads the page in end-date
    // order from the index of binding agreements (agreement_binding_end_idx) and stops after it.
    conditions.push(sql<SqlBool>`ag.status in ('active', 'expiring')`);
    conditions.push(eb('ag.end_date', '<=', sql<string>`${today}::date + ${query.endingWithinDays}::int`));
  }
  if (query.commitments === 'unmet') {
    const today = todayInNorway();
    conditions.push(eb('ag.status', 'in', literalsOf(['signed', 'active', 'expiring'] as const)));
    // commitmentStatus in SQL: archived, no hours, or not confirmed within CONFIRMATION_VALID_DAYS.
    conditions.push(
      eb.exists(
        eb
          .selectFrom('agreement_service as s')
          .innerJoin('service as sv', 'sv.id', 's.service_id')
          .select('s.service_id')
          .whereRef('s.agreement_id', '=', 'ag.id')
          .where((inner) =>
            inner.or([
              inner('sv.archived_at', 'is not', null),
              inner('sv.weekly_hours', '=', 0),
              inner('sv.confirmed_at', 'is', null),
              inner('sv.confirmed_at', '<', sql<string>`${today}::date - ${CONFIRMATION_VALID_DAYS}::int`),
            ]),
          ),
      ),
    );
  }
  return eb.and(conditions);
}

/** A kept region row (`r`, inRegion) of an agreement with the status. */
const regionRowHasStatus = (status: AgreementStatus) => sql<SqlBool>`r.status in (${sql.join(literalsOf([status]))})`;

/** The agreement (its id in `agreementIdColumn`) has `party` among its parties. */
const hasParty = (party: string, agreementIdColumn: string) =>
  sql<SqlBool>`exists (select from agreement_party as p where p.agreement_id = ${sql.ref(agreementIdColumn)} and p.actor_id = ${party})`;

const agreementColumns = [
  'ag.id',
  'ag.title',
  'ag.kind',
  'ag.status',
  'ag.description',
  'ag.levels',
  'ag.themes',
  'ag.start_date',
  'ag.end_date',
  'ag.renews_id',
  'ag.sample_data',
  'ag.version',
  'ag.created_at',
  'ag.updated_at',
] as const;

const selectAgreements = (db: Executor) => db.selectFrom('agreement as ag').select(agreementColumns);
type AgreementRow = Awaited<ReturnType<ReturnType<typeof selectAgreements>['executeTakeFirstOrThrow']>>;

function toAgreement(row: AgreementRow) {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    status: row.status,
    description: row.description,
    levels: row.levels,
    themes: row.themes,
    startDate: row.start_date,
    endDate: row.end_date,
    renewsId: row.renews_id,
    sampleData: row.sample_data,
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

async function partiesOf(db: Executor, agreementIds: readonly string[]) {
  if (agreementIds.length === 0) return [];
  return db
    .selectFrom('agreement_party as p')
    .innerJoin('actor as a', 'a.id', 'p.actor_id')
    .select(['p.agreement_id', 'p.actor_id', 'p.role', 'p.accepted_at', 'p.declined_at', 'p.decision_comment', 'a.name', 'a.kind'])
    .where('p.agreement_id', 'in', agreementIds)
    .orderBy('p.position')
    .execute();
}

/** The services the agreements commit, with what their fulfilment rests on. */
async function commitmentsOf(db: Executor, agreementIds: readonly string[]) {
  if (agreementIds.length === 0) return [];
  return db
    .selectFrom('agreement_service as s')
    .innerJoin('service as sv', 'sv.id', 's.service_id')
    .innerJoin('actor as a', 'a.id', 's.actor_id')
    .select(['s.agreement_id', 's.service_id', 's.actor_id', 'sv.type', 'a.name', 'sv.archived_at', 'sv.confirmed_at', 'sv.weekly_hours'])
    .where('s.agreement_id', 'in', agreementIds)
    .orderBy('sv.type')
    .execute();
}

/**
 * What a list row shows of the agreements: the parties' names and roles, and what each commitment's
 * fulfilment rests on (no decisions, names or types, which only the detail shows: fewer columns
 * to read and parse on every page).
 */
async function listedPartsOf(db: Executor, agreementIds: readonly string[]) {
  if (agreementIds.length === 0) return { parties: [], commitments: [] };
  const [parties, commitments] = await Promise.all([
    // A party's actor always exists: its name is never null.
    db
      .selectFrom('agreement_party as p')
      .select(['p.agreement_id', 'p.actor_id', 'p.role', actorNameOf('p.actor_id').$castTo<string>().as('name')])
      .where('p.agreement_id', 'in', agreementIds)
      .orderBy('p.position')
      .execute(),
    db
      .selectFrom('agreement_service as s')
      .innerJoin('service as sv', 'sv.id', 's.service_id')
      .select(['s.agreement_id', 'sv.archived_at', 'sv.confirmed_at', 'sv.weekly_hours'])
      .where(oneOfPlannedOnce('s.agreement_id', agreementIds, 'uuid'))
      .execute(),
  ]);
  return { parties, commitments };
}

type FulfilmentInput = Pick<Awaited<ReturnType<typeof commitmentsOf>>[number], 'archived_at' | 'confirmed_at' | 'weekly_hours'>;

const fulfilmentOf = (s: FulfilmentInput, today: ReturnType<typeof todayInNorway>) =>
  commitmentStatus({ archived: s.archived_at !== null, confirmedAt: s.confirmed_at, weeklyHours: s.weekly_hours === null ? null : Number(s.weekly_hours) }, today);

const SORTS: Record<string, string> = {
  title: 'ag.sort_key collate "C"',
  status: 'ag.status',
  start: 'ag.start_date',
  end: 'ag.end_date',
  updated: 'ag.updated_at',
};

/**
 * How many agreements the scope sees. All of them: the sum of what the database keeps per status
 * (agreement_status_tally). An organisation's are counted from the index of its parties alone
 * (every party row names an agreement that exists), not by looking each agreement up.
 */
function countVisibleAgreements(db: Executor, scope: Scope) {
  const set = scope.agreements.read;
  if (set.all) return db.selectFrom('agreement_status_tally').select(sql<string>`coalesce(sum(agreements), 0)`.as('total'));
  return db
    .selectFrom('agreement_party as vis_party')
    .where(actorIdInSet(set, 'vis_party.actor_id'))
    .select(sql<string>`count(distinct vis_party.agreement_id)`.as('total'));
}

/**
 * A region's agreements from the regions the database keeps for each agreement (agreement_region
 * as `r`: a party in one of the region's municipalities). Each kept row carries its agreement's
 * status and sort key, so a region's agreements of a status (listConditions) are one index
 * range, in title order (REGION_TITLE_ORDER).
 */
function inRegion(qb: SelectQueryBuilder<AgreementJoin, 'ag', object>, region: string | undefined) {
  return region === undefined ? qb : qb.innerJoin('agreement_region as r', 'r.agreement_id', 'ag.id').where('r.region_id', '=', region);
}

/**
 * From this many agreements of its own, an organisation's page in title order walks the titles
 * with a hash of its agreements (visibleAgreementsHashed: a centre party to 1,000 of 20,000, 2.2 →
 * 0.8 ms PostgreSQL CPU). With fewer, a walk finds a page's rows far apart (with 100: 5,000
 * titles for a page of 25) and starting from its parties, then sorting, is cheaper.
 */
const HASHED_WALK_FROM = 200;

/** The title order of the kept region rows: the agreement's own (the same sort key, the same id). */
const REGION_TITLE_ORDER = 'r.sort_key collate "C"';

/**
 * A region's agreements in title order whose other filters are all in the kept region rows (a
 * status) or by id (visibility, a party) need no agreement row until the page is read: the page's
 * ids come from the region rows alone. Joining each matching agreement first only to take its id
 * was most of the headline page's work (PostgreSQL, a region's 188 active agreements: 1.3 → 0.8 ms
 * CPU).
 */
const regionRowsSuffice = (query: AgreementListQuery, sortKey: string): query is AgreementListQuery & { region: string } =>
  query.region !== undefined && sortKey === 'title' && !query.q && !query.kind && query.endingWithinDays === undefined && query.commitments === undefined;

function regionPageIds(db: Executor, scope: Scope, query: AgreementListQuery & { region: string }, direction: RawBuilder<unknown>) {
  let rows = db.selectFrom('agreement_region as r').where('r.region_id', '=', query.region).where(visibleAgreements(scope, 'r.agreement_id'));
  if (query.status) rows = rows.where(regionRowHasStatus(query.status));
  if (query.party) rows = rows.where(hasParty(query.party, 'r.agreement_id'));
  return rows
    .select(['r.agreement_id as id', sql<string>`count(*) over ()`.as('total_count')])
    .orderBy(sql`${sql.raw(REGION_TITLE_ORDER)} ${direction} nulls last`)
    .orderBy('r.agreement_id');
}

export async function listAgreements(db: Executor, scope: Scope, query: AgreementListQuery): Promise<Page<AgreementSummary>> {
  const filteredBy = (visible: RawBuilder<SqlBool>) =>
    db
      .selectFrom('agreement as ag')
      .$if(query.region !== undefined, (qb) => inRegion(qb, query.region))
      .where(visible)
      .where((eb) => listConditions(eb, query));
  const filtered = filteredBy(visibleAgreements(scope, 'ag.id'));
  const descending = query.sort.startsWith('-');
  const sortKey = query.sort.replace('-', '');
  const sortColumn = SORTS[sortKey] ?? SORTS['title'] ?? 'ag.sort_key';
  const direction = sql.raw(descending ? 'desc' : 'asc');
  const order = sql`${sql.raw(sortColumn)} ${direction} nulls last`;
  const pageOrder = query.region !== undefined && sortKey === 'title' ? sql`${sql.raw(REGION_TITLE_ORDER)} ${direction} nulls last` : order;
  const offset = (query.page - 1) * query.pageSize;
  const countAll = async (): Promise<{ total: number; totalCapped?: true }> => {
    if (noFilterIn(query)) return { total: Number((await countVisibleAgreements(db, scope).executeTakeFirstOrThrow()).total) };
    // A text search tests every agreement it counts (often most of them: "samarbeidsavtale" is in
    // nearly every title), so its total is "more than" past COUNT_CAP, as a search engine's is.
    if (query.q) return cappedTotalOf(db, filtered, offset);
    return { total: Number((await filtered.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow()).total) };
  };
  // The page's ids first (from indexes where they serve: the filters, the order), then only the
  // page's rows are read, not every row the filters let through.
  const pageIds = (withTotal: boolean, ofAgreements: typeof filtered) =>
    regionRowsSuffice(query, sortKey)
      ? pageRows(regionPageIds(db, scope, query, direction), query)
      : pageRows(
          ofAgreements
            .select(['ag.id', withTotal ? sql<string>`count(*) over ()`.as('total_count') : sql<string | null>`null`.as('total_count')])
            .orderBy(pageOrder)
            .orderBy('ag.id'),
          query,
        );
  const pageOf = (withTotal: boolean, ofAgreements = filtered) =>
    db
      .with('page', () => pageIds(withTotal, ofAgreements))
      .selectFrom('page')
      .innerJoin('agreement as ag', 'ag.id', 'page.id')
      .select([...agreementColumns, 'page.total_count'])
      .orderBy(order)
      .orderBy('ag.id')
      .execute();
  let rows: Awaited<ReturnType<typeof pageOf>>;
  let counted: { total: number; totalCapped?: true };
  if (query.party || query.region || query.commitments) {
    // Filters that look into each agreement's parties or services: the total comes with the page
    // (a window count over the ids), so those lookups run once, not again for a count.
    rows = await pageOf(true);
    counted = rows.length > 0 ? { total: Number(rows[0]?.total_count) } : await countAll();
  } else if (noFilterIn(query) && sortKey === 'title' && !scope.agreements.read.all) {
    // An organisation's own agreements in title order: counted first (from its parties' index), so
    // that the page's walk of the titles checks each against a hash of them when they are many.
    counted = await countAll();
    rows = await pageOf(false, counted.total >= HASHED_WALK_FROM ? filteredBy(visibleAgreementsHashed(scope, 'ag.id')) : filtered);
  } else {
    // Column filters, text search (indexed) or none: the page is read in index order and stops after
    // its rows; the total is a count that reads no columns.
    rows = await pageOf(false);
    const firstPartial = query.page === 1 && rows.length < query.pageSize;
    counted = firstPartial ? { total: rows.length } : await countAll();
  }
  const ids = rows.map((r) => r.id);
  const { parties, commitments } = await listedPartsOf(db, ids);
  const today = todayInNorway();
  const partiesByAgreement = groupedBy(parties, (p) => p.agreement_id);
  const unmetByAgreement = groupedBy(
    commitments.filter((s) => fulfilmentOf(s, today) !== 'met'),
    (s) => s.agreement_id,
  );
  return {
    items: rows.map((row) =>
      withFields(toAgreement(row), {
        parties: (partiesByAgreement.get(row.id) ?? []).map((p) => ({ actorId: p.actor_id, actorName: p.name, role: p.role })),
        unmetCommitments: unmetByAgreement.get(row.id)?.length ?? 0,
      }),
    ),
    ...counted,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * How many agreements the scope sees have each status, every status present: for a scope that sees
 * all, what the database keeps per status (agreement_status_tally); else one grouped count.
 */
export async function countAgreementsByStatus(db: Executor, scope: Scope): Promise<AgreementStatusCounts> {
  const rows = scope.agreements.read.all
    ? await db.selectFrom('agreement_status_tally').select(['status', 'agreements as count']).execute()
    : await db
        .selectFrom('agreement as ag')
        .where(visibleAgreements(scope, 'ag.id'))
        .select((eb) => ['ag.status', eb.fn.countAll<string>().as('count')])
        .groupBy('ag.status')
        .execute();
  const counted = new Map(rows.map((row) => [row.status, Number(row.count)]));
  return { byStatus: Object.fromEntries(agreementStatuses.map((status) => [status, counted.get(status) ?? 0])) as AgreementStatusCounts['byStatus'] };
}

/** The agreement, if the scope may see it; `allowedTransitions` are those this scope may make. */
export async function findAgreement(db: Executor, scope: Scope, id: string): Promise<AgreementDetail | undefined> {
  const row = await selectAgreements(db).where('ag.id', '=', id).where(visibleAgreements(scope, 'ag.id')).executeTakeFirst();
  if (!row) return undefined;
  const [parties, services, documents, transitions, renewedBy, amendments] = await Promise.all([
    partiesOf(db, [id]),
    commitmentsOf(db, [id]),
    db.selectFrom('agreement_document').select(['id', 'filename', 'size_bytes', 'uploaded_at']).where('agreement_id', '=', id).orderBy('uploaded_at').execute(),
    db
      .selectFrom('agreement_transition')
      .select(['from_status', 'to_status', 'at', 'user_id', 'note', 'note_code', 'note_params'])
      .where('agreement_id', '=', id)
      .orderBy('at')
      .orderBy('id')
      .execute(),
    db.selectFrom('agreement').select('id').where('renews_id', '=', id).executeTakeFirst(),
    amendmentsOf(db, id),
  ]);
  const agreement = toAgreement(row);
  const today = todayInNorway();
  return {
    ...agreement,
    parties: parties.map((p) => ({
      actorId: p.actor_id,
      actorName: p.name,
      actorKind: p.kind,
      role: p.role,
      acceptedAt: p.accepted_at === null ? null : iso(p.accepted_at),
      declinedAt: p.declined_at === null ? null : iso(p.declined_at),
      decisionComment: p.decision_comment,
      services: services
        .filter((s) => s.actor_id === p.actor_id)
        .map((s) => ({
          serviceId: s.service_id,
          type: s.type,
          actorId: s.actor_id,
          actorName: s.name,
          fulfilment: fulfilmentOf(s, today),
        })),
    })),
    documents: documents.map((d) => ({ id: d.id, filename: d.filename, sizeBytes: d.size_bytes, uploadedAt: iso(d.uploaded_at) })),
    transitions: transitions.map((t) => ({
      from: t.from_status,
      to: t.to_status,
      at: iso(t.at),
      byUserId: t.user_id,
      note: t.note,
      noteCode: t.note_code,
      noteParams: t.note_params,
    })),
    allowedTransitions: allowedTransitionsFor(scope, agreement.status),
    renewedById: renewedBy?.id ?? null,
    amendments,
  };
}

/** An agreement's amendments, oldest first, each with the parties it touches and their acceptances. */
async function amendmentsOf(db: Executor, agreementId: string): Promise<AgreementAmendment[]> {
  const rows = await db
    .selectFrom('agreement_amendment')
    .select(['id', 'number', 'reason', 'status', 'changes', 'proposed_at', 'in_force_at'])
    .where('agreement_id', '=', agreementId)
    .orderBy('number')
    .execute();
  if (rows.length === 0) return [];
  const parties = await db
    .selectFrom('agreement_amendment_party as ap')
    .innerJoin('actor as a', 'a.id', 'ap.actor_id')
    .innerJoin('agreement_party as p', (join) => join.onRef('p.actor_id', '=', 'ap.actor_id').on('p.agreement_id', '=', agreementId))
    .select(['ap.amendment_id', 'ap.actor_id', 'ap.accepted_at', 'a.name', 'a.kind'])
    .where(
      'ap.amendment_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('p.position')
    .execute();
  // A change of services names ids; people read their types.
  const serviceIds = [...new Set(rows.flatMap((r) => r.changes.filter((c) => c.field === 'services').flatMap((c) => [...(c.before as string[]), ...(c.after as string[])])))];
  const types = new Map(
    (serviceIds.length ? await db.selectFrom('service').select(['id', 'type']).where('id', 'in', serviceIds).execute() : []).map((s) => [s.id, s.type as string]),
  );
  const typesOf = (ids: unknown) => (ids as string[]).map((id) => types.get(id) ?? id);
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    reason: row.reason,
    status: row.status,
    changes: row.changes.map((change) => (change.field === 'services' ? { ...change, beforeTypes: typesOf(change.before), afterTypes: typesOf(change.after) } : change)),
    proposedAt: iso(row.proposed_at),
    inForceAt: isoOrNull(row.in_force_at),
    parties: parties
      .filter((p) => p.amendment_id === row.id)
      .map((p) => ({ actorId: p.actor_id, actorName: p.name, actorKind: p.kind, acceptedAt: isoOrNull(p.accepted_at) })),
  }));
}

export async function getAgreement(db: Executor, scope: Scope, id: string): Promise<AgreementDetail> {
  const agreement = await findAgreement(db, scope, id);
  if (!agreement) throw new NotFoundError('agreement');
  return agreement;
}

/**
 * Whether the scope reaches the agreement: 404 when it may not see it, and with `write`, 403 when
 * it may not change it. Locks the agreement row when `lock` (inside the writing transaction).
 */
export async function assertAgreementInReach(db: Executor, scope: Scope, id: string, mode: { write: boolean; lock?: boolean }): Promise<void> {
  let query = db.selectFrom('agreement').select('id').where('id', '=', id);
  if (mode.lock) query = query.forUpdate();
  const agreement = await query.executeTakeFirst();
  const parties = agreement ? (await db.selectFrom('agreement_party').select('actor_id').where('agreement_id', '=', id).execute()).map((p) => p.actor_id) : [];
  requireVisible(agreement !== undefined && agreementInReach(scope.agreements.read, parties), 'agreement');
  if (mode.write) requireWritable(agreementInReach(scope.agreements.write, parties), 'You may read this agreement but not change it');
}

/**
 * Parties must exist (and be actors the scope sees: one it does not is answered as unknown), and
 * each committed service must be one of that party's own. `known`: parties there already, which
 * the scope keeps whether it sees them or not.
 */
async function partyViolations(db: Executor, scope: Scope, parties: readonly AgreementPartyInput[], known: readonly string[] = []): Promise<FieldError[]> {
  const actorIds = [...new Set(parties.map((p) => p.actorId))];
  const serviceIds = [...new Set(parties.flatMap((p) => p.serviceIds))];
  const knownActors = new Set([...(await visibleActorIds(db, scope.actors.read, actorIds)), ...known]);
  const found = serviceIds.length
    ? await db.selectFrom('service').select(['id', 'actor_id']).where('id', 'in', serviceIds).where('archived_at', 'is', null).execute()
    : [];
  // A service of an actor out of reach is answered as unknown too.
  const ownersSeen = await visibleActorIds(
    db,
    scope.actorRecords.read,
    found.map((s) => s.actor_id),
  );
  const services = found.filter((s) => knownActors.has(s.actor_id) || ownersSeen.has(s.actor_id)).map((s) => ({ id: s.id, actorId: s.actor_id }));
  return agreementPartyViolations(parties, knownActors, services);
}

async function writeParties(trx: Executor, agreementId: string, parties: readonly AgreementPartyInput[]): Promise<void> {
  await trx.deleteFrom('agreement_service').where('agreement_id', '=', agreementId).execute();
  await trx.deleteFrom('agreement_party').where('agreement_id', '=', agreementId).execute();
  await trx
    .insertInto('agreement_party')
    .values(
      parties.map((p, position) => ({
        agreement_id: agreementId,
        actor_id: p.actorId,
        role: p.role,
        position,
      })),
    )
    .execute();
  const services = parties.flatMap((p) => [...new Set(p.serviceIds)].map((serviceId) => ({ agreement_id: agreementId, actor_id: p.actorId, service_id: serviceId })));
  if (services.length > 0) await trx.insertInto('agreement_service').values(services).execute();
}

/** What the history says of a move: what a person typed, and the system's own note as a code (shown in the reader's language). */
interface TransitionNote {
  note?: string | null;
  code?: AgreementNoteCode;
  params?: Record<string, string>;
}

async function recordTransition(trx: Executor, agreementId: string, from: AgreementStatus | null, to: AgreementStatus, context: ChangeContext, { note = null, code, params }: TransitionNote = {}) {
  await trx
    .insertInto('agreement_transition')
    .values({ agreement_id: agreementId, from_status: from, to_status: to, user_id: context.userId, note, note_code: code ?? null, note_params: params ? json(params) : null })
    .execute();
}

/** What a principal proposes is its own: its organisation must be a party (the county's: any). */
function requireOwnParty(scope: Scope, parties: readonly AgreementPartyInput[], detail: string): void {
  requireWritable(
    agreementInReach(
      scope.agreements.write,
      parties.map((p) => p.actorId),
    ),
    detail,
  );
}

export async function createAgreement(db: Executor, scope: Scope, input: AgreementCreate, context: ChangeContext): Promise<AgreementDetail> {
  return insertAgreement(db, scope, input, context, null);
}

/** A new draft; a renewal (`renewsId`) keeps the parties of the agreement it renews, seen or not. */
async function insertAgreement(db: Executor, scope: Scope, input: AgreementCreate, context: ChangeContext, renewsId: string | null): Promise<AgreementDetail> {
  return auditedCreate(db, {
    entity: 'agreement',
    context,
    insert: async (trx) => {
      const fields = { startDate: input.startDate ?? null, endDate: input.endDate ?? null, parties: input.parties };
      const known = renewsId ? input.parties.map((p) => p.actorId) : [];
      const errors = [...agreementRuleViolations(fields), ...(await partyViolations(trx, scope, input.parties, known))];
      if (errors.length > 0) throw new DomainRuleError(errors);
      requireOwnParty(scope, input.parties, 'An agreement you propose must have your organisation as a party');
      const { id } = await trx
        .insertInto('agreement')
        .values({
          title: input.title,
          sort_key: norwegianSortKey(input.title),
          kind: input.kind,
          status: 'draft',
          description: input.description ?? null,
          levels: json(input.levels ?? []),
          themes: json(input.themes ?? []),
          start_date: fields.startDate,
          end_date: fields.endDate,
          renews_id: renewsId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeParties(trx, id, input.parties);
      await recordTransition(trx, id, null, 'draft', context, renewsId ? { code: 'renewal' } : {});
      return id;
    },
    read: (trx, id) => getAgreement(trx, scope, id),
  });
}

/** The agreement as a versioned record: 404 when the scope cannot see it, 403 when it may not change it. */
export function agreementRecord(scope: Scope, id: string): VersionedRecord<AgreementDetail> {
  return {
    table: 'agreement',
    id,
    entity: 'agreement',
    checkReach: (trx) => assertAgreementInReach(trx, scope, id, { write: true }),
    read: (trx) => getAgreement(trx, scope, id),
  };
}

/** The agreement as a party answers it: seen is enough (404 otherwise); who may answer for whom is checked in the write. */
export function answerRecord(scope: Scope, id: string): VersionedRecord<AgreementDetail> {
  return { ...agreementRecord(scope, id), checkReach: (trx) => assertAgreementInReach(trx, scope, id, { write: false }) };
}

export async function updateAgreement(
  db: Executor,
  scope: Scope,
  id: string,
  changes: AgreementUpdate,
  expectedVersion: ExpectedVersion,
  context: ChangeContext,
): Promise<AgreementDetail> {
  return versionedChange(db, {
    ...agreementRecord(scope, id),
    expectedVersion,
    context,
    action: 'update',
    write: async (trx, before) => {
      assertAgreementChangeAllowed(before.status, changes);
      const parties =
        changes.parties ?? before.parties.map((p) => ({ actorId: p.actorId, role: p.role, serviceIds: p.services.map((s) => s.serviceId) }));
      const merged = { startDate: changes.startDate ?? before.startDate, endDate: changes.endDate ?? before.endDate, parties };
      const current = before.parties.map((p) => p.actorId);
      const errors = [...agreementRuleViolations(merged), ...(changes.parties ? await partyViolations(trx, scope, changes.parties, current) : [])];
      if (errors.length > 0) throw new DomainRuleError(errors);
      if (changes.parties) requireOwnParty(scope, changes.parties, 'Your organisation must stay a party of the agreement');
      const title = changes.title ?? before.title;
      await trx
        .updateTable('agreement')
        .set({
          title,
          sort_key: norwegianSortKey(title),
          kind: changes.kind ?? before.kind,
          description: changes.description === undefined ? before.description : changes.description,
          levels: json(changes.levels ?? before.levels),
          themes: json(changes.themes ?? before.themes),
          start_date: merged.startDate,
          end_date: merged.endDate,
          ...nextVersion,
        })
        .where('id', '=', id)
        .execute();
      if (changes.parties) await writeParties(trx, id, changes.parties);
      // The text the parties accepted (sent to them, or still a draft) has changed: each is asked
      // again, so no acceptance of an older text signs this one.
      if (before.status === 'negotiating' || before.status === 'draft') {
        await trx.updateTable('agreement_party').set({ accepted_at: null, declined_at: null, decision_comment: null, decided_by: null }).where('agreement_id', '=', id).execute();
      }
    },
  });
}

/** Moves an agreement along its lifecycle; a move the state machine forbids is 409 with the allowed ones. */
export async function transitionAgreement(
  db: Executor,
  scope: Scope,
  id: string,
  request: { to: AgreementStatus; note?: string | undefined; overrideReason?: string | undefined },
  expectedVersion: ExpectedVersion,
  context: ChangeContext,
): Promise<AgreementDetail> {
  return versionedChange(db, {
    ...agreementRecord(scope, id),
    expectedVersion,
    context,
    action: 'transition',
    write: async (trx, before) => {
      if (!canTransition(before.status, request.to)) {
        const allowed = allowedTransitionsFor(scope, before.status);
        throw new ConflictError(`An agreement that is ${before.status} cannot become ${request.to}; allowed: ${allowed.length ? allowed.join(', ') : 'none'}`, {
          allowed,
        });
      }
      requireWritable(mayTransition(scope, before.status, request.to), `Your role may not move an agreement from ${before.status} to ${request.to}`);
      // "Signed" needs every party's acceptance; the county may sign without, only with a reason.
      const override = request.to === 'signed' ? signingNote(before.parties, request.overrideReason, scope.everything) : null;
      const note = [override?.reason, request.note].filter(Boolean).join(' — ') || null;
      await trx.updateTable('agreement').set({ status: request.to, ...nextVersion }).where('id', '=', id).execute();
      await recordTransition(trx, id, before.status, request.to, context, override ? { note, code: override.code, params: override.params } : { note });
      // Sent to parties who have all accepted the draft already: nothing is left to wait for.
      await signIfAllAccepted(trx, id, request.to, before.parties, context);
    },
  });
}

/**
 * A party's answer to the text it is asked to accept: accepted, or declined with a comment. Each
 * organisation answers for itself only (403 otherwise, mayAcceptFor); only while the text is
 * negotiated (409); with If-Match, so two answers at once do not overwrite each other (412).
 */
export async function decideAgreement(
  db: Executor,
  scope: Scope,
  id: string,
  actorId: string,
  decision: AgreementDecision,
  expectedVersion: ExpectedVersion,
  context: ChangeContext,
): Promise<AgreementDetail> {
  return versionedChange(db, {
    ...answerRecord(scope, id),
    expectedVersion,
    context,
    action: 'update',
    write: async (trx, before) => {
      const party = before.parties.find((p) => p.actorId === actorId);
      if (!party) throw new NotFoundError('party of this agreement');
      requireWritable(mayAcceptFor(scope, party), 'You accept or decline an agreement only for your own organisation');
      assertAcceptanceOpen(before.status);
      const accepted = decision.decision === 'accepted';
      await trx
        .updateTable('agreement_party')
        .set({
          accepted_at: accepted ? sql<Date>`now()` : null,
          declined_at: accepted ? null : sql<Date>`now()`,
          decision_comment: decision.comment ?? null,
          decided_by: context.userId,
        })
        .where('agreement_id', '=', id)
        .where('actor_id', '=', actorId)
        .execute();
      await trx.updateTable('agreement').set(nextVersion).where('id', '=', id).execute();
      const answered = before.parties.map((p) => (p.actorId === actorId ? { acceptedAt: accepted ? new Date().toISOString() : null } : p));
      await signIfAllAccepted(trx, id, before.status, answered, context);
    },
  });
}

/** The last acceptance signs the agreement, in the same transaction, and the history says why; whether it did. */
async function signIfAllAccepted(
  trx: Executor,
  id: string,
  status: AgreementStatus,
  parties: readonly { acceptedAt: string | null }[],
  context: ChangeContext,
): Promise<boolean> {
  if (!signedByAcceptance(status, parties)) return false;
  await trx.updateTable('agreement').set({ status: 'signed' }).where('id', '=', id).execute();
  await recordTransition(trx, id, status, 'signed', context, { code: 'signed_by_acceptance' });
  return true;
}

/**
 * A data repair: signs the agreements every party had accepted before the last acceptance signed
 * them (they stayed under negotiation), as the live rule does — each a versioned change, audited
 * as the system. An agreement the rule does not sign is left as it is; returns how many it signed.
 */
export async function signAgreementsAcceptedByAll(trx: Executor): Promise<number> {
  const scope = systemScope();
  const context: ChangeContext = { userId: null };
  // The agreements under negotiation (few): the domain's rule decides which of them are signed.
  const negotiating = await trx.selectFrom('agreement').select('id').where('status', '=', 'negotiating').orderBy('id').execute();
  let signed = 0;
  for (const { id } of negotiating) {
    await versionedChange(trx, {
      ...agreementRecord(scope, id),
      expectedVersion: '*',
      context,
      action: 'transition',
      write: async (t, before) => {
        if (!(await signIfAllAccepted(t, id, before.status, before.parties, context))) return 'unchanged';
        await t.updateTable('agreement').set(nextVersion).where('id', '=', id).execute();
        signed += 1;
      },
    });
  }
  return signed;
}

/** A task's row, as both parts of `listPendingAcceptances` select it. */
interface TaskRow {
  id: string;
  updated_at: Date;
  actor_id: string;
  declined: boolean;
  amendment_number: number | null;
}

/**
 * The agreements waiting for an answer from an organisation this scope answers for: its tasks,
 * a page of them newest first (the agreement's last change), in one statement. Each part —
 * agreements sent to the parties, amendments proposed — finds its unanswered parties from
 * indexes (`agreement_party_actor_answer_idx`, `agreement_negotiating_recent_idx`) and stops
 * `COUNT_CAP` rows past the page's start; the page is the newest of their rows, and the total is
 * counted over the same rows (`count(*) over ()`; `totalCapped` past the cap, as the audit
 * log's), so the parties are not looked up a second time only to count them (issue 18). An empty
 * page past the first has no row to carry the total, so only that one is counted apart.
 * `unanswered`: leave out those declined already (the inbox asks only what has no answer yet).
 */
export async function listPendingAcceptances(
  db: Executor,
  scope: Scope,
  query: PendingAcceptanceListQuery,
  { unanswered = false }: { unanswered?: boolean } = {},
): Promise<Page<PendingAcceptance>> {
  const offset = (query.page - 1) * query.pageSize;
  const acceptFor = scope.agreements.acceptFor;
  if (!acceptFor.all && acceptFor.ids.length === 0 && acceptFor.kinds.length === 0) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  // The organisations it answers for (by id, or by kind: the county, for parties no account acts
  // for), as ids read once per statement: the unanswered parties of all of them are found in one
  // scan of the index on the party's actor (the county answers for hundreds of actors, most of
  // them with no party), then their agreements if negotiated (issue 18).
  const answersFor = (column: 'p.actor_id' | 'ap.actor_id') => (acceptFor.all ? sql<SqlBool>`true` : sql<SqlBool>`${sql.ref(column)} = any(${actorIdsOfSet(acceptFor)})`);
  // A party it answers for is one it sees (it answers only for organisations it reads), so an
  // agreement with that party is visible: the visibility condition adds nothing then.
  const read = scope.agreements.read;
  const answersOnlyForVisible = read.all || (acceptFor.kinds.length === 0 && acceptFor.municipalities.length === 0 && acceptFor.ids.every((id) => read.ids.includes(id)));
  const visible = answersOnlyForVisible ? sql<SqlBool>`true` : visibleAgreements(scope, 'ag.id');
  // Agreements sent to the parties that wait for one of its answers.
  const agreements = db
    .selectFrom('agreement_party as p')
    .innerJoin('agreement as ag', 'ag.id', 'p.agreement_id')
    .where(answersFor('p.actor_id'))
    .where('p.accepted_at', 'is', null)
    .$if(unanswered, (qb) => qb.where('p.declined_at', 'is', null))
    .where('ag.status', 'in', literalsOf(['negotiating'] as const))
    .where(visible);
  // Amendments proposed (few: one at a time per agreement) that wait for one of its answers.
  const amendments = db
    .selectFrom('agreement_amendment as am')
    .innerJoin('agreement as ag', 'ag.id', 'am.agreement_id')
    .innerJoin('agreement_amendment_party as ap', 'ap.amendment_id', 'am.id')
    .where('am.status', 'in', literalsOf(['proposed'] as const))
    .where('ag.status', 'in', literalsOf(AMENDABLE_STATUSES))
    .where('ap.accepted_at', 'is', null)
    .where(visible)
    .where(answersFor('ap.actor_id'));
  const parts = [...(query.kind !== 'amendment' ? ['agreement' as const] : []), ...(query.kind !== 'agreement' ? ['amendment' as const] : [])];
  // Each part names its tasks by the agreement's id and last change and the party only; the page's
  // rows (the agreement's title, the party's name) are read after, for those 25.
  const common = ['ag.id', 'ag.updated_at'] as const;
  // Newest first; an agreement's parties (and its amendment after the agreement) in a fixed order, so pages neither overlap nor skip.
  const order = ['task.updated_at desc', 'task.id', 'task.actor_id', 'task.amendment_number nulls first'].map((term) => sql.raw(term));
  // Each part up to the cap, newest first, so that the page is right whatever the cap cuts off.
  const cap = offset + COUNT_CAP;
  const upToCap = rowsUpToCap(offset);
  const arm = (part: 'agreement' | 'amendment') =>
    part === 'agreement'
      ? agreements
          .select([...common, 'p.actor_id', sql<boolean>`p.declined_at is not null`.as('declined'), sql<number | null>`null::int`.as('amendment_number')])
          .orderBy('ag.updated_at', 'desc')
          .orderBy('ag.id')
          .orderBy('p.actor_id')
          .limit(upToCap)
      : amendments
          .select([...common, 'ap.actor_id', sql<boolean>`false`.as('declined'), 'am.number as amendment_number'])
          .orderBy('ag.updated_at', 'desc')
          .orderBy('ag.id')
          .orderBy('ap.actor_id')
          .limit(upToCap);
  // The parts in one statement: each in parentheses, with its own order and limit.
  const unionOf = (queries: readonly Compilable[]) => sql.join(queries.map((q) => sql`(${q})`), sql` union all `);
  const rows = await db
    .with('task', () =>
      pageRows(
        db
          .selectFrom(sql<TaskRow>`(${unionOf(parts.map(arm))})`.as('task'))
          .selectAll()
          .select(sql<string>`count(*) over ()`.as('total_count'))
          .orderBy(sql.join(order)),
        query,
      ),
    )
    .selectFrom('task')
    .innerJoin('agreement as ag', 'ag.id', 'task.id')
    .innerJoin('actor as a', 'a.id', 'task.actor_id')
    .select(['task.id', 'task.actor_id', 'a.name', 'task.declined', 'task.amendment_number', 'ag.title', 'ag.start_date', 'ag.end_date', 'ag.version', 'task.total_count'])
    .orderBy(sql.join(order))
    .execute();
  const items = rows.map((r) => ({
    agreementId: r.id,
    title: r.title,
    actorId: r.actor_id,
    actorName: r.name,
    startDate: r.start_date,
    endDate: r.end_date,
    declined: r.declined,
    amendmentNumber: r.amendment_number,
    version: r.version,
  }));
  // The same parts, counted (an empty page past the first only).
  const countedApart = async () =>
    Number((await db.selectFrom(sql<TaskRow>`(${unionOf(parts.map(arm))})`.as('task')).select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow()).total);
  const total = rows[0] ? Number(rows[0].total_count) : query.page === 1 ? 0 : await countedApart();
  return { items, total: Math.min(total, cap), ...(total > cap ? { totalCapped: true } : {}), page: query.page, pageSize: query.pageSize };
}

/** Renewal: a new draft with the same parties and services, linked to the agreement it renews. */
export async function renewAgreement(
  db: Executor,
  scope: Scope,
  id: string,
  period: { startDate?: string | null | undefined; endDate?: string | null | undefined },
  context: ChangeContext,
): Promise<AgreementDetail> {
  await assertAgreementInReach(db, scope, id, { write: true });
  const current = await getAgreement(db, scope, id);
  if (!canRenew(current.status)) throw new ConflictError(`A ${current.status} agreement cannot be renewed; renew an active, expiring or expired one`);
  if (current.renewedById) throw renewedAlready();
  // By default the renewal starts the day after the old one ends: no day of overlap.
  const startDate = renewalStart(current, period.startDate);
  const violations = renewalViolations(current, period);
  if (violations.length > 0) throw new DomainRuleError(violations);
  // At most one renewal per agreement: the database refuses a second (a unique index), also when two arrive at once.
  return insertAgreement(
    db,
    scope,
    {
      title: current.title,
      kind: current.kind,
      description: current.description,
      levels: current.levels,
      themes: current.themes,
      startDate,
      endDate: period.endDate ?? null,
      parties: current.parties.map((p) => ({ actorId: p.actorId, role: p.role, serviceIds: p.services.map((s) => s.serviceId) })),
    },
    context,
    id,
  ).catch((error: unknown) => {
    throw uniqueViolation(error) ? renewedAlready() : error;
  });
}

const renewedAlready = () => new ConflictError('This agreement has been renewed already');
