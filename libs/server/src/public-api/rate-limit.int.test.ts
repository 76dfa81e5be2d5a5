import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { testServer } from '../testing/fixture.test';

const server = testServer();
/** The open data API asked from the socket address `client`. */
function getFrom(app: ReturnType<typeof createApp>, client: string) {
  return app.request('/api/public/v1/municipalities', {}, { incoming: { socket: { remoteAddress: client } } });
}
const windows = () => server.database.db.selectFrom('rate_limit_window').select(['bucket', 'count', sql<number>`extract(epoch from window_start)`.as('window')]).execute();
const addOldWindow = (bucket: string) =>
  server.database.db
    .insertInto('rate_limit_window')
    .values({ bucket, window_start: sql<Date>`now() - interval '2 hours'`, count: 5 })
    .execute();

describe("the open data API's rate limit", () => {
  it('counts each client per minute in the database, answers 429 with Retry-After past the limit, and sweeps out windows older than an hour once a window', async () => {
    const app = createApp({ db: server.database.db, config: { databaseKind: 'pglite', version: 'test', documentsDir: '/tmp', cookieSecure: false } });
    await addOldWindow('public-api:old-1');
    const first = await getFrom(app, '192.0.2.1');
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-remaining')).toBe('299');
    // The instance's first count in a window swept the old one out.
    const [counted, ...others] = await windows();
    expect(others).toEqual([]);
    expect(counted).toMatchObject({ bucket: 'public-api:192.0.2.1', count: 1 });

    // Another client's first request in the same minute does not sweep again (it was a second
    // statement for most requests of an API whose clients are many); at a minute's turn it does.
    await addOldWindow('public-api:old-2');
    expect((await getFrom(app, '192.0.2.2')).headers.get('ratelimit-remaining')).toBe('299');
    const after = await windows();
    const sameWindow = after.every((w) => w.bucket === 'public-api:old-2' || Number(w.window) === Number(counted?.window));
    expect(after.some((w) => w.bucket === 'public-api:old-2')).toBe(sameWindow);

    await server.database.db.updateTable('rate_limit_window').set({ count: 300 }).where('bucket', '=', 'public-api:192.0.2.1').execute();
    const limited = await getFrom(app, '192.0.2.1');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('ratelimit-remaining')).toBe('0');
  });
});
