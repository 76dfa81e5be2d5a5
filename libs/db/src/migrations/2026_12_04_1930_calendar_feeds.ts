import { type Kysely, sql } from 'kysely';

// Frozen in time: imports no application code.

/**
 * A calendar feed per organisation (issue 19): the secret address a calendar app subscribes to
 * (Outlook, Google and Apple cannot send a session cookie). Only the hash of the address's token
 * is stored; a new link replaces the row, so the old address stops working at once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calendar_feed')
    .addColumn('organisation_id', 'uuid', (col) => col.primaryKey().references('actor.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('created_by', 'uuid', (col) => col.references('app_user.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('calendar_feed').execute();
}
