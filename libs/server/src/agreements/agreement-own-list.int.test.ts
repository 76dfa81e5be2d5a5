import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { sampleId } from '@kompetansebro/db';
import type { AgreementSummary, Page } from '@kompetansebro/domain';
import type { RequestAs } from '@kompetansebro/testing/server';
import { json, testServer } from '../testing/fixture.test';

// An organisation's own agreements in title order, the list its portal opens on. With many of
// them the page walks the titles against a hash of its agreements (HASHED_WALK_FROM), with few it
// starts from its parties: either way the same agreements, in the same order, page by page.

const server = testServer();

/** The ids an organisation's list gives, `pageSize` at a time, every page read, and the total it says. */
async function listed(request: RequestAs, sort: 'title' | '-title', pageSize: number): Promise<{ ids: string[]; total: number }> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const answer = await json<Page<AgreementSummary>>(await request(`/api/agreements?sort=${sort}&pageSize=${pageSize}&page=${page}`), 200);
    ids.push(...answer.items.map((a) => a.id));
    if (answer.items.length < pageSize) return { ids, total: answer.total };
  }
}

/** The agreements with the actor as a party, in the list's order (title's sort key either way, then id), from the tables. */
async function expectedIds(actorId: string, sort: 'title' | '-title'): Promise<string[]> {
  const direction = sql.raw(sort === 'title' ? 'asc' : 'desc');
  const { rows } = await sql<{ id: string }>`
    select ag.id from agreement as ag
     where exists (select 1 from agreement_party as p where p.agreement_id = ag.id and p.actor_id = ${actorId})
     order by ag.sort_key collate "C" ${direction} nulls last, ag.id`.execute(server.database.db);
  return rows.map((r) => r.id);
}

describe("an organisation's own agreements in title order", () => {
  it('are exactly its own, in order, on every page, whether it has few or many', async () => {
    const { db } = server.database;
    const fosen = sampleId('actor', 'study-centre-fosen');
    const namdal = sampleId('actor', 'study-centre-namdal');
    // 230 agreements of Fosen (past the hashed walk's threshold), 3 of Namdal, 40 of neither, titles interleaved.
    const made = Array.from({ length: 273 }, (_, i) => ({ title: `Egen liste ${String((i * 37) % 273).padStart(3, '0')}`, owner: i < 230 ? fosen : i < 233 ? namdal : null }));
    const ids = await db
      .insertInto('agreement')
      .values(made.map((m) => ({ title: m.title, sort_key: m.title.toLowerCase(), kind: 'cooperation' })))
      .returning('id')
      .execute();
    const other = (await db.selectFrom('actor').select('id').where('kind', '=', 'public_library').orderBy('id').executeTakeFirstOrThrow()).id;
    await db
      .insertInto('agreement_party')
      .values(ids.flatMap(({ id }, i) => [{ agreement_id: id, actor_id: made[i]?.owner ?? other, role: 'coordinator', position: 0 }]))
      .execute();

    const centres = { fosen: await server.as('fosen@demo.kompetansebro.no'), namdal: await server.as('namdal@demo.kompetansebro.no') };
    for (const [name, actorId] of [['fosen', fosen], ['namdal', namdal]] as const) {
      for (const sort of ['title', '-title'] as const) {
        const expected = await expectedIds(actorId, sort);
        for (const pageSize of [25, 100]) {
          const { ids: listedIds, total } = await listed(centres[name], sort, pageSize);
          expect(listedIds).toEqual(expected);
          expect(total).toBe(expected.length);
        }
      }
    }
    expect((await expectedIds(fosen, 'title')).length).toBeGreaterThanOrEqual(230);
    expect((await expectedIds(namdal, 'title')).length).toBeGreaterThanOrEqual(3);
  });
});
