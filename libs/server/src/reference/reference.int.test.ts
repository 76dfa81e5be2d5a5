import { describe, expect, it } from 'vitest';
import type { Municipality, Page, Region } from '@kompetansebro/domain';
import { testServer } from '../testing/fixture.test';

const server = testServer();

describe('reference data and operations', () => {
  it('reports health and which database it runs on', async () => {
    const response = await server.request('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: server.database.kind, version: 'test' });
  });

  it("lists Trøndelag's 38 municipalities in Norwegian order, with their regions", async () => {
    const page = (await (await server.request('/api/municipalities')).json()) as Page<Municipality>;
    expect(page.total).toBe(38);
    expect(page.items[0]?.name).toBe('Flatanger');
    expect(page.items.map((m) => m.name).slice(-2)).toEqual(['Ørland', 'Åfjord']);
    expect(page.items.at(-1)?.name).toBe('Åfjord');
    expect(page.items.find((m) => m.number === '5007')).toMatchObject({ name: 'Namsos', regionName: 'Namdal' });
  });

  it('lists regions with their municipality counts, and filters municipalities by region', async () => {
    const regions = (await (await server.request('/api/regions')).json()) as Page<Region>;
    const namdal = regions.items.find((r) => r.name === 'Namdal');
    expect(namdal?.municipalityCount).toBe(10);
    expect(regions.items.reduce((sum, r) => sum + r.municipalityCount, 0)).toBe(38);
    const inNamdal = (await (await server.request(`/api/municipalities?region=${namdal?.id}`)).json()) as Page<Municipality>;
    expect(inNamdal.total).toBe(10);
    expect(inNamdal.items.every((m) => m.regionName === 'Namdal')).toBe(true);
  });

  describe('with reads reused (as the server runs)', () => {
    const reusing = testServer({ readReuseSeconds: 5 });

    it('filters by region from the kept list of every municipality', async () => {
      const every = (await (await reusing.request('/api/municipalities')).json()) as Page<Municipality>;
      expect(every.total).toBe(38);
      const namdal = every.items.find((m) => m.name === 'Namsos')?.regionId;
      const inNamdal = (await (await reusing.request(`/api/municipalities?region=${namdal}`)).json()) as Page<Municipality>;
      expect(inNamdal.items.map((m) => m.name)).toEqual(every.items.filter((m) => m.regionId === namdal).map((m) => m.name));
      expect(inNamdal.total).toBe(10);
      expect(((await (await reusing.request('/api/municipalities')).json()) as Page<Municipality>).items).toEqual(every.items);
    });
  });

  it('publishes the OpenAPI document generated from the schemas, and a docs page', async () => {
    const document = (await (await server.request('/api/openapi.json')).json()) as { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/actors', '/api/actors/{id}', '/api/actors/{id}/archive', '/api/municipalities', '/api/regions', '/api/health']),
    );
    expect(document.components.schemas).toHaveProperty('ActorDetail');
    expect(document.components.schemas).toHaveProperty('Problem');
    const docs = await server.request('/api/docs');
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('/api/docs/init.js');
    expect((await server.request('/api/docs/assets/swagger-ui-bundle.js')).status).toBe(200);
  });

  it('sends security headers with a CSP that allows no inline script', async () => {
    const response = await server.request('/api/health');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('strict-transport-security')).toContain('max-age=31536000');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers an unknown API path with a 404 problem', async () => {
    const response = await server.request('/api/nothing-here');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});
