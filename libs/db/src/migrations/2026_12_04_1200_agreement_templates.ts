import { sql, type Kysely } from 'kysely';

// Frozen in time: imports no application code.

/**
 * The agreement document from the data (issue 13): the county's template per agreement kind —
 * a title and clauses in plain text with fields ({{parties}}, {{period}}, …) filled from the
 * agreement when its document is made. One template per kind.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('agreement_template')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('kind', 'text', (col) =>
      col.notNull().unique().check(sql`kind in ('cooperation', 'interlibrary_loan', 'partnership', 'mobility_partnership', 'other')`),
    )
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('clauses', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('agreement_template').execute();
}
