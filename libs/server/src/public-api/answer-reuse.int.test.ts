import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleId } from '@kompetansebro/db';
import { startTestServer, type TestServer } from '@kompetansebro/testing/server';
import { createApp } from '../app';
import type { PublicLibrary } from './public.schema';

// The open data answers kept for the minute caches may keep them (answer-reuse.ts), on an app
// configured as production is (PUBLIC_ANSWER_SECONDS 60); other tests run with none kept.

const GRONG = sampleId('actor', 'library-5045');
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer((deps) => createApp({ ...deps, config: { ...deps.config, publicAnswerSeconds: 60 } }));
});
afterAll(() => server.close());

const nameOf = async (path: string) => ((await (await server.anonymous(`/api/public/v1${path}`)).json()) as PublicLibrary).name;

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
  });

  it('keeps no refusal: a 404 or 400 is answered afresh', async () => {
    expect((await server.anonymous('/api/public/v1/libraries/finnes-ikke')).status).toBe(404);
    expect((await server.anonymous('/api/public/v1/libraries?municipality=12')).status).toBe(400);
  });
});
