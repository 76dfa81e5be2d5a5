import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { AgreementStatus, AgreementStatusCounts, AgreementSummary, Page } from '@kompetansebro/domain';
import { json, testServer } from '../testing/fixture.test';

// How many agreements have each status is kept by the database (agreement_status_tally, migration
// 2026_12_06_2130); the county's list total and its counts per status read it. These tests change
// agreements underneath it and hold it to a count afresh.

const server = testServer();

type Tally = Record<string, number>;

/** What the database keeps (a status at zero is the same as none). */
async function kept(): Promise<Tally> {
  const rows = await server.database.db.selectFrom('agreement_status_tally').select(['status', 'agreements']).where('agreements', '>', 0).execute();
  return Object.fromEntries(rows.map((r) => [r.status, r.agreements]));
}

/** The same counted afresh. */
async function countedAfresh(): Promise<Tally> {
  const { rows } = await sql<{ status: string; n: number }>`select status, count(*)::int as n from agreement group by status`.execute(server.database.db);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

const total = (tally: Tally) => Object.values(tally).reduce((sum, n) => sum + n, 0);

/** What the county's API says: the list's total, and the counts per status without zeros. */
async function told(): Promise<{ total: number; byStatus: Tally }> {
  const page = await json<Page<AgreementSummary>>(await server.request('/api/agreements?pageSize=1'), 200);
  const counts = await json<AgreementStatusCounts>(await server.request('/api/agreements/counts'), 200);
  return { total: page.total, byStatus: Object.fromEntries(Object.entries(counts.byStatus).filter(([, n]) => n > 0)) };
}

/** The county is told what a count afresh (after its request's calendar step) finds, and that is what is kept. */
async function expectToldAsCounted(): Promise<Tally> {
  const answer = await told();
  const afresh = await countedAfresh();
  expect(answer).toEqual({ total: total(afresh), byStatus: afresh });
  expect(await kept()).toEqual(afresh);
  return afresh;
}

const newAgreements = (titles: readonly string[], status: AgreementStatus) =>
  server.database.db
    .insertInto('agreement')
    .values(titles.map((title) => ({ title, sort_key: title.toLowerCase(), kind: 'cooperation', status })))
    .returning('id')
    .execute();

describe('how many agreements have each status, kept by the database', () => {
  it('equals a count afresh after agreements are added, change status and are deleted, and the county is told it', async () => {
    const { db } = server.database;
    // The county's first request brings statuses up to today (the calendar step) before it counts.
    const before = await expectToldAsCounted();

    // Added one at a time and many in one statement (as an import does).
    const [one] = await newAgreements(['Telling en'], 'draft');
    const many = await newAgreements(['Telling to', 'Telling tre', 'Telling fire'], 'active');
    expect(await kept()).toEqual(await countedAfresh());
    expect(total(await expectToldAsCounted())).toBe(total(before) + 4);

    // Statuses moved both ways in one statement, a change that keeps the status, and one of each kind.
    if (!one) throw new Error('no agreement added');
    await db.updateTable('agreement').set({ status: 'active' }).where('id', '=', one.id).execute();
    await db
      .updateTable('agreement')
      .set({ status: sql`case when status = 'active' then 'expiring' else 'active' end` })
      .where('id', 'in', [one.id, ...many.map((a) => a.id)])
      .execute();
    await db.updateTable('agreement').set({ title: 'Telling en, nytt navn' }).where('id', '=', one.id).execute();
    expect(await kept()).toEqual(await countedAfresh());
    await expectToldAsCounted();

    // Deleted, all at once.
    await db.deleteFrom('agreement').where('id', 'in', [one.id, ...many.map((a) => a.id)]).execute();
    expect(await kept()).toEqual(before);
    expect(await expectToldAsCounted()).toEqual(before);
  });

  it('counts both of two agreements added at the same time, and moves between two statuses both ways at once', async () => {
    const { db } = server.database;
    const before = await countedAfresh();
    // The first transaction holds its change open while the second one adds its own.
    const added = await Promise.all(
      ['Samtidig en', 'Samtidig to'].map((title, index) =>
        db.transaction().execute(async (trx) => {
          const [row] = await trx.insertInto('agreement').values({ title, sort_key: title.toLowerCase(), kind: 'cooperation', status: 'draft' }).returning('id').execute();
          if (index === 0) await sql`select pg_sleep(0.3)`.execute(trx);
          return row?.id ?? '';
        }),
      ),
    );
    expect((await kept())['draft']).toBe((before['draft'] ?? 0) + 2);

    // One goes draft → active while the other goes active → draft: each waits, neither deadlocks.
    const [first, second] = added;
    await db.updateTable('agreement').set({ status: 'active' }).where('id', '=', second ?? '').execute();
    await Promise.all(
      [
        { id: first ?? '', status: 'active' as const },
        { id: second ?? '', status: 'draft' as const },
      ].map((move, index) =>
        db.transaction().execute(async (trx) => {
          await trx.updateTable('agreement').set({ status: move.status }).where('id', '=', move.id).execute();
          if (index === 0) await sql`select pg_sleep(0.3)`.execute(trx);
        }),
      ),
    );
    expect(await kept()).toEqual(await countedAfresh());
  });
});
