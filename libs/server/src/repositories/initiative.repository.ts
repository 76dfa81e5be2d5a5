import { randomUUID } from 'node:crypto';
import { sql, type Expression, type ExpressionBuilder, type InferResult, type SqlBool } from 'kysely';
import type { Database } from '@kompetansebro/db';
import {
  currentEndDate,
  initiativeErrorCodes,
  initiativeRuleViolations,
  norwegianSortKey,
  planItemRuleViolations,
  remainingFunds,
  type Budget,
  type CollaborationLevel,
  type Extension,
  type ExtensionInput,
  type FieldError,
  type Goal,
  type GoalInput,
  type InitiativeCreate,
  type InitiativeDetail,
  type InitiativeKind,
  type InitiativeListQuery,
  type InitiativeSummary,
  type InitiativeUpdate,
  type MaturityLevel,
  type MobilityCategory,
  type MobilityCount,
  type MobilityCountInput,
  type MobilityCountQuery,
  type Page,
  type PlanItemCreate,
  type PlanItemDetail,
  type PlanItemListQuery,
  type PlanItemStatus,
  type PlanItemUpdate,
  type PolicyAnchor,
  type PolicyAnchorInput,
  type ResultReference,
  type ThematicArea,
} from '@kompetansebro/domain';
import { DomainRuleError, NotFoundError } from '@kompetansebro/domain';
import { requireCountyWide, type Scope } from '../auth/visibility';
import { writeAudit, type Executor } from './audit.repository';
import {
  auditedCreate,
  iso,
  likePattern,
  nextVersion,
  versionedChange,
  versionedRemoval,
  type ChangeContext,
  type VersionedRecord,
} from './repository-helpers';

// Initiatives, their plan items and mobility counts are the county's own records (no
// organisation owns them): every exported function takes the Scope and lets only the county in.

/** Which of these actor ids exist (the county sees every actor). */
async function existingActorIds(db: Executor, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('actor').select('id').where('id', 'in', [...new Set(ids)]).execute();
  return new Set(rows.map((r) => r.id));
}

// ================================================================ plan items

function planItemsWithContext(db: Executor) {
  return db
    .selectFrom('plan_item as pi')
    .innerJoin('initiative as i', 'i.id', 'pi.initiative_id')
    .leftJoin('actor as r', 'r.id', 'pi.responsible_actor_id')
    .select([
      'pi.id',
      'pi.initiative_id',
      'pi.position',
      'pi.title',
      'pi.description',
      'pi.responsible_actor_id',
      'pi.due_date',
      'pi.status',
      'pi.activity_ids',
      'pi.agreement_ids',
      'pi.version',
      'pi.created_at',
      'pi.updated_at',
      'i.title as initiative_title',
      'r.name as responsible_actor_name',
    ]);
}
type PlanItemRow = InferResult<ReturnType<typeof planItemsWithContext>>[number];
type PlanItemJoin = Database & { pi: Database['plan_item']; i: Database['initiative']; r: Database['actor'] };

/** Titles of the activities and agreements the items list as results; ids that no longer exist are left out. */
async function withResults(db: Executor, rows: readonly PlanItemRow[]): Promise<PlanItemDetail[]> {
  const activityIds = [...new Set(rows.flatMap((r) => r.activity_ids))];
  const agreementIds = [...new Set(rows.flatMap((r) => r.agreement_ids))];
  const activities = new Map<string, string>();
  const agreements = new Map<string, string>();
  if (activityIds.length > 0) {
    for (const a of await db.selectFrom('activity').select(['id', 'title']).where('id', 'in', activityIds).execute()) activities.set(a.id, a.title);
  }
  if (agreementIds.length > 0) {
    for (const a of await db.selectFrom('agreement').select(['id', 'title']).where('id', 'in', agreementIds).execute()) agreements.set(a.id, a.title);
  }
  const resolve = (ids: readonly string[], titles: Map<string, string>): ResultReference[] =>
    ids.flatMap((id) => {
      const title = titles.get(id);
      return title === undefined ? [] : [{ id, title }];
    });
  return rows.map((row) => ({
    id: row.id,
    initiativeId: row.initiative_id,
    position: row.position,
    title: row.title,
    description: row.description,
    responsibleActorId: row.responsible_actor_id,
    dueDate: row.due_date,
    status: row.status as PlanItemStatus,
    activityIds: row.activity_ids,
    agreementIds: row.agreement_ids,
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    initiativeTitle: row.initiative_title,
    responsibleActorName: row.responsible_actor_name,
    activities: resolve(row.activity_ids, activities),
    agreements: resolve(row.agreement_ids, agreements),
  }));
}

async function planItemsOf(db: Executor, initiativeId: string): Promise<PlanItemDetail[]> {
  const rows = await planItemsWithContext(db)
    .where('pi.initiative_id', '=', initiativeId)
    .orderBy('pi.position')
    .orderBy('pi.created_at')
    .orderBy('pi.id')
    .execute();
  return withResults(db, rows);
}

async function getPlanItem(db: Executor, initiativeId: string, itemId: string): Promise<PlanItemDetail> {
  const row = await planItemsWithContext(db).where('pi.id', '=', itemId).where('pi.initiative_id', '=', initiativeId).executeTakeFirst();
  if (!row) throw new NotFoundError('plan item of this initiative');
  const [item] = await withResults(db, [row]);
  if (!item) throw new NotFoundError('plan item of this initiative');
  return item;
}

function planItemConditions(eb: ExpressionBuilder<PlanItemJoin, 'pi' | 'i' | 'r'>, query: PlanItemListQuery): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (query.status) conditions.push(eb('pi.status', '=', query.status));
  if (query.open === 'true') conditions.push(eb('pi.status', 'in', ['planned', 'in_progress']));
  if (query.open === 'false') conditions.push(eb('pi.status', 'in', ['done', 'dropped']));
  if (query.dueBefore) conditions.push(eb('pi.due_date', '<=', query.dueBefore));
  if (query.initiative) conditions.push(eb('pi.initiative_id', '=', query.initiative));
  if (query.responsible) conditions.push(eb('pi.responsible_actor_id', '=', query.responsible));
  return eb.and(conditions);
}

/** Plan items across initiatives, e.g. those still open and due before a date. */
export async function listPlanItems(db: Executor, scope: Scope, query: PlanItemListQuery): Promise<Page<PlanItemDetail>> {
  requireCountyWide(scope, 'plan item');
  const countRow = await db
    .selectFrom('plan_item as pi')
    .innerJoin('initiative as i', 'i.id', 'pi.initiative_id')
    .leftJoin('actor as r', 'r.id', 'pi.responsible_actor_id')
    .where((eb) => planItemConditions(eb, query))
    .select((eb) => eb.fn.countAll<string>().as('total'))
    .executeTakeFirstOrThrow();
  const descending = query.sort.startsWith('-');
  let ordered = planItemsWithContext(db).where((eb) => planItemConditions(eb, query));
  if (query.sort.endsWith('updated')) {
    ordered = ordered.orderBy('pi.updated_at', descending ? 'desc' : 'asc');
  } else {
    ordered = ordered.orderBy('pi.due_date', (ob) => (descending ? ob.desc().nullsLast() : ob.asc().nullsLast()));
  }
  const rows = await ordered
    .orderBy(sql`i.sort_key collate "C"`)
    .orderBy('pi.position')
    .orderBy('pi.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { items: await withResults(db, rows), total: Number(countRow.total), page: query.page, pageSize: query.pageSize };
}

interface PlanItemFields {
  title: string;
  description: string | null;
  responsibleActorId: string | null;
  dueDate: string | null;
  status: PlanItemStatus;
  activityIds: string[];
  agreementIds: string[];
}

function planItemDefaults(input: PlanItemCreate): PlanItemFields {
  return {
    title: input.title,
    description: input.description ?? null,
    responsibleActorId: input.responsibleActorId ?? null,
    dueDate: input.dueDate ?? null,
    status: input.status ?? 'planned',
    activityIds: input.activityIds ?? [],
    agreementIds: input.agreementIds ?? [],
  };
}

function planItemColumns(fields: PlanItemFields) {
  return {
    title: fields.title,
    description: fields.description,
    responsible_actor_id: fields.responsibleActorId,
    due_date: fields.dueDate,
    status: fields.status,
    activity_ids: JSON.stringify(fields.activityIds),
    agreement_ids: JSON.stringify(fields.agreementIds),
  };
}

async function existingIds(db: Executor, table: 'activity' | 'agreement', ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom(table).select('id').where('id', 'in', [...new Set(ids)]).execute();
  return new Set(rows.map((r) => r.id));
}

/** Every responsible actor, activity and agreement the items name must exist. `prefix(i)` is where item i sits. */
async function planItemViolations(db: Executor, items: readonly PlanItemFields[], prefix: (index: number) => string): Promise<FieldError[]> {
  const actors = await existingActorIds(
    db,
    items.flatMap((item) => (item.responsibleActorId ? [item.responsibleActorId] : [])),
  );
  const activities = await existingIds(
    db,
    'activity',
    items.flatMap((item) => item.activityIds),
  );
  const agreements = await existingIds(
    db,
    'agreement',
    items.flatMap((item) => item.agreementIds),
  );
  const errors: FieldError[] = [];
  items.forEach((item, index) => {
    const at = prefix(index);
    errors.push(...planItemRuleViolations(item, at));
    if (item.responsibleActorId && !actors.has(item.responsibleActorId)) {
      errors.push({ path: `${at}responsibleActorId`, code: initiativeErrorCodes.actorNotFound, message: 'No actor has this id' });
    }
    item.activityIds.forEach((id, i) => {
      if (!activities.has(id)) errors.push({ path: `${at}activityIds.${i}`, code: initiativeErrorCodes.activityNotFound, message: 'No activity has this id' });
    });
    item.agreementIds.forEach((id, i) => {
      if (!agreements.has(id)) errors.push({ path: `${at}agreementIds.${i}`, code: initiativeErrorCodes.agreementNotFound, message: 'No agreement has this id' });
    });
  });
  return errors;
}

async function nextPosition(trx: Executor, initiativeId: string): Promise<number> {
  const row = await trx
    .selectFrom('plan_item')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('initiative_id', '=', initiativeId)
    .executeTakeFirst();
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

async function insertPlanItems(trx: Executor, initiativeId: string, inputs: readonly PlanItemCreate[]): Promise<string[]> {
  const ids: string[] = [];
  let position = await nextPosition(trx, initiativeId);
  for (const input of inputs) {
    const row = await trx
      .insertInto('plan_item')
      .values({ ...planItemColumns(planItemDefaults(input)), initiative_id: initiativeId, position: input.position ?? position })
      .returning('id')
      .executeTakeFirstOrThrow();
    position = Math.max(position, input.position ?? position) + 1;
    ids.push(row.id);
  }
  return ids;
}

async function requireInitiative(trx: Executor, id: string): Promise<void> {
  const row = await trx.selectFrom('initiative').select('id').where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('initiative');
}

export async function createPlanItem(db: Executor, scope: Scope, initiativeId: string, input: PlanItemCreate, context: ChangeContext): Promise<PlanItemDetail> {
  requireCountyWide(scope, 'initiative');
  return auditedCreate(db, {
    entity: 'plan_item',
    context,
    insert: async (trx) => {
      await requireInitiative(trx, initiativeId);
      const errors = await planItemViolations(trx, [planItemDefaults(input)], () => '');
      if (errors.length > 0) throw new DomainRuleError(errors);
      const [id] = await insertPlanItems(trx, initiativeId, [input]);
      if (!id) throw new Error('The plan item was not inserted');
      return id;
    },
    read: (trx, id) => getPlanItem(trx, initiativeId, id),
  });
}

/** A plan item as a versioned record; one of another initiative is answered as one that does not exist. */
function planItemRecord(initiativeId: string, itemId: string): VersionedRecord<PlanItemDetail> {
  return {
    table: 'plan_item',
    id: itemId,
    entity: 'plan_item',
    label: 'plan item',
    checkReach: async (trx) => {
      const row = await trx.selectFrom('plan_item').select('id').where('id', '=', itemId).where('initiative_id', '=', initiativeId).executeTakeFirst();
      if (!row) throw new NotFoundError('plan item of this initiative');
    },
    read: (trx) => getPlanItem(trx, initiativeId, itemId),
  };
}

export async function updatePlanItem(
  db: Executor,
  scope: Scope,
  initiativeId: string,
  itemId: string,
  changes: PlanItemUpdate,
  expectedVersion: number,
  context: ChangeContext,
): Promise<PlanItemDetail> {
  requireCountyWide(scope, 'initiative');
  return versionedChange(db, {
    ...planItemRecord(initiativeId, itemId),
    expectedVersion,
    context,
    action: 'update',
    write: async (trx, before) => {
      const { position, ...fieldChanges } = changes;
      const merged: PlanItemFields = {
        title: before.title,
        description: before.description,
        responsibleActorId: before.responsibleActorId,
        dueDate: before.dueDate,
        status: before.status,
        activityIds: before.activityIds,
        agreementIds: before.agreementIds,
        ...fieldChanges,
      };
      const errors = await planItemViolations(trx, [merged], () => '');
      if (errors.length > 0) throw new DomainRuleError(errors);
      await trx
        .updateTable('plan_item')
        .set({ ...planItemColumns(merged), ...(position === undefined ? {} : { position }), ...nextVersion })
        .where('id', '=', itemId)
        .execute();
    },
  });
}

export async function deletePlanItem(
  db: Executor,
  scope: Scope,
  initiativeId: string,
  itemId: string,
  expectedVersion: number,
  context: ChangeContext,
): Promise<void> {
  requireCountyWide(scope, 'initiative');
  await versionedRemoval(db, {
    ...planItemRecord(initiativeId, itemId),
    expectedVersion,
    context,
    write: async (trx) => {
      await trx.deleteFrom('plan_item').where('id', '=', itemId).execute();
    },
  });
}

// ================================================================ initiatives

type InitiativeJoin = Database & { i: Database['initiative']; o: Database['actor']; f: Database['actor']; parent: Database['initiative'] };

function initiativesWithContext(db: Executor) {
  return db
    .selectFrom('initiative as i')
    .leftJoin('actor as o', 'o.id', 'i.owner_id')
    .leftJoin('actor as f', 'f.id', 'i.funder_id')
    .leftJoin('initiative as parent', 'parent.id', 'i.parent_id');
}

function selectSummaries(db: Executor) {
  return initiativesWithContext(db).select((eb) => [
    'i.id',
    'i.kind',
    'i.title',
    'i.description',
    'i.parent_id',
    'i.owner_id',
    'i.funder_id',
    'i.budget_granted',
    'i.budget_spent',
    'i.start_date',
    'i.planned_end_date',
    'i.extensions',
    'i.goals',
    'i.policy_anchors',
    'i.themes',
    'i.levels',
    'i.maturity_level',
    'i.societal_effect',
    'i.sample_data',
    'i.version',
    'i.created_at',
    'i.updated_at',
    'o.name as owner_name',
    'f.name as funder_name',
    'parent.title as parent_title',
    eb
      .selectFrom('plan_item as pi')
      .whereRef('pi.initiative_id', '=', 'i.id')
      .select((sub) => sub.fn.countAll<string>().as('n'))
      .as('plan_item_count'),
  ]);
}
type SummaryRow = InferResult<ReturnType<typeof selectSummaries>>[number];

function budgetOf(granted: number | string | null, spent: number | string | null): Budget | null {
  if (granted === null && spent === null) return null;
  return { granted: Number(granted ?? 0), spent: Number(spent ?? 0) };
}

function toSummary(row: SummaryRow): InitiativeSummary {
  const budget = budgetOf(row.budget_granted, row.budget_spent);
  const extensions = row.extensions as Extension[];
  return {
    id: row.id,
    kind: row.kind as InitiativeKind,
    title: row.title,
    description: row.description,
    parentId: row.parent_id,
    ownerId: row.owner_id,
    funderId: row.funder_id,
    budget,
    startDate: row.start_date,
    plannedEndDate: row.planned_end_date,
    extensions,
    goals: row.goals as Goal[],
    policyAnchors: row.policy_anchors as PolicyAnchor[],
    themes: row.themes as ThematicArea[],
    levels: row.levels as CollaborationLevel[],
    maturityLevel: row.maturity_level as MaturityLevel | null,
    societalEffect: row.societal_effect,
    sampleData: row.sample_data,
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    parentTitle: row.parent_title,
    ownerName: row.owner_name,
    funderName: row.funder_name,
    currentEndDate: currentEndDate({ plannedEndDate: row.planned_end_date, extensions }),
    remainingFunds: remainingFunds(budget),
    planItemCount: Number(row.plan_item_count ?? 0),
  };
}

function listConditions(eb: ExpressionBuilder<InitiativeJoin, 'i' | 'o' | 'f' | 'parent'>, query: InitiativeListQuery): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (query.q) {
    const pattern = likePattern(query.q);
    conditions.push(
      eb.or([eb(sql`i.search_vector`, '@@', sql`websearch_to_tsquery('norwegian', ${query.q})`), eb('i.title', 'ilike', pattern)]),
    );
  }
  if (query.kind) conditions.push(eb('i.kind', '=', query.kind));
  if (query.theme) conditions.push(eb(sql`i.themes`, '@>', sql`${JSON.stringify([query.theme])}::jsonb`));
  if (query.period) {
    // The current end: the latest of the planned end and the granted extensions' ends (as currentEndDate() in domain).
    const currentEnd = sql`greatest(i.planned_end_date, (select max((e->>'requestedEnd')::date) from jsonb_array_elements(i.extensions) e where e->>'status' = 'granted'))`;
    if (query.period === 'upcoming') conditions.push(eb(sql`i.start_date`, '>', sql`current_date`));
    if (query.period === 'ended') conditions.push(eb(currentEnd, '<', sql`current_date`));
    if (query.period === 'ongoing') {
      conditions.push(eb.or([eb('i.start_date', 'is', null), eb(sql`i.start_date`, '<=', sql`current_date`)]));
      conditions.push(eb.or([eb(currentEnd, 'is', null), eb(currentEnd, '>=', sql`current_date`)]));
    }
  }
  if (query.owner) conditions.push(eb('i.owner_id', '=', query.owner));
  if (query.parent) conditions.push(eb('i.parent_id', '=', query.parent));
  return eb.and(conditions);
}

export async function listInitiatives(db: Executor, scope: Scope, query: InitiativeListQuery): Promise<Page<InitiativeSummary>> {
  requireCountyWide(scope, 'initiative');
  const countRow = await initiativesWithContext(db)
    .where((eb) => listConditions(eb, query))
    .select((eb) => eb.fn.countAll<string>().as('total'))
    .executeTakeFirstOrThrow();
  const descending = query.sort.startsWith('-');
  const direction = descending ? 'desc' : 'asc';
  const byTitle = sql`i.sort_key collate "C"`;
  let ordered = selectSummaries(db).where((eb) => listConditions(eb, query));
  switch (query.sort.replace('-', '')) {
    case 'start':
      ordered = ordered.orderBy('i.start_date', (ob) => (descending ? ob.desc().nullsLast() : ob.asc().nullsLast())).orderBy(byTitle);
      break;
    case 'updated':
      ordered = ordered.orderBy('i.updated_at', direction);
      break;
    default:
      ordered = ordered.orderBy(byTitle, direction);
  }
  const rows = await ordered
    .orderBy('i.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { items: rows.map(toSummary), total: Number(countRow.total), page: query.page, pageSize: query.pageSize };
}

async function findInitiative(db: Executor, id: string): Promise<InitiativeDetail | undefined> {
  const row = await selectSummaries(db).where('i.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const children = await db
    .selectFrom('initiative')
    .select(['id', 'kind', 'title'])
    .where('parent_id', '=', id)
    .orderBy(sql`sort_key collate "C"`)
    .orderBy('id')
    .execute();
  return {
    ...toSummary(row),
    planItems: await planItemsOf(db, id),
    children: children.map((child) => ({ id: child.id, kind: child.kind as InitiativeKind, title: child.title })),
  };
}

async function readInitiative(db: Executor, id: string): Promise<InitiativeDetail> {
  const initiative = await findInitiative(db, id);
  if (!initiative) throw new NotFoundError('initiative');
  return initiative;
}

export async function getInitiative(db: Executor, scope: Scope, id: string): Promise<InitiativeDetail> {
  requireCountyWide(scope, 'initiative');
  return readInitiative(db, id);
}

interface InitiativeFields {
  kind: InitiativeKind;
  title: string;
  description: string | null;
  parentId: string | null;
  ownerId: string | null;
  funderId: string | null;
  budget: Budget | null;
  startDate: string | null;
  plannedEndDate: string | null;
  extensions: Extension[];
  goals: Goal[];
  policyAnchors: PolicyAnchor[];
  themes: ThematicArea[];
  levels: CollaborationLevel[];
  maturityLevel: MaturityLevel | null;
  societalEffect: number | null;
}

/** Entries a client sends without an id get one here, so they can be edited later one by one. */
const withIds = {
  extensions: (list: readonly ExtensionInput[]): Extension[] =>
    list.map((e) => ({ id: e.id ?? randomUUID(), askedOn: e.askedOn, requestedEnd: e.requestedEnd, status: e.status, decidedOn: e.decidedOn ?? null, note: e.note ?? null })),
  goals: (list: readonly GoalInput[]): Goal[] => list.map((g) => ({ id: g.id ?? randomUUID(), text: g.text })),
  policyAnchors: (list: readonly PolicyAnchorInput[]): PolicyAnchor[] =>
    list.map((p) => ({ id: p.id ?? randomUUID(), title: p.title, level: p.level, period: p.period ?? null, url: p.url ?? null })),
};

function withDefaults(input: InitiativeCreate): InitiativeFields {
  return {
    kind: input.kind,
    title: input.title,
    description: input.description ?? null,
    parentId: input.parentId ?? null,
    ownerId: input.ownerId ?? null,
    funderId: input.funderId ?? null,
    budget: input.budget ?? null,
    startDate: input.startDate ?? null,
    plannedEndDate: input.plannedEndDate ?? null,
    extensions: withIds.extensions(input.extensions ?? []),
    goals: withIds.goals(input.goals ?? []),
    policyAnchors: withIds.policyAnchors(input.policyAnchors ?? []),
    themes: input.themes ?? [],
    levels: input.levels ?? [],
    maturityLevel: input.maturityLevel ?? null,
    societalEffect: input.societalEffect ?? null,
  };
}

function fieldsOf(initiative: InitiativeDetail): InitiativeFields {
  return {
    kind: initiative.kind,
    title: initiative.title,
    description: initiative.description,
    parentId: initiative.parentId,
    ownerId: initiative.ownerId,
    funderId: initiative.funderId,
    budget: initiative.budget,
    startDate: initiative.startDate,
    plannedEndDate: initiative.plannedEndDate,
    extensions: initiative.extensions,
    goals: initiative.goals,
    policyAnchors: initiative.policyAnchors,
    themes: initiative.themes,
    levels: initiative.levels,
    maturityLevel: initiative.maturityLevel,
    societalEffect: initiative.societalEffect ?? null,
  };
}

function columnsOf(fields: InitiativeFields) {
  return {
    kind: fields.kind,
    title: fields.title,
    sort_key: norwegianSortKey(fields.title),
    description: fields.description,
    parent_id: fields.parentId,
    owner_id: fields.ownerId,
    funder_id: fields.funderId,
    budget_granted: fields.budget?.granted ?? null,
    budget_spent: fields.budget?.spent ?? null,
    start_date: fields.startDate,
    planned_end_date: fields.plannedEndDate,
    extensions: JSON.stringify(fields.extensions),
    goals: JSON.stringify(fields.goals),
    policy_anchors: JSON.stringify(fields.policyAnchors),
    themes: JSON.stringify([...new Set(fields.themes)]),
    levels: JSON.stringify([...new Set(fields.levels)]),
    maturity_level: fields.maturityLevel,
    societal_effect: fields.societalEffect,
  };
}

/** The rules that need the database: owner, funder and parent exist, and the parent chain has no loop. */
async function violations(db: Executor, fields: InitiativeFields & { id?: string }): Promise<FieldError[]> {
  const errors = initiativeRuleViolations(fields);
  const actors = await existingActorIds(db, [fields.ownerId, fields.funderId].filter((id): id is string => id !== null));
  if (fields.ownerId && !actors.has(fields.ownerId)) {
    errors.push({ path: 'ownerId', code: initiativeErrorCodes.actorNotFound, message: 'No actor has this id' });
  }
  if (fields.funderId && !actors.has(fields.funderId)) {
    errors.push({ path: 'funderId', code: initiativeErrorCodes.actorNotFound, message: 'No actor has this id' });
  }
  if (fields.parentId && fields.parentId !== fields.id) {
    const seen = new Set<string>();
    let cursor: string | null = fields.parentId;
    while (cursor !== null && !seen.has(cursor)) {
      seen.add(cursor);
      const row: { parent_id: string | null } | undefined = await db
        .selectFrom('initiative')
        .select('parent_id')
        .where('id', '=', cursor)
        .executeTakeFirst();
      if (!row) {
        if (cursor === fields.parentId) {
          errors.push({ path: 'parentId', code: initiativeErrorCodes.parentNotFound, message: 'No initiative has this id' });
        }
        break;
      }
      if (fields.id !== undefined && row.parent_id === fields.id) {
        errors.push({ path: 'parentId', code: initiativeErrorCodes.parentCycle, message: 'This initiative is above the chosen parent already' });
        break;
      }
      cursor = row.parent_id;
    }
  }
  return errors;
}

export async function createInitiative(db: Executor, scope: Scope, input: InitiativeCreate, context: ChangeContext): Promise<InitiativeDetail> {
  requireCountyWide(scope, 'initiative');
  const fields = withDefaults(input);
  const planItems = input.planItems ?? [];
  return auditedCreate(db, {
    entity: 'initiative',
    context,
    insert: async (trx) => {
      const errors = [
        ...(await violations(trx, fields)),
        ...(await planItemViolations(trx, planItems.map(planItemDefaults), (index) => `planItems.${index}.`)),
      ];
      if (errors.length > 0) throw new DomainRuleError(errors);
      const inserted = await trx.insertInto('initiative').values(columnsOf(fields)).returning('id').executeTakeFirstOrThrow();
      await insertPlanItems(trx, inserted.id, planItems);
      return inserted.id;
    },
    read: readInitiative,
  });
}

/** Changes the initiative's own fields; its plan items change one at a time under /plan-items. */
export async function updateInitiative(
  db: Executor,
  scope: Scope,
  id: string,
  changes: InitiativeUpdate,
  expectedVersion: number,
  context: ChangeContext,
): Promise<InitiativeDetail> {
  requireCountyWide(scope, 'initiative');
  // The county alone comes this far, and every initiative is in its reach: no checkReach.
  return versionedChange(db, {
    table: 'initiative',
    id,
    entity: 'initiative',
    read: (trx) => readInitiative(trx, id),
    expectedVersion,
    context,
    action: 'update',
    write: async (trx, before) => {
      const { extensions, goals, policyAnchors, ...ownChanges } = changes;
      const merged: InitiativeFields & { id: string } = {
        ...fieldsOf(before),
        ...ownChanges,
        ...(extensions === undefined ? {} : { extensions: withIds.extensions(extensions) }),
        ...(goals === undefined ? {} : { goals: withIds.goals(goals) }),
        ...(policyAnchors === undefined ? {} : { policyAnchors: withIds.policyAnchors(policyAnchors) }),
        id,
      };
      const errors = await violations(trx, merged);
      if (errors.length > 0) throw new DomainRuleError(errors);
      await trx
        .updateTable('initiative')
        .set({ ...columnsOf(merged), ...nextVersion })
        .where('id', '=', id)
        .execute();
    },
  });
}

// ================================================================ mobility counts

function mobilityCountsWithContext(db: Executor) {
  return db
    .selectFrom('mobility_count as m')
    .innerJoin('actor as a', 'a.id', 'm.actor_id')
    .leftJoin('initiative as i', 'i.id', 'm.initiative_id')
    .select([
      'm.id',
      'm.actor_id',
      'a.name as actor_name',
      'm.school_year',
      'm.category',
      'm.count',
      'm.initiative_id',
      'i.title as initiative_title',
      'm.sample_data',
    ]);
}
type MobilityRow = InferResult<ReturnType<typeof mobilityCountsWithContext>>[number];

function toMobilityCount(row: MobilityRow): MobilityCount {
  return {
    id: row.id,
    actorId: row.actor_id,
    actorName: row.actor_name,
    schoolYear: row.school_year,
    category: row.category as MobilityCategory,
    count: row.count,
    initiativeId: row.initiative_id,
    initiativeTitle: row.initiative_title,
    sampleData: row.sample_data,
  };
}

export async function listMobilityCounts(db: Executor, scope: Scope, query: MobilityCountQuery): Promise<Page<MobilityCount>> {
  requireCountyWide(scope, 'mobility count');
  let filtered = mobilityCountsWithContext(db);
  if (query.initiative) filtered = filtered.where('m.initiative_id', '=', query.initiative);
  if (query.actor) filtered = filtered.where('m.actor_id', '=', query.actor);
  if (query.schoolYear) filtered = filtered.where('m.school_year', '=', query.schoolYear);
  if (query.category) filtered = filtered.where('m.category', '=', query.category);
  const countRow = await filtered
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await filtered
    .orderBy('m.school_year', 'desc')
    .orderBy(sql`a.sort_key collate "C"`)
    .orderBy('m.category')
    .orderBy('m.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { items: rows.map(toMobilityCount), total: Number(countRow.total), page: query.page, pageSize: query.pageSize };
}

/**
 * Sets the count for an actor, school year and category: inserts it, or replaces the one
 * there (a count entered by a user is no longer sample data). An initiative left out keeps
 * the one stored.
 */
export async function upsertMobilityCount(
  db: Executor,
  scope: Scope,
  input: MobilityCountInput,
  context: ChangeContext,
): Promise<{ count: MobilityCount; created: boolean }> {
  requireCountyWide(scope, 'mobility count');
  return db.transaction().execute(async (trx) => {
    const errors: FieldError[] = [];
    if (!(await existingActorIds(trx, [input.actorId])).has(input.actorId)) {
      errors.push({ path: 'actorId', code: initiativeErrorCodes.actorNotFound, message: 'No actor has this id' });
    }
    if (input.initiativeId) {
      const initiative = await trx.selectFrom('initiative').select('id').where('id', '=', input.initiativeId).executeTakeFirst();
      if (!initiative) errors.push({ path: 'initiativeId', code: initiativeErrorCodes.initiativeNotFound, message: 'No initiative has this id' });
    }
    if (errors.length > 0) throw new DomainRuleError(errors);
    const existing = await mobilityCountsWithContext(trx)
      .where('m.actor_id', '=', input.actorId)
      .where('m.school_year', '=', input.schoolYear)
      .where('m.category', '=', input.category)
      .forUpdate('m')
      .executeTakeFirst();
    const before = existing ? toMobilityCount(existing) : null;
    const initiativeId = input.initiativeId === undefined ? (before?.initiativeId ?? null) : input.initiativeId;
    const row = await trx
      .insertInto('mobility_count')
      .values({ actor_id: input.actorId, school_year: input.schoolYear, category: input.category, count: input.count, initiative_id: initiativeId })
      .onConflict((oc) =>
        oc.columns(['actor_id', 'school_year', 'category']).doUpdateSet({ count: input.count, initiative_id: initiativeId, sample_data: false }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    const after = toMobilityCount(await mobilityCountsWithContext(trx).where('m.id', '=', row.id).executeTakeFirstOrThrow());
    await writeAudit(trx, {
      userId: context.userId,
      entity: 'mobility_count',
      entityId: row.id,
      action: before ? 'update' : 'create',
      before,
      after,
    });
    return { count: after, created: before === null };
  });
}
