import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { mainLibraryKey, sampleId } from '@kompetansebro/db';
import type { Photo } from '@kompetansebro/domain';
import { jsonBody } from '@kompetansebro/testing/server';
import { countRows, ifMatch, json, loggedIn, problemOf, testServer, UNKNOWN_ID } from '../testing/fixture.test';
import { publishedPhotosOf } from './photo.repository';

const server = testServer();
const namsos = loggedIn(server, 'namsos@demo.kompetansebro.no');
const viewer = loggedIn(server, 'fylke-innsyn@demo.kompetansebro.no');
const coordinator = loggedIn(server, 'namdal@demo.kompetansebro.no');
const liaison = loggedIn(server, 'nord@demo.kompetansebro.no');

const NAMSOS = sampleId('actor', mainLibraryKey('5007'));
const NAMDALSEID = sampleId('actor', 'branch-namdalseid');
const TRONDHEIM = sampleId('actor', mainLibraryKey('5001'));

/** A camera-sized photo: 2000 × 1500 JPEG. */
const photoBytes = await sharp({ create: { width: 2000, height: 1500, channels: 3, background: '#2a6f97' } }).jpeg().toBuffer();

const fields = {
  altText: 'Lesesalen i Namsos bibliotek med vinduer mot elva',
  photographer: 'Kari Fotograf',
  rights: 'licence',
  rightsDetail: 'CC BY 4.0',
};

function upload(actorId: string, overrides: Record<string, string> = {}, file: File | null = new File([new Uint8Array(photoBytes)], 'lesesal.jpg', { type: 'image/jpeg' })): RequestInit {
  const form = new FormData();
  for (const [name, value] of Object.entries({ ...fields, actorId, ...overrides })) form.set(name, value);
  if (file) form.set('file', file);
  return { method: 'POST', body: form };
}

const tables = ['photo', 'photo_image', 'audit_entry'] as const;
/** The fields a problem names; the form's validator names them `form.<field>`. */
const fieldsOf = async (response: Response) => ((await problemOf(response)).errors ?? []).map((e) => e.path.replace(/^form\./, ''));
const counts = () => Promise.all(tables.map((table) => countRows(server, table)));

describe('photos', () => {
  it('the library editor uploads a photo of its own library; it is kept in web sizes (WebP), served with caching headers, audited', async () => {
    const created = await namsos('/api/photos', upload(NAMSOS, { mediebankUrl: 'https://mediebank.ks.no/item/123' }));
    const photo = await json<Photo>(created, 201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(photo).toMatchObject({ actorId: NAMSOS, actorName: 'Namsos bibliotek', ...fields, mediebankUrl: 'https://mediebank.ks.no/item/123', published: false, width: 1280, height: 960 });

    const small = await namsos(photo.urls.small);
    expect(small.status).toBe(200);
    expect(small.headers.get('content-type')).toBe('image/webp');
    expect(small.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    const smallMeta = await sharp(new Uint8Array(await small.arrayBuffer())).metadata();
    expect(smallMeta).toMatchObject({ format: 'webp', width: 480, height: 360 });
    const large = await sharp(new Uint8Array(await (await namsos(photo.urls.large)).arrayBuffer())).metadata();
    expect(large).toMatchObject({ format: 'webp', width: 1280 });

    // The county and the study centre see it; the list of a library names it.
    const listed = await json<{ items: Photo[] }>(await viewer(`/api/photos?actor=${NAMSOS}`), 200);
    expect(listed.items.map((p) => p.id)).toContain(photo.id);
    expect((await coordinator(photo.urls.small)).status).toBe(200);

    const audit = await server.database.db.selectFrom('audit_entry').select(['action', 'after']).where('entity', '=', 'photo').where('entity_id', '=', photo.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', after: { altText: fields.altText, photographer: 'Kari Fotograf' } });
  });

  it('publishes with If-Match; only published photos reach the students’ finder; 412 when stale; removes', async () => {
    const photo = await json<Photo>(await namsos('/api/photos', upload(NAMDALSEID)), 201);
    expect(await publishedPhotosOf(server.database.db, NAMDALSEID)).toEqual([]);
    const published = await json<Photo>(await namsos(`/api/photos/${photo.id}`, jsonBody('PATCH', { published: true }, ifMatch(1))), 200);
    expect(published).toMatchObject({ published: true, version: 2 });
    expect((await publishedPhotosOf(server.database.db, NAMDALSEID)).map((p) => p.id)).toEqual([photo.id]);

    expect((await namsos(`/api/photos/${photo.id}`, jsonBody('PATCH', { altText: 'Ny tekst' }, ifMatch(1)))).status).toBe(412);
    const emptyAlt = await namsos(`/api/photos/${photo.id}`, jsonBody('PATCH', { altText: '  ' }, ifMatch(2)));
    expect((await problemOf(emptyAlt)).errors?.map((e) => e.path)).toEqual(['altText']);

    expect((await namsos(`/api/photos/${photo.id}`, { method: 'DELETE', headers: ifMatch(2) })).status).toBe(204);
    expect((await namsos(photo.urls.small)).status).toBe(404);
    expect(await publishedPhotosOf(server.database.db, NAMDALSEID)).toEqual([]);
  });

  it.each([
    ['no alt text', { altText: '' }, 'altText'],
    ['no photographer', { photographer: '' }, 'photographer'],
    ['neither licence nor consent', { rights: 'maybe' }, 'rights'],
    ['a Mediebank link that is no web address', { mediebankUrl: 'javascript:alert(1)' }, 'mediebankUrl'],
  ])('refuses %s with 400 naming the field, storing nothing', async (_case, overrides, field) => {
    const before = await counts();
    const refused = await namsos('/api/photos', upload(NAMSOS, overrides));
    expect(refused.status).toBe(400);
    expect(await fieldsOf(refused)).toContain(field);
    expect(await counts()).toEqual(before);
  });

  it('refuses a file that is not an image, and one over 10 MB, with 400 naming file; nothing stored', async () => {
    const before = await counts();
    const text = new File([new TextEncoder().encode('Dette er ikke et bilde')], 'bilde.jpg', { type: 'image/jpeg' });
    const notImage = await problemOf(await namsos('/api/photos', upload(NAMSOS, {}, text)));
    expect(notImage.errors).toEqual([expect.objectContaining({ path: 'file', code: 'not_an_image' })]);
    const svg = new File([new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')], 'bilde.svg', { type: 'image/svg+xml' });
    expect(await fieldsOf(await namsos('/api/photos', upload(NAMSOS, {}, svg)))).toEqual(['file']);
    const huge = new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'stort.jpg', { type: 'image/jpeg' });
    const tooLarge = await namsos('/api/photos', upload(NAMSOS, {}, huge));
    expect(tooLarge.status).toBe(400);
    expect((await problemOf(tooLarge)).errors).toEqual([expect.objectContaining({ path: 'file', code: 'too_large' })]);
    expect(await fieldsOf(await namsos('/api/photos', upload(NAMSOS, {}, null)))).toEqual(['file']);
    expect(await counts()).toEqual(before);
  });

  it('a library editor adds and changes photos of its own library and branches only; the county sees every one', async () => {
    const before = await counts();
    // Trondheim is another library, out of the editor's sight: named as unknown, like an id no library has.
    expect(await fieldsOf(await namsos('/api/photos', upload(TRONDHEIM)))).toEqual(['actorId']);
    expect(await fieldsOf(await namsos('/api/photos', upload(UNKNOWN_ID)))).toEqual(['actorId']);
    for (const as of [viewer, coordinator, liaison]) expect((await as('/api/photos', upload(NAMSOS))).status).toBe(403);
    expect(await counts()).toEqual(before);

    const county = await json<Photo>(await server.request('/api/photos', upload(TRONDHEIM)), 201);
    expect((await namsos(`/api/photos/${county.id}`, jsonBody('PATCH', { published: true }, ifMatch(1)))).status).toBe(404);
    expect((await namsos(`/api/photos/${county.id}`, { method: 'DELETE', headers: ifMatch(1) })).status).toBe(404);
    expect((await namsos(county.urls.small)).status).toBe(404);
    expect((await viewer(`/api/photos/${county.id}`, jsonBody('PATCH', { published: true }, ifMatch(1)))).status).toBe(403);
    const own = await json<{ items: Photo[] }>(await namsos('/api/photos'), 200);
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((p) => [NAMSOS, NAMDALSEID].includes(p.actorId))).toBe(true);
    expect((await json<{ items: Photo[] }>(await viewer('/api/photos'), 200)).items.map((p) => p.id)).toContain(county.id);
  });
});
