import { sql, type Kysely } from 'kysely';

// Frozen in time: imports no application code.

/**
 * A study centre's request to the county to change its catchment area (nedslagsfelt):
 * municipalities to add and to remove, with a reason. The county approves (the change is then
 * made to catchment_area) or rejects it, with a note.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('catchment_request')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('study_centre_id', 'uuid', (col) => col.notNull().references('actor.id'))
    .addColumn('add_numbers', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('remove_numbers', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('pending'))
    .addColumn('decision_note', 'text')
    .addColumn('requested_by', 'uuid')
    .addColumn('decided_by', 'uuid')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('catchment_request_status_check', sql`status in ('pending', 'approved', 'rejected')`)
    .execute();
  await db.schema.createIndex('catchment_request_centre_idx').on('catchment_request').columns(['study_centre_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('catchment_request').execute();
}
