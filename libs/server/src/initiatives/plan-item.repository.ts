import { sql, type Expression, type ExpressionBuilder, type InferResult, type SqlBool } from 'kysely';
import type { Database } from '@kompetansebro/db';
import {
  DomainRuleError,
  initiativeErrorCodes,
  NotFoundError,
  planItemRuleViolations,
  type FieldError,
  type OwnPlanItem,
  type OwnPlanItemListQuery,
  type OwnPlanItemUpdate,
  type Page,
  type PlanItemCreate,
  type PlanItemDetail,
  type PlanItemListQuery,
  type PlanItemStatus,
  type PlanItemUpdate,
  type ResultReference,
} from '@kompetansebro/domain';
import { requireCountyWide, type Scope } from '../auth/visibility';
import type { Executor } from '../persistence/executor';
import { actorNameOf, dayPlannedOnce, existingActorIds, iso, literalsOf, nullsLast, pageRows, sortOf, type ChangeContext } from '../persistence/repository-helpers';
import { auditedCreate, nextVersion, versionedChange, versionedRemoval, type VersionedRecord, type ExpectedVersion } from '../persistence/versioned-change';

// Plan items are the county's own records, like the initiatives they belong to: every exported
// function takes the Scope and lets only the county in — except the organisation responsible
// for an item, which sees its own items (without their linked results) and may move on their
// status and result (the "own" functions at the end).

function planItemsWithContext(db: Executor) {
  return db
    .selectFrom('plan_item as pi')
    .innerJoin('initiative as i', 'i.id', 'pi.initiative_id')
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
      'pi.result_text',
      'pi.version',
      'pi.created_at',
      'pi.updated_at',
      'i.title as initiative_title',
      actorNameOf('pi.responsible_actor_id').as('responsible_actor_name'),
    ]);
}
type PlanItemRow = InferResult<ReturnType<typeof planItemsWithContext>>[number];
type PlanItemJoin = Database & { pi: Database['plan_item']; i: Database['initiative'] };

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
    status: row.status,
    activityIds: row.activity_ids,
    agreementIds: row.agreement_ids,
    resultText: row.result_text,
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    initiativeTitle: row.initiative_title,
    responsibleActorName: row.responsible_actor_name,
    activities: resolve(row.activity_ids, activities),
    agreements: resolve(row.agreement_ids, agreements),
  }));
}

export async function planItemsOf(db: Executor, initiativeId: string): Promise<PlanItemDetail[]> {
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

function planItemConditions(eb: ExpressionBuilder<PlanItemJoin, 'pi' | 'i'>, query: Partial<PlanItemListQuery>): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (query.status) conditions.push(eb('pi.status', 'in', literalsOf([query.status])));
  if (query.open === 'true') conditions.push(eb('pi.status', 'in', literalsOf(['planned', 'in_progress'] as const)));
  if (query.open === 'false') conditions.push(eb('pi.status', 'in', literalsOf(['done', 'dropped'] as const)));
  if (query.dueBefore) conditions.push(eb('pi.due_date', '<=', dayPlannedOnce(query.dueBefore)));
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
    .where((eb) => planItemConditions(eb, query))
    .select((eb) => eb.fn.countAll<string>().as('total'))
    .executeTakeFirstOrThrow();
  const { key, descending, direction } = sortOf(query.sort);
  let ordered = planItemsWithContext(db).where((eb) => planItemConditions(eb, query));
  if (key === 'updated') {
    ordered = ordered.orderBy('pi.updated_at', direction);
  } else {
    // Undated items last either way: the list is for seeing what is due.
    ordered = ordered.orderBy('pi.due_date', nullsLast(descending));
  }
  const rows = await pageRows(ordered.orderBy(sql`i.sort_key collate "C"`).orderBy('pi.position').orderBy('pi.id'), query).execute();
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

export function planItemDefaults(input: PlanItemCreate): PlanItemFields {
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
export async function planItemViolations(db: Executor, items: readonly PlanItemFields[], prefix: (index: number) => string): Promise<FieldError[]> {
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

export async function insertPlanItems(trx: Executor, initiativeId: string, inputs: readonly PlanItemCreate[]): Promise<string[]> {
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
  expectedVersion: ExpectedVersion,
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
  expectedVersion: ExpectedVersion,
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


// ---------------------------------------------------------------- the responsible organisation's

/** A plan item as its responsible organisation sees it: the linked activities and agreements left out (it may not see them). */
function ownPlanItemOf(row: PlanItemRow): OwnPlanItem {
  return {
    id: row.id,
    initiativeTitle: row.initiative_title,
    position: row.position,
    title: row.title,
    description: row.description,
    responsibleActorId: row.responsible_actor_id,
    dueDate: row.due_date,
    status: row.status,
    resultText: row.result_text,
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

function ownPlanItemConditions(eb: ExpressionBuilder<PlanItemJoin, 'pi' | 'i'>, scope: Scope, query: OwnPlanItemListQuery): Expression<SqlBool> {
  return eb.and([eb('pi.responsible_actor_id', '=', scope.organisationId), planItemConditions(eb, query)]);
}

/** The plan items the scope's organisation is responsible for; undated ones last. */
export async function listOwnPlanItems(db: Executor, scope: Scope, query: OwnPlanItemListQuery): Promise<Page<OwnPlanItem>> {
  const countRow = await db
    .selectFrom('plan_item as pi')
    .innerJoin('initiative as i', 'i.id', 'pi.initiative_id')
    .where((eb) => ownPlanItemConditions(eb, scope, query))
    .select((eb) => eb.fn.countAll<string>().as('total'))
    .executeTakeFirstOrThrow();
  const ordered = planItemsWithContext(db)
    .where((eb) => ownPlanItemConditions(eb, scope, query))
    .orderBy('pi.due_date', nullsLast(false))
    .orderBy(sql`i.sort_key collate "C"`)
    .orderBy('pi.position')
    .orderBy('pi.id');
  const rows = await pageRows(ordered, query).execute();
  return { items: rows.map(ownPlanItemOf), total: Number(countRow.total), page: query.page, pageSize: query.pageSize };
}

/** One plan item of the scope's organisation; another organisation's item is answered as one that does not exist. */
export async function getOwnPlanItem(db: Executor, scope: Scope, itemId: string): Promise<OwnPlanItem> {
  const row = await planItemsWithContext(db).where('pi.id', '=', itemId).where('pi.responsible_actor_id', '=', scope.organisationId).executeTakeFirst();
  if (!row) throw new NotFoundError('plan item of your organisation');
  return ownPlanItemOf(row);
}

/** The responsible organisation moves its item on: status and result text only, audited like every change. */
export async function updateOwnPlanItem(
  db: Executor,
  scope: Scope,
  itemId: string,
  changes: OwnPlanItemUpdate,
  expectedVersion: ExpectedVersion,
  context: ChangeContext,
): Promise<OwnPlanItem> {
  return versionedChange(db, {
    table: 'plan_item',
    id: itemId,
    entity: 'plan_item',
    label: 'plan item',
    checkReach: async (trx) => {
      await getOwnPlanItem(trx, scope, itemId);
    },
    read: (trx) => getOwnPlanItem(trx, scope, itemId),
    expectedVersion,
    context,
    action: 'update',
    write: async (trx) => {
      await trx
        .updateTable('plan_item')
        .set({
          ...(changes.status === undefined ? {} : { status: changes.status }),
          ...(changes.resultText === undefined ? {} : { result_text: changes.resultText }),
          ...nextVersion,
        })
        .where('id', '=', itemId)
        .execute();
    },
  });
}
