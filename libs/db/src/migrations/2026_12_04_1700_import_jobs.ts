import { sql, type Kysely } from 'kysely';

// Frozen in time: imports no application code.

/**
 * An import's preview and apply run as jobs on the queue (issues 16, 17): the batch says which job
 * it has (one at a time), how far it is (rows done of the total), why it failed, and keeps the
 * last preview so the county can leave the screen and come back to it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('import_batch')
    .addColumn('job_kind', 'text', (col) => col.check(sql`job_kind in ('preview', 'apply')`))
    .addColumn('job_status', 'text', (col) => col.check(sql`job_status in ('queued', 'running', 'done', 'failed')`))
    .addColumn('job_phase', 'text', (col) => col.check(sql`job_phase in ('checking', 'writing')`))
    .addColumn('job_done', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('job_total', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('job_attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('job_error', 'text')
    .addColumn('job_request', 'jsonb')
    .addColumn('job_started_by', 'uuid', (col) => col.references('app_user.id').onDelete('set null'))
    .addColumn('job_queued_at', 'timestamptz')
    .addColumn('preview', 'jsonb')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['preview', 'job_queued_at', 'job_started_by', 'job_request', 'job_error', 'job_attempts', 'job_total', 'job_done', 'job_phase', 'job_status', 'job_kind']) {
    await db.schema.alterTable('import_batch').dropColumn(column).execute();
  }
}
