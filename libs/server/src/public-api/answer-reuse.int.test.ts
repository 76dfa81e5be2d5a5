import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleId } from '@kompetansebro/db';
import { jsonBody, startTestServer, type TestServer } from '@kompetansebro/testing/server';
import { createApp } from '../app';
import type { PublicLibrary } from './public.schema';

// The open data answers and the finder's pages kept for the minute caches may keep them
// (answer-reuse.ts), on an app configured as production is (PUBLIC_ANSWER_SECONDS 60); other
// tests run with none kept. A change made behind the process's back (SQL on its database) shows
// only when the kept answer is gone; a change made through it shows at once.

const GRONG = sampleId('actor', 'library-5045');
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer((deps) => createApp({ ...deps, config: { ...deps.config, publicAnswerSeconds: 60 } }));
});
afterAll(() => server.close());

const nameOf = async (path: string) => ((await (await server.anonymous(`/api/public/v1${path}`)).json()) as PublicLibrary).name;
const setBehindTheBack = (phone: string) => server.database.db.updateTable('actor').set({ phone }).where('id', '=', GRONG).execute();
/** A change through the app: Grong's e-mail address, saved as the staff's app saves it. */
async function writeThroughTheApp(email: string): Promise<void> {
  const read = await server.request(`/api/actors/${GRONG}`);
  const saved = await server.request(`/api/actors/${GRONG}`, jsonBody('PATCH', { email }, { 'If-Match': read.headers.get('etag') ?? '' }));
  expect(saved.status).toBe(200);
}
const pageOf = async (path: string, init?: RequestInit) => {
  const response = await server.anonymous(path, init);
  expect(response.status, path).toBe(200);
  return response.text();
};

describe('open data answers given again from memory', () => {
  it('answers the same address with the same answer within the minute, 304 to its ETag, and builds any other address afresh', async () => {
    const first = await server.anonymous('/api/public/v1/libraries/grong-bibliotek');
    expect(first.status).toBe(200);
    const before = ((await first.json()) as PublicLibrary).name;
    const etag = first.headers.get('etag') ?? '';
    await server.database.db.updateTable('actor').set({ name: 'Grong bibliotek (nytt navn)' }).where('id', '=', GRONG).execute();

    // Kept: the same answer, with the headers it was sent with.
    const again = await server.anonymous('/api/public/v1/libraries/grong-bibliotek');
    expect(((await again.json()) as PublicLibrary).name).toBe(before);
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('cache-control')).toMatch(/max-age=60/);
    expect(again.headers.get('access-control-allow-origin')).toBe('*');
    const unchanged = await server.anonymous('/api/public/v1/libraries/grong-bibliotek', { headers: { 'If-None-Match': etag } });
    expect(unchanged.status).toBe(304);

    // Another address (here the library by its id) is built from the database as it is now.
    expect(await nameOf(`/libraries/${GRONG}`)).toBe('Grong bibliotek (nytt navn)');
    await server.database.db.updateTable('actor').set({ name: 'Grong bibliotek' }).where('id', '=', GRONG).execute();
  });

  it('answers requests that come while the answer is built with that answer, each with its own request id', async () => {
    const responses = await Promise.all(Array.from({ length: 6 }, () => server.anonymous('/api/public/v1/libraries')));
    expect(responses.map((r) => r.status)).toEqual(Array(6).fill(200));
    const bodies = await Promise.all(responses.map((r) => r.text()));
    expect(new Set(bodies).size).toBe(1);
    expect(new Set(responses.map((r) => r.headers.get('x-request-id'))).size).toBe(6);
    // Waiting for an answer that is not kept (a 404), each request is answered on its own.
    const missing = await Promise.all(Array.from({ length: 4 }, () => server.anonymous('/api/public/v1/libraries/finnes-heller-ikke')));
    expect(missing.map((r) => r.status)).toEqual(Array(4).fill(404));
  });

  it('keeps no refusal: a 404 or 400 is answered afresh', async () => {
    expect((await server.anonymous('/api/public/v1/libraries/finnes-ikke')).status).toBe(404);
    expect((await server.anonymous('/api/public/v1/libraries?municipality=12')).status).toBe(400);
  });
});

describe('the finder pages given again from memory', () => {
  it('answers a library page again within the minute, each language and encoding its own, until a write through the app', async () => {
    // Start from a known phone, read by nothing kept before.
    await setBehindTheBack('11 11 11 11');
    await writeThroughTheApp('grong@example.no');
    const first = await server.anonymous('/finn/bibliotek/grong-bibliotek');
    expect(await first.text()).toContain('11 11 11 11');
    const gzipped = await server.anonymous('/finn/bibliotek/grong-bibliotek', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');

    await setBehindTheBack('22 22 22 22');
    // Kept: the same page, with the headers it was sent with.
    const again = await server.anonymous('/finn/bibliotek/grong-bibliotek');
    expect(await again.text()).toContain('11 11 11 11');
    expect(again.headers.get('cache-control')).toBe('public, max-age=60');
    expect(again.headers.get('content-security-policy')).toBeTruthy();
    // The request's own id, not the one of the request that built the page.
    expect(again.headers.get('x-request-id')).toBeTruthy();
    expect(again.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    const head = await server.anonymous('/finn/bibliotek/grong-bibliotek', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const gzippedAgain = await server.anonymous('/finn/bibliotek/grong-bibliotek', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gzippedAgain.headers.get('content-encoding')).toBe('gzip');
    expect(await gzippedAgain.text()).toContain('11 11 11 11');
    // Another language is another page, built now, and then kept in its turn.
    const nynorsk = await pageOf('/finn/bibliotek/grong-bibliotek?lang=nn');
    expect(nynorsk).toContain('<html lang="nn">');
    expect(nynorsk).toContain('22 22 22 22');
    await setBehindTheBack('33 33 33 33');
    expect(await pageOf('/finn/bibliotek/grong-bibliotek?lang=nn')).toContain('22 22 22 22');
    expect(await pageOf('/finn/bibliotek/grong-bibliotek')).toContain('11 11 11 11');

    // A refused write changes nothing, so it forgets nothing (else anyone could empty the memory).
    const refused = await server.request(`/api/actors/${GRONG}`, jsonBody('PATCH', { email: 'feil@example.no' }, { 'If-Match': '"999"' }));
    expect(refused.status).toBe(412);
    expect(await pageOf('/finn/bibliotek/grong-bibliotek')).toContain('11 11 11 11');

    // A change through the app forgets every kept page at once: this one and the one behind the back show.
    await writeThroughTheApp('ny@example.no');
    const fresh = await pageOf('/finn/bibliotek/grong-bibliotek');
    expect(fresh).toContain('33 33 33 33');
    expect(fresh).toContain('ny@example.no');
    expect(await pageOf('/finn/bibliotek/grong-bibliotek?lang=nn')).toContain('33 33 33 33');
  });

  it('answers the front page and a search again from memory, and forgets them on a write', async () => {
    await writeThroughTheApp('grong@example.no');
    const search = '/?sted=Grong';
    expect(await pageOf(search)).toContain('Grong bibliotek');
    await server.database.db.updateTable('actor').set({ name: 'Grong folkebibliotek' }).where('id', '=', GRONG).execute();
    expect(await pageOf(search)).toContain('/finn/bibliotek/grong-bibliotek"');
    // The same search in English is its own page.
    expect(await pageOf(`${search}&lang=en`)).toContain('/finn/bibliotek/grong-folkebibliotek?lang=en"');
    await writeThroughTheApp('grong@example.no');
    expect(await pageOf(search)).toContain('/finn/bibliotek/grong-folkebibliotek"');
    await server.database.db.updateTable('actor').set({ name: 'Grong bibliotek' }).where('id', '=', GRONG).execute();
  });

  it('keeps no 404: a library that appears behind the back is found at once', async () => {
    const missing = await server.anonymous('/finn/bibliotek/grong-hovedbibliotek');
    expect(missing.status).toBe(404);
    await server.database.db.updateTable('actor').set({ name: 'Grong hovedbibliotek' }).where('id', '=', GRONG).execute();
    expect(await pageOf('/finn/bibliotek/grong-hovedbibliotek')).toContain('<h1>Grong hovedbibliotek</h1>');
    // An address the finder does not know is not kept either.
    expect((await server.anonymous('/?kommune=9999')).status).toBe(404);
    await server.database.db.updateTable('actor').set({ name: 'Grong bibliotek' }).where('id', '=', GRONG).execute();
  });
});
