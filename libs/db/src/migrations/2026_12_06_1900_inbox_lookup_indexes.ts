import { sql, type Kysely } from 'kysely';

// Frozen in time: imports no application code.

/**
 * The inbox's two counts from indexes alone (issue 18; the inbox is asked for on every page):
 * - agreement_party (actor_id, agreement_id) also carries whether the party has answered, so the
 *   acceptances waiting for an organisation are found without visiting the table (a library's
 *   500 parties: 12 index pages instead of 500 table pages).
 * - liaison_note_read by organisation: the notes an organisation has opened, for its unread count,
 *   without reading every organisation's reads.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index agreement_party_actor_answer_idx on agreement_party (actor_id, agreement_id) include (accepted_at, declined_at)`.execute(db);
  await db.schema.dropIndex('agreement_party_actor_agreement_idx').execute();
  await db.schema.createIndex('liaison_note_read_organisation_idx').on('liaison_note_read').columns(['organisation_id', 'note_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('liaison_note_read_organisation_idx').execute();
  await db.schema.createIndex('agreement_party_actor_agreement_idx').on('agreement_party').columns(['actor_id', 'agreement_id']).execute();
  await db.schema.dropIndex('agreement_party_actor_answer_idx').execute();
}
