import { sql, type Kysely } from 'kysely';

// Frozen in time: imports no application code.

/**
 * An organisation number and a library number name one live actor: two live actors with the same
 * number are one organisation registered twice (merge them). Archived actors keep theirs for
 * history, so the indexes are partial. The library number was unique over all actors before.
 *
 * A database that already holds duplicates among live actors cannot take the index: the migration
 * stops with a message naming the numbers, to be merged (or archived) first.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ['organisation_number', 'library_number']) {
    const duplicates = await sql<{ value: string }>`
      select ${sql.ref(column)} as value from actor
      where archived_at is null and ${sql.ref(column)} is not null
      group by 1 having count(*) > 1`.execute(db);
    if (duplicates.rows.length > 0) {
      throw new Error(`Live actors share a ${column.replace('_', ' ')}: ${duplicates.rows.map((r) => r.value).join(', ')}. Merge or archive the duplicates, then start again.`);
    }
  }
  await db.schema.alterTable('actor').dropConstraint('actor_library_number_key').execute();
  await db.schema.createIndex('actor_live_library_number_key').on('actor').column('library_number').unique().where(sql.ref('archived_at'), 'is', null).execute();
  await db.schema
    .createIndex('actor_live_organisation_number_key')
    .on('actor')
    .column('organisation_number')
    .unique()
    .where(sql.ref('archived_at'), 'is', null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('actor_live_organisation_number_key').execute();
  await db.schema.dropIndex('actor_live_library_number_key').execute();
  await db.schema.alterTable('actor').addUniqueConstraint('actor_library_number_key', ['library_number']).execute();
}
