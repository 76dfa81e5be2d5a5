import { beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DEMO_PASSWORD, jsonBody } from '@kompetansebro/testing/server';
import { createApp } from '../app';
import { testServer } from '../testing/fixture.test';
import { LOGIN_WINDOW_MINUTES, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS, MAX_FAILURES_PER_ADDRESS } from './login';

// Findings 1 and 2 of the hardening issue: login throttling behind a proxy, and an outsider who
// tries to lock an account. The app is called in-process with the socket's address given, as the
// Node server gives it, so each test picks who the peer is.

const server = testServer();

const PROXY = '10.0.0.2';
const OWNER = 'namdal@demo.kompetansebro.no';
const OTHER = 'fosen@demo.kompetansebro.no';

function appWith(trustProxy: readonly string[]) {
  return createApp({ db: server.database.db, config: { databaseKind: 'pglite', version: 'test', documentsDir: '/tmp', cookieSecure: false, trustProxy } });
}

/** A login attempt from the socket address `peer`, with X-Forwarded-For when given. */
function loginVia(app: ReturnType<typeof appWith>, peer: string, email: string, password: string, forwardedFor?: string) {
  const headers: Record<string, string> = forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {};
  return app.request('/api/auth/login', jsonBody('POST', { email, password }, headers), { incoming: { socket: { remoteAddress: peer } } });
}

const behindProxy = () => appWith(['10.0.0.0/8']);

beforeEach(async () => {
  await server.database.db.deleteFrom('login_attempt').execute();
});

describe('finding 1: behind a trusted proxy, each client counts under its own address', () => {
  it('throttles the client that failed, not everyone behind the proxy', async () => {
    const app = behindProxy();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) {
      expect((await loginVia(app, PROXY, OWNER, `feil ${i}`, '203.0.113.5')).status).toBe(401);
    }
    const throttled = await loginVia(app, PROXY, OWNER, DEMO_PASSWORD, '203.0.113.5');
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await loginVia(app, PROXY, OTHER, DEMO_PASSWORD, '198.51.100.7')).status).toBe(200);
    const stored = await server.database.db.selectFrom('login_attempt').select('address').distinct().execute();
    expect(stored.map((row) => row.address).sort()).toEqual(['198.51.100.7', '203.0.113.5']);
  });

  it('reads X-Forwarded-For from the right, through every trusted proxy, and stops at the first client', async () => {
    const app = behindProxy();
    // The client wrote its own "1.2.3.4" first; the outer proxy 10.0.0.9 added the client it saw.
    await loginVia(app, PROXY, OWNER, 'feil', '1.2.3.4, 192.0.2.44, 10.0.0.9');
    const row = await server.database.db.selectFrom('login_attempt').select('address').executeTakeFirstOrThrow();
    expect(row.address).toBe('192.0.2.44');
  });

  it('ignores X-Forwarded-For from a peer that is no trusted proxy: rotating it escapes nothing', async () => {
    const app = behindProxy();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) {
      expect((await loginVia(app, '192.0.2.9', OWNER, `feil ${i}`, `203.0.113.${i}`)).status).toBe(401);
    }
    expect((await loginVia(app, '192.0.2.9', OWNER, DEMO_PASSWORD, '203.0.113.200')).status).toBe(429);
  });

  it('trusts no proxy unless TRUST_PROXY names it', async () => {
    const app = appWith([]);
    await loginVia(app, PROXY, OWNER, 'feil', '203.0.113.5');
    const row = await server.database.db.selectFrom('login_attempt').select('address').executeTakeFirstOrThrow();
    expect(row.address).toBe(PROXY);
  });
});

describe('finding 2: an outsider cannot lock the owner out', () => {
  it('slows guesses at an account from many addresses, but lets the owner in from an address they have used', async () => {
    const app = appWith([]);
    expect((await loginVia(app, '198.51.100.20', OWNER, DEMO_PASSWORD)).status).toBe(200);
    // A botnet: every guess from a new address.
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT + 5; i++) {
      expect((await loginVia(app, `203.0.113.${i + 1}`, OWNER, `gjett ${i}`)).status, `guess ${i}`).toBe(i < MAX_FAILURES_PER_ACCOUNT ? 401 : 429);
    }
    // The owner, from the address they logged in from before, is not held up.
    expect((await loginVia(app, '198.51.100.20', OWNER, DEMO_PASSWORD)).status).toBe(200);
    // A new address (the attacker's next one) waits, however many it has.
    const slowed = await loginVia(app, '203.0.113.99', OWNER, DEMO_PASSWORD);
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get('retry-after'))).toBeLessThanOrEqual(LOGIN_WINDOW_MINUTES * 60);
  });

  it('waits longer after each further failure (backoff), instead of a fixed lockout', async () => {
    const app = appWith([]);
    const fail = () => loginVia(app, '192.0.2.77', OWNER, 'feil');
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) await fail();
    const first = Number((await fail()).headers.get('retry-after'));
    expect(first).toBeGreaterThan(25);
    expect(first).toBeLessThanOrEqual(30);
    // The wait has passed: one more attempt is let through, and after it fails the wait doubles.
    await sql`update login_attempt set at = at - interval '31 seconds'`.execute(server.database.db);
    expect((await fail()).status).toBe(401);
    const second = await fail();
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(55);
  });

  it('slows an address spraying one password over many accounts', async () => {
    const app = appWith([]);
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      expect((await loginVia(app, '192.0.2.50', `person${i}@example.org`, 'Sommer2026!')).status).toBe(401);
    }
    expect((await loginVia(app, '192.0.2.50', OTHER, DEMO_PASSWORD)).status).toBe(429);
    expect((await loginVia(app, '192.0.2.51', OTHER, DEMO_PASSWORD)).status).toBe(200);
  });
});
