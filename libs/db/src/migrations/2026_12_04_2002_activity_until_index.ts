import { sql, type Kysely } from 'kysely';

// Frozen in time: imports no application code.

/**
 * The day an activity lasts until (its end, or its start when it is one day), indexed (issue 18):
 * "from today" (the portals' upcoming activities) reads the ~1 % of activities not yet over instead
 * of walking every activity by date.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('activity_until_idx').on('activity').expression(sql`coalesce(end_date, start_date)`).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('activity_until_idx').execute();
}
