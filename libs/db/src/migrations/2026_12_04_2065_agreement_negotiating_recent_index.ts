import { sql, type Kysely } from 'kysely';

// Frozen in time: imports no application code.

/**
 * The agreements sent to the parties, newest change first (issue 18): the tasks of an
 * organisation (`GET /api/agreement-acceptances`) join its unanswered parties to these ids only,
 * read from the index without the table (an index-only scan), in the order a page of tasks wants.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('agreement_negotiating_recent_idx')
    .on('agreement')
    .expression(sql`updated_at desc, id`)
    .where(sql.ref('status'), '=', 'negotiating')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('agreement_negotiating_recent_idx').execute();
}
