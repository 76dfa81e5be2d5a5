import { Hono } from 'hono';
import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import type { AppEnv, RequestDeps } from '../http/app-env';
import { trustedProxies } from '../http/client-address';
import { ProblemError, problemResponse } from '../http/problem';
import { testServer } from '../testing/fixture.test';
import { rateLimit } from './rate-limit';

const server = testServer();

/** A clock the test sets: every case runs at the times it names, whenever the suite runs. */
function clock(start: string) {
  let time = new Date(start);
  return {
    now: () => time,
    set: (iso: string) => {
      time = new Date(iso);
    },
  };
}

/** The limiter alone in front of one route, counting `limit` a minute by `now`. */
function limitedApp(limit: number, now: () => Date) {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('deps', { db: server.database.db, trustedProxies: trustedProxies([]) } as RequestDeps);
    await next();
  });
  app.use(rateLimit(limit, 60_000, now));
  app.get('/', (c) => c.text('ok'));
  app.onError((error, c) => (error instanceof ProblemError ? problemResponse(c, error) : c.text(String(error), 500)));
  return app;
}

/** A request from the socket address `client`. */
const from = (client: string) => [{}, { incoming: { socket: { remoteAddress: client } } }] as const;
const getFrom = (app: Hono<AppEnv>, client: string) => app.request('/', ...from(client));
const limits = (answer: Response) => ({ status: answer.status, remaining: answer.headers.get('ratelimit-remaining'), reset: answer.headers.get('ratelimit-reset'), retryAfter: answer.headers.get('retry-after') });

const windows = async () =>
  (await server.database.db.selectFrom('rate_limit_window').select(['bucket', 'count', sql<string>`to_char(window_start at time zone 'UTC', 'HH24:MI')`.as('window')]).orderBy('bucket').orderBy('window_start').execute()).map(
    (row) => `${row.bucket} ${row.window} ${row.count}`,
  );
const addWindow = (bucket: string, start: string) => server.database.db.insertInto('rate_limit_window').values({ bucket, window_start: new Date(start), count: 5 }).execute();

describe("the open data API's rate limit", () => {
  beforeEach(async () => {
    await server.database.db.deleteFrom('rate_limit_window').execute();
  });

  it('counts each client per minute in the database, 300 a minute on the open data API', async () => {
    const app = createApp({ db: server.database.db, config: { databaseKind: 'pglite', version: 'test', documentsDir: '/tmp', cookieSecure: false } });
    const first = await app.request('/api/public/v1/municipalities', ...from('192.0.2.1'));
    expect(first.status).toBe(200);
    expect([first.headers.get('ratelimit-limit'), first.headers.get('ratelimit-remaining')]).toEqual(['300', '299']);
    expect((await windows()).map((row) => row.replace(/ \d\d:\d\d /, ' '))).toEqual(['public-api:192.0.2.1 1']);
  });

  it('answers 429 with Retry-After past the limit within a minute, each client counted apart', async () => {
    const time = clock('2026-12-06T12:00:10Z');
    const app = limitedApp(2, time.now);
    expect(limits(await getFrom(app, '192.0.2.1'))).toEqual({ status: 200, remaining: '1', reset: '50', retryAfter: null });
    time.set('2026-12-06T12:00:40Z');
    expect(limits(await getFrom(app, '192.0.2.1'))).toEqual({ status: 200, remaining: '0', reset: '20', retryAfter: null });
    time.set('2026-12-06T12:00:58Z');
    expect(limits(await getFrom(app, '192.0.2.1'))).toEqual({ status: 429, remaining: '0', reset: '2', retryAfter: '2' });
    // Another client in the same minute has its own count.
    expect(limits(await getFrom(app, '192.0.2.2'))).toEqual({ status: 200, remaining: '1', reset: '2', retryAfter: null });
    expect(await windows()).toEqual(['public-api:192.0.2.1 12:00 3', 'public-api:192.0.2.2 12:00 1']);
  });

  it('counts afresh in a new minute: a client refused in the last one is let in again', async () => {
    const time = clock('2026-12-06T12:00:30Z');
    const app = limitedApp(1, time.now);
    expect((await getFrom(app, '192.0.2.1')).status).toBe(200);
    expect((await getFrom(app, '192.0.2.1')).status).toBe(429);
    time.set('2026-12-06T12:01:00Z');
    expect(limits(await getFrom(app, '192.0.2.1'))).toEqual({ status: 200, remaining: '0', reset: '60', retryAfter: null });
    expect(await windows()).toEqual(['public-api:192.0.2.1 12:00 2', 'public-api:192.0.2.1 12:01 1']);
  });

  it('sweeps out windows older than an hour once a minute: not at another client’s first request in the same minute, again in the next', async () => {
    const time = clock('2026-12-06T12:00:10Z');
    const app = limitedApp(300, time.now);
    await addWindow('public-api:old-1', '2026-12-06T10:00:00Z');
    await getFrom(app, '192.0.2.1');
    // The instance's first count in a window swept the old one out.
    expect(await windows()).toEqual(['public-api:192.0.2.1 12:00 1']);

    // Another client's first request in the same minute does not sweep again (it was a second
    // statement for most requests of an API whose clients are many).
    await addWindow('public-api:old-2', '2026-12-06T10:00:00Z');
    time.set('2026-12-06T12:00:50Z');
    await getFrom(app, '192.0.2.2');
    expect(await windows()).toEqual(['public-api:192.0.2.1 12:00 1', 'public-api:192.0.2.2 12:00 1', 'public-api:old-2 10:00 5']);

    // The next minute's first request sweeps what is over an hour old, and keeps what is not.
    await addWindow('public-api:recent', '2026-12-06T11:30:00Z');
    time.set('2026-12-06T12:01:05Z');
    await getFrom(app, '192.0.2.2');
    expect(await windows()).toEqual(['public-api:192.0.2.1 12:00 1', 'public-api:192.0.2.2 12:00 1', 'public-api:192.0.2.2 12:01 1', 'public-api:recent 11:30 5']);
  });
});
