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
