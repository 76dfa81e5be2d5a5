import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '@kompetansebro/db';
import { pageOf } from './repository-helpers';

// pageOf reads the page first and counts only when the page cannot tell the total.
describe('a page of a list', () => {
  let handle: DatabaseHandle;
  let db: Kysely<{ item: { id: number } }>;

  beforeAll(async () => {
    handle = await openDatabase({ kind: 'pglite-memory' });
    db = handle.db.withTables<{ item: { id: number } }>() as unknown as Kysely<{ item: { id: number } }>;
    await sql`create table item (id int primary key)`.execute(db);
    await sql`insert into item select generate_series(1, 7)`.execute(db);
  });
  afterAll(async () => handle.close());

  const ordered = () => db.selectFrom('item').select('id').orderBy('id');
  const page = (page: number, pageSize: number) => pageOf({ page, pageSize }, db.selectFrom('item'), ordered(), (row) => row.id);
  // A count that fails if it runs: a page that ends the list must not need it.
  const uncounted = (page: number, pageSize: number) => pageOf({ page, pageSize }, db.selectFrom('no_such_table' as 'item'), ordered(), (row) => row.id);

  it('counts a full page, and a page past the end', async () => {
    expect(await page(1, 3)).toEqual({ items: [1, 2, 3], total: 7, page: 1, pageSize: 3 });
    expect(await page(2, 7)).toEqual({ items: [], total: 7, page: 2, pageSize: 7 });
    await expect(uncounted(1, 7)).rejects.toThrow(/no_such_table/);
  });

  it('takes the total from a page that ends the list, without counting', async () => {
    expect(await uncounted(3, 3)).toEqual({ items: [7], total: 7, page: 3, pageSize: 3 });
    expect(await uncounted(1, 25)).toEqual({ items: [1, 2, 3, 4, 5, 6, 7], total: 7, page: 1, pageSize: 25 });
    await sql`delete from item`.execute(db);
    expect(await uncounted(1, 25)).toEqual({ items: [], total: 0, page: 1, pageSize: 25 });
  });
});
