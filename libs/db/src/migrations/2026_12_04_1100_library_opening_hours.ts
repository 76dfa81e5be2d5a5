import { sql, type Kysely } from 'kysely';

// Frozen in time: imports no application code.

/**
 * A library's or branch's opening hours (issue 14): one row per actor (its id is the actor's),
 * the weekly timetable, seasons and exceptions as JSON (staffed and self-service periods kept
 * apart in each), and whether it opens on public holidays.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('opening_hours')
    .addColumn('id', 'uuid', (col) => col.primaryKey().references('actor.id').onDelete('cascade'))
    .addColumn('weekly', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('seasons', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('exceptions', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('open_on_public_holidays', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('opening_hours').execute();
}
