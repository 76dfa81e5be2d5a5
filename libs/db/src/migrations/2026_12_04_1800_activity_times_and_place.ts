import { type Kysely, sql } from 'kysely';

// Frozen in time: imports no application code.

/**
 * Activities get a start and end time (wall-clock time in Norway, "HH:MM") beside their dates,
 * and a place or an online link to join (issue 19). All optional: older activities have none.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('activity')
    .addColumn('start_time', 'text', (col) => col.check(sql`start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`))
    .addColumn('end_time', 'text', (col) => col.check(sql`end_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`))
    .addColumn('place', 'text')
    .addColumn('online_url', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('activity').dropColumn('start_time').dropColumn('end_time').dropColumn('place').dropColumn('online_url').execute();
}
