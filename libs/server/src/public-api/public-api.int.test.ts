import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { sampleId } from '@kompetansebro/db';
import type { Problem } from '@kompetansebro/domain';
import { jsonBody } from '@kompetansebro/testing/server';
import { ifMatch, testServer } from '../testing/fixture.test';
import { PUBLIC_PHOTO_CACHE } from './public-api.router';
import type { PublicLibrary, PublicStudyCentre } from './public.schema';
import { uploadPhoto } from './published-photo.test';

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
    // Gzipped for a client that asks (fetch does), so the ETag is a weak one.
    expect(response.headers.get('content-encoding')).toBe('gzip');
    const etag = response.headers.get('etag');
    expect(etag).toMatch(/^W\/"[0-9a-f]+"$/);
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

  it('gives the hours a week of "Betjent åpningstid" and "Meråpent" from the library’s timetable', async () => {
    const branch = (await (await get('/libraries/namdalseid-bibliotek')).json()) as PublicLibrary;
    const weekly = (type: string) => branch.services.find((s) => s.type === type)?.weeklyHours;
    // Staffed Tuesdays and Thursdays 12–18; self-service on workdays 08–20 outside them.
    expect(weekly('staffed_hours')).toBe(12);
    expect(weekly('self_service_hours')).toBe(48);
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

  it('lists only the photos a library published, with alt text, photographer and licence, and serves their web sizes to any site, cached', async () => {
    const licensed = await uploadPhoto(server, GRONG, { altText: 'Lesesalen i Grong bibliotek med vinduer mot elva', photographer: 'Kari Fotograf', rights: 'licence', rightsDetail: 'CC BY 4.0', published: true, mediebankUrl: 'https://mediebank.ks.no/item/77' });
    const consented = await uploadPhoto(server, GRONG, { altText: 'Studenter ved lesebordet', photographer: 'Ola Fotograf', rights: 'consent', rightsDetail: 'Samtykke fra Per Student 3. desember', published: true });
    const unpublished = await uploadPhoto(server, GRONG, { altText: 'Et bilde biblioteket ikke har publisert', photographer: 'Skjult Fotograf', rights: 'licence', rightsDetail: 'CC0', published: false });

    const library = (await (await get('/libraries/grong-bibliotek')).json()) as PublicLibrary;
    expect(library.photos).toHaveLength(2);
    expect(library.photos).toContainEqual({
      id: licensed.id,
      url: `/api/public/v1/photos/${licensed.id}/large`,
      width: 1280,
      height: 960,
      thumbnailUrl: `/api/public/v1/photos/${licensed.id}/small`,
      thumbnailWidth: 480,
      thumbnailHeight: 360,
      alt: 'Lesesalen i Grong bibliotek med vinduer mot elva',
      altLanguage: 'nb',
      photographer: 'Kari Fotograf',
      licence: 'CC BY 4.0',
    });
    // With the consent of those shown: no licence to name, and whose consent it was is not public.
    expect(library.photos.find((photo) => photo.id === consented.id)).toMatchObject({ photographer: 'Ola Fotograf', licence: null });

    const image = await server.anonymous(library.photos[0]?.thumbnailUrl ?? '', { headers: { Origin: 'https://www.grong.kommune.no' } });
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/webp');
    expect(image.headers.get('cache-control')).toBe(PUBLIC_PHOTO_CACHE);
    expect(image.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(image.headers.get('access-control-allow-origin')).toBe('*');
    expect((await sharp(new Uint8Array(await image.arrayBuffer())).metadata()).width).toBe(480);
    const etag = image.headers.get('etag') ?? '';
    expect((await server.anonymous(library.photos[0]?.thumbnailUrl ?? '', { headers: { 'If-None-Match': etag } })).status).toBe(304);

    // Not published, no longer published, or no such photo or size: 404 or 400, never its bytes.
    for (const size of ['small', 'large']) expect((await get(`/photos/${unpublished.id}/${size}`)).status).toBe(404);
    expect((await server.request(`/api/photos/${licensed.id}`, jsonBody('PATCH', { published: false }, ifMatch(1)))).status).toBe(200);
    expect((await get(`/photos/${licensed.id}/large`)).status).toBe(404);
    expect(((await (await get('/libraries/grong-bibliotek')).json()) as PublicLibrary).photos.map((photo) => photo.id)).toEqual([consented.id]);
    expect((await get(`/photos/${sampleId('actor', 'nobody')}/small`)).status).toBe(404);
    expect((await get(`/photos/${consented.id}/huge`)).status).toBe(400);
    expect((await get('/photos/not-an-id/small')).status).toBe(400);

    const everything = (await Promise.all(['/libraries', '/libraries/grong-bibliotek', '/services'].map(async (path) => (await get(path)).text()))).join('\n');
    for (const secret of [unpublished.id, 'Skjult Fotograf', 'Samtykke fra Per Student', 'mediebank.ks.no', '/api/photos/']) expect(everything, secret).not.toContain(secret);
  });

  it('is in the OpenAPI document under "Open data", open to anyone', async () => {
    const document = (await (await server.anonymous('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { tags: string[]; responses: Record<string, unknown> }>> };
    const paths = Object.keys(document.paths).filter((path) => path.startsWith('/api/public/v1/'));
    expect(paths.sort()).toEqual([
      '/api/public/v1/libraries',
      '/api/public/v1/libraries/{id}',
      '/api/public/v1/libraries/{id}/hours',
      '/api/public/v1/municipalities',
      '/api/public/v1/photos/{id}/{size}',
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
