import { sql, type Kysely } from 'kysely';

// Frozen in time: imports no application code.

/**
 * Imports of register files: the file's rows as read (so the preview and the apply read the same
 * rows), the mapping chosen, and for an applied import each actor it created or changed with its
 * row before, so the whole import can be undone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_batch')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('target', 'text', (col) => col.notNull().defaultTo('actor').check(sql`target in ('actor')`))
    .addColumn('file_name', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('uploaded').check(sql`status in ('uploaded', 'applied', 'undone')`))
    .addColumn('headers', 'jsonb', (col) => col.notNull())
    .addColumn('rows', 'jsonb', (col) => col.notNull())
    .addColumn('mapping', 'jsonb')
    .addColumn('counts', 'jsonb')
    .addColumn('created_by', 'uuid', (col) => col.references('app_user.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('applied_at', 'timestamptz')
    .addColumn('undone_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('import_batch_created_idx').on('import_batch').column('created_at').execute();

  await db.schema
    .createTable('import_change')
    .addColumn('batch_id', 'uuid', (col) => col.notNull().references('import_batch.id').onDelete('cascade'))
    .addColumn('actor_id', 'uuid', (col) => col.notNull())
    .addColumn('before', 'jsonb')
    .addColumn('version_after', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('import_change_pkey', ['batch_id', 'actor_id'])
    .execute();

  await db.schema
    .createTable('import_mapping')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (col) => col.notNull().unique())
    .addColumn('mapping', 'jsonb', (col) => col.notNull())
    .addColumn('created_by', 'uuid', (col) => col.references('app_user.id').onDelete('set null'))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('import_mapping').execute();
  await db.schema.dropTable('import_change').execute();
  await db.schema.dropTable('import_batch').execute();
}
