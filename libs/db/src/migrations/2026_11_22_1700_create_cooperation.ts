import { sql, type Kysely } from 'kysely';

// Frozen in time: imports no application code. Lists (kinds, statuses) are stored as text and
// checked by the domain schemas; arrays are JSONB so every PostgreSQL-compatible engine reads them alike.

const timestamps = (table: ReturnType<Kysely<unknown>['schema']['createTable']>) =>
  table
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`));

const uuidKey = sql`gen_random_uuid()`;
const emptyArray = sql`'[]'::jsonb`;

export async function up(db: Kysely<unknown>): Promise<void> {
  // A study centre's catchment area (nedslagsfelt): the municipalities it serves.
  await db.schema
    .createTable('catchment_area')
    .addColumn('study_centre_id', 'uuid', (col) => col.notNull().references('actor.id').onDelete('cascade'))
    .addColumn('municipality_number', 'char(4)', (col) => col.notNull().references('municipality.number'))
    .addPrimaryKeyConstraint('catchment_area_pk', ['study_centre_id', 'municipality_number'])
    .execute();
  await db.schema.createIndex('catchment_area_municipality_idx').on('catchment_area').column('municipality_number').execute();

  await timestamps(
    db.schema
      .createTable('service')
      .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(uuidKey))
      .addColumn('actor_id', 'uuid', (col) => col.notNull().references('actor.id'))
      .addColumn('type', 'text', (col) => col.notNull())
      .addColumn('audiences', 'jsonb', (col) => col.notNull().defaultTo(emptyArray))
      .addColumn('description', 'text')
      .addColumn('conditions', 'jsonb', (col) => col.notNull())
      .addColumn('weekly_hours', 'numeric(5, 1)')
      .addColumn('confirmed_at', 'date')
      .addColumn('confirmed_by', 'text')
      .addColumn('sample_data', 'boolean', (col) => col.notNull().defaultTo(false))
      .addColumn('archived_at', 'timestamptz'),
  ).execute();
  await db.schema.createIndex('service_actor_idx').on('service').columns(['actor_id', 'type']).execute();
  await db.schema.createIndex('service_type_idx').on('service').column('type').execute();

  await timestamps(
    db.schema
      .createTable('agreement')
      .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(uuidKey))
      .addColumn('title', 'text', (col) => col.notNull())
      .addColumn('sort_key', 'text', (col) => col.notNull())
      .addColumn('kind', 'text', (col) => col.notNull())
      .addColumn('status', 'text', (col) => col.notNull().defaultTo('draft'))
      .addColumn('description', 'text')
      .addColumn('levels', 'jsonb', (col) => col.notNull().defaultTo(emptyArray))
      .addColumn('themes', 'jsonb', (col) => col.notNull().defaultTo(emptyArray))
      .addColumn('start_date', 'date')
      .addColumn('end_date', 'date')
      .addColumn('renews_id', 'uuid', (col) => col.references('agreement.id'))
      .addColumn('sample_data', 'boolean', (col) => col.notNull().defaultTo(false))
      .addColumn('search_vector', sql`tsvector`, (col) =>
        col.generatedAlwaysAs(sql`to_tsvector('norwegian'::regconfig, coalesce(title, '') || ' ' || coalesce(description, ''))`).stored(),
      ),
  ).execute();
  await db.schema.createIndex('agreement_status_idx').on('agreement').columns(['status', 'end_date']).execute();
  await db.schema.createIndex('agreement_renews_idx').on('agreement').column('renews_id').execute();
  await db.schema.createIndex('agreement_search_idx').on('agreement').using('gin').column('search_vector').execute();

  await db.schema
    .createTable('agreement_party')
    .addColumn('agreement_id', 'uuid', (col) => col.notNull().references('agreement.id').onDelete('cascade'))
    .addColumn('actor_id', 'uuid', (col) => col.notNull().references('actor.id'))
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('accepted_at', 'timestamptz')
    .addPrimaryKeyConstraint('agreement_party_pk', ['agreement_id', 'actor_id'])
    .execute();
  await db.schema.createIndex('agreement_party_actor_idx').on('agreement_party').column('actor_id').execute();

  await db.schema
    .createTable('agreement_service')
    .addColumn('agreement_id', 'uuid', (col) => col.notNull().references('agreement.id').onDelete('cascade'))
    .addColumn('actor_id', 'uuid', (col) => col.notNull().references('actor.id'))
    .addColumn('service_id', 'uuid', (col) => col.notNull().references('service.id'))
    .addPrimaryKeyConstraint('agreement_service_pk', ['agreement_id', 'service_id'])
    .execute();

  await db.schema
    .createTable('agreement_transition')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('agreement_id', 'uuid', (col) => col.notNull().references('agreement.id').onDelete('cascade'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (col) => col.notNull())
    .addColumn('at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('user_id', 'uuid')
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('agreement_transition_agreement_idx').on('agreement_transition').columns(['agreement_id', 'at']).execute();

  await db.schema
    .createTable('agreement_document')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(uuidKey))
    .addColumn('agreement_id', 'uuid', (col) => col.notNull().references('agreement.id').onDelete('cascade'))
    .addColumn('filename', 'text', (col) => col.notNull())
    .addColumn('size_bytes', 'integer', (col) => col.notNull())
    .addColumn('sha256', 'text', (col) => col.notNull())
    .addColumn('uploaded_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('uploaded_by', 'uuid')
    .execute();
  await db.schema.createIndex('agreement_document_agreement_idx').on('agreement_document').column('agreement_id').execute();

  await timestamps(
    db.schema
      .createTable('activity')
      .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(uuidKey))
      .addColumn('kind', 'text', (col) => col.notNull())
      .addColumn('title', 'text', (col) => col.notNull())
      .addColumn('description', 'text')
      .addColumn('start_date', 'date', (col) => col.notNull())
      .addColumn('end_date', 'date')
      .addColumn('organiser_id', 'uuid', (col) => col.references('actor.id'))
      .addColumn('topics', 'jsonb', (col) => col.notNull().defaultTo(emptyArray))
      .addColumn('outcome', 'text')
      .addColumn('links', 'jsonb', (col) => col.notNull().defaultTo(emptyArray))
      .addColumn('sample_data', 'boolean', (col) => col.notNull().defaultTo(false))
      .addColumn('search_vector', sql`tsvector`, (col) =>
        col
          .generatedAlwaysAs(
            sql`to_tsvector('norwegian'::regconfig, coalesce(title, '') || ' ' || coalesce(description, '') || ' ' || coalesce(outcome, ''))`,
          )
          .stored(),
      ),
  ).execute();
  await db.schema.createIndex('activity_date_idx').on('activity').columns(['start_date', 'kind']).execute();
  await db.schema.createIndex('activity_organiser_idx').on('activity').column('organiser_id').execute();
  await db.schema.createIndex('activity_search_idx').on('activity').using('gin').column('search_vector').execute();

  await db.schema
    .createTable('activity_participant')
    .addColumn('activity_id', 'uuid', (col) => col.notNull().references('activity.id').onDelete('cascade'))
    .addColumn('actor_id', 'uuid', (col) => col.notNull().references('actor.id'))
    .addColumn('head_count', 'integer')
    .addPrimaryKeyConstraint('activity_participant_pk', ['activity_id', 'actor_id'])
    .execute();
  await db.schema.createIndex('activity_participant_actor_idx').on('activity_participant').column('actor_id').execute();

  await timestamps(
    db.schema
      .createTable('initiative')
      .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(uuidKey))
      .addColumn('kind', 'text', (col) => col.notNull())
      .addColumn('title', 'text', (col) => col.notNull())
      .addColumn('sort_key', 'text', (col) => col.notNull())
      .addColumn('description', 'text')
      .addColumn('parent_id', 'uuid', (col) => col.references('initiative.id'))
      .addColumn('owner_id', 'uuid', (col) => col.references('actor.id'))
      .addColumn('funder_id', 'uuid', (col) => col.references('actor.id'))
      .addColumn('budget_granted', 'numeric(14, 2)')
      .addColumn('budget_spent', 'numeric(14, 2)')
      .addColumn('start_date', 'date')
      .addColumn('planned_end_date', 'date')
      .addColumn('extensions', 'jsonb', (col) => col.notNull().defaultTo(emptyArray))
      .addColumn('goals', 'jsonb', (col) => col.notNull().defaultTo(emptyArray))
      .addColumn('policy_anchors', 'jsonb', (col) => col.notNull().defaultTo(emptyArray))
      .addColumn('themes', 'jsonb', (col) => col.notNull().defaultTo(emptyArray))
      .addColumn('levels', 'jsonb', (col) => col.notNull().defaultTo(emptyArray))
      .addColumn('maturity_level', 'text')
      .addColumn('sample_data', 'boolean', (col) => col.notNull().defaultTo(false))
      .addColumn('search_vector', sql`tsvector`, (col) =>
        col.generatedAlwaysAs(sql`to_tsvector('norwegian'::regconfig, coalesce(title, '') || ' ' || coalesce(description, ''))`).stored(),
      ),
  ).execute();
  await db.schema.createIndex('initiative_parent_idx').on('initiative').column('parent_id').execute();
  await db.schema.createIndex('initiative_search_idx').on('initiative').using('gin').column('search_vector').execute();

  await timestamps(
    db.schema
      .createTable('plan_item')
      .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(uuidKey))
      .addColumn('initiative_id', 'uuid', (col) => col.notNull().references('initiative.id').onDelete('cascade'))
      .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('title', 'text', (col) => col.notNull())
      .addColumn('description', 'text')
      .addColumn('responsible_actor_id', 'uuid', (col) => col.references('actor.id'))
      .addColumn('due_date', 'date')
      .addColumn('status', 'text', (col) => col.notNull().defaultTo('planned'))
      .addColumn('activity_ids', 'jsonb', (col) => col.notNull().defaultTo(emptyArray))
      .addColumn('agreement_ids', 'jsonb', (col) => col.notNull().defaultTo(emptyArray)),
  ).execute();
  await db.schema.createIndex('plan_item_initiative_idx').on('plan_item').columns(['initiative_id', 'position']).execute();
  await db.schema.createIndex('plan_item_due_idx').on('plan_item').columns(['status', 'due_date']).execute();

  await db.schema
    .createTable('mobility_count')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(uuidKey))
    .addColumn('actor_id', 'uuid', (col) => col.notNull().references('actor.id'))
    .addColumn('school_year', 'text', (col) => col.notNull())
    .addColumn('category', 'text', (col) => col.notNull())
    .addColumn('count', 'integer', (col) => col.notNull())
    .addColumn('initiative_id', 'uuid', (col) => col.references('initiative.id'))
    .addColumn('sample_data', 'boolean', (col) => col.notNull().defaultTo(false))
    .addUniqueConstraint('mobility_count_unique', ['actor_id', 'school_year', 'category'])
    .execute();

  await timestamps(
    db.schema
      .createTable('contact')
      .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(uuidKey))
      .addColumn('actor_id', 'uuid', (col) => col.notNull().references('actor.id'))
      .addColumn('name', 'text', (col) => col.notNull())
      .addColumn('sort_key', 'text', (col) => col.notNull())
      .addColumn('role', 'text')
      .addColumn('email', 'text')
      .addColumn('phone', 'text'),
  ).execute();
  await db.schema.createIndex('contact_actor_idx').on('contact').column('actor_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'contact',
    'mobility_count',
    'plan_item',
    'initiative',
    'activity_participant',
    'activity',
    'agreement_document',
    'agreement_transition',
    'agreement_service',
    'agreement_party',
    'agreement',
    'service',
    'catchment_area',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
