import { sql, type Kysely } from 'kysely';

// Frozen in time: imports no application code.

/**
 * The binding agreements (active or expiring) by end date (issue 18): the list of agreements that
 * end within some days, soonest first (`GET /api/agreements?endingWithinDays=90&sort=end`), reads
 * its page in order from this index and stops after it, instead of sorting every agreement that
 * ends in the window.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('agreement_binding_end_idx')
    .on('agreement')
    .expression(sql`end_date, id`)
    .where(sql<boolean>`status in ('active', 'expiring')`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('agreement_binding_end_idx').execute();
}
