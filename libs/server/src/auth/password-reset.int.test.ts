import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleId } from '@kompetansebro/db';
import type { AuthProviders, Problem } from '@kompetansebro/domain';
import { DEMO_PASSWORD, jsonBody, startTestServer, type TestServer } from '@kompetansebro/testing/server';
import { createApp } from '../app';
import { startMailCatcher, tokenOf, type MailCatcher } from './mail-catcher.test-support';
import { hashToken } from './session';

let server: TestServer;
let mail: MailCatcher;
beforeAll(async () => {
  mail = await startMailCatcher();
  server = await startTestServer((deps) =>
    createApp({ ...deps, config: { ...deps.config, mail: { smtpUrl: mail.url, from: 'Kompetansebro <ikke-svar@test.invalid>' } } }),
  );
});
afterAll(async () => {
  await server.close();
  await mail.close();
});

const requestReset = (email: string) => server.anonymous('/api/auth/password-reset/request', jsonBody('POST', { email }));
const reset = (token: string, password: string) => server.anonymous('/api/auth/password-reset', jsonBody('POST', { token, password }));
const login = (email: string, password: string) => server.anonymous('/api/auth/login', jsonBody('POST', { email, password }));

describe('password reset by an e-mailed one-time link', () => {
  it('mails a link to the reset page, sets the new password, ends every session, and refuses the link a second time', async () => {
    const email = 'namdal@demo.kompetansebro.no';
    const session = await server.as(email);
    expect((await session('/api/me')).status).toBe(200);

    const requested = await requestReset('Namdal@Demo.Kompetansebro.no');
    expect(requested.status).toBe(202);
    const message = await mail.next(email);
    expect(message.subject).toBe('Nytt passord til Kompetansebro');
    expect(message.text).toContain(`${server.baseUrl}/fylke/nytt-passord?token=`);
    const token = tokenOf(message);
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    // Only the hash is stored.
    const stored = await server.database.db.selectFrom('password_reset').select('token_hash').execute();
    expect(stored.some((r) => r.token_hash === token)).toBe(false);
    expect(stored.some((r) => r.token_hash === hashToken(token))).toBe(true);

    const short = await reset(token, 'kort');
    expect(short.status).toBe(400);
    expect(((await short.json()) as Problem).errors?.map((e) => e.path)).toEqual(['password']);

    expect((await reset(token, 'et nytt og langt passord')).status).toBe(204);
    expect((await session('/api/me')).status).toBe(401);
    expect((await login(email, DEMO_PASSWORD)).status).toBe(401);
    expect((await login(email, 'et nytt og langt passord')).status).toBe(200);

    const again = await reset(token, 'enda et nytt passord');
    expect(again.status).toBe(400);
    expect(((await again.json()) as Problem).errors).toEqual([expect.objectContaining({ path: 'token', code: 'reset_token_invalid' })]);

    const audit = await server.database.db
      .selectFrom('audit_entry')
      .select(['user_id', 'action', 'after'])
      .where('entity', '=', 'user')
      .where('entity_id', '=', sampleId('user', email))
      .execute();
    expect(audit).toEqual([expect.objectContaining({ user_id: sampleId('user', email), action: 'update' })]);
    expect(JSON.stringify(audit[0]?.after)).not.toContain('$argon2');
  });

  it('refuses an expired link and an unknown one', async () => {
    const email = 'fosen@demo.kompetansebro.no';
    expect((await requestReset(email)).status).toBe(202);
    const token = tokenOf(await mail.next(email));
    await server.database.db
      .updateTable('password_reset')
      .set({ expires_at: new Date(Date.now() - 60_000) })
      .where('token_hash', '=', hashToken(token))
      .execute();
    const expired = await reset(token, 'et nytt og langt passord');
    expect(expired.status).toBe(400);
    expect(((await expired.json()) as Problem).errors?.[0]).toMatchObject({ path: 'token', code: 'reset_token_invalid' });
    const unknown = await reset('x'.repeat(43), 'et nytt og langt passord');
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as Problem).errors?.[0]).toMatchObject({ path: 'token', code: 'reset_token_invalid' });
    expect((await login(email, DEMO_PASSWORD)).status).toBe(200);
  });

  it('answers an unknown e-mail exactly as a known one, and sends it nothing', async () => {
    const unknown = await requestReset('ingen@demo.kompetansebro.no');
    const known = await requestReset('trondelag-sorvest@demo.kompetansebro.no');
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(await unknown.text()).toBe(await known.text());
    expect([...unknown.headers.keys()].sort()).toEqual([...known.headers.keys()].sort());
    await mail.next('trondelag-sorvest@demo.kompetansebro.no');
    expect(mail.mails.some((m) => m.to.includes('ingen@demo.kompetansebro.no'))).toBe(false);
  });

  it('sends nothing to a disabled account', async () => {
    const id = sampleId('user', 'nord@demo.kompetansebro.no');
    await server.database.db.updateTable('app_user').set({ disabled_at: new Date() }).where('id', '=', id).execute();
    expect((await requestReset('nord@demo.kompetansebro.no')).status).toBe(202);
    expect((await requestReset('ntnu@demo.kompetansebro.no')).status).toBe(202);
    await mail.next('ntnu@demo.kompetansebro.no');
    expect(mail.mails.some((m) => m.to.includes('nord@demo.kompetansebro.no'))).toBe(false);
  });

  it('refuses a password that is easy to guess or holds the service’s name or the e-mail (ASVS 5.0 6.2), 400 naming password, and the link still works', async () => {
    const email = 'fosen@demo.kompetansebro.no';
    expect((await requestReset(email)).status).toBe(202);
    const token = tokenOf(await mail.next(email));
    const refused = [
      ['password1234', 'password_too_weak'],
      ['123456789012', 'password_too_weak'],
      ['aaaaaaaaaaaa', 'password_too_weak'],
      ['qwertyuiopas', 'password_too_weak'],
      ['Kompetansebro2026!', 'password_has_context'],
      ['kompetanse bro er fint', 'password_has_context'],
      ['fosen@demo.kompetansebro.no', 'password_has_context'],
      ['mitt navn er fosen og 42', 'password_has_context'],
    ] as const;
    for (const [password, code] of refused) {
      const response = await reset(token, password);
      expect(response.status, password).toBe(400);
      expect(((await response.json()) as Problem).errors, password).toEqual([expect.objectContaining({ path: 'password', code })]);
    }
    expect((await login(email, DEMO_PASSWORD)).status).toBe(200);
    expect((await reset(token, 'fire ulike ord i rekke')).status).toBe(204);
    expect((await login(email, 'fire ulike ord i rekke')).status).toBe(200);
  });

  it('validates the request: an e-mail, a token and a password of at least 12 characters', async () => {
    const bad = await server.anonymous('/api/auth/password-reset/request', jsonBody('POST', { email: 'ikke en adresse' }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Problem).errors?.[0]?.path).toBe('email');
    const notJson = await server.anonymous('/api/auth/password-reset', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x' });
    expect(notJson.status).toBe(415);
  });

  it('has no OIDC provider unless one is configured', async () => {
    expect((await (await server.anonymous('/api/auth/providers')).json()) as AuthProviders).toEqual({ local: true, oidc: null });
    expect((await server.anonymous('/api/auth/oidc/start')).status).toBe(404);
  });
});

// Last: it spends this address's allowance.
describe('limits', () => {
  it('sends at most 3 links an hour to one account, alike to the caller, also when asked for at the same time', async () => {
    await server.database.db.deleteFrom('rate_limit_event').execute();
    const email = 'namsos@demo.kompetansebro.no';
    // All at once: their mails are made at the same time, after the answers.
    const answers = await Promise.all([1, 2, 3, 4].map(() => requestReset(email)));
    expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202, 202]);
    for (let i = 0; i < 3; i++) await mail.next(email);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mail.mails.filter((m) => m.to.includes(email)).length).toBe(3);
  });

  it('answers 429 with Retry-After after 10 requests from one address in 15 minutes', async () => {
    await server.database.db.deleteFrom('rate_limit_event').execute();
    for (let i = 0; i < 10; i++) expect((await requestReset(`ingen${i}@demo.kompetansebro.no`)).status).toBe(202);
    const limited = await requestReset('ingen@demo.kompetansebro.no');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('answers 429 after 20 refused links from one address', async () => {
    await server.database.db.deleteFrom('rate_limit_event').execute();
    for (let i = 0; i < 20; i++) expect((await reset(`${'y'.repeat(40)}${i}`, 'et nytt og langt passord')).status).toBe(400);
    expect((await reset('y'.repeat(43), 'et nytt og langt passord')).status).toBe(429);
    await server.database.db.deleteFrom('rate_limit_event').execute();
  });
});
