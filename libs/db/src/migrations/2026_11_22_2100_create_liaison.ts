import { sql, type Kysely } from 'kysely';

// Frozen in time: imports no application code.

/**
 * The university-library liaison (issue 8):
 * - student_count_set / student_count: how many of a university organisation's distance
 *   students live in each municipality, per period ("current" or a year); one versioned set.
 * - liaison_note / liaison_note_version: the notes of a cooperation channel between a
 *   university library and a public library or a region; every edit keeps the text it replaced.
 * - liaison_digest_subscription / liaison_digest_delivery: who asked for the e-mail digest of
 *   new notes, and which notes each has been sent (so no note is sent twice).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('student_count_set')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organisation_id', 'uuid', (col) => col.notNull().references('actor.id'))
    .addColumn('period', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('student_count_set_org_period_key', ['organisation_id', 'period'])
    .execute();
  await db.schema
    .createTable('student_count')
    .addColumn('set_id', 'uuid', (col) => col.notNull().references('student_count_set.id').onDelete('cascade'))
    .addColumn('municipality_number', 'text', (col) => col.notNull().references('municipality.number'))
    .addColumn('count', 'integer', (col) => col.notNull().check(sql`count >= 0`))
    .addPrimaryKeyConstraint('student_count_pkey', ['set_id', 'municipality_number'])
    .execute();

  await db.schema
    .createTable('liaison_note')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('university_id', 'uuid', (col) => col.notNull().references('actor.id'))
    .addColumn('target_actor_id', 'uuid', (col) => col.references('actor.id'))
    .addColumn('target_region_id', 'uuid', (col) => col.references('region.id'))
    .addColumn('author_user_id', 'uuid', (col) => col.references('app_user.id'))
    .addColumn('author_organisation_id', 'uuid', (col) => col.references('actor.id'))
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('liaison_note_one_target', sql`(target_actor_id is null) <> (target_region_id is null)`)
    .execute();
  await db.schema.createIndex('liaison_note_thread_idx').on('liaison_note').columns(['university_id', 'target_actor_id', 'target_region_id', 'created_at']).execute();
  await db.schema
    .createTable('liaison_note_version')
    .addColumn('note_id', 'uuid', (col) => col.notNull().references('liaison_note.id').onDelete('cascade'))
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('edited_at', 'timestamptz', (col) => col.notNull())
    .addColumn('edited_by', 'uuid', (col) => col.references('app_user.id'))
    .addPrimaryKeyConstraint('liaison_note_version_pkey', ['note_id', 'version'])
    .execute();

  await db.schema
    .createTable('liaison_digest_subscription')
    .addColumn('user_id', 'uuid', (col) => col.primaryKey().references('app_user.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('liaison_digest_delivery')
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('note_id', 'uuid', (col) => col.notNull().references('liaison_note.id').onDelete('cascade'))
    .addColumn('sent_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('liaison_digest_delivery_pkey', ['user_id', 'note_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('liaison_digest_delivery').execute();
  await db.schema.dropTable('liaison_digest_subscription').execute();
  await db.schema.dropTable('liaison_note_version').execute();
  await db.schema.dropTable('liaison_note').execute();
  await db.schema.dropTable('student_count').execute();
  await db.schema.dropTable('student_count_set').execute();
}
