import { sql, type Kysely } from 'kysely';

// Frozen in time: imports no application code.

/**
 * Indexes that answer "which agreements" from the index alone (issue 18):
 * - agreement_party (actor_id, agreement_id) replaces the index on actor_id: the agreements of an
 *   organisation (visibility, the region filter, coverage) are read from the index without
 *   visiting the table (a study centre's 1,000 parties: 10 pages instead of 500).
 * - agreement (status, sort_key collate "C", id): a status filter with the default order, read in
 *   order; the page's ids and its total come from the index, and only the page's rows are read.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('agreement_party_actor_agreement_idx').on('agreement_party').columns(['actor_id', 'agreement_id']).execute();
  await db.schema.dropIndex('agreement_party_actor_idx').execute();
  await db.schema.createIndex('agreement_status_sort_idx').on('agreement').expression(sql`status, sort_key collate "C", id`).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('agreement_status_sort_idx').execute();
  await db.schema.createIndex('agreement_party_actor_idx').on('agreement_party').column('actor_id').execute();
  await db.schema.dropIndex('agreement_party_actor_agreement_idx').execute();
}
