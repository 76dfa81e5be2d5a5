import { sql, type Kysely } from 'kysely';

// Frozen in time: imports no application code.

/**
 * Agreements the parties can trust (issue 13):
 * - each party's decision is its own: accepted or declined, with a comment;
 * - an agreement is renewed at most once: the database refuses a second renewal of the same one;
 * - the county's agreement settings: how many days before its end an agreement is "expiring";
 * - once signed, a change is an amendment: a numbered version with what changed and why, in
 *   force when every party it touches has accepted it (one proposed at a time).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('agreement_party')
    .addColumn('declined_at', 'timestamptz')
    .addColumn('decision_comment', 'text')
    .addColumn('decided_by', 'uuid')
    .execute();

  await db.schema.dropIndex('agreement_renews_idx').execute();
  await db.schema.createIndex('agreement_renews_once_idx').on('agreement').column('renews_id').unique().where(sql.ref('renews_id'), 'is not', null).execute();

  await db.schema
    .createTable('county_setting')
    .addColumn('id', 'text', (col) => col.primaryKey().defaultTo('county').check(sql`id = 'county'`))
    .addColumn('agreement_expiring_days', 'integer', (col) => col.notNull().defaultTo(90).check(sql`agreement_expiring_days between 0 and 730`))
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`insert into county_setting (id) values ('county')`.execute(db);

  await db.schema
    .createTable('agreement_amendment')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('agreement_id', 'uuid', (col) => col.notNull().references('agreement.id').onDelete('cascade'))
    .addColumn('number', 'integer', (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('changes', 'jsonb', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('proposed').check(sql`status in ('proposed', 'in_force')`))
    .addColumn('proposed_by', 'uuid')
    .addColumn('proposed_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('in_force_at', 'timestamptz')
    .addUniqueConstraint('agreement_amendment_number_key', ['agreement_id', 'number'])
    .execute();
  await db.schema
    .createIndex('agreement_amendment_one_proposed_idx')
    .on('agreement_amendment')
    .column('agreement_id')
    .unique()
    .where(sql.ref('status'), '=', 'proposed')
    .execute();
  await db.schema
    .createTable('agreement_amendment_party')
    .addColumn('amendment_id', 'uuid', (col) => col.notNull().references('agreement_amendment.id').onDelete('cascade'))
    .addColumn('actor_id', 'uuid', (col) => col.notNull().references('actor.id'))
    .addColumn('accepted_at', 'timestamptz')
    .addPrimaryKeyConstraint('agreement_amendment_party_pk', ['amendment_id', 'actor_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('agreement_amendment_party').execute();
  await db.schema.dropTable('agreement_amendment').execute();
  await db.schema.dropTable('county_setting').execute();
  await db.schema.dropIndex('agreement_renews_once_idx').execute();
  await db.schema.createIndex('agreement_renews_idx').on('agreement').column('renews_id').execute();
  await db.schema.alterTable('agreement_party').dropColumn('declined_at').dropColumn('decision_comment').dropColumn('decided_by').execute();
}
