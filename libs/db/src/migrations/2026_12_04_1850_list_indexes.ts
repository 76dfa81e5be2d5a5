import type { Kysely } from 'kysely';

// Frozen in time: imports no application code.

/**
 * Indexes for the lists at national scale (issue 18), each matching a filter and its sort:
 * - agreement (status, start_date): the calendar's look for signed agreements that have started,
 *   run before every agreement request (with agreement_status_idx on (status, end_date) it finds
 *   only the rows that move).
 * - audit_entry (occurred_at desc, id desc): the log's newest-first page reads 25 index entries
 *   instead of sorting the whole log.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('agreement_status_start_idx').on('agreement').columns(['status', 'start_date']).execute();
  await db.schema.createIndex('audit_entry_newest_idx').on('audit_entry').columns(['occurred_at desc', 'id desc']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('audit_entry_newest_idx').execute();
  await db.schema.dropIndex('agreement_status_start_idx').execute();
}
