import { sql, type Kysely } from 'kysely';

// Frozen in time: imports no application code.

/**
 * A university library's notes newest first (`created_at desc, id`) from an index (issue 18):
 * a page of 100 reads its rows in order and joins the names of those only, instead of joining
 * every note of the university and then sorting them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('liaison_note_recent_idx').on('liaison_note').expression(sql`university_id, created_at desc, id`).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('liaison_note_recent_idx').execute();
}
