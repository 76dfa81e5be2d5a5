import { sql, type Kysely } from 'kysely';

// Frozen in time: imports no application code.

/**
 * The initiatives list's default order (by title, `sort_key collate "C"`, then id) from an index
 * (issue 18): a page reads its rows in order and looks up the owner's, funder's and parent's
 * names for those rows only, instead of for every initiative before sorting them all.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('initiative_sort_key_idx').on('initiative').expression(sql`sort_key collate "C", id`).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('initiative_sort_key_idx').execute();
}
