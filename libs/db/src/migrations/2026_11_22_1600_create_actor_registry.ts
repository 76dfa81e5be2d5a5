import { sql, type Kysely } from 'kysely';

// Frozen in time: this file imports no application code, so later changes to the domain
// cannot change what this migration did.

const ACTOR_KINDS = [
  'county_authority',
  'county_library',
  'municipality',
  'public_library',
  'library_branch',
  'study_centre',
  'university',
  'university_campus',
  'university_library',
  'career_centre',
  'upper_secondary_school',
  'training_office',
  'municipal_association',
  'state_administrator',
  'funder',
  'employer',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('region')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (col) => col.notNull().unique())
    .addColumn('sort_key', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('municipality')
    .addColumn('number', 'char(4)', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('sort_key', 'text', (col) => col.notNull())
    .addColumn('region_id', 'uuid', (col) => col.references('region.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('municipality_region_idx').on('municipality').column('region_id').execute();

  await db.schema
    .createTable('actor')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql.raw(`kind in (${ACTOR_KINDS.map((k) => `'${k}'`).join(', ')})`)))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('sort_key', 'text', (col) => col.notNull())
    .addColumn('short_name', 'text')
    .addColumn('organisation_number', 'char(9)')
    .addColumn('library_number', 'char(7)', (col) => col.unique())
    .addColumn('municipality_number', 'char(4)', (col) => col.references('municipality.number'))
    .addColumn('parent_id', 'uuid', (col) => col.references('actor.id'))
    .addColumn('address', 'text')
    .addColumn('website', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('description', 'text')
    .addColumn('archived_at', 'timestamptz')
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('search_vector', sql`tsvector`, (col) =>
      col.generatedAlwaysAs(
        sql`to_tsvector('norwegian'::regconfig, coalesce(name, '') || ' ' || coalesce(short_name, '') || ' ' || coalesce(description, ''))`,
      ).stored(),
    )
    .execute();
  await db.schema.createIndex('actor_sort_key_idx').on('actor').expression(sql`sort_key collate "C"`).execute();
  await db.schema.createIndex('actor_kind_idx').on('actor').column('kind').execute();
  await db.schema.createIndex('actor_municipality_idx').on('actor').column('municipality_number').execute();
  await db.schema.createIndex('actor_parent_idx').on('actor').column('parent_id').execute();
  await db.schema.createIndex('actor_search_idx').on('actor').using('gin').column('search_vector').execute();

  await db.schema
    .createTable('audit_entry')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('occurred_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('user_id', 'uuid')
    .addColumn('entity', 'text', (col) => col.notNull())
    .addColumn('entity_id', 'text', (col) => col.notNull())
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    .execute();
  await db.schema.createIndex('audit_entry_entity_idx').on('audit_entry').columns(['entity', 'entity_id', 'occurred_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_entry').execute();
  await db.schema.dropTable('actor').execute();
  await db.schema.dropTable('municipality').execute();
  await db.schema.dropTable('region').execute();
}
