import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OAuth2Server } from 'oauth2-mock-server';
import { sampleId } from '@kompetansebro/db';
import type { AuthProviders, Me } from '@kompetansebro/domain';
import { startTestServer, type TestServer } from '@kompetansebro/testing/server';
import { createApp } from '../app';
import { loginPageFor, safeReturnTo } from './oidc';

// OIDC login end to end: the app and a mock OpenID provider, both on loopback; the browser is
// played by fetch, following each redirect by hand and carrying the cookies.

let provider: OAuth2Server;
let server: TestServer;
/** What the provider says about the person who logs in next. */
let claims: Record<string, unknown> = {};

beforeAll(async () => {
  provider = new OAuth2Server();
  await provider.issuer.keys.generate('RS256');
  await provider.start(0, '127.0.0.1');
  provider.service.on('beforeTokenSigning', (token) => {
    Object.assign(token.payload, claims);
  });
  const issuer = provider.issuer.url ?? '';
  server = await startTestServer((deps) =>
    createApp({
      ...deps,
      config: { ...deps.config, oidc: { issuer, clientId: 'kompetansebro', clientSecret: 'hemmelig', displayName: 'Feide' } },
    }),
  );
});
afterAll(async () => {
  await server.close();
  await provider.stop();
});

const cookieOf = (response: Response, name: string): string | undefined =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith(`${name}=`) && c.length > name.length + 1);

/** Start → the provider's authorize endpoint → the callback; the callback's answer. */
async function logInWithProvider(returnTo?: string, options: { keepStateCookie?: boolean } = {}) {
  const start = await server.anonymous(`/api/auth/oidc/start${returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(returnTo)}`}`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const authorize = new URL(start.headers.get('location') ?? '');
  const stateCookie = cookieOf(start, 'oidc') ?? '';
  expect(stateCookie).not.toBe('');
  const atProvider = await fetch(authorize, { redirect: 'manual' });
  expect(atProvider.status).toBe(302);
  const callback = new URL(atProvider.headers.get('location') ?? '');
  expect(callback.origin + callback.pathname).toBe(`${server.baseUrl}/api/auth/oidc/callback`);
  const answer = await fetch(callback, { redirect: 'manual', headers: options.keepStateCookie === false ? {} : { Cookie: stateCookie } });
  return { start, authorize, callback, stateCookie, answer };
}

describe('OIDC login', () => {
  it('names the provider for the login page', async () => {
    expect((await (await server.anonymous('/api/auth/providers')).json()) as AuthProviders).toEqual({ local: true, oidc: { name: 'Feide' } });
  });

  it('sends the browser to the provider with PKCE, state and nonce, and keeps the state in an HttpOnly cookie', async () => {
    const start = await server.anonymous('/api/auth/oidc/start?returnTo=/fylke/', { redirect: 'manual' });
    const url = new URL(start.headers.get('location') ?? '');
    expect(url.origin).toBe(new URL(provider.issuer.url ?? '').origin);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('client_id')).toBe('kompetansebro');
    expect(url.searchParams.get('redirect_uri')).toBe(`${server.baseUrl}/api/auth/oidc/callback`);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('scope')).toBe('openid email profile');
    for (const param of ['code_challenge', 'state', 'nonce']) expect(url.searchParams.get(param)?.length ?? 0).toBeGreaterThanOrEqual(22);
    const cookie = start.headers.getSetCookie().find((c) => c.startsWith('oidc=')) ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie.split(';')[0]).toBe(`oidc=${url.searchParams.get('state')}`);
  });

  it('logs an invited account in by its e-mail: a new session, as with a password, and back to returnTo', async () => {
    claims = { email: 'Namdal@Demo.Kompetansebro.no', email_verified: true };
    const { answer } = await logInWithProvider('/studiesenter/avtaler?side=2');
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe('/studiesenter/avtaler?side=2');
    const session = cookieOf(answer, 'session') ?? '';
    expect(session).not.toBe('');
    expect(answer.headers.getSetCookie().find((c) => c.startsWith('session='))).toMatch(/HttpOnly/i);
    const me = await server.anonymous('/api/me', { headers: { Cookie: session } });
    expect(me.status).toBe(200);
    expect((await me.json()) as Me).toMatchObject({
      user: { email: 'namdal@demo.kompetansebro.no' },
      role: 'study_centre_coordinator',
      activeOrganisationId: sampleId('actor', 'study-centre-namdal'),
    });

    const again = await logInWithProvider('/studiesenter/');
    expect(cookieOf(again.answer, 'session')).not.toBe(session);
  });

  it('refuses an e-mail that belongs to no account, and creates none', async () => {
    claims = { email: 'ukjent@example.no' };
    const before = await server.database.db.selectFrom('app_user').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const { answer } = await logInWithProvider('/fylke/avtaler');
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe(loginPageFor('/fylke/avtaler', 'oidc_no_account'));
    expect(answer.headers.get('location')).toBe('/fylke/logg-inn?error=oidc_no_account&returnTo=%2Favtaler');
    expect(cookieOf(answer, 'session')).toBeUndefined();
    const after = await server.database.db.selectFrom('app_user').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('refuses a disabled account and an address the provider has not verified', async () => {
    const id = sampleId('user', 'nord@demo.kompetansebro.no');
    await server.database.db.updateTable('app_user').set({ disabled_at: new Date() }).where('id', '=', id).execute();
    claims = { email: 'nord@demo.kompetansebro.no' };
    expect((await logInWithProvider('/universitet/')).answer.headers.get('location')).toBe('/universitet/logg-inn?error=account_disabled');
    expect((await logInWithProvider('/universitet/avtaler?side=2')).answer.headers.get('location')).toBe(
      '/universitet/logg-inn?error=account_disabled&returnTo=%2Favtaler%3Fside%3D2',
    );
    await server.database.db.updateTable('app_user').set({ disabled_at: null }).where('id', '=', id).execute();

    claims = { email: 'nord@demo.kompetansebro.no', email_verified: false };
    expect((await logInWithProvider()).answer.headers.get('location')).toBe('/fylke/logg-inn?error=oidc_no_email');
    claims = { email: undefined };
    expect((await logInWithProvider()).answer.headers.get('location')).toBe('/fylke/logg-inn?error=oidc_no_email');
  });

  it('refuses a callback without the browser’s state cookie, and the same callback twice', async () => {
    claims = { email: 'fosen@demo.kompetansebro.no' };
    const withoutCookie = await logInWithProvider('/fylke/', { keepStateCookie: false });
    expect(withoutCookie.answer.headers.get('location')).toBe('/fylke/logg-inn?error=oidc_failed');

    const first = await logInWithProvider('/fylke/');
    expect(first.answer.headers.get('location')).toBe('/fylke/');
    const replay = await fetch(first.callback, { redirect: 'manual', headers: { Cookie: first.stateCookie } });
    expect(replay.headers.get('location')).toBe('/fylke/logg-inn?error=oidc_failed');
    expect(cookieOf(replay, 'session')).toBeUndefined();

    // A state from another browser's login does not fit this browser's cookie.
    const mine = await server.anonymous('/api/auth/oidc/start', { redirect: 'manual' });
    const theirs = await logInWithProvider('/fylke/', { keepStateCookie: false });
    const crossed = await fetch(theirs.callback, { redirect: 'manual', headers: { Cookie: cookieOf(mine, 'oidc') ?? '' } });
    expect(crossed.headers.get('location')).toBe('/fylke/logg-inn?error=oidc_failed');
  });

  it('ignores a returnTo that leaves the site', async () => {
    claims = { email: 'fosen@demo.kompetansebro.no' };
    for (const returnTo of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)']) {
      const { answer } = await logInWithProvider(returnTo);
      expect(answer.headers.get('location'), returnTo).toBe('/fylke/');
    }
    expect(safeReturnTo('/fylke/avtaler?x=1#y')).toBe('/fylke/avtaler?x=1#y');
    expect(safeReturnTo('/fylke/\u0000')).toBeNull();
  });

  it('sends the browser to the login page when the provider cannot be reached', async () => {
    const unreachable = await startTestServer((deps) =>
      createApp({ ...deps, config: { ...deps.config, oidc: { issuer: 'http://127.0.0.1:9', clientId: 'x', displayName: 'Feide' } } }),
    );
    try {
      const start = await unreachable.anonymous('/api/auth/oidc/start?returnTo=/fylke/', { redirect: 'manual' });
      expect(start.status).toBe(302);
      expect(start.headers.get('location')).toBe('/fylke/logg-inn?error=oidc_unavailable');
    } finally {
      await unreachable.close();
    }
  });
});
