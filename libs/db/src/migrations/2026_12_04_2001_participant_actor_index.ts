import type { Kysely } from 'kysely';

// Frozen in time: imports no application code.

/**
 * activity_participant (actor_id, activity_id) replaces the index on actor_id (issue 18): which
 * activities an organisation's actors take part in (a study centre's or library's visibility) is
 * read from the index alone, instead of every one of the 100,000 participations being scanned.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('activity_participant_actor_activity_idx').on('activity_participant').columns(['actor_id', 'activity_id']).execute();
  await db.schema.dropIndex('activity_participant_actor_idx').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('activity_participant_actor_idx').on('activity_participant').column('actor_id').execute();
  await db.schema.dropIndex('activity_participant_actor_activity_idx').execute();
}
