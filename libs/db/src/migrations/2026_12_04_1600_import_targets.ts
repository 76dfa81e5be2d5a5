import { sql, type Kysely } from 'kysely';

// Frozen in time: imports no application code.

/**
 * Imports of contacts, services and opening hours beside actors (issue 16): a batch says which
 * it holds, and each record an applied import created or changed is named by its table
 * (`entity`) and id, so the undo can put every kind back.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table import_batch drop constraint import_batch_target_check`.execute(db);
  await sql`alter table import_batch add constraint import_batch_target_check check (target in ('actor', 'contact', 'service', 'opening_hours'))`.execute(db);
  await db.schema.alterTable('import_change').renameColumn('actor_id', 'record_id').execute();
  await db.schema
    .alterTable('import_change')
    .addColumn('entity', 'text', (col) => col.notNull().defaultTo('actor').check(sql`entity in ('actor', 'contact', 'service', 'opening_hours')`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('import_change').dropColumn('entity').execute();
  await db.schema.alterTable('import_change').renameColumn('record_id', 'actor_id').execute();
  await sql`delete from import_batch where target <> 'actor'`.execute(db);
  await sql`alter table import_batch drop constraint import_batch_target_check`.execute(db);
  await sql`alter table import_batch add constraint import_batch_target_check check (target in ('actor'))`.execute(db);
}
