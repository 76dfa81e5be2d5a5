import { sql, type Expression, type ExpressionBuilder, type InferResult, type SqlBool } from 'kysely';
import type { Database } from '@kompetansebro/db';
import {
  inActorSet,
  mergeServiceConditions,
  serviceErrorCodes,
  serviceWeeklyHours,
  todayInNorway,
  type Audience,
  type IsoDate,
  type Page,
  type ServiceConditions,
  type ServiceCreate,
  type ServiceListQuery,
  type ServiceSummary,
  type ServiceType,
  type ServiceUpdate,
} from '@kompetansebro/domain';
import { NotFoundError } from '@kompetansebro/domain';
import { requireVisible, requireWritable, visibleActorRecords, type Scope } from '../auth/visibility';
import type { Executor } from '../persistence/executor';
import { actorFacts, assertActorExists, iso, isoOrNull, likePattern, nullsLast, pageOf, sortOf, type ChangeContext } from '../persistence/repository-helpers';
import { archiving, auditedCreate, nextVersion, versionedChange, type VersionedRecord, type ExpectedVersion } from '../persistence/versioned-change';
import { publishedTimetables } from '../public-api/public.repository';

type ServiceJoin = Database & {
  s: Database['service'];
  a: Database['actor'];
  m: Database['municipality'];
  r: Database['region'];
};

function servicesWithContext(db: Executor) {
  return db
    .selectFrom('service as s')
    .innerJoin('actor as a', 'a.id', 's.actor_id')
    .leftJoin('municipality as m', 'm.number', 'a.municipality_number')
    .leftJoin('region as r', 'r.id', 'm.region_id');
}

const summaryColumns = [
  's.id',
  's.actor_id',
  's.type',
  's.audiences',
  's.description',
  's.conditions',
  's.weekly_hours',
  's.confirmed_at',
  's.confirmed_by',
  's.sample_data',
  's.archived_at',
  's.version',
  's.created_at',
  's.updated_at',
  'a.name as actor_name',
  'a.kind as actor_kind',
  'a.parent_id as actor_parent_id',
  'a.municipality_number',
  'm.name as municipality_name',
  'r.id as region_id',
  'r.name as region_name',
] as const;

const selectSummaries = (db: Executor) => servicesWithContext(db).select(summaryColumns);
type SummaryRow = InferResult<ReturnType<typeof selectSummaries>>[number];

function toSummary(row: SummaryRow): ServiceSummary {
  return {
    id: row.id,
    actorId: row.actor_id,
    type: row.type,
    audiences: row.audiences,
    description: row.description,
    conditions: mergeServiceConditions(row.conditions as Partial<ServiceConditions>),
    weeklyHours: row.weekly_hours === null ? null : Number(row.weekly_hours),
    confirmedAt: row.confirmed_at,
    confirmedBy: row.confirmed_by,
    sampleData: row.sample_data,
    archivedAt: isoOrNull(row.archived_at),
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    actorName: row.actor_name,
    actorKind: row.actor_kind,
    actorParentId: row.actor_parent_id,
    municipalityNumber: row.municipality_number,
    municipalityName: row.municipality_name,
    regionId: row.region_id,
    regionName: row.region_name,
  };
}

type ServiceFilters = Omit<ServiceListQuery, 'page' | 'pageSize' | 'sort'>;

function listConditions(eb: ExpressionBuilder<ServiceJoin, 's' | 'a' | 'm' | 'r'>, query: ServiceFilters): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (query.q) {
    const pattern = likePattern(query.q);
    conditions.push(
      eb.or([
        eb(sql`a.search_vector`, '@@', sql`websearch_to_tsquery('norwegian', ${query.q})`),
        eb('a.name', 'ilike', pattern),
        eb('a.short_name', 'ilike', pattern),
        eb('s.description', 'ilike', pattern),
      ]),
    );
  }
  if (query.actor) {
    conditions.push(
      query.includeBranches === 'true'
        ? eb.or([eb('s.actor_id', '=', query.actor), eb('a.parent_id', '=', query.actor)])
        : eb('s.actor_id', '=', query.actor),
    );
  }
  if (query.type) conditions.push(eb('s.type', '=', query.type));
  if (query.audience) conditions.push(eb(sql`s.audiences`, '@>', sql`${JSON.stringify([query.audience])}::jsonb`));
  if (query.municipality) conditions.push(eb('a.municipality_number', '=', query.municipality));
  if (query.region) conditions.push(eb('m.region_id', '=', query.region));
  if (query.archived === 'exclude') conditions.push(eb('s.archived_at', 'is', null), eb('a.archived_at', 'is', null));
  if (query.archived === 'only') conditions.push(eb('s.archived_at', 'is not', null));
  return eb.and(conditions);
}

export async function listServices(db: Executor, scope: Scope, query: ServiceListQuery): Promise<Page<ServiceSummary>> {
  const filtered = servicesWithContext(db)
    .where(visibleActorRecords(scope, 'a'))
    .where((eb) => listConditions(eb, query));
  const { key, descending, direction } = sortOf(query.sort);
  const byActor = sql`a.sort_key collate "C"`;
  let ordered = filtered.select(summaryColumns);
  switch (key) {
    case 'type':
      ordered = ordered.orderBy('s.type', direction).orderBy(byActor);
      break;
    case 'confirmed':
      // Never confirmed last either way: the list is for finding what needs confirming.
      ordered = ordered.orderBy('s.confirmed_at', nullsLast(descending)).orderBy(byActor);
      break;
    case 'updated':
      ordered = ordered.orderBy('s.updated_at', direction);
      break;
    default:
      ordered = ordered.orderBy(byActor, direction).orderBy('s.type');
  }
  return pageOf(query, countedServices(db, scope, query) ?? filtered, ordered.orderBy('s.id'), toSummary);
}

const SERVICE_ONLY_KEYS = new Set(['page', 'pageSize', 'sort', 'actor', 'includeBranches', 'type', 'audience', 'archived']);

/**
 * The services a list counts, from the services alone when neither the scope nor the filters ask
 * about their actor beyond whether it is archived (the county's list): every service has an
 * actor, so joining each one would only cost (issue 18). Undefined: count the list as it reads.
 */
function countedServices(db: Executor, scope: Scope, query: ServiceListQuery) {
  // Any other filter (a new one too) asks about the actor, or may: counted as the list reads.
  const onServicesOnly = Object.entries(query).every(([key, value]) => value === undefined || SERVICE_ONLY_KEYS.has(key));
  if (!scope.actorRecords.read.all || !onServicesOnly || (query.actor && query.includeBranches === 'true')) return undefined;
  let services = db.selectFrom('service as s');
  if (query.actor) services = services.where('s.actor_id', '=', query.actor);
  if (query.type) services = services.where('s.type', '=', query.type);
  if (query.audience) services = services.where(sql<SqlBool>`s.audiences @> ${JSON.stringify([query.audience])}::jsonb`);
  if (query.archived === 'exclude') {
    services = services
      .where('s.archived_at', 'is', null)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('actor as a').select('a.id').whereRef('a.id', '=', 's.actor_id').where('a.archived_at', 'is not', null))));
  }
  if (query.archived === 'only') services = services.where('s.archived_at', 'is not', null);
  return services;
}

export async function getService(db: Executor, scope: Scope, id: string): Promise<ServiceSummary> {
  const row = await selectSummaries(db).where('s.id', '=', id).where(visibleActorRecords(scope, 'a')).executeTakeFirst();
  if (!row) throw new NotFoundError('service');
  return toSummary(row);
}

/** The service as a versioned record: 404 when the scope cannot see it, 403 when it may not change it. */
function serviceRecord(scope: Scope, id: string): VersionedRecord<ServiceSummary> {
  return {
    table: 'service',
    id,
    entity: 'service',
    checkReach: async (trx) => {
      const { actor_id } = await trx.selectFrom('service').select('actor_id').where('id', '=', id).executeTakeFirstOrThrow();
      const actor = (await actorFacts(trx, [actor_id])).get(actor_id);
      requireVisible(actor !== undefined && inActorSet(scope.actorRecords.read, actor), 'service');
      requireWritable(actor !== undefined && inActorSet(scope.actorRecords.write, actor), 'You may read this service but not change it');
    },
    read: (trx) => getService(trx, scope, id),
  };
}

interface ServiceFields {
  type: ServiceType;
  audiences: Audience[];
  description: string | null;
  conditions: ServiceConditions;
  weeklyHours: number | null;
  confirmedAt: IsoDate | null;
  confirmedBy: string | null;
}

function columnsOf(fields: ServiceFields) {
  return {
    type: fields.type,
    audiences: JSON.stringify(fields.audiences),
    description: fields.description,
    conditions: JSON.stringify(fields.conditions),
    weekly_hours: fields.weeklyHours,
    confirmed_at: fields.confirmedAt,
    confirmed_by: fields.confirmedBy,
  };
}

/**
 * The "hours a week" a service is stored with: for "Betjent åpningstid" and "Meråpent" of a
 * library with a weekly timetable, the timetable's figure (serviceWeeklyHours, the one rule),
 * whatever figure was sent — the form shows it read-only, and a survey answer or import cannot
 * make the service disagree with the opening hours. Otherwise the figure entered stands.
 */
export async function storedWeeklyHours(trx: Executor, actorId: string, type: ServiceType, entered: number | null): Promise<number | null> {
  return serviceWeeklyHours(type, entered, (await publishedTimetables(trx, [actorId])).get(actorId) ?? null);
}

export async function createService(db: Executor, scope: Scope, input: ServiceCreate, context: ChangeContext): Promise<ServiceSummary> {
  return auditedCreate(db, {
    entity: 'service',
    context,
    insert: async (trx) => {
      const actor = await assertActorExists(trx, scope.actorRecords.read, input.actorId, serviceErrorCodes.actorNotFound);
      requireWritable(inActorSet(scope.actorRecords.write, actor), "You may not add services to this actor's record");
      const fields: ServiceFields = {
        type: input.type,
        audiences: input.audiences,
        description: input.description ?? null,
        conditions: mergeServiceConditions(null, input.conditions),
        weeklyHours: await storedWeeklyHours(trx, input.actorId, input.type, input.weeklyHours ?? null),
        confirmedAt: input.confirmedAt ?? null,
        confirmedBy: input.confirmedBy ?? null,
      };
      const inserted = await trx
        .insertInto('service')
        .values({ ...columnsOf(fields), actor_id: input.actorId })
        .returning('id')
        .executeTakeFirstOrThrow();
      return inserted.id;
    },
    read: (trx, id) => getService(trx, scope, id),
  });
}

export async function updateService(
  db: Executor,
  scope: Scope,
  id: string,
  changes: ServiceUpdate,
  expectedVersion: ExpectedVersion,
  context: ChangeContext,
): Promise<ServiceSummary> {
  return versionedChange(db, {
    ...serviceRecord(scope, id),
    expectedVersion,
    context,
    action: 'update',
    write: async (trx, before) => {
      const { conditions, ...rest } = changes;
      const merged: ServiceFields = { ...before, ...rest, conditions: mergeServiceConditions(before.conditions, conditions) };
      merged.weeklyHours = await storedWeeklyHours(trx, before.actorId, merged.type, merged.weeklyHours);
      await trx
        .updateTable('service')
        .set({ ...columnsOf(merged), ...nextVersion })
        .where('id', '=', id)
        .execute();
    },
  });
}

/** Records that the service is still offered as described: today (in Norway), and by whom. */
export async function confirmService(
  db: Executor,
  scope: Scope,
  id: string,
  confirmedBy: string,
  expectedVersion: ExpectedVersion,
  context: ChangeContext,
  today: IsoDate = todayInNorway(),
): Promise<ServiceSummary> {
  return versionedChange(db, {
    ...serviceRecord(scope, id),
    expectedVersion,
    context,
    action: 'confirm',
    write: async (trx) => {
      await trx
        .updateTable('service')
        .set({ confirmed_at: today, confirmed_by: confirmedBy, ...nextVersion })
        .where('id', '=', id)
        .execute();
    },
  });
}

/** Archiving hides a service from lists but keeps it, and the agreements that commit it, for history. */
export async function setServiceArchived(
  db: Executor,
  scope: Scope,
  id: string,
  archived: boolean,
  expectedVersion: ExpectedVersion,
  context: ChangeContext,
): Promise<ServiceSummary> {
  return versionedChange(db, { ...serviceRecord(scope, id), expectedVersion, context, ...archiving('service', id, archived, 'service') });
}
