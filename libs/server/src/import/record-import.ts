import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@kompetansebro/db';
import {
  ConflictError,
  DomainRuleError,
  mapRecordRow,
  mergeServiceConditions,
  missingRecordFields,
  norwegianSortKey,
  recordImportErrorCodes,
  redactStoredValue,
  serviceWeeklyHours,
  toOsmOpeningHours,
  type ColumnMapping,
  type FieldError,
  type ImportActorReference,
  type ImportPreviewRow,
  type MappedRecordRow,
  type OpeningHoursInput,
  type OpeningKind,
  type RecordImportTarget,
  type ServiceType,
  type WeeklyPeriod,
} from '@kompetansebro/domain';
import type { Scope } from '../auth/visibility';
import { deriveWeeklyHours } from '../opening-hours/opening-hours.repository';
import { weeklyFromOsm } from '../opening-hours/osm-import';
import { publishedTimetables } from '../public-api/public.repository';
import { storedWeeklyHours } from '../services/service.repository';
import type { ChangeContext } from '../persistence/repository-helpers';
import type { Executor } from '../persistence/executor';
import { nextVersion } from '../persistence/versioned-change';
import { mapInSteps, noProgress, writeCounter, type ImportProgress } from './import-progress';
import type { ReadTable } from './read-table';

// The contacts, services and opening hours of actors already in the register, imported on the
// actors' pipeline (import.repository.ts): each target says which table it writes, which columns,
// how a row finds the record it updates, and how a value reads in the preview. The plan, the
// apply and the undo are one for all three.

type Values = Record<string, unknown>;
/** A record as stored: its id, actor, version and the columns an import writes. */
interface StoredRecord {
  id: string;
  actorId: string;
  version: number;
  values: Values;
}
/** The tables as this module writes them: by name, with the columns of the target's definition. */
type LooseExecutor = Kysely<Record<string, Record<string, unknown>>>;
const loose = (db: Executor) => db as unknown as LooseExecutor;

interface RecordTarget {
  table: RecordImportTarget;
  /** The columns an import writes and an undo puts back. */
  columns: readonly string[];
  /** Of those, the JSONB ones (written as JSON text). */
  jsonColumns: readonly string[];
  load(db: Executor): Promise<StoredRecord[]>;
  /** Which record of the actor the row is (null: the row cannot say; it is rejected for a missing field). */
  keyOf(actorId: string, values: Values): string | null;
  /** The columns the row gives, for a new record or over the stored one; the errors of values only the server can check. */
  wanted(row: MappedRecordRow, stored: StoredRecord | undefined): { values: Values; errors: FieldError[] };
  /** Each field as the preview shows it. */
  describe(values: Values): Record<string, string | null>;
  label(values: Values): string | null;
  /** Columns written beside the values: a sort key, the opening hours' id (the actor's). */
  extra(actorId: string, values: Values): Values;
  /** What the audit log keeps of a record. */
  audit(values: Values): unknown;
  /** Stored records (other than the one the row updates) the row may be the same as: the preview's hints. */
  duplicates?(stored: readonly StoredRecord[]): (actorId: string, recordId: string | null, values: Values) => ImportPreviewRow['likelyDuplicates'];
}

const text = (value: unknown) => (value === null || value === undefined || value === '' ? null : String(value));
const given = (fields: Values, names: Record<string, string>) =>
  Object.fromEntries(Object.entries(names).filter(([field]) => fields[field] !== undefined).map(([field, column]) => [column, fields[field]]));

const contactTarget: RecordTarget = {
  table: 'contact',
  columns: ['name', 'role', 'email', 'phone'],
  jsonColumns: [],
  load: async (db) =>
    (await db.selectFrom('contact').select(['id', 'actor_id', 'version', 'name', 'role', 'email', 'phone']).execute()).map(({ id, actor_id, version, ...values }) => ({ id, actorId: actor_id, version, values })),
  keyOf: (actorId, values) => (typeof values['name'] === 'string' ? `${actorId}|${values['name'].trim().toLocaleLowerCase('nb')}` : null),
  wanted: (row) => ({ values: given(row.fields, { name: 'name', role: 'role', email: 'email', phone: 'phone' }), errors: [] }),
  describe: (values) => ({ name: text(values['name']), role: text(values['role']), email: text(values['email']), phone: text(values['phone']) }),
  label: (values) => text(values['name']),
  extra: (_actorId, values) => (typeof values['name'] === 'string' ? { sort_key: norwegianSortKey(values['name']) } : {}),
  // A contact is a person: the audit log keeps that the record changed, not the personal data (as the contacts' own writes).
  audit: (values) => redactStoredValue(values),
  // The same e-mail (at any actor), or the same name at the same actor, as a stored contact the row does not update.
  duplicates: (stored) => {
    const byEmail = new Map<string, StoredRecord[]>();
    const byName = new Map<string, StoredRecord[]>();
    const add = (index: Map<string, StoredRecord[]>, key: string | null, record: StoredRecord) => {
      if (key) index.set(key, [...(index.get(key) ?? []), record]);
    };
    const emailKey = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim().toLocaleLowerCase('nb') : null);
    for (const record of stored) {
      add(byEmail, emailKey(record.values['email']), record);
      add(byName, contactTarget.keyOf(record.actorId, record.values), record);
    }
    return (actorId, recordId, values) => {
      const found = new Map<string, ImportPreviewRow['likelyDuplicates'][number]>();
      const hint = (records: StoredRecord[] | undefined, reason: 'email' | 'name_at_actor') => {
        for (const record of records ?? []) if (record.id !== recordId && !found.has(record.id)) found.set(record.id, { id: record.id, name: text(record.values['name']) ?? '', reason });
      };
      hint(byEmail.get(emailKey(values['email']) ?? ''), 'email');
      const key = contactTarget.keyOf(actorId, values);
      if (key) hint(byName.get(key), 'name_at_actor');
      return [...found.values()];
    };
  },
};

const serviceTarget: RecordTarget = {
  table: 'service',
  columns: ['type', 'audiences', 'description', 'conditions', 'weekly_hours', 'confirmed_at', 'confirmed_by'],
  jsonColumns: ['audiences', 'conditions'],
  load: async (db) =>
    (
      await db
        .selectFrom('service')
        .select(['id', 'actor_id', 'version', 'type', 'audiences', 'description', 'conditions', 'weekly_hours', 'confirmed_at', 'confirmed_by'])
        .where('archived_at', 'is', null)
        .execute()
    ).map(({ id, actor_id, version, ...values }) => ({ id, actorId: actor_id, version, values })),
  keyOf: (actorId, values) => (typeof values['type'] === 'string' ? `${actorId}|${values['type']}` : null),
  wanted: (row, stored) => {
    const values = given(row.fields, { type: 'type', audiences: 'audiences', description: 'description', weeklyHours: 'weekly_hours', confirmedAt: 'confirmed_at', confirmedBy: 'confirmed_by' });
    const note = row.fields['conditions'];
    // The file's conditions are the conditions' note; the other conditions stay as they are.
    if (note !== undefined || !stored) values['conditions'] = mergeServiceConditions(stored?.values['conditions'] as Values | undefined, note === undefined ? {} : { note: note as string });
    return { values, errors: [] };
  },
  describe: (values) => ({
    type: text(values['type']),
    audiences: Array.isArray(values['audiences']) ? values['audiences'].join(', ') : null,
    description: text(values['description']),
    conditions: text((values['conditions'] as { note?: string | null } | undefined)?.note),
    weeklyHours: values['weekly_hours'] === null || values['weekly_hours'] === undefined ? null : String(Number(values['weekly_hours'])),
    confirmedAt: text(values['confirmed_at']),
    confirmedBy: text(values['confirmed_by']),
  }),
  label: (values) => text(values['type']),
  extra: () => ({}),
  audit: (values) => values,
};

/** One kind's weekly periods read from an OSM string, or the reason it does not parse (the package's message shows where). */
function periodsFromOsm(value: string, kind: OpeningKind, field: string, column: string): WeeklyPeriod[] | FieldError {
  try {
    return weeklyFromOsm({ openingHours: value, selfService: '' }).map((period) => ({ ...period, kind }));
  } catch (error) {
    const message = error instanceof DomainRuleError ? (error.errors[0]?.message ?? error.message) : String(error);
    return { path: field, code: recordImportErrorCodes.openingHoursInvalid, message, params: { column } };
  }
}

const osmOf = (weekly: unknown, kind: OpeningKind) =>
  text(toOsmOpeningHours({ weekly: (weekly as WeeklyPeriod[] | undefined) ?? [], seasons: [], exceptions: [], openOnPublicHolidays: true }, kind));

const openingHoursTarget: RecordTarget = {
  table: 'opening_hours',
  columns: ['weekly'],
  jsonColumns: ['weekly'],
  load: async (db) => (await db.selectFrom('opening_hours').select(['id', 'version', 'weekly']).execute()).map(({ id, version, weekly }) => ({ id, actorId: id, version, values: { weekly } })),
  keyOf: (actorId) => actorId,
  // The weekly timetable of each kind the row gives replaces that kind's; seasons, exceptions and the holiday rule stay.
  wanted: (row, stored) => {
    const storedWeekly = (stored?.values['weekly'] as WeeklyPeriod[] | undefined) ?? [];
    const errors: FieldError[] = [];
    const weekly: WeeklyPeriod[] = [];
    for (const [field, kind] of [
      ['openingHours', 'staffed'],
      ['selfService', 'self_service'],
    ] as const) {
      const value = row.fields[field];
      if (typeof value !== 'string') {
        weekly.push(...storedWeekly.filter((period) => period.kind === kind));
        continue;
      }
      const periods = periodsFromOsm(value, kind, field, row.columnOf[field] ?? field);
      if (Array.isArray(periods)) weekly.push(...periods);
      else errors.push(periods);
    }
    const changes = row.fields['openingHours'] !== undefined || row.fields['selfService'] !== undefined;
    return { values: changes ? { weekly } : {}, errors };
  },
  describe: (values) => ({ openingHours: osmOf(values['weekly'], 'staffed'), selfService: osmOf(values['weekly'], 'self_service') }),
  label: () => null,
  extra: (actorId) => ({ id: actorId }),
  audit: (values) => values,
};

export const recordTargets: Record<RecordImportTarget, RecordTarget> = { contact: contactTarget, service: serviceTarget, opening_hours: openingHoursTarget };

interface LiveActor {
  id: string;
  name: string;
  organisation_number: string | null;
  library_number: string | null;
  municipality_number: string | null;
}

/** Finds the actor a row names: its identifiers must agree, a name must be one actor's (with the municipality when names repeat). */
function actorFinder(live: readonly LiveActor[]) {
  const byOrganisation = new Map(live.filter((a) => a.organisation_number).map((a) => [a.organisation_number as string, a]));
  const byLibrary = new Map(live.filter((a) => a.library_number).map((a) => [a.library_number as string, a]));
  const byName = new Map<string, LiveActor[]>();
  for (const actor of live) {
    const key = actor.name.trim().toLocaleLowerCase('nb');
    byName.set(key, [...(byName.get(key) ?? []), actor]);
  }
  const notFound = (path: string, message: string): FieldError => ({ path, code: recordImportErrorCodes.actorNotFound, message });
  return (ref: ImportActorReference, columnOf: Record<string, string>): LiveActor | FieldError => {
    const column = (path: string) => ({ column: columnOf[path] ?? path });
    const byOrg = ref.organisationNumber ? byOrganisation.get(ref.organisationNumber) : undefined;
    const byLib = ref.libraryNumber ? byLibrary.get(ref.libraryNumber) : undefined;
    if (ref.organisationNumber && !byOrg) return { ...notFound('actorOrganisationNumber', `No actor in the register has the organisation number ${ref.organisationNumber}`), params: column('actorOrganisationNumber') };
    if (ref.libraryNumber && !byLib) return { ...notFound('actorLibraryNumber', `No actor in the register has the library number ${ref.libraryNumber}`), params: column('actorLibraryNumber') };
    if (byOrg && byLib && byOrg.id !== byLib.id) {
      return {
        path: 'actorOrganisationNumber',
        code: recordImportErrorCodes.identifiersDisagree,
        message: `The library number is ${byLib.name}'s, the organisation number ${byOrg.name}'s`,
        params: column('actorOrganisationNumber'),
      };
    }
    const found = byOrg ?? byLib;
    if (found) return found;
    const named = (byName.get((ref.name ?? '').trim().toLocaleLowerCase('nb')) ?? []).filter((a) => !ref.municipalityNumber || a.municipality_number === ref.municipalityNumber);
    if (named.length === 0) {
      const where = ref.municipalityNumber ? ` in municipality ${ref.municipalityNumber}` : '';
      return { ...notFound('actorName', `No actor in the register is called "${ref.name ?? ''}"${where}`), params: column('actorName') };
    }
    if (named.length > 1) {
      return { path: 'actorName', code: recordImportErrorCodes.actorAmbiguous, message: `${named.length} actors are called "${ref.name ?? ''}"; add the municipality number or an identifier`, params: column('actorName') };
    }
    return named[0] as LiveActor;
  };
}

/** One row as the apply writes it. */
export interface PlannedRecordRow extends ImportPreviewRow {
  recordId: string | null;
  /** The columns to write: every column of a new record, the changed ones of a stored record. */
  values: Values;
}

/** Reads the rows through the mapping and compares them with the stored records: the preview, and what the apply writes. */
export async function planRecords(db: Executor, target: RecordImportTarget, table: ReadTable, mapping: ColumnMapping, progress: ImportProgress = noProgress): Promise<PlannedRecordRow[]> {
  const definition = recordTargets[target];
  const live = await db.selectFrom('actor').select(['id', 'name', 'organisation_number', 'library_number', 'municipality_number']).where('archived_at', 'is', null).execute();
  const findActor = actorFinder(live);
  const stored = new Map<string, StoredRecord>();
  const records = await definition.load(db);
  const duplicatesOf = definition.duplicates?.(records);
  for (const record of records) {
    const key = definition.keyOf(record.actorId, record.values);
    if (key !== null && !stored.has(key)) stored.set(key, record);
  }
  // Services follow their library's weekly timetable (serviceWeeklyHours): the preview shows the figure the apply stores.
  const timetables = target === 'service' ? await publishedTimetables(db) : new Map<string, OpeningHoursInput>();
  const seen = new Map<string, number>();
  return mapInSteps(table.rows, (cells, index): PlannedRecordRow => {
    const line = index + 2;
    const row = mapRecordRow(target, Object.fromEntries(table.headers.map((h, i) => [h, cells[i] ?? ''])), mapping);
    const errors = [...row.errors];
    const actor = errors.some((e) => e.path.startsWith('actor')) ? null : findActor(row.actor, row.columnOf);
    if (actor && 'code' in actor) errors.push(actor);
    const actorOf = actor && 'id' in actor ? actor : null;
    let existing: StoredRecord | undefined;
    let values: Values = {};
    let changes: ImportPreviewRow['changes'] = [];
    if (actorOf) {
      const probe = definition.wanted(row, undefined).values;
      const key = definition.keyOf(actorOf.id, probe);
      existing = key === null ? undefined : stored.get(key);
      if (key !== null) {
        const earlier = seen.get(key);
        if (earlier !== undefined) errors.push({ path: 'actor', code: recordImportErrorCodes.duplicateInFile, message: `Line ${earlier} is about the same record`, params: { line: earlier, column: '' } });
        else seen.set(key, line);
      }
      const wanted = definition.wanted(row, existing);
      if (target === 'service') followTimetable(wanted.values, existing?.values, timetables.get(actorOf.id) ?? null);
      errors.push(...wanted.errors);
      if (!existing) errors.push(...missingRecordFields(target, row.fields, mapping, errors));
      const before = definition.describe(existing?.values ?? {});
      const after = definition.describe({ ...existing?.values, ...wanted.values });
      changes = Object.keys(after)
        .filter((field) => before[field] !== after[field])
        .map((field) => ({ field, before: existing ? (before[field] ?? null) : null, after: after[field] ?? null }));
      const storedValues = existing?.values;
      values = storedValues ? Object.fromEntries(Object.entries(wanted.values).filter(([column]) => changed(definition, storedValues, wanted.values, column))) : wanted.values;
    }
    const status = errors.length > 0 ? 'rejected' : !existing ? 'new' : changes.length > 0 ? 'changed' : 'unchanged';
    const label = definition.label({ ...existing?.values, ...values }) ?? actorOf?.name ?? row.actor.name;
    const name = actorOf && label !== actorOf.name ? `${label} (${actorOf.name})` : label;
    const likelyDuplicates = actorOf && duplicatesOf ? duplicatesOf(actorOf.id, existing?.id ?? null, { ...existing?.values, ...values }) : [];
    return { line, status, name, actorId: actorOf?.id ?? null, recordId: existing?.id ?? null, changes, errors, likelyDuplicates, values };
  }, progress);
}

/** A service row that sets the type or the hours a week gets the figure its library's weekly timetable gives, where there is one. */
function followTimetable(values: Values, stored: Values | undefined, hours: OpeningHoursInput | null): void {
  if (values['type'] === undefined && values['weekly_hours'] === undefined) return;
  const type = (values['type'] ?? stored?.['type']) as ServiceType | undefined;
  if (type === undefined || hours === null) return;
  const entered = values['weekly_hours'] === undefined ? stored?.['weekly_hours'] : values['weekly_hours'];
  const enteredHours = entered === undefined || entered === null ? null : Number(entered);
  const followed = serviceWeeklyHours(type, enteredHours, hours);
  if (followed !== enteredHours) values['weekly_hours'] = followed;
}

const changed = (definition: RecordTarget, before: Values, wanted: Values, column: string) =>
  JSON.stringify(definition.describe({ ...before, [column]: wanted[column] })) !== JSON.stringify(definition.describe(before));

function columnsFor(definition: RecordTarget, values: Values): Values {
  return Object.fromEntries(Object.entries(values).map(([column, value]) => [column, definition.jsonColumns.includes(column) ? JSON.stringify(value) : value]));
}

const CHUNK = 500;
const chunks = <T>(items: readonly T[]) => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

async function audit(trx: Transaction<Database>, definition: RecordTarget, userId: string | null, action: 'import' | 'undo_import', entries: { id: string; before: unknown; after: unknown }[]) {
  for (const part of chunks(entries)) {
    if (part.length === 0) continue;
    await trx
      .insertInto('audit_entry')
      .values(part.map((e) => ({ user_id: userId, entity: definition.table, entity_id: e.id, action, before: e.before === null ? null : JSON.stringify(e.before), after: JSON.stringify(e.after) })))
      .execute();
  }
}

/** Writes the planned rows (none rejected) in the caller's transaction: new records, changed ones, each audited and kept for the undo. */
export async function applyRecords(trx: Transaction<Database>, target: RecordImportTarget, batchId: string, planned: readonly PlannedRecordRow[], access: RecordImportAccess, progress: ImportProgress = noProgress): Promise<void> {
  const { userId } = access.context;
  const rows = target === 'service' ? await followingOpeningHours(trx, planned) : planned;
  const writes = rows.filter((r) => r.status === 'new' || (r.status === 'changed' && Object.keys(r.values).length > 0)).length;
  const wrote = writeCounter(progress, writes);
  const definition = recordTargets[target];
  const db = loose(trx);
  const created: { id: string; row: PlannedRecordRow }[] = [];
  for (const part of chunks(rows.filter((r) => r.status === 'new'))) {
    if (part.length === 0) continue;
    const values = part.map((r) => ({ ...columnsFor(definition, r.values), ...definition.extra(r.actorId as string, r.values), ...(target === 'opening_hours' ? {} : { actor_id: r.actorId }) }));
    const ids = await db.insertInto(definition.table).values(values).returning('id').execute();
    ids.forEach((inserted, i) => created.push({ id: inserted['id'] as string, row: part[i] as PlannedRecordRow }));
    wrote(part.length);
  }
  const changedRows: { id: string; before: Values; version: number; row: PlannedRecordRow }[] = [];
  for (const row of rows.filter((r) => r.status === 'changed' && Object.keys(r.values).length > 0)) {
    const id = row.recordId as string;
    const before = (await db.selectFrom(definition.table).select([...definition.columns]).where('id', '=', id).executeTakeFirstOrThrow()) as Values;
    const updated = await db
      .updateTable(definition.table)
      .set({ ...columnsFor(definition, row.values), ...(target === 'opening_hours' ? {} : definition.extra(row.actorId as string, row.values)), ...nextVersion })
      .where('id', '=', id)
      .returning('version')
      .executeTakeFirstOrThrow();
    changedRows.push({ id, before, version: updated['version'] as number, row });
    wrote(1);
  }
  const changes = [
    ...created.map((c) => ({ batch_id: batchId, record_id: c.id, entity: target, before: null, version_after: 1 })),
    ...changedRows.map((c) => ({ batch_id: batchId, record_id: c.id, entity: target, before: JSON.stringify(c.before), version_after: c.version })),
  ];
  for (const part of chunks(changes)) if (part.length > 0) await trx.insertInto('import_change').values(part).execute();
  await audit(trx, definition, userId, 'import', [
    ...created.map((c) => ({ id: c.id, before: null, after: { importId: batchId, line: c.row.line, ...(definition.audit(c.row.values) as object) } })),
    ...changedRows.map((c) => ({ id: c.id, before: definition.audit(c.before), after: { importId: batchId, line: c.row.line, ...(definition.audit({ ...c.before, ...c.row.values }) as object) } })),
  ]);
  if (target === 'opening_hours') await deriveFromOpeningHours(trx, [...created.map((c) => c.id), ...changedRows.map((c) => c.id)], access);
}

/**
 * Services an import writes keep the "hours a week" of the library's weekly timetable, as a
 * manual edit does (storedWeeklyHours: one rule): a row that sets the figure or the type of
 * "Betjent åpningstid" or "Meråpent" gets the timetable's figure where there is one.
 */
async function followingOpeningHours(trx: Transaction<Database>, rows: readonly PlannedRecordRow[]): Promise<PlannedRecordRow[]> {
  const storedTypes = new Map<string, ServiceType>();
  const changed = rows.flatMap((r) => (r.status === 'changed' && r.recordId !== null && r.values['type'] === undefined && r.values['weekly_hours'] !== undefined ? [r.recordId] : []));
  for (const part of chunks(changed)) {
    if (part.length === 0) continue;
    for (const row of await trx.selectFrom('service').select(['id', 'type']).where('id', 'in', part).execute()) storedTypes.set(row.id, row.type);
  }
  const followed: PlannedRecordRow[] = [];
  for (const row of rows) {
    const touches = row.values['type'] !== undefined || row.values['weekly_hours'] !== undefined;
    const type = (row.values['type'] as ServiceType | undefined) ?? (row.recordId === null ? undefined : storedTypes.get(row.recordId));
    if ((row.status !== 'new' && row.status !== 'changed') || !touches || type === undefined || row.actorId === null) {
      followed.push(row);
      continue;
    }
    const entered = row.values['weekly_hours'] === undefined || row.values['weekly_hours'] === null ? null : Number(row.values['weekly_hours']);
    const weeklyHours = await storedWeeklyHours(trx, row.actorId, type, entered);
    followed.push(weeklyHours === entered ? row : { ...row, values: { ...row.values, weekly_hours: weeklyHours } });
  }
  return followed;
}

/** Who imports: the scope the derived writes go through, and whom the audit log names. */
export interface RecordImportAccess {
  scope: Scope;
  context: ChangeContext;
}

/** Opening hours written by an import (or put back by its undo) update the actors' services as a manual edit does (deriveWeeklyHours: one rule). */
async function deriveFromOpeningHours(trx: Transaction<Database>, actorIds: readonly string[], access: RecordImportAccess): Promise<void> {
  for (const part of chunks(actorIds)) {
    if (part.length === 0) continue;
    for (const [actorId, hours] of await publishedTimetables(trx, part)) await deriveWeeklyHours(trx, access.scope, actorId, hours, access.context);
  }
}

const foreignKeyViolation = (error: unknown) => typeof error === 'object' && error !== null && 'code' in error && error.code === '23503';

/**
 * Undoes an applied import of records in the caller's transaction: records it created are
 * deleted, records it changed get their columns back (opening hours: the timetable before), each
 * audited. Refused (409) when a record has changed since, or another record now refers to one it created.
 */
export async function undoRecords(trx: Transaction<Database>, target: RecordImportTarget, batchId: string, access: RecordImportAccess): Promise<void> {
  const { userId } = access.context;
  const definition = recordTargets[target];
  const db = loose(trx);
  const changes = await trx.selectFrom('import_change').selectAll().where('batch_id', '=', batchId).execute();
  const ids = changes.map((c) => c.record_id);
  const current = ids.length === 0 ? [] : await db.selectFrom(definition.table).select(['id', 'version']).where('id', 'in', ids).forUpdate().execute();
  const versionOf = new Map(current.map((r) => [r['id'] as string, r['version'] as number]));
  const changedSince = changes.filter((c) => versionOf.get(c.record_id) !== c.version_after);
  if (changedSince.length > 0) {
    throw new ConflictError(`${changedSince.length} records have changed or gone since the import, so it cannot be undone as a whole`, {
      errors: changedSince.slice(0, 50).map((c) => ({ path: 'records', code: 'import_changed_since', message: 'Changed since the import', params: { recordId: c.record_id } })),
    });
  }
  const restored = changes.filter((c) => c.before !== null);
  for (const change of restored) {
    const before = change.before as Values;
    const values = Object.fromEntries(definition.columns.map((c) => [c, before[c]]));
    const updated = await db
      .updateTable(definition.table)
      .set({ ...columnsFor(definition, values), ...(target === 'opening_hours' ? {} : definition.extra('', values)), ...nextVersion })
      .where('id', '=', change.record_id)
      .returning('version')
      .executeTakeFirstOrThrow();
    // An earlier import that left the record as this one found it can still be undone.
    await trx
      .updateTable('import_change')
      .set({ version_after: updated['version'] as number })
      .where('record_id', '=', change.record_id)
      .where('version_after', '=', change.version_after - 1)
      .where('batch_id', 'in', (eb) => eb.selectFrom('import_batch').select('id').where('status', '=', 'applied').where('id', '<>', batchId))
      .execute();
  }
  const createdIds = changes.filter((c) => c.before === null).map((c) => c.record_id);
  for (const part of chunks(createdIds)) {
    if (part.length === 0) continue;
    await db
      .deleteFrom(definition.table)
      .where('id', 'in', part)
      .execute()
      .catch((error: unknown) => {
        if (foreignKeyViolation(error)) throw new ConflictError('A record the import created is now referred to elsewhere (an agreement, a survey), so the import cannot be undone as a whole');
        throw error;
      });
  }
  await audit(trx, definition, userId, 'undo_import', [
    ...createdIds.map((id) => ({ id, before: { importId: batchId }, after: { importId: batchId, deleted: true } })),
    ...restored.map((c) => ({ id: c.record_id, before: { importId: batchId }, after: { importId: batchId, ...(definition.audit(c.before as Values) as object) } })),
  ]);
  if (target === 'opening_hours') await deriveFromOpeningHours(trx, restored.map((c) => c.record_id), access);
}
