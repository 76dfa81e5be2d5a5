import { sql, type ExpressionBuilder, type Expression, type InferResult, type SqlBool } from 'kysely';
import type { Database } from '@kompetansebro/db';
import {
  actorRuleViolations,
  domainErrorCodes,
  norwegianSortKey,
  type ActorCreate,
  type ActorDetail,
  type ActorKind,
  type ActorListQuery,
  type ActorSummary,
  type ActorUpdate,
  type FieldError,
  type Page,
} from '@kompetansebro/domain';
import { invalidInput, notFound, ProblemError } from '../http/problem';
import { writeAudit, type Executor } from './audit.repository';
import { uniqueViolation } from './database-errors';
import { iso, likePattern, lockVersion, type ChangeContext } from './repository-helpers';
import { municipalityExists } from './reference.repository';

type ActorJoin = Database & {
  a: Database['actor'];
  m: Database['municipality'];
  r: Database['region'];
  p: Database['actor'];
};

function actorsWithContext(db: Executor) {
  return db
    .selectFrom('actor as a')
    .leftJoin('municipality as m', 'm.number', 'a.municipality_number')
    .leftJoin('region as r', 'r.id', 'm.region_id')
    .leftJoin('actor as p', 'p.id', 'a.parent_id');
}

const summaryColumns = [
  'a.id',
  'a.kind',
  'a.name',
  'a.short_name',
  'a.organisation_number',
  'a.library_number',
  'a.municipality_number',
  'a.parent_id',
  'a.address',
  'a.website',
  'a.email',
  'a.phone',
  'a.description',
  'a.archived_at',
  'a.version',
  'a.created_at',
  'a.updated_at',
  'm.name as municipality_name',
  'r.id as region_id',
  'r.name as region_name',
  'p.name as parent_name',
] as const;

const selectSummaries = (db: Executor) => actorsWithContext(db).select(summaryColumns);
type SummaryRow = InferResult<ReturnType<typeof selectSummaries>>[number];


function toSummary(row: SummaryRow): ActorSummary {
  return {
    id: row.id,
    kind: row.kind as ActorKind,
    name: row.name,
    shortName: row.short_name,
    organisationNumber: row.organisation_number,
    libraryNumber: row.library_number,
    municipalityNumber: row.municipality_number,
    parentId: row.parent_id,
    address: row.address,
    website: row.website,
    email: row.email,
    phone: row.phone,
    description: row.description,
    archivedAt: row.archived_at === null ? null : iso(row.archived_at),
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    municipalityName: row.municipality_name,
    regionId: row.region_id,
    regionName: row.region_name,
    parentName: row.parent_name,
  };
}


function listConditions(eb: ExpressionBuilder<ActorJoin, 'a' | 'm' | 'r' | 'p'>, query: ActorListQuery): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (query.q) {
    const pattern = likePattern(query.q);
    const matches = [
      eb(sql`a.search_vector`, '@@', sql`websearch_to_tsquery('norwegian', ${query.q})`),
      eb('a.name', 'ilike', pattern),
      eb('a.short_name', 'ilike', pattern),
    ];
    // Organisation and library numbers are found by their digits, as printed with spaces or not.
    const digits = query.q.replace(/\s+/g, '');
    if (/^\d{3,9}$/.test(digits)) {
      matches.push(eb('a.organisation_number', 'like', `${digits}%`), eb('a.library_number', 'like', `${digits}%`));
    }
    conditions.push(eb.or(matches));
  }
  if (query.kind) conditions.push(eb('a.kind', '=', query.kind));
  if (query.municipality) conditions.push(eb('a.municipality_number', '=', query.municipality));
  if (query.region) conditions.push(eb('m.region_id', '=', query.region));
  if (query.parent) conditions.push(eb('a.parent_id', '=', query.parent));
  if (query.archived === 'exclude') conditions.push(eb('a.archived_at', 'is', null));
  if (query.archived === 'only') conditions.push(eb('a.archived_at', 'is not', null));
  return eb.and(conditions);
}

export async function listActors(db: Executor, query: ActorListQuery): Promise<Page<ActorSummary>> {
  const filtered = actorsWithContext(db).where((eb) => listConditions(eb, query));
  const countRow = await filtered.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();

  const descending = query.sort.startsWith('-');
  const direction = descending ? 'desc' : 'asc';
  const byName = sql`a.sort_key collate "C"`;
  let ordered = filtered.select(summaryColumns);
  switch (query.sort.replace('-', '')) {
    case 'kind':
      ordered = ordered.orderBy('a.kind', direction).orderBy(byName);
      break;
    case 'municipality':
      ordered = ordered.orderBy(sql`m.sort_key collate "C"`, (ob) => (descending ? ob.desc().nullsLast() : ob.asc().nullsLast())).orderBy(byName);
      break;
    case 'updated':
      ordered = ordered.orderBy('a.updated_at', direction);
      break;
    default:
      ordered = ordered.orderBy(byName, direction);
  }
  const rows = await ordered
    .orderBy('a.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { items: rows.map(toSummary), total: Number(countRow.total), page: query.page, pageSize: query.pageSize };
}

export async function findActor(db: Executor, id: string): Promise<ActorDetail | undefined> {
  const row = await selectSummaries(db).where('a.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const children = await db
    .selectFrom('actor')
    .select(['id', 'kind', 'name', 'archived_at'])
    .where('parent_id', '=', id)
    .orderBy(sql`sort_key collate "C"`)
    .execute();
  return {
    ...toSummary(row),
    children: children.map((child) => ({
      id: child.id,
      kind: child.kind as ActorKind,
      name: child.name,
      archivedAt: child.archived_at === null ? null : iso(child.archived_at),
    })),
  };
}

export async function getActor(db: Executor, id: string): Promise<ActorDetail> {
  const actor = await findActor(db, id);
  if (!actor) throw notFound('actor');
  return actor;
}

type ActorFields = Required<ActorCreate>;

/** The rules that need the database: the parent and municipality must exist and fit. */
async function referenceViolations(db: Executor, actor: ActorFields & { id?: string }): Promise<FieldError[]> {
  const parent = actor.parentId
    ? ((await db.selectFrom('actor').select(['id', 'kind']).where('id', '=', actor.parentId).executeTakeFirst()) ?? null)
    : null;
  const errors = actorRuleViolations(
    { ...actor, libraryNumber: actor.libraryNumber, parentId: actor.parentId },
    parent && { id: parent.id, kind: parent.kind as ActorKind },
  );
  if (actor.municipalityNumber && !(await municipalityExists(db, actor.municipalityNumber))) {
    errors.push({ path: 'municipalityNumber', code: domainErrorCodes.municipalityNotFound, message: 'No municipality has this number' });
  }
  return errors;
}

function columnsOf(fields: ActorFields) {
  return {
    kind: fields.kind,
    name: fields.name,
    sort_key: norwegianSortKey(fields.name),
    short_name: fields.shortName,
    organisation_number: fields.organisationNumber,
    library_number: fields.libraryNumber,
    municipality_number: fields.municipalityNumber,
    parent_id: fields.parentId,
    address: fields.address,
    website: fields.website,
    email: fields.email,
    phone: fields.phone,
    description: fields.description,
  };
}

function withDefaults(input: ActorCreate): ActorFields {
  return {
    kind: input.kind,
    name: input.name,
    shortName: input.shortName ?? null,
    organisationNumber: input.organisationNumber ?? null,
    libraryNumber: input.libraryNumber ?? null,
    municipalityNumber: input.municipalityNumber ?? null,
    parentId: input.parentId ?? null,
    address: input.address ?? null,
    website: input.website ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    description: input.description ?? null,
  };
}

function libraryNumberTaken(error: unknown): never {
  const violation = uniqueViolation(error);
  if (violation?.constraint?.includes('library_number')) {
    throw invalidInput([
      { path: 'libraryNumber', code: domainErrorCodes.libraryNumberTaken, message: 'Another actor has this library number' },
    ]);
  }
  throw error;
}



export async function createActor(db: Executor, input: ActorCreate, context: ChangeContext): Promise<ActorDetail> {
  const fields = withDefaults(input);
  return db.transaction().execute(async (trx) => {
    const errors = await referenceViolations(trx, fields);
    if (errors.length > 0) throw invalidInput(errors);
    const inserted = await trx
      .insertInto('actor')
      .values(columnsOf(fields))
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch(libraryNumberTaken);
    const created = await getActor(trx, inserted.id);
    await writeAudit(trx, { userId: context.userId, entity: 'actor', entityId: created.id, action: 'create', before: null, after: created });
    return created;
  });
}

/** Locks the row, checks the version the client read (404 or 412 otherwise), and reads it. */
async function lockForChange(trx: Executor, id: string, expectedVersion: number): Promise<ActorDetail> {
  await lockVersion(trx, 'actor', id, expectedVersion, 'actor');
  return getActor(trx, id);
}

export async function updateActor(
  db: Executor,
  id: string,
  changes: ActorUpdate,
  expectedVersion: number,
  context: ChangeContext,
): Promise<ActorDetail> {
  return db.transaction().execute(async (trx) => {
    const before = await lockForChange(trx, id, expectedVersion);
    const merged: ActorFields & { id: string } = { ...withDefaults(before), ...changes, id };
    const errors = await referenceViolations(trx, merged);
    if (errors.length > 0) throw invalidInput(errors);
    await trx
      .updateTable('actor')
      .set({ ...columnsOf(merged), version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .execute()
      .catch(libraryNumberTaken);
    const after = await getActor(trx, id);
    await writeAudit(trx, { userId: context.userId, entity: 'actor', entityId: id, action: 'update', before, after });
    return after;
  });
}

/** Archiving hides an actor from lists but keeps it, and every link to it, for history. */
export async function setActorArchived(
  db: Executor,
  id: string,
  archived: boolean,
  expectedVersion: number,
  context: ChangeContext,
): Promise<ActorDetail> {
  return db.transaction().execute(async (trx) => {
    const before = await lockForChange(trx, id, expectedVersion);
    if ((before.archivedAt !== null) === archived) {
      throw new ProblemError(409, archived ? 'The actor is archived already' : 'The actor is not archived');
    }
    await trx
      .updateTable('actor')
      .set({ archived_at: archived ? sql`now()` : null, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .execute();
    const after = await getActor(trx, id);
    await writeAudit(trx, { userId: context.userId, entity: 'actor', entityId: id, action: archived ? 'archive' : 'restore', before, after });
    return after;
  });
}
