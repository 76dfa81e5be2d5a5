import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Needs } from '@kompetansebro/domain';
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

type Cell = { municipality_number: string; service_type: string; libraries: number };
const byCell = (a: Cell, b: Cell) => `${a.municipality_number}${a.service_type}`.localeCompare(`${b.municipality_number}${b.service_type}`);

/** What the database keeps (library_service_tally). */
async function kept(): Promise<Cell[]> {
  const rows = await server.database.db.selectFrom('library_service_tally').select(['municipality_number', 'service_type', 'libraries']).execute();
  return rows.sort(byCell);
}

/** The same counted afresh from every library's services. */
async function countedAfresh(): Promise<Cell[]> {
  const { rows } = await sql<Cell>`
    select a.municipality_number, s.type as service_type, count(distinct a.id)::int as libraries
      from actor as a join service as s on s.actor_id = a.id
     where a.kind in ('public_library', 'library_branch') and a.archived_at is null and s.archived_at is null and a.municipality_number is not null
     group by 1, 2`.execute(server.database.db);
  return rows.sort(byCell);
}

/** How many libraries the liaison's needs say offer `service` in `municipality`. */
async function offering(municipality: string, service: 'interlibrary_loan' | 'exam_invigilation'): Promise<number> {
  const needs = await json<Needs>(await ntnu('/api/liaison/needs'), 200);
  const row = needs.municipalities.find((m) => m.municipalityNumber === municipality);
  if (!row) throw new Error(`no municipality ${municipality} in the needs`);
  return row.libraries[service];
}

describe('how many libraries offer each service, kept by the database', () => {
  it('equals a fresh count after services and libraries change, and the needs show it', async () => {
    const { db } = server.database;
    expect((await kept()).length).toBeGreaterThan(0);
    expect(await kept()).toEqual(await countedAfresh());

    // Two main libraries in municipalities where none offers exam invigilation yet.
    const { rows: libraries } = await sql<{ id: string; municipality_number: string }>`
      select a.id, a.municipality_number from actor as a
       where a.kind = 'public_library' and a.archived_at is null and a.municipality_number is not null
         and not exists (select 1 from service as s join actor as o on o.id = s.actor_id
                          where s.type = 'exam_invigilation' and o.municipality_number = a.municipality_number)
       order by a.municipality_number limit 2`.execute(db);
    const [first, second] = libraries;
    if (!first || !second) throw new Error('the sample data has too few libraries without exam invigilation');
    const here = first.municipality_number;
    expect(await offering(here, 'exam_invigilation')).toBe(0);

    const addService = async (actorId: string) =>
      (await db.insertInto('service').values({ actor_id: actorId, type: 'exam_invigilation', conditions: JSON.stringify({}) }).returning('id').executeTakeFirstOrThrow()).id;
    const serviceA = await addService(first.id);
    expect(await offering(here, 'exam_invigilation')).toBe(1);
    // A second service of the same type at the same library: still one library.
    const serviceB = await addService(first.id);
    expect(await offering(here, 'exam_invigilation')).toBe(1);
    expect(await kept()).toEqual(await countedAfresh());

    // Archived one at a time: the library counts while one is left.
    await db.updateTable('service').set({ archived_at: new Date() }).where('id', '=', serviceA).execute();
    expect(await offering(here, 'exam_invigilation')).toBe(1);
    await db.updateTable('service').set({ archived_at: new Date() }).where('id', '=', serviceB).execute();
    expect(await offering(here, 'exam_invigilation')).toBe(0);
    // Restored, then made another type.
    await db.updateTable('service').set({ archived_at: null }).where('id', '=', serviceA).execute();
    expect(await offering(here, 'exam_invigilation')).toBe(1);
    const loansBefore = await offering(here, 'interlibrary_loan');
    await db.updateTable('service').set({ type: 'interlibrary_loan' }).where('id', '=', serviceA).execute();
    expect(await offering(here, 'exam_invigilation')).toBe(0);
    expect(await kept()).toEqual(await countedAfresh());
    await db.updateTable('service').set({ type: 'exam_invigilation' }).where('id', '=', serviceA).execute();
    expect(await offering(here, 'interlibrary_loan')).toBe(loansBefore);

    // The library moves to the other municipality: both are recounted.
    const there = second.municipality_number;
    await db.updateTable('actor').set({ municipality_number: there }).where('id', '=', first.id).execute();
    expect(await offering(here, 'exam_invigilation')).toBe(0);
    expect(await offering(there, 'exam_invigilation')).toBe(1);
    // Archived, then made the county library: not a library either way.
    await db.updateTable('actor').set({ archived_at: new Date() }).where('id', '=', first.id).execute();
    expect(await offering(there, 'exam_invigilation')).toBe(0);
    await db.updateTable('actor').set({ archived_at: null, kind: 'county_library' }).where('id', '=', first.id).execute();
    expect(await offering(there, 'exam_invigilation')).toBe(0);
    await db.updateTable('actor').set({ kind: 'public_library', municipality_number: here }).where('id', '=', first.id).execute();
    expect(await offering(here, 'exam_invigilation')).toBe(1);
    expect(await kept()).toEqual(await countedAfresh());

    // Deleted services, and many added in one statement (as an import does).
    await db.deleteFrom('service').where('id', 'in', [serviceA, serviceB]).execute();
    expect(await offering(here, 'exam_invigilation')).toBe(0);
    await db
      .insertInto('service')
      .values([first, second].map((library) => ({ actor_id: library.id, type: 'exam_invigilation', conditions: JSON.stringify({}) })))
      .execute();
    expect(await offering(here, 'exam_invigilation')).toBe(1);
    expect(await offering(there, 'exam_invigilation')).toBe(1);
    expect(await kept()).toEqual(await countedAfresh());
  });

  it('counts both of two libraries that add a service at the same time', async () => {
    const { db } = server.database;
    // Two libraries of one municipality without interlibrary loan at one of them.
    const { rows } = await sql<{ municipality_number: string; ids: string[] }>`
      select a.municipality_number, array_agg(a.id order by a.id) as ids from actor as a
       where a.kind in ('public_library', 'library_branch') and a.archived_at is null and a.municipality_number is not null
         and not exists (select 1 from service as s where s.actor_id = a.id and s.type = 'exam_invigilation' and s.archived_at is null)
       group by a.municipality_number having count(*) >= 2 order by a.municipality_number limit 1`.execute(db);
    const place = rows[0];
    const [one, other] = place?.ids ?? [];
    if (!place || !one || !other) throw new Error('the sample data has no municipality with two libraries');
    const before = await offering(place.municipality_number, 'exam_invigilation');
    // The first transaction holds its recount open while the second one adds its own.
    await Promise.all(
      [one, other].map((actorId, index) =>
        db.transaction().execute(async (trx) => {
          await trx.insertInto('service').values({ actor_id: actorId, type: 'exam_invigilation', conditions: JSON.stringify({}) }).execute();
          if (index === 0) await sql`select pg_sleep(0.3)`.execute(trx);
        }),
      ),
    );
    expect(await offering(place.municipality_number, 'exam_invigilation')).toBe(before + 2);
    expect(await kept()).toEqual(await countedAfresh());
  });
});
