import { type Kysely, sql } from 'kysely';

// Frozen in time: imports no application code.

/**
 * Which organisation has opened which note (issue 14): a note is unread for a receiving
 * organisation until someone acting for it has opened it; one row per note and organisation.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('liaison_note_read')
    .addColumn('note_id', 'uuid', (col) => col.notNull().references('liaison_note.id').onDelete('cascade'))
    .addColumn('organisation_id', 'uuid', (col) => col.notNull().references('actor.id').onDelete('cascade'))
    .addColumn('read_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('liaison_note_read_pk', ['note_id', 'organisation_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('liaison_note_read').execute();
}
