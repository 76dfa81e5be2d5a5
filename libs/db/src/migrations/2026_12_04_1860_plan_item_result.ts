import { type Kysely } from 'kysely';

// Frozen in time: imports no application code.

/**
 * What came of a plan item, in the words of the organisation responsible for it (issue 19:
 * plan items to their owners). Free text about the work, not about people.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('plan_item').addColumn('result_text', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('plan_item').dropColumn('result_text').execute();
}
