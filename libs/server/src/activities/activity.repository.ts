import { sql, type Expression, type ExpressionBuilder, type InferResult, type SqlBool } from 'kysely';
import type { Database } from '@kompetansebro/db';
import {
  activityErrorCodes,
  activityRuleViolations,
  activityVisible,
  activityWritable,
  sumByPeriod,
  norwegianSortKey,
  totalHeadCount,
  type ActivityCount,
  type ActivityCountQuery,
  type ActivityCreate,
  type ActivityDetail,
  type ActivityKind,
  type ActivityLink,
  type ActivityListQuery,
  type ActivityParticipant,
  type ActivityParticipantInput,
  type ActivitySummary,
  type ActivityUpdate,
  type FieldError,
  type Page,
  withFields,
} from '@kompetansebro/domain';
import { DomainRuleError, NotFoundError } from '@kompetansebro/domain';
import { activityIdsInvolving, requireVisible, requireWritable, visibleActivities, type Scope } from '../auth/visibility';
import { writeAudit } from '../audit/audit.repository';
import type { Executor } from '../persistence/executor';
import { dayPlannedOnce, iso, likePattern, literalsOf, noFilterIn, pageOf, sortOf, visibleActorIds, type ChangeContext } from '../persistence/repository-helpers';
import { auditedCreate, nextVersion, versionedChange, versionedRemoval, type VersionedRecord, type ExpectedVersion } from '../persistence/versioned-change';

type ActivityJoin = Database & { a: Database['activity']; o: Database['actor'] };

/**
 * An activity's last day (its end date, or its start date when it has none): it is coming or
 * running while that is today or later (the domain's activityHasEnded). The expression of activity_until_idx.
 */
export const activityLastDay = (alias: string) => sql<string>`coalesce(${sql.ref(`${alias}.end_date`)}, ${sql.ref(`${alias}.start_date`)})`;

/**
 * Norwegian order for a column without a stored sort key: the same letters as
 * `norwegianSortKey` (a–z, then æ, ø, å; accents dropped), by translate() and byte order, so
 * PGlite and PostgreSQL sort alike whatever their locale.
 */
const SORT_FROM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅÄÖÜÉÈÊËÁÀÂÓÒÔÍÌÎÚÙÛÇÑæøåäöüéèêëáàâóòôíìîúùûçñ';
const SORT_TO = [...SORT_FROM].map((ch) => norwegianSortKey(ch)).join('');
const norwegianOrderOf = (column: string) => sql`translate(${sql.ref(column)}, ${SORT_FROM}, ${SORT_TO}) collate "C"`;

function activitiesWithOrganiser(db: Executor) {
  return db.selectFrom('activity as a').leftJoin('actor as o', 'o.id', 'a.organiser_id');
}

const summaryColumns = [
  'a.id',
  'a.kind',
  'a.title',
  'a.description',
  'a.start_date',
  'a.end_date',
  'a.start_time',
  'a.end_time',
  'a.place',
  'a.online_url',
  'a.organiser_id',
  'a.topics',
  'a.outcome',
  'a.links',
  'a.sample_data',
  'a.version',
  'a.created_at',
  'a.updated_at',
  'o.name as organiser_name',
] as const;

function selectSummaries(db: Executor) {
  // The counts as subqueries of the select list: the database computes them for the page's rows
  // only, after the order and limit (a lateral join, with visibility read into arrays, made a
  // centre's next five activities 2.4× dearer for PostgreSQL: it counted every match first).
  return activitiesWithOrganiser(db)
    .select(summaryColumns)
    .select((eb) => [
      eb
        .selectFrom('activity_participant as p')
        .whereRef('p.activity_id', '=', 'a.id')
        .select((sub) => sub.fn.countAll<string>().as('n'))
        .as('participant_count'),
      eb
        .selectFrom('activity_participant as p')
        .whereRef('p.activity_id', '=', 'a.id')
        .select((sub) => sub.fn.sum<string | null>('p.head_count').as('n'))
        .as('total_head_count'),
    ]);
}
type SummaryRow = InferResult<ReturnType<typeof selectSummaries>>[number];

function toSummary(row: SummaryRow): ActivitySummary {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    startDate: row.start_date,
    endDate: row.end_date,
    startTime: row.start_time,
    endTime: row.end_time,
    place: row.place,
    onlineUrl: row.online_url,
    organiserId: row.organiser_id,
    topics: row.topics,
    outcome: row.outcome,
    links: row.links,
    sampleData: row.sample_data,
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    organiserName: row.organiser_name,
    participantCount: Number(row.participant_count ?? 0),
    totalHeadCount: row.total_head_count === null || row.total_head_count === undefined ? null : Number(row.total_head_count),
  };
}

type FilterQuery = Pick<ActivityListQuery, 'kind' | 'organiser' | 'participant' | 'from' | 'to' | 'endedBefore'> & { q?: string | undefined };

function listConditions(eb: ExpressionBuilder<ActivityJoin, 'a' | 'o'>, query: FilterQuery): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (query.q) {
    const pattern = likePattern(query.q);
    conditions.push(
      eb.or([
        eb(sql`a.search_vector`, '@@', sql`websearch_to_tsquery('norwegian', ${query.q})`),
        eb('a.title', 'ilike', pattern),
      ]),
    );
  }
  if (query.kind) conditions.push(eb('a.kind', 'in', literalsOf([query.kind])));
  if (query.organiser) conditions.push(eb('a.organiser_id', '=', query.organiser));
  if (query.participant) {
    const participant = query.participant;
    conditions.push(
      eb.exists(
        eb
          .selectFrom('activity_participant as p')
          .select('p.actor_id')
          .whereRef('p.activity_id', '=', 'a.id')
          .where('p.actor_id', '=', participant),
      ),
    );
  }
  // A period is in range when any part of it is: it ends on or after `from` and starts on or before `to`.
  if (query.from) conditions.push(eb(activityLastDay('a'), '>=', dayPlannedOnce(query.from)));
  if (query.to) conditions.push(eb('a.start_date', '<=', dayPlannedOnce(query.to)));
  if (query.endedBefore) conditions.push(eb(activityLastDay('a'), '<', dayPlannedOnce(query.endedBefore)));
  return eb.and(conditions);
}

export async function listActivities(db: Executor, scope: Scope, query: ActivityListQuery): Promise<Page<ActivitySummary>> {
  const { key, direction } = sortOf(query.sort);
  const byTitle = norwegianOrderOf('a.title');
  let ordered = selectSummaries(db)
    .where(visibleActivities(scope, 'a'))
    .where((eb) => listConditions(eb, query));
  switch (key) {
    case 'title':
      ordered = ordered.orderBy(byTitle, direction).orderBy('a.start_date', 'desc');
      break;
    case 'kind':
      ordered = ordered.orderBy('a.kind', direction).orderBy('a.start_date', 'desc');
      break;
    case 'updated':
      ordered = ordered.orderBy('a.updated_at', direction);
      break;
    default:
      if (query.endedBefore) {
        // Ended activities by when they ended (newest first for '-date'): a long course that ended
        // last week comes before short ones that ended earlier. The expression of activity_until_idx,
        // which also selects them.
        ordered = ordered.orderBy(activityLastDay('a'), direction).orderBy('a.start_date', direction);
        break;
      }
      // From a day on (a home's next activities), the rows come from the index of when activities
      // end (activity_until_idx), a few hundred at most, and are sorted: `start_date + 0` is the
      // same order but not the date index's, which a plan made once for every day walked from the
      // first activity ever (a library's next five: PostgreSQL ~4 → ~2 ms).
      ordered = ordered.orderBy(query.from ? sql`a.start_date + 0` : 'a.start_date', direction).orderBy(byTitle);
  }
  ordered = ordered.orderBy('a.id');
  const visible = scope.activities.read;
  // With no filter, an organisation's activities are counted from the indexes of organisers and
  // participants; testing each of 10,000 activities for them was most of a study centre's page.
  if (noFilterIn(query) && !visible.all) return pageOf(query, db.selectFrom(activityIdsInvolving(visible).as('visible')), ordered, toSummary);
  const filtered = activitiesWithOrganiser(db)
    .where(visibleActivities(scope, 'a'))
    .where((eb) => listConditions(eb, query));
  return pageOf(query, filtered, ordered, toSummary);
}

/**
 * The activities of an organisation's calendar feed: every one the scope sees (as its activities
 * list) that ends on or after `from`, in time order, at most `limit`.
 */
export async function listCalendarActivities(db: Executor, scope: Scope, from: string, limit = 2000): Promise<ActivitySummary[]> {
  const rows = await selectSummaries(db)
    .where(visibleActivities(scope, 'a'))
    .where((eb) => listConditions(eb, { from }))
    .orderBy('a.start_date')
    .orderBy('a.id')
    .limit(limit)
    .execute();
  return rows.map(toSummary);
}

/** Every activity the filters select, with its participants (for export). */
export async function listActivitiesWithParticipants(
  db: Executor,
  scope: Scope,
  query: ActivityListQuery,
): Promise<Array<ActivitySummary & { participants: ActivityParticipant[] }>> {
  const page = await listActivities(db, scope, query);
  const participants = await participantsOf(
    db,
    page.items.map((a) => a.id),
  );
  return page.items.map((activity) => withFields(activity, { participants: participants.get(activity.id) ?? [] }));
}

/** Activities per month, half year or year (by start date), in time order. */
export async function countActivities(db: Executor, scope: Scope, query: ActivityCountQuery): Promise<ActivityCount[]> {
  // Counted per day in the database (a row per day with activities, not one per activity).
  const days = await activitiesWithOrganiser(db)
    .where(visibleActivities(scope, 'a'))
    .where((eb) => listConditions(eb, query))
    .select((eb) => ['a.start_date', eb.fn.countAll<string>().as('count')])
    .groupBy('a.start_date')
    .execute();
  return sumByPeriod(
    days.map((d) => ({ date: d.start_date, count: Number(d.count) })),
    query.per,
    { from: query.from, to: query.to },
  );
}

async function participantsOf(db: Executor, activityIds: readonly string[]): Promise<Map<string, ActivityParticipant[]>> {
  const byActivity = new Map<string, ActivityParticipant[]>();
  if (activityIds.length === 0) return byActivity;
  const rows = await db
    .selectFrom('activity_participant as p')
    .innerJoin('actor as x', 'x.id', 'p.actor_id')
    .select(['p.activity_id', 'p.actor_id', 'p.head_count', 'x.name', 'x.kind'])
    .where('p.activity_id', 'in', activityIds)
    .orderBy(sql`x.sort_key collate "C"`)
    .orderBy('x.id')
    .execute();
  for (const row of rows) {
    const list = byActivity.get(row.activity_id) ?? [];
    list.push({ actorId: row.actor_id, actorName: row.name, actorKind: row.kind, headCount: row.head_count });
    byActivity.set(row.activity_id, list);
  }
  return byActivity;
}

export async function findActivity(db: Executor, scope: Scope, id: string): Promise<ActivityDetail | undefined> {
  const row = await selectSummaries(db).where('a.id', '=', id).where(visibleActivities(scope, 'a')).executeTakeFirst();
  if (!row) return undefined;
  const participants = (await participantsOf(db, [id])).get(id) ?? [];
  return { ...toSummary(row), totalHeadCount: totalHeadCount(participants), participants };
}

export async function getActivity(db: Executor, scope: Scope, id: string): Promise<ActivityDetail> {
  const activity = await findActivity(db, scope, id);
  if (!activity) throw new NotFoundError('activity');
  return activity;
}

interface ActivityFields {
  kind: ActivityKind;
  title: string;
  description: string | null;
  startDate: string;
  endDate: string | null;
  startTime: string | null;
  endTime: string | null;
  place: string | null;
  onlineUrl: string | null;
  organiserId: string | null;
  topics: string[];
  outcome: string | null;
  links: ActivityLink[];
  participants: ActivityParticipantInput[];
}

function withDefaults(input: ActivityCreate): ActivityFields {
  return {
    kind: input.kind,
    title: input.title,
    description: input.description ?? null,
    startDate: input.startDate,
    endDate: input.endDate ?? null,
    startTime: input.startTime ?? null,
    endTime: input.endTime ?? null,
    place: input.place ?? null,
    onlineUrl: input.onlineUrl ?? null,
    organiserId: input.organiserId ?? null,
    topics: input.topics ?? [],
    outcome: input.outcome ?? null,
    links: input.links ?? [],
    participants: input.participants ?? [],
  };
}

function fieldsOf(activity: ActivityDetail): ActivityFields {
  return {
    kind: activity.kind,
    title: activity.title,
    description: activity.description,
    startDate: activity.startDate,
    endDate: activity.endDate,
    startTime: activity.startTime,
    endTime: activity.endTime,
    place: activity.place,
    onlineUrl: activity.onlineUrl,
    organiserId: activity.organiserId,
    topics: activity.topics,
    outcome: activity.outcome,
    links: activity.links,
    participants: activity.participants.map((p) => ({ actorId: p.actorId, headCount: p.headCount })),
  };
}

/**
 * The rules that need the database besides the domain's own: the organiser and every participant
 * exist, as actors the scope sees (one it does not is answered as unknown). `known`: actors on the
 * activity already, which the scope keeps whether it sees them or not.
 */
async function violations(db: Executor, scope: Scope, fields: ActivityFields, known: readonly string[] = []): Promise<FieldError[]> {
  const errors = activityRuleViolations(fields);
  const ids = [...(fields.organiserId ? [fields.organiserId] : []), ...fields.participants.map((p) => p.actorId)];
  const existing = new Set([...(await visibleActorIds(db, scope.actors.read, ids)), ...known]);
  if (fields.organiserId && !existing.has(fields.organiserId)) {
    errors.push({ path: 'organiserId', code: activityErrorCodes.actorNotFound, message: 'No actor has this id' });
  }
  fields.participants.forEach((participant, index) => {
    if (!existing.has(participant.actorId)) {
      errors.push({ path: `participants.${index}.actorId`, code: activityErrorCodes.actorNotFound, message: 'No actor has this id' });
    }
  });
  return errors;
}

function columnsOf(fields: ActivityFields) {
  return {
    kind: fields.kind,
    title: fields.title,
    description: fields.description,
    start_date: fields.startDate,
    end_date: fields.endDate,
    start_time: fields.startTime,
    end_time: fields.endTime,
    place: fields.place,
    online_url: fields.onlineUrl,
    organiser_id: fields.organiserId,
    topics: JSON.stringify(fields.topics),
    outcome: fields.outcome,
    links: JSON.stringify(fields.links),
  };
}

async function replaceParticipants(trx: Executor, activityId: string, participants: readonly ActivityParticipantInput[]): Promise<void> {
  await trx.deleteFrom('activity_participant').where('activity_id', '=', activityId).execute();
  if (participants.length === 0) return;
  await trx
    .insertInto('activity_participant')
    .values(participants.map((p) => ({ activity_id: activityId, actor_id: p.actorId, head_count: p.headCount ?? null })))
    .execute();
}

export async function createActivity(db: Executor, scope: Scope, input: ActivityCreate, context: ChangeContext): Promise<ActivityDetail> {
  const fields = withDefaults(input);
  return auditedCreate(db, {
    entity: 'activity',
    context,
    insert: async (trx) => {
      const errors = await violations(trx, scope, fields);
      if (errors.length > 0) throw new DomainRuleError(errors);
      requireWritable(activityWritable(scope, fields), 'An activity you record must be organised by your organisation');
      const inserted = await trx.insertInto('activity').values(columnsOf(fields)).returning('id').executeTakeFirstOrThrow();
      await replaceParticipants(trx, inserted.id, fields.participants);
      return inserted.id;
    },
    read: (trx, id) => getActivity(trx, scope, id),
  });
}

/** The activity as a versioned record: 404 when the scope cannot see it, 403 when it may not change it. */
function activityRecord(scope: Scope, id: string): VersionedRecord<ActivityDetail> {
  return {
    table: 'activity',
    id,
    entity: 'activity',
    checkReach: async (trx) => {
      const { organiser_id } = await trx.selectFrom('activity').select('organiser_id').where('id', '=', id).executeTakeFirstOrThrow();
      const participants = await trx.selectFrom('activity_participant').select('actor_id').where('activity_id', '=', id).execute();
      const participantIds = participants.map((p) => p.actor_id);
      const ids = [...participantIds, ...(organiser_id ? [organiser_id] : [])];
      const involved =
        ids.length === 0
          ? []
          : (await trx.selectFrom('actor').select(['id', 'kind', 'municipality_number']).where('id', 'in', ids).execute()).map((a) => ({
              id: a.id,
              kind: a.kind,
              municipalityNumber: a.municipality_number,
            }));
      const facts = { organiserId: organiser_id, participantIds, involved };
      requireVisible(activityVisible(scope, facts), 'activity');
      requireWritable(activityWritable(scope, facts), 'You may read this activity but not change it');
    },
    read: (trx) => getActivity(trx, scope, id),
  };
}

export async function updateActivity(
  db: Executor,
  scope: Scope,
  id: string,
  changes: ActivityUpdate,
  expectedVersion: ExpectedVersion,
  context: ChangeContext,
): Promise<ActivityDetail> {
  return versionedChange(db, {
    ...activityRecord(scope, id),
    expectedVersion,
    context,
    action: 'update',
    write: async (trx, before) => {
      const merged: ActivityFields = { ...fieldsOf(before), ...changes };
      const known = [...(before.organiserId ? [before.organiserId] : []), ...before.participants.map((p) => p.actorId)];
      const errors = await violations(trx, scope, merged, known);
      if (errors.length > 0) throw new DomainRuleError(errors);
      requireWritable(activityWritable(scope, merged), 'Your organisation must stay the organiser of the activity');
      await trx
        .updateTable('activity')
        .set({ ...columnsOf(merged), ...nextVersion })
        .where('id', '=', id)
        .execute();
      if (changes.participants !== undefined) await replaceParticipants(trx, id, merged.participants);
    },
  });
}

/**
 * Deletes an activity and its participants. Plan items that listed it as a result drop it
 * (each such change is versioned and audited too), so no plan points at nothing.
 */
export async function deleteActivity(db: Executor, scope: Scope, id: string, expectedVersion: ExpectedVersion, context: ChangeContext): Promise<void> {
  await versionedRemoval(db, {
    ...activityRecord(scope, id),
    expectedVersion,
    context,
    write: async (trx) => {
      const linked = await trx
        .selectFrom('plan_item')
        .selectAll()
        .where(sql<boolean>`activity_ids @> ${JSON.stringify([id])}::jsonb`)
        .forUpdate()
        .execute();
      for (const item of linked) {
        const after = await trx
          .updateTable('plan_item')
          .set({ activity_ids: sql`activity_ids - ${id}::text`, ...nextVersion })
          .where('id', '=', item.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await writeAudit(trx, { userId: context.userId, entity: 'plan_item', entityId: item.id, action: 'update', before: item, after });
      }
      await trx.deleteFrom('activity').where('id', '=', id).execute();
    },
  });
}
