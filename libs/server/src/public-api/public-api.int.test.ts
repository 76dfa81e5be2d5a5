import { describe, expect, it } from 'vitest';
import { sampleId } from '@kompetansebro/db';
import type { Problem } from '@kompetansebro/domain';
import { testServer } from '../testing/fixture.test';
import type { PublicLibrary, PublicStudyCentre } from './public.schema';

const server = testServer();
const get = (path: string, init?: RequestInit) => server.anonymous(`/api/public/v1${path}`, init);
const GRONG = sampleId('actor', 'library-5045');

interface List<T> {
  items: T[];
  total: number;
}

async function itemsOf<T>(path: string): Promise<T[]> {
  const response = await get(path);
  expect(response.status, await response.clone().text()).toBe(200);
  return ((await response.json()) as List<T>).items;
}

describe('the open data API', () => {
  it('answers without a cookie, with open CORS, Cache-Control and an ETag that gives 304', async () => {
    const response = await get('/libraries', { headers: { Origin: 'https://www.grong.kommune.no' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(response.headers.get('ratelimit-limit')).toBe('300');
    const etag = response.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-f]+"$/);
    const again = await get('/libraries', { headers: { 'If-None-Match': etag ?? '' } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);

    const preflight = await get('/libraries', { method: 'OPTIONS', headers: { Origin: 'https://example.org', 'Access-Control-Request-Method': 'GET' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('GET');
    expect(preflight.headers.get('access-control-allow-methods')).not.toContain('POST');
  });

  it('finds the libraries with study places open on a Saturday in Namdal, with their status now', async () => {
    const libraries = await itemsOf<PublicLibrary>('/libraries?q=namdal&service=study_places&openOn=sa');
    expect(libraries.map((l) => l.name)).toContain('Grong bibliotek');
    for (const library of libraries) {
      expect(library.region?.name).toBe('Namdal');
      expect(library.services.map((s) => s.type)).toContain('study_places');
    }
    const grong = libraries.find((l) => l.id === GRONG);
    expect(grong?.url).toBe('/finn/bibliotek/grong-bibliotek');
    expect(['staffed', 'self_service', 'closed']).toContain(grong?.hours?.now.state);
    const saturday = grong?.hours?.thisWeek.days.find((d) => d.weekday === 'sa');
    expect(saturday?.periods).toContainEqual({ kind: 'staffed', from: '11:00', to: '15:00' });
    // Namdalseid (staffed on Tuesdays and Thursdays only) is not open on a Saturday.
    expect(libraries.map((l) => l.name)).not.toContain('Namdalseid bibliotek');
    expect((await itemsOf<PublicLibrary>('/libraries?municipality=5001')).map((l) => l.name)).toContain('Trondheim folkebibliotek');
  });

  it('reads one library by slug or id, its hours, services, municipalities and study centres', async () => {
    const bySlug = await get('/libraries/grong-bibliotek');
    expect(bySlug.status).toBe(200);
    const library = (await bySlug.json()) as PublicLibrary;
    expect(library.id).toBe(GRONG);
    expect(library.studyCentres.map((c) => c.name)).toContain('Namdal studiesenter');
    expect(((await (await get(`/libraries/${GRONG}`)).json()) as PublicLibrary).name).toBe('Grong bibliotek');
    const hours = await get('/libraries/grong-bibliotek/hours');
    expect(hours.status).toBe(200);
    expect(((await hours.json()) as { osm: { openingHours: string } }).osm.openingHours).toContain('Sa 11:00-15:00');

    const services = await itemsOf<{ type: string; library: { name: string } }>('/services?type=exam_invigilation&municipality=5045');
    expect(services.map((s) => s.library.name)).toEqual(['Grong bibliotek']);
    const municipalities = await itemsOf<{ number: string; region: { name: string } | null }>('/municipalities');
    expect(municipalities.find((m) => m.number === '5045')?.region?.name).toBe('Namdal');
    const centres = await itemsOf<PublicStudyCentre>('/study-centres');
    const namdal = centres.find((c) => c.name === 'Namdal studiesenter');
    expect(namdal?.municipalities.map((m) => m.name)).toContain('Grong');
    expect((await get(`/study-centres/${namdal?.id}`)).status).toBe(200);
  });

  it('answers 404 as problem+json for a library or study centre that does not exist', async () => {
    for (const path of ['/libraries/finnes-ikke', '/libraries/finnes-ikke/hours', `/study-centres/${sampleId('actor', 'nobody')}`]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
    }
  });

  it('answers 400 naming the field for query strings of any shape, never a 5xx', async () => {
    const junk: Array<[string, string]> = [
      ['/libraries?municipality=abc', 'query.municipality'],
      ['/libraries?service=coffee', 'query.service'],
      ['/libraries?openNow=maybe', 'query.openNow'],
      ['/libraries?openOn=funday', 'query.openOn'],
      ['/libraries?region=not-a-uuid', 'query.region'],
      [`/libraries?q=${'x'.repeat(101)}`, 'query.q'],
      ['/libraries?utm_source=x', 'query'],
      ['/services?type=%00', 'query.type'],
      ['/municipalities?page=2', 'query'],
      ['/study-centres/123', 'param.id'],
      ['/libraries/%C3%A6%20%3Cscript%3E', 'param.id'],
    ];
    for (const [path, field] of junk) {
      const response = await get(path);
      expect(response.status, path).toBe(400);
      const problem = (await response.json()) as Problem;
      expect(problem.errors?.map((e) => e.path).some((p) => p.startsWith(field)), `${path}: ${JSON.stringify(problem.errors)}`).toBe(true);
    }
    for (const path of ['/libraries?q=%E0%A4%A', '/libraries?q=a&q=b', '/libraries?municipality[]=5045', '/libraries?%%%']) {
      expect((await get(path)).status, path).toBeLessThan(500);
    }
  });

  it('returns only what libraries publish: no contact person, no archived library or service, no internal field', async () => {
    const db = server.database.db;
    await db.insertInto('contact').values({ actor_id: GRONG, name: 'Kari Hemmelig', sort_key: 'kari hemmelig', role: 'Biblioteksjef', email: 'kari.hemmelig@grong.kommune.no', phone: '99 88 77 66' }).execute();
    const secretService = await db
      .insertInto('service')
      .values({ actor_id: GRONG, type: 'office_places', audiences: JSON.stringify(['students']), description: 'Arkivert kontorplass', conditions: JSON.stringify({}), archived_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.updateTable('service').set({ confirmed_by: 'Ola Bekreftersen' }).where('actor_id', '=', GRONG).execute();
    const archived = sampleId('actor', 'branch-meldal');
    await db.updateTable('actor').set({ archived_at: new Date() }).where('id', '=', archived).execute();

    const answers = await Promise.all(
      ['/libraries', '/libraries/grong-bibliotek', '/libraries/grong-bibliotek/hours', '/services', '/study-centres', '/municipalities'].map(async (path) => (await get(path)).text()),
    );
    const everything = answers.join('\n');
    for (const secret of ['Kari Hemmelig', 'kari.hemmelig', '99 88 77 66', 'Ola Bekreftersen', 'Arkivert kontorplass', secretService.id, archived, 'Meldal bibliotek']) {
      expect(everything, secret).not.toContain(secret);
    }
    for (const field of ['"confirmedBy"', '"sampleData"', '"version"', '"contacts"', '"organisationNumber"', '"description":"Hovedbiblioteket', '"archivedAt"']) {
      expect(everything, field).not.toContain(field);
    }
    expect((await get(`/libraries/${archived}`)).status).toBe(404);
  });

  it('is in the OpenAPI document under "Open data", open to anyone', async () => {
    const document = (await (await server.anonymous('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { tags: string[]; responses: Record<string, unknown> }>> };
    const paths = Object.keys(document.paths).filter((path) => path.startsWith('/api/public/v1/'));
    expect(paths.sort()).toEqual([
      '/api/public/v1/libraries',
      '/api/public/v1/libraries/{id}',
      '/api/public/v1/libraries/{id}/hours',
      '/api/public/v1/municipalities',
      '/api/public/v1/services',
      '/api/public/v1/study-centres',
      '/api/public/v1/study-centres/{id}',
    ]);
    for (const path of paths) {
      expect(document.paths[path]?.['get']?.tags).toEqual(['Open data']);
      expect(Object.keys(document.paths[path]?.['get']?.responses ?? {})).not.toContain('401');
    }
  });
});
