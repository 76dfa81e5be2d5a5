import { sql, type Transaction } from 'kysely';
import type { Database } from '@kompetansebro/db';
import {
  ConflictError,
  GoneError,
  IMPORT_UNDO_DAYS,
  NotFoundError,
  actorRuleViolations,
  domainErrorCodes,
  DomainRuleError,
  fieldsKeptOnMatch,
  importErrorCodes,
  mappingErrors,
  mapActorRow,
  missingRequiredErrors,
  withColumn,
  norwegianSortKey,
  suggestMappingFor,
  type ActorCreate,
  type ActorKind,
  type ColumnMapping,
  type FieldError,
  importJobActive,
  type ImportDetail,
  type ImportJob,
  type ImportPreview,
  type ImportPreviewRequest,
  type ImportPreviewRow,
  type ImportSummary,
  type ImportTarget,
  type SavedMapping,
  withFields,
} from '@kompetansebro/domain';
import { requireWritable, type Scope } from '../auth/visibility';
import { actorReferences } from '../actors/actor-merge.repository';
import type { Executor } from '../persistence/executor';
import { uniqueViolation } from '../persistence/database-errors';
import { iso, type ChangeContext } from '../persistence/repository-helpers';
import { inTransaction, nextVersion } from '../persistence/versioned-change';
import type { ReadTable } from './read-table';
import { mapInSteps, noProgress, writeCounter, type ImportProgress } from './import-progress';
import { applyRecords, planRecords, undoRecords, type PlannedRecordRow } from './record-import';

// Imports are the county's (the policy admits only the county admin); each function checks
// that the scope may change every actor, as a second line.
const requireCounty = (scope: Scope) => requireWritable(scope.actors.update.all, 'Only the county imports into the register');

/** The actor's columns an import writes, and which undo puts back. */
const actorColumns = [
  'kind',
  'name',
  'short_name',
  'organisation_number',
  'library_number',
  'municipality_number',
  'parent_id',
  'address',
  'website',
  'email',
  'phone',
  'description',
] as const;
type ActorColumn = (typeof actorColumns)[number];
type ActorValues = { [C in Exclude<ActorColumn, 'kind' | 'name'>]: string | null } & { kind: ActorKind; name: string };
type LiveActor = ActorValues & { id: string; version: number };

/** The API's field of each column. */
const fieldOfColumn: Record<ActorColumn, keyof ActorCreate> = {
  kind: 'kind',
  name: 'name',
  short_name: 'shortName',
  organisation_number: 'organisationNumber',
  library_number: 'libraryNumber',
  municipality_number: 'municipalityNumber',
  parent_id: 'parentId',
  address: 'address',
  website: 'website',
  email: 'email',
  phone: 'phone',
  description: 'description',
};

/** One row as the apply will write it. */
interface PlannedRow extends ImportPreviewRow {
  /** The columns to write: every column of a new actor, the changed ones of an existing actor. */
  values: Partial<ActorValues>;
  /** A new row's parent that is itself a new row of the file (by library number). */
  parentInFile: string | null;
}

const nameKey = (name: string, municipality: string | null) => `${name.trim().toLocaleLowerCase('nb')}|${municipality ?? ''}`;

/** Reads the rows through the mapping and compares them with the register: the preview, and what the apply writes. */
async function plan(db: Executor, table: ReadTable, mapping: ColumnMapping, progress: ImportProgress): Promise<PlannedRow[]> {
  const live = (await db
    .selectFrom('actor')
    .select(['id', 'version', ...actorColumns])
    .where('archived_at', 'is', null)
    .execute()) as LiveActor[];
  const municipalities = new Set((await db.selectFrom('municipality').select('number').execute()).map((m) => m.number));
  const byLibrary = new Map(live.filter((a) => a.library_number).map((a) => [a.library_number as string, a]));
  const byOrganisation = new Map(live.filter((a) => a.organisation_number).map((a) => [a.organisation_number as string, a]));
  const byName = new Map<string, LiveActor[]>();
  for (const actor of live) byName.set(nameKey(actor.name, actor.municipality_number), [...(byName.get(nameKey(actor.name, actor.municipality_number)) ?? []), actor]);

  const mapped = table.rows.map((cells) => mapActorRow(Object.fromEntries(table.headers.map((h, i) => [h, cells[i] ?? ''])), mapping));
  // The kinds of the file's own libraries, for a branch whose main library is new in the same file.
  const kindInFile = new Map<string, ActorKind | undefined>();
  for (const row of mapped) if (row.fields.libraryNumber && !byLibrary.has(row.fields.libraryNumber)) kindInFile.set(row.fields.libraryNumber, row.fields.kind);

  const seenLibrary = new Map<string, number>();
  const seenOrganisation = new Map<string, number>();
  return mapInSteps(mapped, (row, index): PlannedRow => {
    const line = index + 2;
    const { fields } = row;
    const errors: FieldError[] = [...row.errors];
    const library = fields.libraryNumber ?? null;
    const organisation = fields.organisationNumber ?? null;
    for (const [value, seen, path] of [
      [library, seenLibrary, 'libraryNumber'],
      [organisation, seenOrganisation, 'organisationNumber'],
    ] as const) {
      if (value === null) continue;
      const earlier = seen.get(value);
      if (earlier !== undefined) errors.push({ path, code: importErrorCodes.duplicateInFile, message: `Line ${earlier} has this number too`, params: { line: earlier } });
      else seen.set(value, line);
    }
    const matchedByLibrary = library ? byLibrary.get(library) : undefined;
    const matchedByOrganisation = organisation ? byOrganisation.get(organisation) : undefined;
    if (matchedByLibrary && matchedByOrganisation && matchedByLibrary.id !== matchedByOrganisation.id) {
      errors.push({
        path: 'organisationNumber',
        code: importErrorCodes.identifiersDisagree,
        message: `The library number is ${matchedByLibrary.name}'s, the organisation number ${matchedByOrganisation.name}'s`,
        params: { actorName: matchedByOrganisation.name },
      });
    }
    const existing = matchedByLibrary ?? matchedByOrganisation;
    if (!existing) errors.push(...missingRequiredErrors(fields, mapping, errors));
    if (fields.municipalityNumber && !municipalities.has(fields.municipalityNumber)) {
      errors.push({ path: 'municipalityNumber', code: domainErrorCodes.municipalityNotFound, message: 'No municipality has this number' });
    }

    // The parent: named by library number, an actor of the register or a new library of the file.
    let parentId = existing?.parent_id ?? null;
    let parentKind: ActorKind | null = parentId ? (live.find((a) => a.id === parentId)?.kind ?? null) : null;
    let parentInFile: string | null = null;
    if (row.parentLibraryNumber) {
      const parent = byLibrary.get(row.parentLibraryNumber);
      if (parent) {
        parentId = parent.id;
        parentKind = parent.kind;
      } else if (kindInFile.has(row.parentLibraryNumber)) {
        parentInFile = row.parentLibraryNumber;
        parentId = null;
        parentKind = kindInFile.get(row.parentLibraryNumber) ?? null;
      } else {
        errors.push({ path: 'parentId', code: importErrorCodes.parentNotFound, message: `No library has the number ${row.parentLibraryNumber}` });
      }
    }
    const kind = existing && fieldsKeptOnMatch(mapping.format).includes('kind') ? existing.kind : (fields.kind ?? existing?.kind);
    if (kind && errors.every((e) => e.path !== 'parentId')) {
      const ruleParentId = parentInFile ? `file:${parentInFile}` : parentId;
      errors.push(
        ...actorRuleViolations(
          { kind, libraryNumber: library ?? existing?.library_number ?? null, parentId: ruleParentId, ...(existing ? { id: existing.id } : {}) },
          ruleParentId && parentKind ? { id: ruleParentId, kind: parentKind } : null,
        ),
      );
    }

    const wanted: Partial<ActorValues> = {};
    for (const column of actorColumns) {
      const value = column === 'parent_id' ? (row.parentLibraryNumber ? parentId : undefined) : (fields[fieldOfColumn[column]] as string | undefined);
      if (value !== undefined) (wanted as Record<string, string | null>)[column] = value;
    }
    if (existing) for (const kept of fieldsKeptOnMatch(mapping.format)) delete wanted[kept as 'name' | 'kind'];
    // Which kind an organisation is decides who reaches it: an import does not change it.
    if (existing && wanted.kind && wanted.kind !== existing.kind) {
      errors.push({
        path: 'kind',
        code: importErrorCodes.kindDiffers,
        message: `${existing.name} is registered as ${existing.kind}; change the kind on its page if the file is right`,
        params: { actorId: existing.id, actorName: existing.name, kind: existing.kind },
      });
    }
    const changes = actorColumns
      .filter((column) => column in wanted && (existing ? existing[column] !== wanted[column] : true))
      .map((column) => ({ field: fieldOfColumn[column], before: existing ? existing[column] : null, after: wanted[column] ?? null }));
    if (parentInFile) changes.push({ field: 'parentId', before: existing?.parent_id ?? null, after: `NO-${parentInFile}` });

    const likelyDuplicates = existing
      ? []
      : (byName.get(nameKey(fields.name ?? '', fields.municipalityNumber ?? null)) ?? []).map((a) => ({ id: a.id, name: a.name, reason: 'name_in_municipality' as const }));
    const status = errors.length > 0 ? 'rejected' : !existing ? 'new' : changes.length > 0 ? 'changed' : 'unchanged';
    const values: Partial<ActorValues> = existing ? Object.fromEntries(changes.filter((c) => c.field !== 'parentId' || !parentInFile).map((c) => [columnOfField(c.field), c.after])) : wanted;
    return { line, status, name: fields.name ?? existing?.name ?? null, actorId: existing?.id ?? null, changes, errors: errors.map((error) => withColumn(error, mapping)), likelyDuplicates, values, parentInFile };
  }, progress);
}

function columnOfField(field: string): ActorColumn {
  return actorColumns.find((c) => fieldOfColumn[c] === field) ?? 'name';
}

function countsOf(rows: readonly { status: ImportPreviewRow['status'] }[]) {
  const counts = { new: 0, changed: 0, unchanged: 0, rejected: 0 };
  for (const row of rows) counts[row.status]++;
  return counts;
}

type BatchRow = Database['import_batch'] extends infer T ? { [K in keyof T]: T[K] extends { __select__: infer S } ? S : T[K] } : never;

/** The columns of a batch but its rows, its last preview and its job's request. */
const summaryColumns = [
  'id',
  'target',
  'file_name',
  'status',
  'created_at',
  'applied_at',
  'undone_at',
  'counts',
  'job_kind',
  'job_status',
  'job_phase',
  'job_done',
  'job_total',
  'job_attempts',
  'job_error',
  'job_queued_at',
] as const;

async function loadBatch(db: Executor, id: string, lock = false) {
  let query = db.selectFrom('import_batch').select([...summaryColumns, 'headers', 'rows', 'mapping', 'created_by']).where('id', '=', id);
  if (lock) query = query.forUpdate();
  const batch = await query.executeTakeFirst();
  if (!batch) throw new NotFoundError('import');
  return batch;
}

function undoUntil(appliedAt: Date | null): Date | null {
  return appliedAt ? new Date(new Date(appliedAt).getTime() + IMPORT_UNDO_DAYS * 24 * 60 * 60 * 1000) : null;
}

function summaryOf(batch: Omit<Awaited<ReturnType<typeof loadBatch>>, 'headers' | 'mapping' | 'created_by'>): ImportSummary {
  const until = batch.status === 'applied' ? undoUntil(batch.applied_at) : null;
  return {
    id: batch.id,
    target: batch.target,
    fileName: batch.file_name,
    status: batch.status,
    rowCount: batch.rows.length,
    createdAt: iso(batch.created_at),
    appliedAt: batch.applied_at ? iso(batch.applied_at) : null,
    undoneAt: batch.undone_at ? iso(batch.undone_at) : null,
    undoUntil: until ? iso(until) : null,
    counts: batch.counts,
    job:
      batch.job_kind && batch.job_status && batch.job_queued_at
        ? {
            kind: batch.job_kind,
            status: batch.job_status,
            phase: batch.job_phase ?? 'checking',
            done: batch.job_done,
            total: batch.job_total,
            attempts: batch.job_attempts,
            error: batch.job_error,
            queuedAt: iso(batch.job_queued_at),
          }
        : null,
  };
}

function detailOf(batch: Awaited<ReturnType<typeof loadBatch>>): ImportDetail {
  return { ...summaryOf(batch), headers: batch.headers, sample: batch.rows.slice(0, 5), suggested: suggestMappingFor(batch.target, batch.headers), mapping: batch.mapping };
}

/** Stores an uploaded file's rows (nothing in the register changes) and answers the mapping suggested from its headers for what the file holds. */
export async function createImport(db: Executor, scope: Scope, target: ImportTarget, fileName: string, table: ReadTable, context: ChangeContext): Promise<ImportDetail> {
  requireCounty(scope);
  const inserted = await db
    .insertInto('import_batch')
    .values({ target, file_name: fileName.slice(0, 200), headers: JSON.stringify(table.headers), rows: JSON.stringify(table.rows), created_by: context.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return detailOf(await loadBatch(db, inserted.id));
}

export async function getImport(db: Executor, scope: Scope, id: string): Promise<ImportDetail> {
  requireCounty(scope);
  return detailOf(await loadBatch(db, id));
}

/** The latest imports, newest first (without their rows). */
export async function listImports(db: Executor, scope: Scope): Promise<ImportSummary[]> {
  requireCounty(scope);
  const rows = await db
    .selectFrom('import_batch')
    .select([...summaryColumns, 'mapping', 'headers', 'created_by', sql<string[][]>`'[]'::jsonb`.as('rows'), sql<number>`jsonb_array_length(rows)`.as('row_count')])
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
  return rows.map((row) => withFields(summaryOf(row), { rowCount: row.row_count }));
}

export async function listMappings(db: Executor, scope: Scope): Promise<SavedMapping[]> {
  requireCounty(scope);
  const rows = await db.selectFrom('import_mapping').select(['id', 'name', 'mapping', 'updated_at']).orderBy('name').execute();
  return rows.map((row) => ({ id: row.id, name: row.name, mapping: row.mapping, updatedAt: iso(row.updated_at) }));
}

const mappingOf = ({ format, columns, defaultKind }: ColumnMapping): ColumnMapping => ({ format, columns, defaultKind });

/** The batch's rows checked with the mapping, by what the file holds: 400 when a column names a field of another target. */
async function planOf(db: Executor, batch: Awaited<ReturnType<typeof loadBatch>>, mapping: ColumnMapping, progress: ImportProgress): Promise<(PlannedRow | PlannedRecordRow)[]> {
  const errors = mappingErrors(batch.target, mapping);
  if (errors.length > 0) throw new DomainRuleError(errors);
  return batch.target === 'actor' ? plan(db, batch, mapping, progress) : planRecords(db, batch.target, batch, mapping, progress);
}

/** Every row checked against the register with this mapping; nothing in the register changes. Saves the mapping (and under a name, if asked). */
export async function previewImport(db: Executor, scope: Scope, id: string, request: ImportPreviewRequest, context: ChangeContext, progress = noProgress): Promise<ImportPreview> {
  requireCounty(scope);
  const mapping = mappingOf(request);
  return inTransaction(db, async (trx) => {
    const batch = await loadBatch(trx, id);
    const rows = await planOf(trx, batch, mapping, progress);
    if (batch.status === 'uploaded') await trx.updateTable('import_batch').set({ mapping: JSON.stringify(mapping) }).where('id', '=', id).execute();
    if (request.saveAs) {
      await trx
        .insertInto('import_mapping')
        .values({ name: request.saveAs, mapping: JSON.stringify(mapping), created_by: context.userId })
        .onConflict((oc) => oc.column('name').doUpdateSet({ mapping: JSON.stringify(mapping), updated_at: sql`now()` }))
        .execute();
    }
    return {
      id,
      counts: countsOf(rows),
      rows: rows
        .filter((r) => r.status !== 'unchanged' || r.likelyDuplicates.length > 0)
        .map(({ line, status, name, actorId, changes, errors, likelyDuplicates }) => ({ line, status, name, actorId, changes, errors, likelyDuplicates })),
    };
  });
}

const CHUNK = 500;
const chunks = <T>(items: readonly T[]) => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

async function auditAll(trx: Transaction<Database>, context: ChangeContext, action: 'import' | 'undo_import', entries: { id: string; before: unknown; after: unknown }[]): Promise<void> {
  for (const part of chunks(entries)) {
    if (part.length === 0) continue;
    await trx
      .insertInto('audit_entry')
      .values(part.map((e) => ({ user_id: context.userId, entity: 'actor', entity_id: e.id, action, before: e.before === null ? null : JSON.stringify(e.before), after: JSON.stringify(e.after) })))
      .execute();
  }
}

function identifierClash(error: unknown): never {
  if (uniqueViolation(error)) throw new ConflictError('Another actor took one of the numbers of the file while it was applied; preview it again');
  throw error;
}

/**
 * Applies the import in one transaction: the rows are checked again against the register as it
 * is now; with any row rejected nothing is written (409). New actors are created (parents of
 * the file first), changed ones updated, each audited; the state before is kept for the undo.
 */
export async function applyImport(db: Executor, scope: Scope, id: string, request: ColumnMapping, context: ChangeContext, progress = noProgress): Promise<ImportSummary> {
  requireCounty(scope);
  const mapping = mappingOf(request);
  return inTransaction(db, async (trx) => {
    // One apply at a time: a lock of its own, so the job's progress (written beside the transaction) can still update the batch's row.
    await sql`select pg_advisory_xact_lock(hashtextextended(${`import:${id}`}, 0))`.execute(trx);
    const batch = await loadBatch(trx, id);
    if (batch.status !== 'uploaded') throw new ConflictError(`This import is ${batch.status} already`);
    const planned = await planOf(trx, batch, mapping, progress);
    const rejected = planned.filter((r) => r.status === 'rejected');
    if (rejected.length > 0) {
      throw new ConflictError(`${rejected.length} rows have errors; correct the file or the mapping and preview again`, {
        errors: rejected.slice(0, 20).flatMap((r) => r.errors.map((e) => ({ ...e, path: `rows.${r.line}.${e.path}` }))),
      });
    }
    const markApplied = async () => {
      await trx
        .updateTable('import_batch')
        .set({ status: 'applied', applied_at: sql`now()`, mapping: JSON.stringify(mapping), counts: JSON.stringify(countsOf(planned)) })
        .where('id', '=', id)
        .execute();
      return summaryOf(await loadBatch(trx, id));
    };
    if (batch.target !== 'actor') {
      await applyRecords(trx, batch.target, id, planned as PlannedRecordRow[], { scope, context }, progress);
      return markApplied();
    }
    const rows = planned as PlannedRow[];
    const writes = rows.filter((r) => r.status === 'new' || r.status === 'changed' || (r.parentInFile && r.actorId)).length;
    const wrote = writeCounter(progress, writes);
    const created: { id: string; row: PlannedRow }[] = [];
    const idOfLibrary = new Map<string, string>();
    const newRows = rows.filter((r) => r.status === 'new');
    for (const pass of [newRows.filter((r) => !r.parentInFile), newRows.filter((r) => r.parentInFile)]) {
      for (const part of chunks(pass)) {
        if (part.length === 0) continue;
        const values = part.map((r) => ({
          ...r.values,
          kind: r.values.kind as ActorKind,
          name: r.values.name as string,
          sort_key: norwegianSortKey(r.values.name as string),
          parent_id: r.parentInFile ? (idOfLibrary.get(r.parentInFile) ?? null) : (r.values.parent_id ?? null),
        }));
        const ids = await trx.insertInto('actor').values(values).returning(['id', 'library_number']).execute().catch(identifierClash);
        ids.forEach((inserted, i) => {
          const row = part[i] as PlannedRow;
          created.push({ id: inserted.id, row });
          if (inserted.library_number) idOfLibrary.set(inserted.library_number, inserted.id);
        });
        wrote(part.length);
      }
    }
    const changed: { id: string; before: Record<string, unknown>; version: number; row: PlannedRow }[] = [];
    for (const row of rows.filter((r) => r.status === 'changed' || (r.parentInFile && r.actorId))) {
      const actorId = row.actorId as string;
      const before = await trx.selectFrom('actor').select(actorColumns).where('id', '=', actorId).executeTakeFirstOrThrow();
      const set = { ...row.values, ...(row.parentInFile ? { parent_id: idOfLibrary.get(row.parentInFile) ?? null } : {}), ...(row.values.name ? { sort_key: norwegianSortKey(row.values.name) } : {}) };
      const updated = await trx.updateTable('actor').set({ ...set, ...nextVersion }).where('id', '=', actorId).returning('version').executeTakeFirstOrThrow().catch(identifierClash);
      changed.push({ id: actorId, before, version: updated.version, row });
      wrote(1);
    }
    for (const part of chunks([...created.map((c) => ({ batch_id: id, record_id: c.id, before: null, version_after: 1 })), ...changed.map((c) => ({ batch_id: id, record_id: c.id, before: JSON.stringify(c.before), version_after: c.version }))])) {
      if (part.length > 0) await trx.insertInto('import_change').values(part).execute();
    }
    await auditAll(trx, context, 'import', [
      ...created.map((c) => ({ id: c.id, before: null, after: { importId: id, line: c.row.line, ...c.row.values } })),
      ...changed.map((c) => ({ id: c.id, before: c.before, after: { importId: id, line: c.row.line, ...c.before, ...c.row.values } })),
    ]);
    return markApplied();
  });
}

/**
 * Undoes an applied import within IMPORT_UNDO_DAYS: actors it created are deleted, actors it
 * changed get their fields back, each audited. Refused (409) when an actor has changed since, or
 * a created actor has gained references (a service, a contact, …): nothing is undone then.
 */
export async function undoImport(db: Executor, scope: Scope, id: string, context: ChangeContext): Promise<ImportSummary> {
  requireCounty(scope);
  return inTransaction(db, async (trx) => {
    const batch = await loadBatch(trx, id, true);
    if (batch.status !== 'applied') throw new ConflictError(batch.status === 'undone' ? 'This import is undone already' : 'This import has not been applied');
    const until = undoUntil(batch.applied_at);
    if (until && until.getTime() < Date.now()) throw new GoneError(`An import can be undone for ${IMPORT_UNDO_DAYS} days; this one no longer`);
    const markUndone = async () => {
      await trx.updateTable('import_batch').set({ status: 'undone', undone_at: sql`now()` }).where('id', '=', id).execute();
      return summaryOf(await loadBatch(trx, id));
    };
    if (batch.target !== 'actor') {
      await undoRecords(trx, batch.target, id, { scope, context });
      return markUndone();
    }
    const changes = await trx.selectFrom('import_change').selectAll().where('batch_id', '=', id).execute();
    const ids = changes.map((c) => c.record_id);
    const current = ids.length === 0 ? [] : await trx.selectFrom('actor').select(['id', 'name', 'version']).where('id', 'in', ids).forUpdate().execute();
    const versionOf = new Map(current.map((a) => [a.id, a]));
    const changedSince = changes.filter((c) => versionOf.get(c.record_id)?.version !== c.version_after);
    const createdIds = changes.filter((c) => c.before === null).map((c) => c.record_id);
    const referenced = await referencedActors(trx, createdIds);
    const blocked = [...new Set([...changedSince.map((c) => c.record_id), ...referenced])];
    if (blocked.length > 0) {
      const names = blocked.map((b) => versionOf.get(b)?.name ?? b);
      throw new ConflictError(`${blocked.length} actors have changed or gained links since the import, so it cannot be undone as a whole: ${names.slice(0, 10).join(', ')}`, {
        errors: blocked.slice(0, 50).map((b) => ({ path: 'actors', code: 'import_changed_since', message: 'Changed since the import', params: { actorId: b, actorName: versionOf.get(b)?.name ?? '' } })),
      });
    }
    const restored = changes.filter((c) => c.before !== null);
    for (const change of restored) {
      const before = change.before as Record<ActorColumn, string | null>;
      const values = Object.fromEntries(actorColumns.map((c) => [c, before[c]])) as Partial<ActorValues>;
      const { version } = await trx
        .updateTable('actor')
        .set({ ...values, ...(values.name ? { sort_key: norwegianSortKey(values.name) } : {}), ...nextVersion })
        .where('id', '=', change.record_id)
        .returning('version')
        .executeTakeFirstOrThrow()
        .catch(identifierClash);
      // An earlier import that left the actor as this one found it can still be undone: the actor is as that import left it.
      await trx
        .updateTable('import_change')
        .set({ version_after: version })
        .where('record_id', '=', change.record_id)
        .where('version_after', '=', change.version_after - 1)
        .where('batch_id', 'in', (eb) => eb.selectFrom('import_batch').select('id').where('status', '=', 'applied').where('id', '<>', id))
        .execute();
    }
    for (const part of chunks(createdIds)) if (part.length > 0) await trx.deleteFrom('actor').where('id', 'in', part).execute();
    await auditAll(trx, context, 'undo_import', [
      ...createdIds.map((actorId) => ({ id: actorId, before: { importId: id }, after: { importId: id, deleted: true } })),
      ...restored.map((c) => ({ id: c.record_id, before: { importId: id }, after: { importId: id, ...(c.before as object) } })),
    ]);
    return markUndone();
  });
}

/** Of these actors, those another record refers to (a parent among them does not count). */
async function referencedActors(trx: Transaction<Database>, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = new Set<string>();
  for (const reference of actorReferences) {
    for (const part of chunks(ids)) {
      const rows = await sql<{ id: string }>`
        select distinct ${sql.ref(reference.column)} as id from ${sql.table(reference.table)}
        where ${sql.ref(reference.column)} in (${sql.join(part)})
        ${reference.table === 'actor' ? sql`and not (id in (${sql.join(part)}))` : sql``}`.execute(trx);
      for (const row of rows.rows) found.add(row.id);
    }
  }
  return [...found];
}

export type { BatchRow };

const jobOf = (batch: Awaited<ReturnType<typeof loadBatch>>) => summaryOf(batch).job;

/**
 * Records the import's preview or apply as queued (400 for a mapping with another kind's field,
 * 409 when the import is applied or undone, or while a job of it runs). The caller puts the job on
 * the queue after this has committed (import-job.ts).
 */
export async function queueImportJob(db: Executor, scope: Scope, id: string, kind: ImportJob['kind'], request: ImportPreviewRequest, context: ChangeContext): Promise<ImportDetail> {
  requireCounty(scope);
  const mapping = mappingOf(request);
  return inTransaction(db, async (trx) => {
    const batch = await loadBatch(trx, id, true);
    const errors = mappingErrors(batch.target, mapping);
    if (errors.length > 0) throw new DomainRuleError(errors);
    if (batch.status !== 'uploaded') throw new ConflictError(`This import is ${batch.status} already`);
    if (importJobActive(jobOf(batch))) throw new ConflictError('This import is being checked or applied; wait until it is done');
    const saveAs = kind === 'preview' && request.saveAs ? { saveAs: request.saveAs } : {};
    await trx
      .updateTable('import_batch')
      .set({
        job_kind: kind,
        job_status: 'queued',
        job_phase: 'checking',
        job_done: 0,
        job_total: batch.rows.length,
        job_attempts: 0,
        job_error: null,
        job_request: JSON.stringify({ ...mapping, ...saveAs }),
        job_started_by: context.userId,
        job_queued_at: sql`now()`,
        ...(kind === 'preview' ? { preview: null } : {}),
      })
      .where('id', '=', id)
      .execute();
    return detailOf(await loadBatch(trx, id));
  });
}

/** "Try again": a failed preview or apply back to queued (the caller queues it); 409 unless it failed. */
export async function retryImportJob(db: Executor, scope: Scope, id: string, context: ChangeContext): Promise<ImportDetail> {
  requireCounty(scope);
  return inTransaction(db, async (trx) => {
    const batch = await loadBatch(trx, id, true);
    if (batch.job_status !== 'failed') throw new ConflictError('Only a failed preview or apply can be tried again');
    await trx
      .updateTable('import_batch')
      .set({ job_status: 'queued', job_phase: 'checking', job_done: 0, job_total: batch.rows.length, job_error: null, job_started_by: context.userId, job_queued_at: sql`now()` })
      .where('id', '=', id)
      .execute();
    return detailOf(await loadBatch(trx, id));
  });
}

/** The last preview's answer; 404 until a preview has run to the end. */
export async function getImportPreview(db: Executor, scope: Scope, id: string): Promise<ImportPreview> {
  requireCounty(scope);
  const row = await db.selectFrom('import_batch').select('preview').where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('import');
  if (!row.preview) throw new NotFoundError('import preview');
  return row.preview as ImportPreview;
}
