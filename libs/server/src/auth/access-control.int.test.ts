import { describe, expect, it } from 'vitest';
import { sampleId } from '@kompetansebro/db';
import type { Me } from '@kompetansebro/domain';
import { COUNTY_ADMIN, DEMO_PASSWORD, jsonBody } from '@kompetansebro/testing/server';
import { createApp } from '../app';
import { testServer } from '../testing/fixture.test';
import { policyOf } from './access-control';

const server = testServer();

const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  server.anonymous('/api/auth/login', jsonBody('POST', { email, password }, headers));

describe('every route declares its policy', () => {
  it('has no /api route without one', () => {
    const app = createApp({ db: server.database.db, config: { databaseKind: 'pglite', version: 'test', documentsDir: '/tmp', cookieSecure: false } });
    const declared = new Map<string, boolean>();
    for (const route of app.routes) {
      if (!route.path.startsWith('/api')) continue;
      const key = `${route.method} ${route.path}`;
      declared.set(key, (declared.get(key) ?? false) || policyOf(route.handler) !== undefined);
    }
    // Middleware mounted for all methods of a path or a path prefix (ALL /x/*) covers it.
    const coveringPatterns = [...declared].filter(([key, has]) => key.startsWith('ALL ') && has).map(([key]) => key.slice(4));
    const covered = (path: string) => coveringPatterns.some((p) => p === path || (p.endsWith('/*') && path.startsWith(p.slice(0, -1))));
    const endpoints = [...declared].filter(([key]) => !key.startsWith('ALL '));
    const missing = endpoints.filter(([key, has]) => !has && !covered(key.split(' ')[1] ?? '')).map(([key]) => key);
    expect(endpoints.length).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });
});

describe('login and sessions', () => {
  it('logs in, tells who is logged in, and logs out', async () => {
    const response = await login(COUNTY_ADMIN, DEMO_PASSWORD);
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const session = cookie.split(';')[0] ?? '';
    const me = (await (await server.anonymous('/api/me', { headers: { Cookie: session } })).json()) as Me;
    expect(me).toMatchObject({ user: { email: COUNTY_ADMIN }, role: 'county_admin' });
    expect(me.memberships.length).toBe(2);
    // What the role may do, for the apps to show only that: the policy table's row.
    expect(me.permissions.agreement).toContain('update');
    expect(me.permissions.audit).toEqual(['read', 'export']);
    expect((await server.anonymous('/api/auth/logout', { method: 'POST', headers: { Cookie: session } })).status).toBe(204);
    expect((await server.anonymous('/api/me', { headers: { Cookie: session } })).status).toBe(401);
  });

  it('stores sessions hashed and gives a new id at every login', async () => {
    const first = (await login(COUNTY_ADMIN, DEMO_PASSWORD)).headers.get('set-cookie')?.split(';')[0]?.split('=')[1] ?? '';
    const second = (await login(COUNTY_ADMIN, DEMO_PASSWORD)).headers.get('set-cookie')?.split(';')[0]?.split('=')[1] ?? '';
    expect(first).not.toBe(second);
    expect(Buffer.from(first, 'base64url').length).toBeGreaterThanOrEqual(16);
    const stored = await server.database.db.selectFrom('user_session').select('id_hash').execute();
    expect(stored.some((s) => s.id_hash === first)).toBe(false);
  });

  it('answers a wrong password and an unknown e-mail alike', async () => {
    const wrong = await login('namdal@demo.kompetansebro.no', 'feil passord');
    const unknown = await login('ingen@demo.kompetansebro.no', 'feil passord');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it('restarts the idle clock of a session in use', async () => {
    const request = await server.as('fosen@demo.kompetansebro.no');
    const twentyNineMinutesAgo = new Date(Date.now() - 29 * 60_000);
    await server.database.db.updateTable('user_session').set({ last_seen_at: twentyNineMinutesAgo }).execute();
    expect((await request('/api/me')).status).toBe(200);
    const sessions = await server.database.db
      .selectFrom('user_session')
      .select('last_seen_at')
      .where('user_id', '=', sampleId('user', 'fosen@demo.kompetansebro.no'))
      .execute();
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.every((s) => new Date(s.last_seen_at).getTime() > Date.now() - 60_000)).toBe(true);
  });

  it('ends idle and disabled sessions', async () => {
    const request = await server.as('fosen@demo.kompetansebro.no');
    expect((await request('/api/me')).status).toBe(200);
    await server.database.db.updateTable('user_session').set({ last_seen_at: new Date(Date.now() - 31 * 60_000) }).execute();
    expect((await request('/api/me')).status).toBe(401);
  });

  it('switches the organisation only to one the user belongs to', async () => {
    const request = await server.as(COUNTY_ADMIN);
    const county = sampleId('actor', 'county');
    const switched = (await (await request('/api/me/organisation', jsonBody('PUT', { organisationId: county }))).json()) as Me;
    expect(switched.activeOrganisationId).toBe(county);
    const foreign = await request('/api/me/organisation', jsonBody('PUT', { organisationId: sampleId('actor', 'study-centre-namdal') }));
    expect(foreign.status).toBe(400);
  });

});

describe('enforcement', () => {
  it('answers 401 without a session on every resource', async () => {
    for (const path of ['/api/actors', '/api/agreements', '/api/services', '/api/contacts', '/api/activities', '/api/initiatives', '/api/audit', '/api/search?q=x', '/api/municipalities']) {
      expect((await server.anonymous(path)).status, path).toBe(401);
    }
    expect((await server.anonymous('/api/health')).status).toBe(200);
    expect((await server.anonymous('/api/openapi.json')).status).toBe(200);
  });

  it('answers 403 when the role may not do this at all', async () => {
    const viewer = await server.as('fylke-innsyn@demo.kompetansebro.no');
    expect((await viewer('/api/actors', jsonBody('POST', { kind: 'study_centre', name: 'Nytt senter' }))).status).toBe(403);
    expect((await viewer('/api/actors')).status).toBe(200);
    const liaison = await server.as('ntnu@demo.kompetansebro.no');
    expect((await liaison('/api/audit')).status).toBe(403);
    expect((await liaison('/api/initiatives')).status).toBe(403);
  });

  it('refuses a state-changing request from another origin', async () => {
    const response = await server.request('/api/actors', jsonBody('POST', { kind: 'study_centre', name: 'Nytt senter' }, { Origin: 'https://evil.example' }));
    expect(response.status).toBe(403);
  });
});

// Last: it spends the address's allowance of failed logins.
describe('the login rate limit', () => {
  it('limits failed logins: after 10 failures in 15 minutes, 429 with Retry-After', async () => {
    const email = 'trondelag-sor@demo.kompetansebro.no';
    await server.database.db.deleteFrom('login_attempt').execute();
    for (let i = 0; i < 10; i++) expect((await login(email, `feil ${i}`)).status).toBe(401);
    const limited = await login(email, DEMO_PASSWORD);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // The failures counted against this test machine's address too: clear them for later logins.
    await server.database.db.deleteFrom('login_attempt').execute();
  });
});
