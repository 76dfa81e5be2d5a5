import { sql, type Kysely } from 'kysely';

// Which records were erased (GDPR art. 17): only the table and the id, no personal data, so the
// sample-data loader — which adds the sample rows that are missing — never brings one back.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('erased_record')
    .addColumn('table_name', 'text', (col) => col.notNull())
    .addColumn('record_id', 'uuid', (col) => col.notNull())
    .addColumn('erased_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('erased_record_pkey', ['table_name', 'record_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('erased_record').execute();
}
