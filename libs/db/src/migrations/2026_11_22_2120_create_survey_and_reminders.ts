import { sql, type Kysely } from 'kysely';

// Frozen in time: imports no application code.

/**
 * The service survey: a campaign of the county, one recipient row per library asked, its links'
 * tokens (stored only as SHA-256 hashes), and reminder_sent, where the daily reminder job
 * records each mail it sends (insert-once: kind + record + stage + recipient), so that it can
 * run any number of times, and after a restart, without mailing anyone twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('survey')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('deadline', 'date', (col) => col.notNull())
    .addColumn('include_branches', 'boolean', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('open'))
    .addColumn('closed_at', 'timestamptz')
    .addColumn('created_by', 'uuid')
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('survey_status_check', sql`status in ('open', 'closed')`)
    .execute();
  await db.schema
    .createTable('survey_recipient')
    .addColumn('survey_id', 'uuid', (col) => col.notNull().references('survey.id').onDelete('cascade'))
    .addColumn('actor_id', 'uuid', (col) => col.notNull().references('actor.id'))
    .addColumn('email', 'text')
    .addColumn('mailed_at', 'timestamptz')
    .addColumn('reminded_at', 'timestamptz')
    .addColumn('answered_at', 'timestamptz')
    .addColumn('answered_by', 'text')
    .addPrimaryKeyConstraint('survey_recipient_pkey', ['survey_id', 'actor_id'])
    .execute();
  // A recipient's links: each mail (the first, each reminder) carries a fresh token, and every
  // one of them works until the deadline, so an old mail's link is not a dead end.
  await db.schema
    .createTable('survey_token')
    .addColumn('token_hash', 'text', (col) => col.primaryKey())
    .addColumn('survey_id', 'uuid', (col) => col.notNull())
    .addColumn('actor_id', 'uuid', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint('survey_token_recipient_fkey', ['survey_id', 'actor_id'], 'survey_recipient', ['survey_id', 'actor_id'], (fk) => fk.onDelete('cascade'))
    .execute();
  await db.schema
    .createTable('reminder_sent')
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('record_id', 'uuid', (col) => col.notNull())
    .addColumn('stage', 'text', (col) => col.notNull())
    .addColumn('recipient', 'text', (col) => col.notNull())
    .addColumn('sent_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('reminder_sent_pkey', ['kind', 'record_id', 'stage', 'recipient'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('reminder_sent').execute();
  await db.schema.dropTable('survey_token').execute();
  await db.schema.dropTable('survey_recipient').execute();
  await db.schema.dropTable('survey').execute();
}
