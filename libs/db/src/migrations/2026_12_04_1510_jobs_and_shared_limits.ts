import { sql, type Kysely } from 'kysely';

// Frozen in time: imports no application code.

/**
 * Many instances, one truth (issue 17): the state that several API instances must share.
 * - mail_out: a survey's mail-out (its invitations, or a round of reminders) as a job on the queue,
 *   with the progress the county console shows: queued, sending (n of m sent), sent, failed (why).
 * - reminder_sent.confirmed_at: the once-only record of every mail (unique kind + record + stage +
 *   recipient) is claimed before the mail goes and confirmed after; a claim never confirmed (the
 *   process died while sending) can be taken again by a retry once it is stale.
 * - rate_limit_window: the open data API's requests per client and minute, counted in one row per
 *   window, so every instance counts the same client alike.
 * (The queue itself, pg-boss, keeps its tables in its own schema `pgboss`, made by pg-boss.)
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('mail_out')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('survey_id', 'uuid', (col) => col.notNull().references('survey.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('queued'))
    .addColumn('total', 'integer', (col) => col.notNull())
    .addColumn('sent', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('failed', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('without_address', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('created_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('mail_out_kind_check', sql`kind in ('invitation', 'reminder')`)
    .addCheckConstraint('mail_out_status_check', sql`status in ('queued', 'sending', 'sent', 'failed')`)
    .execute();
  await db.schema.createIndex('mail_out_survey_idx').on('mail_out').columns(['survey_id', 'created_at']).execute();
  await db.schema.alterTable('reminder_sent').addColumn('confirmed_at', 'timestamptz').execute();
  await sql`update reminder_sent set confirmed_at = sent_at`.execute(db);
  await db.schema
    .createTable('rate_limit_window')
    .addColumn('bucket', 'text', (col) => col.notNull())
    .addColumn('window_start', 'timestamptz', (col) => col.notNull())
    .addColumn('count', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('rate_limit_window_pkey', ['bucket', 'window_start'])
    .execute();
  await db.schema.createIndex('rate_limit_window_start_idx').on('rate_limit_window').column('window_start').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rate_limit_window').execute();
  await db.schema.alterTable('reminder_sent').dropColumn('confirmed_at').execute();
  await db.schema.dropTable('mail_out').execute();
}
