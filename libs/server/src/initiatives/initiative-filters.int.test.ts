import { describe, expect, it } from 'vitest';
import type { InitiativeDetail, InitiativeSummary, Page } from '@kompetansebro/domain';
import { jsonBody } from '@kompetansebro/testing/server';
import { testServer } from '../testing/fixture.test';

const server = testServer();

async function create(body: Record<string, unknown>): Promise<InitiativeDetail> {
  const response = await server.request('/api/initiatives', jsonBody('POST', { kind: 'project', ...body }));
  expect(response.status).toBe(201);
  return (await response.json()) as InitiativeDetail;
}

async function titles(query: string): Promise<string[]> {
  const response = await server.request(`/api/initiatives?pageSize=100&${query}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as Page<InitiativeSummary>).items.map((i) => i.title);
}

describe('the list filters by thematic area and where the period stands', () => {
  it('finds by theme, and tells upcoming, ongoing and ended apart — a granted extension keeps one running', async () => {
    await create({ title: 'Filtertest kommende', startDate: '2090-01-01', plannedEndDate: '2090-12-31', themes: ['smart_city'] });
    await create({ title: 'Filtertest avsluttet', startDate: '2000-01-01', plannedEndDate: '2000-12-31', themes: ['smart_city', 'innovation'] });
    await create({
      title: 'Filtertest forlenget',
      startDate: '2000-01-01',
      plannedEndDate: '2000-12-31',
      extensions: [{ askedOn: '2000-10-01', requestedEnd: '2090-06-30', status: 'granted', decidedOn: '2000-11-01' }],
    });
    const mine = (list: string[]) => list.filter((title) => title.startsWith('Filtertest'));

    expect(mine(await titles('q=Filtertest&theme=smart_city'))).toEqual(['Filtertest avsluttet', 'Filtertest kommende']);
    expect(mine(await titles('q=Filtertest&theme=innovation'))).toEqual(['Filtertest avsluttet']);
    expect(mine(await titles('q=Filtertest&period=upcoming'))).toEqual(['Filtertest kommende']);
    expect(mine(await titles('q=Filtertest&period=ended'))).toEqual(['Filtertest avsluttet']);
    expect(mine(await titles('q=Filtertest&period=ongoing'))).toEqual(['Filtertest forlenget']);
    expect((await server.request('/api/initiatives?period=someday')).status).toBe(400);
  });
});

describe('the societal-effect assessment', () => {
  it('is stored, changed and cleared through the API, and only 1–5 is accepted', async () => {
    const created = await create({ title: 'Vurderingstest', societalEffect: 4 });
    expect(created.societalEffect).toBe(4);
    const patch = (body: Record<string, unknown>, version: number) =>
      server.request(`/api/initiatives/${created.id}`, jsonBody('PATCH', body, { 'if-match': `"${version}"` }));
    expect((await patch({ societalEffect: 6 }, created.version)).status).toBe(400);
    const cleared = await patch({ societalEffect: null }, created.version);
    expect(cleared.status).toBe(200);
    expect(((await cleared.json()) as InitiativeDetail).societalEffect).toBeNull();
    // A change of another field leaves the assessment as it is.
    const again = (await (await patch({ societalEffect: 2 }, created.version + 1)).json()) as InitiativeDetail;
    const titled = (await (await patch({ title: 'Vurderingstest 2' }, again.version)).json()) as InitiativeDetail;
    expect(titled.societalEffect).toBe(2);
  });
});
