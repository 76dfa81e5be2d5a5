import { describe, expect, it } from 'vitest';
import type { AgreementSummary } from '@kompetansebro/domain';
import { listOf, testServer } from '../testing/fixture.test';

const server = testServer();
const agreements = listOf<AgreementSummary>(server, '/api/agreements');

describe('the total of a text search', () => {
  it('counts up to a cap past the page ("more than"), exactly below it, and never for a column filter', async () => {
    // 1,030 agreements a search for "bokbuss" finds: more than the cap (1,000) past the first page.
    const rows = Array.from({ length: 1_030 }, (_, n) => ({ title: `Bokbuss-avtale ${n}`, sort_key: `bokbuss-avtale ${String(n).padStart(4, '0')}`, kind: 'cooperation' as const, status: 'draft' as const }));
    await server.database.db.insertInto('agreement').values(rows).execute();

    const first = await agreements('q=bokbuss&pageSize=25');
    expect(first).toMatchObject({ total: 1_000, totalCapped: true, page: 1 });
    expect(first.items.map((a) => a.title)).toEqual(Array.from({ length: 25 }, (_, n) => `Bokbuss-avtale ${n}`));
    // From page 41 (past the first 1,000), counting goes 1,000 further: here to the end, exactly.
    const later = await agreements('q=bokbuss&pageSize=25&page=41');
    expect(later).toMatchObject({ total: 1_030, page: 41 });
    expect(later.totalCapped).toBeUndefined();
    expect(later.items.map((a) => a.title)).toEqual(Array.from({ length: 25 }, (_, n) => `Bokbuss-avtale ${1_000 + n}`));

    // A search with fewer hits than the cap, and a column filter, are counted exactly.
    const few = await agreements(`q=${encodeURIComponent('"Bokbuss-avtale 1029"')}&pageSize=25`);
    expect(few).toMatchObject({ total: 1, items: [{ title: 'Bokbuss-avtale 1029' }] });
    expect(few.totalCapped).toBeUndefined();
    const draftsStored = await server.database.db.selectFrom('agreement').where('status', '=', 'draft').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const drafts = await agreements('status=draft&pageSize=25');
    expect(drafts.total).toBe(Number(draftsStored.n));
    expect(drafts.total).toBeGreaterThanOrEqual(1_030);
    expect(drafts.totalCapped).toBeUndefined();
  });
});

describe('the agreements of a region', () => {
  it('lists those with a party whose municipality is in the region, each once, and no other', async () => {
    const { db } = server.database;
    const regions = await db.selectFrom('region').select(['id', 'name']).execute();
    let found = 0;
    for (const region of regions) {
      const expected = await db
        .selectFrom('agreement_party as p')
        .innerJoin('actor as a', 'a.id', 'p.actor_id')
        .innerJoin('municipality as m', 'm.number', 'a.municipality_number')
        .where('m.region_id', '=', region.id)
        .select('p.agreement_id')
        .distinct()
        .execute();
      const listed = await agreements(`region=${region.id}&pageSize=100`);
      expect(listed.items.map((a) => a.id).sort(), region.name).toEqual(expected.map((row) => row.agreement_id).sort());
      expect(listed.total, region.name).toBe(expected.length);
      found += expected.length;
    }
    // The sample data has agreements in some region, so the comparison above compared something.
    expect(found).toBeGreaterThan(0);
  });
});
