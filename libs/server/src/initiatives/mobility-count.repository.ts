import { sql, type InferResult } from 'kysely';
import {
  DomainRuleError,
  initiativeErrorCodes,
  type FieldError,
  type MobilityCount,
  type MobilityCountInput,
  type MobilityCountQuery,
  type Page,
} from '@kompetansebro/domain';
import { requireCountyWide, type Scope } from '../auth/visibility';
import { writeAudit } from '../audit/audit.repository';
import type { Executor } from '../persistence/executor';
import { existingActorIds, pageOf, type ChangeContext } from '../persistence/repository-helpers';

// Mobility counts are the county's own records: every exported function takes the Scope and
// lets only the county in.

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
    category: row.category,
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
  const ordered = filtered
    .orderBy('m.school_year', 'desc')
    .orderBy(sql`a.sort_key collate "C"`)
    .orderBy('m.category')
    .orderBy('m.id');
  return pageOf(query, filtered.clearSelect(), ordered, toMobilityCount);
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
