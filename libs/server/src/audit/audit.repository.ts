import { sql, type Transaction } from 'kysely';
import type { Executor } from '../persistence/executor';
import type { AuditEntryRow, Database } from '@kompetansebro/db';
import { withFields, type AuditedEntity, type Page } from '@kompetansebro/domain';
import { requireCountyWide, type Scope } from '../auth/visibility';
import { cappedPageOf } from '../persistence/repository-helpers';


export interface AuditRecord {
  userId: string | null;
  entity: AuditedEntity;
  entityId: string;
  action: 'create' | 'update' | 'archive' | 'restore' | 'delete' | 'transition' | 'confirm' | 'erase' | 'merge' | 'import' | 'undo_import';
  before: unknown;
  after: unknown;
}

/** Written in the same transaction as the change it records, so neither exists without the other. */
export async function writeAudit(trx: Transaction<Database>, record: AuditRecord): Promise<void> {
  await trx
    .insertInto('audit_entry')
    .values({
      user_id: record.userId,
      entity: record.entity,
      entity_id: record.entityId,
      action: record.action,
      before: record.before === null ? null : JSON.stringify(record.before),
      after: record.after === null ? null : JSON.stringify(record.after),
    })
    .execute();
}

/** One entry of the audit log as the API shows it. */
export interface AuditEntry {
  id: string;
  occurredAt: string;
  userId: string | null;
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

export interface AuditQuery {
  entity?: string | undefined;
  entityId?: string | undefined;
  page: number;
  pageSize: number;
}

function selectEntries(db: Executor, query: Pick<AuditQuery, 'entity' | 'entityId'>) {
  let selected = db.selectFrom('audit_entry');
  if (query.entity) selected = selected.where('entity', '=', query.entity);
  if (query.entityId) selected = selected.where('entity_id', '=', query.entityId);
  return selected;
}

const entryColumns = ['id', 'occurred_at', 'user_id', 'entity', 'entity_id', 'action', 'before', 'after'] as const;

function toEntry(row: AuditEntryRow): AuditEntry {
  return {
    // bigint: a string from pg, a number from PGlite.
    id: String(row.id),
    occurredAt: new Date(row.occurred_at).toISOString(),
    userId: row.user_id,
    entity: row.entity,
    entityId: row.entity_id,
    action: row.action,
    before: row.before ?? null,
    after: row.after ?? null,
  };
}

/** An entry of the log as the list shows it: with the name of the user who made the change. */
export interface AuditListEntry extends AuditEntry {
  /** Null for the system, or when the user no longer exists. */
  userName: string | null;
  /** The record's name or title as it is now (an activity's title where the entry holds none; student counts: their organisation's); null when it has none or is gone. */
  recordName: string | null;
}

/**
 * The entry's record id as a uuid, or null when it is not one (a key is compared as a uuid, so the
 * record's primary key finds it: `id::text = entity_id` read the whole table for every entry).
 */
const entityUuid = sql`(case when audit_entry.entity_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then audit_entry.entity_id::uuid end)`;

/** The name of the record an entry is about, as it is now, by kind of record (student counts: whose they are). */
const recordNameNow = sql<string | null>`case audit_entry.entity
  when 'actor' then (select name from actor where actor.id = ${entityUuid})
  when 'agreement' then (select title from agreement where agreement.id = ${entityUuid})
  when 'activity' then (select title from activity where activity.id = ${entityUuid})
  when 'initiative' then (select title from initiative where initiative.id = ${entityUuid})
  when 'plan_item' then (select title from plan_item where plan_item.id = ${entityUuid})
  when 'user' then (select name from app_user where app_user.id = ${entityUuid})
  when 'survey' then (select name from survey where survey.id = ${entityUuid})
  when 'student_counts' then (select actor.name from student_count_set join actor on actor.id = student_count_set.organisation_id where student_count_set.id = ${entityUuid})
  else null end`;

/** The audit log, newest first, optionally of one entity type and one record. The county's only. */
export async function listAuditEntries(db: Executor, scope: Scope, query: AuditQuery): Promise<Page<AuditListEntry>> {
  requireCountyWide(scope, 'audit entry');
  const page = selectEntries(db, query)
    .select(entryColumns)
    // The author's name beside the id, so the history says who without a second request.
    .select((eb) => eb.selectFrom('app_user').select('app_user.name').whereRef('app_user.id', '=', 'audit_entry.user_id').as('user_name'))
    .select(recordNameNow.as('record_name'))
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc');
  // The log only grows: its total is counted up to a cap ("more than 1,000"), not over every entry.
  return cappedPageOf(db, query, selectEntries(db, query), page, (row) => withFields(toEntry(row), { userName: row.user_name ?? null, recordName: row.record_name ?? null }));
}

/**
 * Every entry about one record, oldest first (its history). Unscoped: for the repository of that
 * record, which has checked the scope reaches it (e.g. a contact's personal-data export).
 */
export async function auditEntriesAbout(db: Executor, entity: string, entityId: string): Promise<AuditEntry[]> {
  const rows = await selectEntries(db, { entity, entityId })
    .select(entryColumns)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
  return rows.map(toEntry);
}

/**
 * Rewrites the before/after of every entry about one record (GDPR erasure); returns how many
 * entries it rewrote. Runs in the caller's transaction.
 */
export async function rewriteAuditEntriesAbout(
  trx: Transaction<Database>,
  entity: string,
  entityId: string,
  rewrite: (value: unknown) => unknown,
): Promise<number> {
  const entries = await auditEntriesAbout(trx, entity, entityId);
  for (const entry of entries) {
    const before = rewrite(entry.before);
    const after = rewrite(entry.after);
    await trx
      .updateTable('audit_entry')
      .set({ before: before === null ? null : JSON.stringify(before), after: after === null ? null : JSON.stringify(after) })
      .where('id', '=', entry.id)
      .execute();
  }
  return entries.length;
}
