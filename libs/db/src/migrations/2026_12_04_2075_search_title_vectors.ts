import { sql, type Kysely } from 'kysely';

// Frozen in time: imports no application code.

/**
 * The words of each record's title (an actor's name), as the search ranks by them (issue 18): a
 * hit whose title holds the search words comes first. The search computed `to_tsvector('norwegian',
 * title)` for every hit on every request (about a third of its database CPU when a word is common,
 * "bibliotek": 400 actors); stored, it is made once when the title is written. The same expression
 * as before, so ranks stay exactly what they were.
 */
const titles = [
  ['actor', 'name'],
  ['agreement', 'title'],
  ['activity', 'title'],
  ['initiative', 'title'],
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, column] of titles) {
    await db.schema
      .alterTable(table)
      .addColumn('title_vector', sql`tsvector`, (col) => col.generatedAlwaysAs(sql`to_tsvector('norwegian'::regconfig, ${sql.ref(column)})`).stored())
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [table] of titles) await db.schema.alterTable(table).dropColumn('title_vector').execute();
}
