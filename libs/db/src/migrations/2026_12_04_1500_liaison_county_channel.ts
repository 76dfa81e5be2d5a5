import { type Kysely, sql } from 'kysely';

// Frozen in time: imports no application code.

/**
 * A cooperation channel between a public library and the county (issue 14): a note with no
 * university library. Such a channel is always with a library (never a region), so the check
 * keeps "no university" and "a region" apart.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('liaison_note').alterColumn('university_id', (col) => col.dropNotNull()).execute();
  await db.schema
    .alterTable('liaison_note')
    .addCheckConstraint('liaison_note_county_channel_with_library', sql`university_id is not null or target_actor_id is not null`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('liaison_note').dropConstraint('liaison_note_county_channel_with_library').execute();
  await sql`delete from liaison_note where university_id is null`.execute(db);
  await db.schema.alterTable('liaison_note').alterColumn('university_id', (col) => col.setNotNull()).execute();
}
