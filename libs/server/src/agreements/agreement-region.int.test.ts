import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { AgreementStatus, AgreementSummary, Page } from '@kompetansebro/domain';
import type { RequestAs } from '@kompetansebro/testing/server';
import { sampleId } from '@kompetansebro/db';
import { json, testServer } from '../testing/fixture.test';

// The regions each agreement reaches are kept by the database (agreement_region, migration
// 2026_12_06_2100); the agreements list filtered by region reads them. These tests change
// parties, actors, municipalities and agreements underneath it and hold what is kept to the rule
// it stands for: an agreement reaches a region when one of its parties is an actor in one of the
// region's municipalities.

const server = testServer();

type Reach = { region_id: string; agreement_id: string; status: string; sort_key: string };
const byReach = (a: Reach, b: Reach) => `${a.region_id}${a.agreement_id}`.localeCompare(`${b.region_id}${b.agreement_id}`);

/** What the database keeps. */
async function kept(): Promise<Reach[]> {
  const rows = await server.database.db.selectFrom('agreement_region').select(['region_id', 'agreement_id', 'status', 'sort_key']).execute();
  return rows.sort(byReach);
}

/** The same found afresh from every agreement's parties. */
async function foundAfresh(): Promise<Reach[]> {
  const { rows } = await sql<Reach>`
    select distinct m.region_id, ag.id as agreement_id, ag.status, ag.sort_key
      from agreement as ag
      join agreement_party as p on p.agreement_id = ag.id
      join actor as a on a.id = p.actor_id
      join municipality as m on m.number = a.municipality_number
     where m.region_id is not null`.execute(server.database.db);
  return rows.sort(byReach);
}

/** The ids of a list of agreements (title order), every page read; the county's unless `request` is another's. */
async function listedWith(filters: string, request: RequestAs = server.request): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const answer = await json<Page<AgreementSummary>>(await request(`/api/agreements?${filters}&sort=title&pageSize=100&page=${page}`), 200);
    ids.push(...answer.items.map((a) => a.id));
    if (ids.length >= answer.total || answer.items.length === 0) return ids;
  }
}

/** The ids of a region's agreements, as the county's list gives them (title order), every page read. */
const listed = (region: string, status?: AgreementStatus) => listedWith(`region=${region}${status ? `&status=${status}` : ''}`);

/** The same in the order the list promises (title's sort key, then id), from the rule afresh. */
async function expectedIds(region: string, status?: AgreementStatus): Promise<string[]> {
  return (await foundAfresh())
    .filter((r) => r.region_id === region && (status === undefined || r.status === status))
    .sort((a, b) => (a.sort_key < b.sort_key ? -1 : a.sort_key > b.sort_key ? 1 : a.agreement_id < b.agreement_id ? -1 : 1))
    .map((r) => r.agreement_id);
}

/** Two regions and, in each, one municipality with an actor (not a party yet to the agreement picked below). */
async function twoRegions() {
  const { rows } = await sql<{ region_id: string; municipality_number: string; actor_id: string }>`
    select distinct on (m.region_id) m.region_id, m.number as municipality_number, a.id as actor_id
      from municipality as m join actor as a on a.municipality_number = m.number
     where m.region_id is not null
     order by m.region_id, m.number, a.id`.execute(server.database.db);
  const [here, there] = rows;
  if (!here || !there) throw new Error('the sample data has fewer than two regions with actors');
  return { here, there };
}

describe('the regions each agreement reaches, kept by the database', () => {
  it('equal the rule afresh after parties, actors, municipalities and agreements change, and the region list shows them in order', async () => {
    const { db } = server.database;
    expect((await kept()).length).toBeGreaterThan(0);
    expect(await kept()).toEqual(await foundAfresh());

    const { here, there } = await twoRegions();
    const agreement = await db.insertInto('agreement').values({ title: 'Regionprøve', sort_key: 'regionprøve', kind: 'cooperation' }).returning('id').executeTakeFirstOrThrow();
    expect(await listed(here.region_id)).not.toContain(agreement.id);

    // A party in a region: the agreement reaches it, in the list's place for its title.
    await db.insertInto('agreement_party').values({ agreement_id: agreement.id, actor_id: here.actor_id, role: 'partner' }).execute();
    expect(await listed(here.region_id)).toContain(agreement.id);
    expect(await listed(here.region_id)).toEqual(await expectedIds(here.region_id));
    expect(await listed(there.region_id)).not.toContain(agreement.id);

    // A new status and title: the status filter and the order follow.
    await db.updateTable('agreement').set({ status: 'active', title: 'Aaa regionprøve', sort_key: 'aaa regionprøve' }).where('id', '=', agreement.id).execute();
    expect(await listed(here.region_id, 'active')).toEqual(await expectedIds(here.region_id, 'active'));
    expect((await listed(here.region_id, 'active'))[0]).toBe(agreement.id);
    expect(await listed(here.region_id, 'draft')).not.toContain(agreement.id);

    // An answer changes nothing; the actor moving to the other region moves the agreement there.
    await db.updateTable('agreement_party').set({ accepted_at: new Date() }).where('agreement_id', '=', agreement.id).execute();
    expect(await kept()).toEqual(await foundAfresh());
    await db.updateTable('actor').set({ municipality_number: there.municipality_number }).where('id', '=', here.actor_id).execute();
    expect(await listed(there.region_id, 'active')).toContain(agreement.id);
    expect(await listed(here.region_id, 'active')).toEqual(await expectedIds(here.region_id, 'active'));
    expect(await kept()).toEqual(await foundAfresh());
    await db.updateTable('actor').set({ municipality_number: here.municipality_number }).where('id', '=', here.actor_id).execute();

    // The municipality moving to the other region takes its actors' agreements along.
    await db.updateTable('municipality').set({ region_id: there.region_id }).where('number', '=', here.municipality_number).execute();
    expect(await listed(there.region_id, 'active')).toContain(agreement.id);
    expect(await kept()).toEqual(await foundAfresh());
    await db.updateTable('municipality').set({ region_id: here.region_id }).where('number', '=', here.municipality_number).execute();
    expect(await kept()).toEqual(await foundAfresh());

    // A party moved to another actor in one statement (the key changes), then removed.
    await db.updateTable('agreement_party').set({ actor_id: there.actor_id }).where('agreement_id', '=', agreement.id).execute();
    expect(await listed(there.region_id, 'active')).toContain(agreement.id);
    expect(await listed(here.region_id, 'active')).not.toContain(agreement.id);
    await db.deleteFrom('agreement_party').where('agreement_id', '=', agreement.id).execute();
    expect(await listed(there.region_id, 'active')).not.toContain(agreement.id);
    expect(await kept()).toEqual(await foundAfresh());

    // Many parties in one statement (as an import does), then the agreement deleted.
    await db
      .insertInto('agreement_party')
      .values([here, there].map((place, position) => ({ agreement_id: agreement.id, actor_id: place.actor_id, role: 'partner', position })))
      .execute();
    expect(await listed(here.region_id, 'active')).toContain(agreement.id);
    expect(await listed(there.region_id, 'active')).toContain(agreement.id);
    await db.deleteFrom('agreement').where('id', '=', agreement.id).execute();
    expect((await kept()).some((r) => r.agreement_id === agreement.id)).toBe(false);
    expect(await kept()).toEqual(await foundAfresh());
  });

  it('keeps the region once when two of its actors join one agreement at the same time', async () => {
    const { db } = server.database;
    const { rows } = await sql<{ region_id: string; actor_ids: string[] }>`
      select m.region_id, (array_agg(a.id order by a.id))[1:2] as actor_ids
        from municipality as m join actor as a on a.municipality_number = m.number
       where m.region_id is not null
       group by m.region_id having count(*) >= 2 order by m.region_id limit 1`.execute(db);
    const region = rows[0];
    if (!region) throw new Error('the sample data has no region with two actors');
    const agreement = await db.insertInto('agreement').values({ title: 'Samtidig', sort_key: 'samtidig', kind: 'cooperation' }).returning('id').executeTakeFirstOrThrow();
    // The first transaction holds its refresh open while the second one adds its own party: the
    // second waits, then finds both parties (refreshed apart, both would write the region's row).
    await Promise.all(
      region.actor_ids.map((actorId, index) =>
        db.transaction().execute(async (trx) => {
          await trx.insertInto('agreement_party').values({ agreement_id: agreement.id, actor_id: actorId, role: 'partner', position: index }).execute();
          if (index === 0) await sql`select pg_sleep(0.3)`.execute(trx);
        }),
      ),
    );
    const reached = (await kept()).filter((r) => r.agreement_id === agreement.id).map((r) => r.region_id);
    expect(reached).toEqual([region.region_id]);
    expect(await kept()).toEqual(await foundAfresh());
  });

  it("lists for an organisation only its own of a region's agreements, with a status and a party, as it lists them without the region", async () => {
    const { db } = server.database;
    const { here, there } = await twoRegions();
    const fosen = sampleId('actor', 'study-centre-fosen');
    // Agreements in both regions, some with the study centre as a party, of two statuses and two kinds.
    const made = [
      { title: 'Regionliste A', status: 'active', kind: 'cooperation', parties: [fosen, here.actor_id] },
      { title: 'Regionliste B', status: 'draft', kind: 'partnership', parties: [here.actor_id, fosen] },
      { title: 'Regionliste C', status: 'active', kind: 'cooperation', parties: [here.actor_id] },
      { title: 'Regionliste D', status: 'active', kind: 'partnership', parties: [fosen, there.actor_id] },
      { title: 'Regionliste E', status: 'active', kind: 'partnership', parties: [there.actor_id, here.actor_id, fosen] },
    ] as const;
    for (const agreement of made) {
      const { id } = await db
        .insertInto('agreement')
        .values({ title: agreement.title, sort_key: agreement.title.toLowerCase(), kind: agreement.kind, status: agreement.status })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('agreement_party')
        .values(agreement.parties.map((actorId, position) => ({ agreement_id: id, actor_id: actorId, role: 'partner', position })))
        .execute();
    }
    const centre = await server.as('fosen@demo.kompetansebro.no');
    const visible = new Set(await listedWith('', centre));
    const active = new Set(await listedWith('status=active', centre));
    const cooperation = new Set(await listedWith('kind=cooperation', centre));
    const regions = [...new Set((await foundAfresh()).map((r) => r.region_id))];
    let seen = 0;
    for (const region of regions) {
      const own = (await expectedIds(region)).filter((id) => visible.has(id));
      seen += own.length;
      expect(await listedWith(`region=${region}`, centre)).toEqual(own);
      expect(await listedWith(`region=${region}&status=active`, centre)).toEqual(own.filter((id) => active.has(id)));
      // A party filter read from the region rows alone, and with a kind, from each agreement.
      for (const party of [here.actor_id, there.actor_id]) {
        const ofParty = new Set(await listedWith(`party=${party}`, centre));
        expect(await listedWith(`region=${region}&party=${party}`, centre)).toEqual(own.filter((id) => ofParty.has(id)));
        expect(await listedWith(`region=${region}&party=${party}&kind=cooperation`, centre)).toEqual(own.filter((id) => ofParty.has(id) && cooperation.has(id)));
      }
    }
    // The study centre sees the agreements it is a party to in both regions, not the one without it.
    expect(seen).toBeGreaterThanOrEqual(6);
    expect(await listedWith(`region=${here.region_id}&status=active`, centre)).not.toContain(
      (await db.selectFrom('agreement').select('id').where('title', '=', 'Regionliste C').executeTakeFirstOrThrow()).id,
    );
    expect(await listedWith(`region=${here.region_id}&status=active`)).toContain(
      (await db.selectFrom('agreement').select('id').where('title', '=', 'Regionliste C').executeTakeFirstOrThrow()).id,
    );
  });
});
