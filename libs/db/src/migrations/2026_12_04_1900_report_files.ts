import { sql, type Kysely } from 'kysely';

// Frozen in time: imports no application code.

/**
 * Funder reports are written as jobs on the queue (issue 17): each file asked for, who asked (and
 * for which organisation), how it went, and the bytes when written — so any instance may write it
 * and any instance hand it out.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('report_file')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('initiative_id', 'uuid', (col) => col.notNull().references('initiative.id').onDelete('cascade'))
    .addColumn('format', 'text', (col) => col.notNull().check(sql`format in ('docx', 'pdf')`))
    .addColumn('period_from', 'date')
    .addColumn('period_to', 'date')
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('queued').check(sql`status in ('queued', 'running', 'done', 'failed')`))
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('file_name', 'text')
    .addColumn('bytes', 'bytea')
    .addColumn('requested_by', 'uuid', (col) => col.references('app_user.id').onDelete('set null'))
    .addColumn('organisation_id', 'uuid', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('report_file_created_idx').on('report_file').column('created_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('report_file').execute();
}
