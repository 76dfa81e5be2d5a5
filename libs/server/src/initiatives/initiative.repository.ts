import { randomUUID } from 'node:crypto';
import { sql, type Expression, type ExpressionBuilder, type InferResult, type SqlBool } from 'kysely';
import type { Database } from '@kompetansebro/db';
import {
  currentEndDate,
  DomainRuleError,
  initiativeErrorCodes,
  initiativeRuleViolations,
  norwegianSortKey,
  NotFoundError,
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
  type Page,
  type PolicyAnchor,
  type PolicyAnchorInput,
  type ThematicArea,
} from '@kompetansebro/domain';
import { requireCountyWide, type Scope } from '../auth/visibility';
import type { Executor } from '../persistence/executor';
import { existingActorIds, iso, likePattern, nullsLast, pageOf, sortOf, type ChangeContext } from '../persistence/repository-helpers';
import { auditedCreate, nextVersion, versionedChange, type ExpectedVersion } from '../persistence/versioned-change';
import { insertPlanItems, planItemDefaults, planItemsOf, planItemViolations } from './plan-item.repository';

// Initiatives are the county's own records (no organisation owns them): every exported function
// takes the Scope and lets only the county in. Their plan items are in plan-item.repository.

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
  const extensions = row.extensions;
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    parentId: row.parent_id,
    ownerId: row.owner_id,
    funderId: row.funder_id,
    budget,
    startDate: row.start_date,
    plannedEndDate: row.planned_end_date,
    extensions,
    goals: row.goals,
    policyAnchors: row.policy_anchors,
    themes: row.themes,
    levels: row.levels,
    maturityLevel: row.maturity_level,
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
  const filtered = initiativesWithContext(db).where((eb) => listConditions(eb, query));
  const { key, descending, direction } = sortOf(query.sort);
  const byTitle = sql`i.sort_key collate "C"`;
  let ordered = selectSummaries(db).where((eb) => listConditions(eb, query));
  switch (key) {
    case 'start':
      ordered = ordered.orderBy('i.start_date', nullsLast(descending)).orderBy(byTitle);
      break;
    case 'updated':
      ordered = ordered.orderBy('i.updated_at', direction);
      break;
    default:
      ordered = ordered.orderBy(byTitle, direction);
  }
  return pageOf(query, filtered, ordered.orderBy('i.id'), toSummary);
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
    children: children.map((child) => ({ id: child.id, kind: child.kind, title: child.title })),
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
  expectedVersion: ExpectedVersion,
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

