import { sql, type Kysely } from 'kysely';

// Frozen in time: imports no application code.

/**
 * The contacts list's default order (by name, `sort_key collate "C"`, then id) from an index
 * (issue 18): a page reads its 25 contacts in order instead of sorting every contact the
 * filters let through, as the actor registry and the agreements list do.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('contact_sort_key_idx').on('contact').expression(sql`sort_key collate "C", id`).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('contact_sort_key_idx').execute();
}
