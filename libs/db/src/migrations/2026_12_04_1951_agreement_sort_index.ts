import { sql, type Kysely } from 'kysely';

// Frozen in time: imports no application code.

/**
 * The agreements list's default order (by title, `sort_key collate "C"`, then id) from an index
 * (issue 18): a page reads its 25 rows in order instead of sorting every agreement the filters
 * let through. The actor registry has had the same since its first migration.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('agreement_sort_key_idx').on('agreement').expression(sql`sort_key collate "C", id`).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('agreement_sort_key_idx').execute();
}
