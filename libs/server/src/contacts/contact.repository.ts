import { sql, type Expression, type ExpressionBuilder, type InferResult, type SqlBool } from 'kysely';
import type { Database } from '@kompetansebro/db';
import {
  contactErrorCodes,
  inActorSet,
  norwegianSortKey,
  redactStoredValue,
  type ContactCreate,
  type ContactListQuery,
  type ContactSummary,
  type ContactUpdate,
  type Page,
} from '@kompetansebro/domain';
import { NotFoundError } from '@kompetansebro/domain';
import { requireVisible, requireWritable, visibleActorRecords, type Scope } from '../auth/visibility';
import { auditEntriesAbout, rewriteAuditEntriesAbout, type AuditEntry } from '../audit/audit.repository';
import { eraseTracesOf } from '../privacy/erasure';
import type { Executor } from '../persistence/executor';
import { actorFacts, assertActorExists, iso, likePattern, pageOf, sortOf, type ChangeContext } from '../persistence/repository-helpers';
import { auditedAction, auditedCreate, nextVersion, versionedChange, versionedRemoval, type VersionedRecord, type ExpectedVersion } from '../persistence/versioned-change';

// Contacts are personal data. Their audit entries never hold it (every before/after is
// redacted as it is written), and erasure removes the row and scrubs every entry about it.

type ContactJoin = Database & { c: Database['contact']; a: Database['actor'] };

function contactsWithActor(db: Executor) {
  return db.selectFrom('contact as c').innerJoin('actor as a', 'a.id', 'c.actor_id');
}

const summaryColumns = [
  'c.id',
  'c.actor_id',
  'c.name',
  'c.role',
  'c.email',
  'c.phone',
  'c.version',
  'c.created_at',
  'c.updated_at',
  'a.name as actor_name',
] as const;

const selectSummaries = (db: Executor) => contactsWithActor(db).select(summaryColumns);
type SummaryRow = InferResult<ReturnType<typeof selectSummaries>>[number];

function toSummary(row: SummaryRow): ContactSummary {
  return {
    id: row.id,
    actorId: row.actor_id,
    name: row.name,
    role: row.role,
    email: row.email,
    phone: row.phone,
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    actorName: row.actor_name,
  };
}

type ContactFilters = Omit<ContactListQuery, 'page' | 'pageSize' | 'sort'>;

function listConditions(eb: ExpressionBuilder<ContactJoin, 'c' | 'a'>, query: ContactFilters): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (query.q) {
    const pattern = likePattern(query.q);
    conditions.push(
      eb.or([eb('c.name', 'ilike', pattern), eb('c.email', 'ilike', pattern), eb('c.role', 'ilike', pattern), eb('a.name', 'ilike', pattern)]),
    );
  }
  if (query.actor) conditions.push(eb('c.actor_id', '=', query.actor));
  return eb.and(conditions);
}

export async function listContacts(db: Executor, scope: Scope, query: ContactListQuery): Promise<Page<ContactSummary>> {
  const filtered = contactsWithActor(db)
    .where(visibleActorRecords(scope, 'a'))
    .where((eb) => listConditions(eb, query));
  const { key, direction } = sortOf(query.sort);
  const byName = sql`c.sort_key collate "C"`;
  const byActor = sql`a.sort_key collate "C"`;
  const ordered =
    key === 'actor'
      ? filtered.select(summaryColumns).orderBy(byActor, direction).orderBy(byName)
      : filtered.select(summaryColumns).orderBy(byName, direction);
  // Counted from the contacts alone when neither the scope nor the filters ask about their actor
  // (the county's list): every contact has one, so the join would only cost (issue 18).
  if (scope.actorRecords.read.all && !query.q) {
    const contacts = db.selectFrom('contact as c');
    const counted = query.actor ? contacts.where('c.actor_id', '=', query.actor) : contacts;
    return pageOf(query, counted, ordered.orderBy('c.id'), toSummary);
  }
  return pageOf(query, filtered, ordered.orderBy('c.id'), toSummary);
}

async function findContact(db: Executor, scope: Scope, id: string): Promise<ContactSummary | undefined> {
  const row = await selectSummaries(db).where('c.id', '=', id).where(visibleActorRecords(scope, 'a')).executeTakeFirst();
  return row && toSummary(row);
}

export async function getContact(db: Executor, scope: Scope, id: string): Promise<ContactSummary> {
  const contact = await findContact(db, scope, id);
  if (!contact) throw new NotFoundError('contact');
  return contact;
}

/** 404 when the scope cannot see the contact's actor, 403 when it may not change its contacts. */
async function checkReach(db: Executor, scope: Scope, actorId: string): Promise<void> {
  const actor = (await actorFacts(db, [actorId])).get(actorId);
  requireVisible(actor !== undefined && inActorSet(scope.actorRecords.read, actor), 'contact');
  requireWritable(actor !== undefined && inActorSet(scope.actorRecords.write, actor), 'You may read this contact but not change it');
}

/** The contact as a versioned record: 404 when the scope cannot see it, 403 when it may not change it. */
function contactRecord(scope: Scope, id: string): VersionedRecord<ContactSummary> {
  return {
    table: 'contact',
    id,
    entity: 'contact',
    checkReach: async (trx) => {
      const { actor_id } = await trx.selectFrom('contact').select('actor_id').where('id', '=', id).executeTakeFirstOrThrow();
      await checkReach(trx, scope, actor_id);
    },
    read: (trx) => getContact(trx, scope, id),
    // Personal fields never reach the audit log.
    toAudit: redactStoredValue,
  };
}

type ContactFields = Required<Omit<ContactCreate, 'actorId'>>;

function columnsOf(fields: ContactFields) {
  return {
    name: fields.name,
    sort_key: norwegianSortKey(fields.name),
    role: fields.role,
    email: fields.email,
    phone: fields.phone,
  };
}

export async function createContact(db: Executor, scope: Scope, input: ContactCreate, context: ChangeContext): Promise<ContactSummary> {
  return auditedCreate(db, {
    entity: 'contact',
    context,
    insert: async (trx) => {
      const actor = await assertActorExists(trx, scope.actorRecords.read, input.actorId, contactErrorCodes.actorNotFound);
      requireWritable(inActorSet(scope.actorRecords.write, actor), "You may not add contacts to this actor's record");
      const fields: ContactFields = { name: input.name, role: input.role ?? null, email: input.email ?? null, phone: input.phone ?? null };
      const inserted = await trx
        .insertInto('contact')
        .values({ ...columnsOf(fields), actor_id: input.actorId })
        .returning('id')
        .executeTakeFirstOrThrow();
      return inserted.id;
    },
    read: (trx, id) => getContact(trx, scope, id),
    toAudit: redactStoredValue,
  });
}

export async function updateContact(
  db: Executor,
  scope: Scope,
  id: string,
  changes: ContactUpdate,
  expectedVersion: ExpectedVersion,
  context: ChangeContext,
): Promise<ContactSummary> {
  return versionedChange(db, {
    ...contactRecord(scope, id),
    expectedVersion,
    context,
    action: 'update',
    write: async (trx, before) => {
      const merged: ContactFields = { name: before.name, role: before.role, email: before.email, phone: before.phone, ...changes };
      await trx
        .updateTable('contact')
        .set({ ...columnsOf(merged), ...nextVersion })
        .where('id', '=', id)
        .execute();
    },
  });
}

export async function deleteContact(db: Executor, scope: Scope, id: string, expectedVersion: ExpectedVersion, context: ChangeContext): Promise<void> {
  await versionedRemoval(db, {
    ...contactRecord(scope, id),
    expectedVersion,
    context,
    write: async (trx) => {
      await trx.deleteFrom('contact').where('id', '=', id).execute();
    },
  });
}

/** What is stored about one person (GDPR article 15): the record and the audit entries about it. */
export interface ContactPersonalData {
  exportedAt: string;
  contact: ContactSummary;
  auditEntries: AuditEntry[];
}

export async function personalDataOf(db: Executor, scope: Scope, id: string): Promise<ContactPersonalData> {
  const contact = await getContact(db, scope, id);
  return { exportedAt: new Date().toISOString(), contact, auditEntries: await auditEntriesAbout(db, 'contact', id) };
}

export interface ErasureReceipt {
  id: string;
  erasedAt: string;
  /** Whether the contact record itself was still there to delete. */
  recordDeleted: boolean;
  /** How many audit entries about the person were scrubbed (the erasure's own entry not counted). */
  auditEntriesRedacted: number;
  /** How many copies of her e-mail or name elsewhere were cleared (recipient lists, confirmedBy, answeredBy, other audit entries). */
  tracesCleared: number;
}

/**
 * Erases a person (GDPR article 17): deletes the contact and rewrites every audit entry about it
 * so no personal field remains, clears her e-mail and name wherever the personal-data register
 * says they may be copied, remembers the id so sample data never brings her back, then records the erasure itself without personal data. Needs no
 * If-Match: erasure is owed whatever version the caller saw. 404 when nothing is stored about the id.
 * An organisation erases its own contacts; what is left of a contact already deleted (its audit
 * entries) only the county can scrub, since nothing tells any more whose it was.
 */
export async function eraseContact(db: Executor, scope: Scope, id: string, context: ChangeContext): Promise<ErasureReceipt> {
  return auditedAction(db, { entity: 'contact', entityId: id, action: 'erase' }, context, async (trx) => {
    const row = await trx.selectFrom('contact').select(['id', 'actor_id', 'name', 'email', 'phone']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (row) await checkReach(trx, scope, row.actor_id);
    else requireVisible(scope.everything && scope.actorRecords.write.all, 'contact');
    const redacted = await rewriteAuditEntriesAbout(trx, 'contact', id, redactStoredValue);
    if (!row && redacted === 0) throw new NotFoundError('contact');
    if (row) await trx.deleteFrom('contact').where('id', '=', id).execute();
    // Her e-mail and name elsewhere (recipient lists, confirmedBy, answeredBy, the audit log, imported files), by the register.
    const tracesCleared = row ? await eraseTracesOf(trx, { table: 'contact', id, name: row.name, email: row.email, phone: row.phone }) : 0;
    const receipt = { id, erasedAt: new Date().toISOString(), recordDeleted: row !== undefined, auditEntriesRedacted: redacted, tracesCleared };
    const audit = { before: row ? { actorId: row.actor_id } : null, after: { recordDeleted: receipt.recordDeleted, auditEntriesRedacted: redacted } };
    return { result: receipt, audit };
  });
}
