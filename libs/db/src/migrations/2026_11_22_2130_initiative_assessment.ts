import { sql, type Kysely } from 'kysely';

// Frozen in time: imports no application code.

/**
 * The county's assessment of an initiative's societal effect, 1 (little) to 5 (great), which
 * the portfolio view ranks by beside cost and maturity. Null: not assessed yet.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('initiative')
    .addColumn('societal_effect', 'smallint', (col) => col.check(sql`societal_effect between 1 and 5`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('initiative').dropColumn('societal_effect').execute();
}
