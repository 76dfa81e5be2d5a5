import { sql, type Kysely } from 'kysely';

// Frozen in time: imports no application code.

/**
 * Photos of a library or branch (issue 14): who took them, on what terms, the alt text, an
 * optional KS Mediebank link and whether students see them (`photo`); and the web sizes made
 * from the upload, as WebP bytes in the database (`photo_image`), so PGlite and PostgreSQL keep
 * them alike and a backup of the database has them. The upload itself is not kept.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('photo')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('actor_id', 'uuid', (col) => col.notNull().references('actor.id').onDelete('cascade'))
    .addColumn('alt_text', 'text', (col) => col.notNull())
    .addColumn('photographer', 'text', (col) => col.notNull())
    .addColumn('rights', 'text', (col) => col.notNull().check(sql`rights in ('licence', 'consent')`))
    .addColumn('rights_detail', 'text', (col) => col.notNull())
    .addColumn('mediebank_url', 'text')
    .addColumn('published', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('width', 'integer', (col) => col.notNull())
    .addColumn('height', 'integer', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('photo_actor_idx').on('photo').column('actor_id').execute();
  await db.schema
    .createTable('photo_image')
    .addColumn('photo_id', 'uuid', (col) => col.notNull().references('photo.id').onDelete('cascade'))
    .addColumn('size', 'text', (col) => col.notNull())
    .addColumn('content_type', 'text', (col) => col.notNull())
    .addColumn('width', 'integer', (col) => col.notNull())
    .addColumn('height', 'integer', (col) => col.notNull())
    .addColumn('bytes', 'bytea', (col) => col.notNull())
    .addPrimaryKeyConstraint('photo_image_pk', ['photo_id', 'size'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('photo_image').execute();
  await db.schema.dropTable('photo').execute();
}
