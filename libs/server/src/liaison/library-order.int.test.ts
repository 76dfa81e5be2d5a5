import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { LiaisonLibrary, Page } from '@kompetansebro/domain';
import { startTestServer, type RequestAs, type TestServer } from '@kompetansebro/testing/server';
import { createApp } from '../app';
import { json } from '../testing/fixture.test';

let server: TestServer;
let ntnu: RequestAs;

beforeAll(async () => {
  server = await startTestServer(createApp);
  ntnu = await server.as('ntnu@demo.kompetansebro.no');
});
afterAll(() => server.close());

/** Every library the liaison lists, page by page, in its order. */
async function listed(): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const answer = await json<Page<LiaisonLibrary>>(await ntnu(`/api/liaison/libraries?pageSize=25&page=${page}`), 200);
    ids.push(...answer.items.map((library) => library.id));
    if (ids.length >= answer.total || answer.items.length === 0) return ids;
  }
}

/** The order by its parts, joined afresh: region (none last), main library, main before branch, name. */
async function expectedOrder(): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    select a.id from actor as a
      left join actor as p on p.id = a.parent_id
      left join municipality as m on m.number = a.municipality_number
      left join region as r on r.id = m.region_id
     where a.kind in ('public_library', 'library_branch') and a.archived_at is null
     order by r.sort_key collate "C" nulls last, coalesce(p.sort_key, a.sort_key) collate "C", a.parent_id is not null, a.sort_key collate "C", a.id`.execute(server.database.db);
  return rows.map((row) => row.id);
}

describe("the liaison's order of libraries", () => {
  it('is by region, each main library followed by its branches, and follows renames and moves', async () => {
    const { db } = server.database;
    expect(await listed()).toEqual(await expectedOrder());

    // A main library with a branch, in a region with another main library after it.
    // A branch whose main library shares its region with another main library (so a rename moves it).
    const { rows: branches } = await sql<{ id: string; parent_id: string; municipality_number: string }>`
      select b.id, b.parent_id, b.municipality_number from actor as b
        join actor as main on main.id = b.parent_id
        join municipality as m on m.number = main.municipality_number
       where b.kind = 'library_branch' and b.archived_at is null
         and (select count(*) from actor as other join municipality as om on om.number = other.municipality_number
               where other.kind = 'public_library' and other.parent_id is null and other.archived_at is null and om.region_id = m.region_id) > 1
       order by b.id limit 1`.execute(db);
    const branch = branches[0];
    if (!branch) throw new Error('the sample data has no branch in a region with two main libraries');
    const main = branch.parent_id ?? '';
    const branchesOfMain = async () =>
      (await db.selectFrom('actor').select('id').where('parent_id', '=', main).where('archived_at', 'is', null).execute()).map((row) => row.id).sort();
    /** The main library's branches, each of them, come right after it. */
    const expectBranchesAfterMain = async (order: string[]) => {
      const branches = await branchesOfMain();
      const at = order.indexOf(main);
      expect([...order.slice(at + 1, at + 1 + branches.length)].sort()).toEqual(branches);
    };
    const before = await listed();
    await expectBranchesAfterMain(before);

    // The main library renamed to sort first in its region (or last, if it was first): its branches move with it.
    const rename = (name: string, sortKey: string) => db.updateTable('actor').set({ name, sort_key: sortKey }).where('id', '=', main).execute();
    await rename('Aaa bibliotek', 'aaa bibliotek');
    let renamed = await listed();
    if (renamed.indexOf(main) === before.indexOf(main)) {
      await rename('Ååå bibliotek', '}}} bibliotek');
      renamed = await listed();
    }
    expect(renamed.indexOf(main)).not.toBe(before.indexOf(main));
    expect(renamed).toEqual(await expectedOrder());
    await expectBranchesAfterMain(renamed);

    // A new branch of it, named to sort before the main library's own name: still after it.
    const { id: added } = await db.insertInto('actor').values({ kind: 'library_branch', name: 'A-filial', sort_key: 'a-filial', parent_id: main, municipality_number: branch.municipality_number }).returning('id').executeTakeFirstOrThrow();
    const withAdded = await listed();
    expect(withAdded).toEqual(await expectedOrder());
    await expectBranchesAfterMain(withAdded);
    expect(withAdded.indexOf(added)).toBeGreaterThan(withAdded.indexOf(main));

    // The municipality moved to another region, that region renamed, then no region at all.
    const municipality = branch.municipality_number ?? '';
    const other = await db.selectFrom('region').innerJoin('municipality as m', 'm.region_id', 'region.id').select('region.id').where('m.number', '!=', municipality).executeTakeFirstOrThrow();
    await db.updateTable('municipality').set({ region_id: other.id }).where('number', '=', municipality).execute();
    expect(await listed()).toEqual(await expectedOrder());
    await db.updateTable('region').set({ name: 'Øst', sort_key: '|st' }).where('id', '=', other.id).execute();
    expect(await listed()).toEqual(await expectedOrder());
    await db.updateTable('municipality').set({ region_id: null }).where('number', '=', municipality).execute();
    const regionless = await listed();
    expect(regionless).toEqual(await expectedOrder());
    expect(regionless.at(-1)).not.toBe(before.at(-1));
  });
});
