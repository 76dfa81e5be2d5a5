import { type Kysely, sql } from 'kysely';

// Frozen in time: imports no application code.

/**
 * How a user wants to hear of what waits in their inbox (issue 19): at once, in a daily digest,
 * or not by e-mail at all. One row per user who chose; no row means at once (as before).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notification_setting')
    .addColumn('user_id', 'uuid', (col) => col.primaryKey().references('app_user.id').onDelete('cascade'))
    .addColumn('inbox_mail', 'text', (col) => col.notNull().defaultTo('immediately').check(sql`inbox_mail in ('immediately', 'daily', 'never')`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notification_setting').execute();
}
