import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '@kompetansebro/db';
import {
  agreementInReach,
  agreementRuleViolations,
  allowedTransitionsFor,
  canRenew,
  canTransition,
  hasActorId,
  mayTransition,
  norwegianSortKey,
  todayInNorway,
  type AgreementCreate,
  type AgreementDetail,
  type AgreementListQuery,
  type AgreementPartyInput,
  type AgreementStatus,
  type AgreementSummary,
  type AgreementUpdate,
  type FieldError,
  type Page,
} from '@kompetansebro/domain';
import {
  assertAcceptanceOpen,
  assertAgreementChangeAllowed,
  ConflictError,
  DomainRuleError,
  NotFoundError,
  partyViolations as agreementPartyViolations,
} from '@kompetansebro/domain';
import { requireVisible, requireWritable, visibleAgreements, type Scope } from '../auth/visibility';
import type { Executor } from '../persistence/executor';
import { iso, likePattern, visibleActorIds, type ChangeContext } from '../persistence/repository-helpers';
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
  if (query.status) conditions.push(eb('ag.status', '=', query.status));
  if (query.kind) conditions.push(eb('ag.kind', '=', query.kind));
  if (query.party) {
    conditions.push(
      eb.exists(eb.selectFrom('agreement_party as p').select('p.actor_id').whereRef('p.agreement_id', '=', 'ag.id').where('p.actor_id', '=', query.party)),
    );
  }
  if (query.region) {
    conditions.push(
      eb.exists(
        eb
          .selectFrom('agreement_party as p')
          .innerJoin('actor as a', 'a.id', 'p.actor_id')
          .innerJoin('municipality as m', 'm.number', 'a.municipality_number')
          .select('p.actor_id')
          .whereRef('p.agreement_id', '=', 'ag.id')
          .where('m.region_id', '=', query.region),
      ),
    );
  }
  if (query.endingWithinDays !== undefined) {
    const today = todayInNorway();
    conditions.push(eb('ag.status', 'in', ['active', 'expiring']));
    conditions.push(eb('ag.end_date', '<=', sql<string>`${today}::date + ${query.endingWithinDays}::int`));
  }
  return eb.and(conditions);
}

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
    .select(['p.agreement_id', 'p.actor_id', 'p.role', 'p.accepted_at', 'a.name', 'a.kind'])
    .where('p.agreement_id', 'in', agreementIds)
    .orderBy('p.position')
    .execute();
}

const SORTS: Record<string, string> = {
  title: 'ag.sort_key collate "C"',
  status: 'ag.status',
  start: 'ag.start_date',
  end: 'ag.end_date',
  updated: 'ag.updated_at',
};

export async function listAgreements(db: Executor, scope: Scope, query: AgreementListQuery): Promise<Page<AgreementSummary>> {
  const filtered = db
    .selectFrom('agreement as ag')
    .where(visibleAgreements(scope, 'ag.id'))
    .where((eb) => listConditions(eb, query));
  const descending = query.sort.startsWith('-');
  const sortColumn = SORTS[query.sort.replace('-', '')] ?? SORTS['title'];
  // The total comes with the page (a window count), saving a second scan of the same rows.
  const rows = await filtered
    .select(agreementColumns)
    .select(sql<string>`count(*) over ()`.as('total_count'))
    .orderBy(sql.raw(sortColumn ?? 'ag.sort_key'), (ob) => (descending ? ob.desc().nullsLast() : ob.asc().nullsLast()))
    .orderBy('ag.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const total =
    rows.length > 0
      ? Number(rows[0]?.total_count)
      : Number((await filtered.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow()).total);
  const parties = await partiesOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((row) => ({
      ...toAgreement(row),
      parties: parties
        .filter((p) => p.agreement_id === row.id)
        .map((p) => ({ actorId: p.actor_id, actorName: p.name, role: p.role })),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The agreement, if the scope may see it; `allowedTransitions` are those this scope may make. */
export async function findAgreement(db: Executor, scope: Scope, id: string): Promise<AgreementDetail | undefined> {
  const row = await selectAgreements(db).where('ag.id', '=', id).where(visibleAgreements(scope, 'ag.id')).executeTakeFirst();
  if (!row) return undefined;
  const [parties, services, documents, transitions, renewedBy] = await Promise.all([
    partiesOf(db, [id]),
    db
      .selectFrom('agreement_service as s')
      .innerJoin('service as sv', 'sv.id', 's.service_id')
      .innerJoin('actor as a', 'a.id', 's.actor_id')
      .select(['s.service_id', 's.actor_id', 'sv.type', 'a.name'])
      .where('s.agreement_id', '=', id)
      .orderBy('sv.type')
      .execute(),
    db.selectFrom('agreement_document').select(['id', 'filename', 'size_bytes', 'uploaded_at']).where('agreement_id', '=', id).orderBy('uploaded_at').execute(),
    db
      .selectFrom('agreement_transition')
      .select(['from_status', 'to_status', 'at', 'user_id', 'note'])
      .where('agreement_id', '=', id)
      .orderBy('at')
      .orderBy('id')
      .execute(),
    db.selectFrom('agreement').select('id').where('renews_id', '=', id).executeTakeFirst(),
  ]);
  const agreement = toAgreement(row);
  return {
    ...agreement,
    parties: parties.map((p) => ({
      actorId: p.actor_id,
      actorName: p.name,
      actorKind: p.kind,
      role: p.role,
      acceptedAt: p.accepted_at === null ? null : iso(p.accepted_at),
      services: services
        .filter((s) => s.actor_id === p.actor_id)
        .map((s) => ({ serviceId: s.service_id, type: s.type, actorId: s.actor_id, actorName: s.name })),
    })),
    documents: documents.map((d) => ({ id: d.id, filename: d.filename, sizeBytes: d.size_bytes, uploadedAt: iso(d.uploaded_at) })),
    transitions: transitions.map((t) => ({
      from: t.from_status,
      to: t.to_status,
      at: iso(t.at),
      byUserId: t.user_id,
      note: t.note,
    })),
    allowedTransitions: allowedTransitionsFor(scope, agreement.status),
    renewedById: renewedBy?.id ?? null,
  };
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
        accepted_at: p.acceptedAt ?? null,
      })),
    )
    .execute();
  const services = parties.flatMap((p) => [...new Set(p.serviceIds)].map((serviceId) => ({ agreement_id: agreementId, actor_id: p.actorId, service_id: serviceId })));
  if (services.length > 0) await trx.insertInto('agreement_service').values(services).execute();
}

async function recordTransition(trx: Executor, agreementId: string, from: AgreementStatus | null, to: AgreementStatus, context: ChangeContext, note: string | null) {
  await trx.insertInto('agreement_transition').values({ agreement_id: agreementId, from_status: from, to_status: to, user_id: context.userId, note }).execute();
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
      await recordTransition(trx, id, null, 'draft', context, renewsId ? 'Fornyelse' : null);
      return id;
    },
    read: (trx, id) => getAgreement(trx, scope, id),
  });
}

/** The agreement as a versioned record: 404 when the scope cannot see it, 403 when it may not change it. */
function agreementRecord(scope: Scope, id: string): VersionedRecord<AgreementDetail> {
  return {
    table: 'agreement',
    id,
    entity: 'agreement',
    checkReach: (trx) => assertAgreementInReach(trx, scope, id, { write: true }),
    read: (trx) => getAgreement(trx, scope, id),
  };
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
        changes.parties ?? before.parties.map((p) => ({ actorId: p.actorId, role: p.role, serviceIds: p.services.map((s) => s.serviceId), acceptedAt: p.acceptedAt }));
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
    },
  });
}

/** Moves an agreement along its lifecycle; a move the state machine forbids is 409 with the allowed ones. */
export async function transitionAgreement(
  db: Executor,
  scope: Scope,
  id: string,
  request: { to: AgreementStatus; note?: string | undefined },
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
      await trx.updateTable('agreement').set({ status: request.to, ...nextVersion }).where('id', '=', id).execute();
      await recordTransition(trx, id, before.status, request.to, context, request.note ?? null);
    },
  });
}

/** Records that a party has accepted the final text (each party confirms its own acceptance). */
export async function acceptAgreement(
  db: Executor,
  scope: Scope,
  id: string,
  actorId: string,
  expectedVersion: ExpectedVersion,
  context: ChangeContext,
): Promise<AgreementDetail> {
  return versionedChange(db, {
    ...agreementRecord(scope, id),
    expectedVersion,
    context,
    action: 'update',
    write: async (trx, before) => {
      if (!before.parties.some((p) => p.actorId === actorId)) throw new NotFoundError('party of this agreement');
      requireWritable(hasActorId(scope.agreements.acceptFor, actorId), 'You accept an agreement only for your own organisation');
      assertAcceptanceOpen(before.status);
      await trx.updateTable('agreement_party').set({ accepted_at: sql`now()` }).where('agreement_id', '=', id).where('actor_id', '=', actorId).execute();
      await trx.updateTable('agreement').set(nextVersion).where('id', '=', id).execute();
    },
  });
}

/** Renewal: a new draft with the same parties and services, linked to the agreement it renews. */
export async function renewAgreement(
  db: Executor,
  scope: Scope,
  id: string,
  period: { startDate: string | null; endDate: string | null },
  context: ChangeContext,
): Promise<AgreementDetail> {
  await assertAgreementInReach(db, scope, id, { write: true });
  const current = await getAgreement(db, scope, id);
  if (!canRenew(current.status)) throw new ConflictError(`A ${current.status} agreement cannot be renewed; renew an active, expiring or expired one`);
  if (current.renewedById) throw new ConflictError('This agreement has been renewed already');
  return insertAgreement(
    db,
    scope,
    {
      title: current.title,
      kind: current.kind,
      description: current.description,
      levels: current.levels,
      themes: current.themes,
      startDate: period.startDate,
      endDate: period.endDate,
      parties: current.parties.map((p) => ({ actorId: p.actorId, role: p.role, serviceIds: p.services.map((s) => s.serviceId) })),
    },
    context,
    id,
  );
}
