import { sql, type Kysely } from 'kysely';

// Frozen in time: imports no application code.

/**
 * Which one-off repairs of stored data have run on this database (libs/server data-repairs.ts):
 * a correction that needs the application's rules, which a migration may not import, runs once
 * after the migrations and is marked here in the same transaction.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('data_repair')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('applied_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('changed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('data_repair').execute();
}
