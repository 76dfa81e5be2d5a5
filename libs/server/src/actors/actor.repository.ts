import { sql, type ExpressionBuilder, type Expression, type InferResult, type SqlBool } from 'kysely';
import type { Database } from '@kompetansebro/db';
import {
  actorRuleViolations,
  inActorSet,
  fieldsOnlyTheCountyChanges,
  mayRestructureActors,
  domainErrorCodes,
  norwegianSortKey,
  type ActorCreate,
  type ActorDetail,
  type ActorListQuery,
  type ActorSummary,
  type ActorUpdate,
  type FieldError,
  type Page,
} from '@kompetansebro/domain';
import { ConflictError, DomainRuleError, NotFoundError } from '@kompetansebro/domain';
import { requireVisible, requireWritable, visibleActors, type Scope } from '../auth/visibility';
import type { Executor } from '../persistence/executor';
import { uniqueViolation } from '../persistence/database-errors';
import { iso, likePattern, literalsOf, nullsLast, pageOf, sortOf, type ChangeContext } from '../persistence/repository-helpers';
import { archiving, auditedCreate, nextVersion, versionedChange, type VersionedRecord, type ExpectedVersion } from '../persistence/versioned-change';
import { municipalityExists } from '../reference/reference.repository';

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
    kind: row.kind,
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
  if (query.kind) conditions.push(eb('a.kind', 'in', literalsOf([query.kind])));
  if (query.municipality) conditions.push(eb('a.municipality_number', '=', query.municipality));
  if (query.region) conditions.push(eb('m.region_id', '=', query.region));
  if (query.parent) conditions.push(eb('a.parent_id', '=', query.parent));
  if (query.archived === 'exclude') conditions.push(eb('a.archived_at', 'is', null));
  if (query.archived === 'only') conditions.push(eb('a.archived_at', 'is not', null));
  return eb.and(conditions);
}

export async function listActors(db: Executor, scope: Scope, query: ActorListQuery): Promise<Page<ActorSummary>> {
  const filtered = actorsWithContext(db)
    .where(visibleActors(scope, 'a'))
    .where((eb) => listConditions(eb, query));
  const { key, descending, direction } = sortOf(query.sort);
  const byName = sql`a.sort_key collate "C"`;
  let ordered = filtered.select(summaryColumns);
  switch (key) {
    case 'kind':
      ordered = ordered.orderBy('a.kind', direction).orderBy(byName);
      break;
    case 'municipality':
      ordered = ordered.orderBy(sql`m.sort_key collate "C"`, nullsLast(descending)).orderBy(byName);
      break;
    case 'updated':
      ordered = ordered.orderBy('a.updated_at', direction);
      break;
    default:
      ordered = ordered.orderBy(byName, direction);
  }
  return pageOf(query, filtered, ordered.orderBy('a.id'), toSummary);
}

/** The actor, if the scope may see it; its children only as far as the scope sees them. */
export async function findActor(db: Executor, scope: Scope, id: string): Promise<ActorDetail | undefined> {
  const row = await selectSummaries(db).where('a.id', '=', id).where(visibleActors(scope, 'a')).executeTakeFirst();
  if (!row) return undefined;
  const children = await db
    .selectFrom('actor as ch')
    .select(['ch.id', 'ch.kind', 'ch.name', 'ch.archived_at'])
    .where('ch.parent_id', '=', id)
    .where(visibleActors(scope, 'ch'))
    .orderBy(sql`ch.sort_key collate "C"`)
    .execute();
  return {
    ...toSummary(row),
    children: children.map((child) => ({
      id: child.id,
      kind: child.kind,
      name: child.name,
      archivedAt: child.archived_at === null ? null : iso(child.archived_at),
    })),
  };
}

export async function getActor(db: Executor, scope: Scope, id: string): Promise<ActorDetail> {
  const actor = await findActor(db, scope, id);
  if (!actor) throw new NotFoundError('actor');
  return actor;
}

type ActorFields = Required<ActorCreate>;

/**
 * The rules that need the database: the parent and municipality must exist and fit. A new parent
 * the scope may not see is answered as one that does not exist.
 */
async function referenceViolations(db: Executor, scope: Scope, actor: ActorFields & { id?: string }, currentParentId: string | null = null): Promise<FieldError[]> {
  const found = actor.parentId
    ? await db.selectFrom('actor').select(['id', 'kind', 'municipality_number']).where('id', '=', actor.parentId).executeTakeFirst()
    : undefined;
  const seen =
    found !== undefined &&
    (found.id === currentParentId || inActorSet(scope.actors.read, { id: found.id, kind: found.kind, municipalityNumber: found.municipality_number }));
  const parent = found && seen ? found : null;
  const errors = actorRuleViolations(
    { ...actor, libraryNumber: actor.libraryNumber, parentId: actor.parentId },
    parent && { id: parent.id, kind: parent.kind },
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

/** The identifiers that name one live actor (a partial unique index each), with the error code of a clash. */
const uniqueIdentifiers = [
  { field: 'organisationNumber', column: 'organisation_number', code: domainErrorCodes.organisationNumberTaken, label: 'organisation number' },
  { field: 'libraryNumber', column: 'library_number', code: domainErrorCodes.libraryNumberTaken, label: 'library number' },
] as const;

/**
 * 409 naming the live actor that has the organisation or library number already (`params.actorId`,
 * `params.actorName`), so the user can open it or merge the two. Checked before the write; the
 * partial unique indexes keep two concurrent writes out (`identifierTaken`).
 */
async function requireUniqueIdentifiers(
  db: Executor,
  fields: Pick<ActorFields, 'organisationNumber' | 'libraryNumber'>,
  exceptId?: string,
): Promise<void> {
  const errors: FieldError[] = [];
  for (const identifier of uniqueIdentifiers) {
    const value = fields[identifier.field];
    if (value === null) continue;
    let query = db.selectFrom('actor').select(['id', 'name']).where(identifier.column, '=', value).where('archived_at', 'is', null);
    if (exceptId) query = query.where('id', '<>', exceptId);
    const holder = await query.executeTakeFirst();
    if (holder) {
      errors.push({
        path: identifier.field,
        code: identifier.code,
        message: `${holder.name} has this ${identifier.label} already`,
        params: { actorId: holder.id, actorName: holder.name },
      });
    }
  }
  if (errors.length > 0) throw new ConflictError(errors.map((e) => e.message).join('; '), { errors });
}

function identifierTaken(error: unknown): never {
  const constraint = uniqueViolation(error)?.constraint ?? '';
  const identifier = uniqueIdentifiers.find((i) => constraint.includes(i.column));
  if (identifier) {
    throw new ConflictError(`Another actor has this ${identifier.label}`, {
      errors: [{ path: identifier.field, code: identifier.code, message: `Another actor has this ${identifier.label}` }],
    });
  }
  throw error;
}

export async function createActor(db: Executor, scope: Scope, input: ActorCreate, context: ChangeContext): Promise<ActorDetail> {
  // New organisations are the county's to register (the policy table lets only the county admin).
  requireWritable(scope.actors.update.all, 'Only the county registers new actors');
  const fields = withDefaults(input);
  return auditedCreate(db, {
    entity: 'actor',
    context,
    insert: async (trx) => {
      const errors = await referenceViolations(trx, scope, fields);
      if (errors.length > 0) throw new DomainRuleError(errors);
      await requireUniqueIdentifiers(trx, fields);
      const inserted = await trx.insertInto('actor').values(columnsOf(fields)).returning('id').executeTakeFirstOrThrow().catch(identifierTaken);
      return inserted.id;
    },
    read: (trx, id) => getActor(trx, scope, id),
  });
}

/** The actor as a versioned record: 404 when the scope cannot see it, 403 when it may not change it. */
function actorRecord(scope: Scope, id: string): VersionedRecord<ActorDetail> {
  return {
    table: 'actor',
    id,
    entity: 'actor',
    checkReach: async (trx) => {
      const row = await trx.selectFrom('actor').select(['id', 'kind', 'municipality_number']).where('id', '=', id).executeTakeFirstOrThrow();
      const facts = { id: row.id, kind: row.kind, municipalityNumber: row.municipality_number };
      requireVisible(inActorSet(scope.actors.read, facts), 'actor');
      requireWritable(inActorSet(scope.actors.update, facts), 'You may read this actor but not change it');
    },
    read: (trx) => getActor(trx, scope, id),
  };
}

export async function updateActor(
  db: Executor,
  scope: Scope,
  id: string,
  changes: ActorUpdate,
  expectedVersion: ExpectedVersion,
  context: ChangeContext,
): Promise<ActorDetail> {
  return versionedChange(db, {
    ...actorRecord(scope, id),
    expectedVersion,
    context,
    action: 'update',
    write: async (trx, before) => {
      const merged: ActorFields & { id: string } = { ...withDefaults(before), ...changes, id };
      // A partner changes how to reach it and its description; what it is and where it belongs is the county's.
      const forbidden = mayRestructureActors(scope) ? [] : fieldsOnlyTheCountyChanges(changes, withDefaults(before));
      requireWritable(forbidden.length === 0, `Only the county changes ${forbidden.join(', ')} of an actor`);
      const errors = await referenceViolations(trx, scope, merged, before.parentId);
      if (errors.length > 0) throw new DomainRuleError(errors);
      if (before.archivedAt === null) await requireUniqueIdentifiers(trx, merged, id);
      await trx
        .updateTable('actor')
        .set({ ...columnsOf(merged), ...nextVersion })
        .where('id', '=', id)
        .execute()
        .catch(identifierTaken);
    },
  });
}

/** Archiving hides an actor from lists but keeps it, and every link to it, for history. */
export async function setActorArchived(
  db: Executor,
  scope: Scope,
  id: string,
  archived: boolean,
  expectedVersion: ExpectedVersion,
  context: ChangeContext,
): Promise<ActorDetail> {
  const change = archiving<ActorDetail>('actor', id, archived, 'actor');
  return versionedChange(db, {
    ...actorRecord(scope, id),
    expectedVersion,
    context,
    ...change,
    // Back among the live actors, its numbers must still be its own.
    write: async (trx, before) => {
      if (!archived && before.archivedAt !== null) await requireUniqueIdentifiers(trx, before, id);
      return change.write(trx, before);
    },
  });
}
