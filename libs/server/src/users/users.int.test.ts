import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleId } from '@kompetansebro/db';
import type { Me, Page, Problem, User } from '@kompetansebro/domain';
import { COUNTY_ADMIN, DEMO_PASSWORD, jsonBody, startTestServer, type RequestAs, type TestServer } from '@kompetansebro/testing/server';
import { createApp } from '../app';
import { startMailCatcher, tokenOf, type MailCatcher } from '../auth/mail-catcher.test-support';
import { PRODUCTION_REUSE } from '../testing/fixture.test';

let server: TestServer;
let mail: MailCatcher;
let admin: RequestAs;
beforeAll(async () => {
  mail = await startMailCatcher();
  server = await startTestServer((deps) =>
    createApp({ ...deps, config: { ...deps.config, ...PRODUCTION_REUSE, mail: { smtpUrl: mail.url, from: 'Kompetansebro <ikke-svar@test.invalid>' } } }),
  );
  admin = server.request;
});
afterAll(async () => {
  await server.close();
  await mail.close();
});

const namdal = sampleId('actor', 'study-centre-namdal');
const fosen = sampleId('actor', 'study-centre-fosen');
const ntnu = sampleId('actor', 'ntnu-library');
const county = sampleId('actor', 'county');
const adminId = sampleId('user', COUNTY_ADMIN);

const login = (email: string, password: string) => server.anonymous('/api/auth/login', jsonBody('POST', { email, password }));
const problemOf = async (response: Response) => (await response.json()) as Problem;
const fieldsOf = async (response: Response) => (await problemOf(response)).errors?.map((e) => `${e.path}:${e.code}`);

async function read(id: string): Promise<{ user: User; etag: string }> {
  const response = await admin(`/api/users/${id}`);
  expect(response.status).toBe(200);
  return { user: (await response.json()) as User, etag: response.headers.get('etag') ?? '' };
}

async function invite(email: string, organisationId = namdal, role = 'study_centre_coordinator'): Promise<User> {
  const response = await admin('/api/users', jsonBody('POST', { email, name: 'Kari Nordmann', organisationId, role }));
  expect(response.status).toBe(201);
  return (await response.json()) as User;
}

async function acceptInvitation(email: string, password: string): Promise<void> {
  const token = tokenOf(await mail.next(email));
  expect((await server.anonymous('/api/auth/password-reset', jsonBody('POST', { token, password }))).status).toBe(204);
}

async function sessionOf(email: string, password: string): Promise<RequestAs> {
  const response = await login(email, password);
  expect(response.status).toBe(200);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return (path, init = {}) => server.anonymous(path, { ...init, headers: { ...(init.headers as Record<string, string>), Cookie: cookie } });
}

describe('who may manage accounts', () => {
  it('answers 401 without a session and 403 to every role but the county admin', async () => {
    expect((await server.anonymous('/api/users')).status).toBe(401);
    for (const email of ['fylke-innsyn@demo.kompetansebro.no', 'namdal@demo.kompetansebro.no', 'ntnu@demo.kompetansebro.no', 'namsos@demo.kompetansebro.no']) {
      const request = await server.as(email);
      expect((await request('/api/users')).status, email).toBe(403);
      expect((await request(`/api/users/${adminId}`)).status, email).toBe(403);
      const invited = await request('/api/users', jsonBody('POST', { email: 'x@example.no', name: 'X Y', organisationId: namdal, role: 'study_centre_coordinator' }));
      expect(invited.status, email).toBe(403);
      expect((await request(`/api/users/${adminId}/end-sessions`, { method: 'POST' })).status, email).toBe(403);
      expect((await request(`/api/users/${adminId}/disable`, { method: 'POST', headers: { 'If-Match': '"1"' } })).status, email).toBe(403);
    }
  });
});

describe('the list of accounts', () => {
  it('lists, searches, filters by organisation and pages, with memberships and no password hashes', async () => {
    const all = (await (await admin('/api/users?pageSize=100')).json()) as Page<User>;
    expect(all.total).toBeGreaterThanOrEqual(9);
    const fylke = all.items.find((u) => u.email === COUNTY_ADMIN);
    expect(fylke?.memberships.map((m) => m.role)).toEqual(['county_admin', 'county_admin']);
    expect(fylke?.hasPassword).toBe(true);
    expect(JSON.stringify(all)).not.toMatch(/argon2|password_hash/);

    const searched = (await (await admin('/api/users?q=fosen')).json()) as Page<User>;
    expect(searched.items.map((u) => u.email)).toEqual(['fosen@demo.kompetansebro.no']);
    const members = (await (await admin(`/api/users?organisation=${county}`)).json()) as Page<User>;
    expect(members.items.map((u) => u.email).sort()).toEqual([COUNTY_ADMIN, 'fylke-innsyn@demo.kompetansebro.no'].sort());
    const page = (await (await admin('/api/users?page=2&pageSize=2')).json()) as Page<User>;
    expect(page).toMatchObject({ page: 2, pageSize: 2, total: all.total });
    expect(page.items.map((u) => u.id)).toEqual(all.items.slice(2, 4).map((u) => u.id));
    expect((await admin('/api/users?pageSize=1000')).status).toBe(400);
  });

  it('answers 404 for an unknown id, with an ETag for a known one', async () => {
    expect((await admin(`/api/users/${sampleId('user', 'nobody')}`)).status).toBe(404);
    const { user, etag } = await read(adminId);
    expect(etag).toBe(`"${user.version}"`);
  });
});

describe('inviting', () => {
  it('creates the account without a password and mails a link; the person sets a password and logs in', async () => {
    const email = 'ny.koordinator@example.no';
    const response = await admin('/api/users', jsonBody('POST', { email: 'Ny.Koordinator@Example.no', name: 'Kari Nordmann', organisationId: namdal, role: 'study_centre_coordinator' }));
    expect(response.status).toBe(201);
    const user = (await response.json()) as User;
    expect(response.headers.get('etag')).toBe('"1"');
    expect(response.headers.get('location')).toBe(`/api/users/${user.id}`);
    expect(user).toMatchObject({ email, hasPassword: false, disabledAt: null, memberships: [{ organisationId: namdal, role: 'study_centre_coordinator' }] });
    expect((await login(email, DEMO_PASSWORD)).status).toBe(401);

    const message = await mail.next(email);
    expect(message.subject).toBe('Du er invitert til Kompetansebro');
    expect(message.text).toContain('Kari Nordmann');
    expect(message.text).toContain(`${server.baseUrl}/fylke/nytt-passord?token=`);
    expect(message.text).toContain('invitasjon=1');
    await acceptInvitationFrom(message, 'mitt eget lange passord');

    const session = await sessionOf(email, 'mitt eget lange passord');
    const me = (await (await session('/api/me')).json()) as Me;
    expect(me).toMatchObject({ user: { email }, role: 'study_centre_coordinator', activeOrganisationId: namdal });
    expect((await read(user.id)).user.hasPassword).toBe(true);

    const audit = await server.database.db.selectFrom('audit_entry').select(['user_id', 'action', 'after']).where('entity', '=', 'user').where('entity_id', '=', user.id).orderBy('id').execute();
    expect(audit[0]).toMatchObject({ user_id: adminId, action: 'create', after: { invited: true } });
    expect(JSON.stringify(audit)).not.toContain(email);
    expect(JSON.stringify(audit)).not.toContain('Kari');
  });

  it('refuses a role that does not fit the organisation, an unknown organisation and an e-mail in use', async () => {
    const mismatch = await admin('/api/users', jsonBody('POST', { email: 'a@example.no', name: 'A B', organisationId: ntnu, role: 'study_centre_coordinator' }));
    expect(mismatch.status).toBe(400);
    expect(await fieldsOf(mismatch)).toEqual(['role:role_organisation_mismatch']);
    const unknown = await admin('/api/users', jsonBody('POST', { email: 'a@example.no', name: 'A B', organisationId: sampleId('actor', 'nowhere'), role: 'county_viewer' }));
    expect(await fieldsOf(unknown)).toEqual(['organisationId:organisation_not_found']);
    const taken = await admin('/api/users', jsonBody('POST', { email: 'NAMDAL@demo.kompetansebro.no', name: 'A B', organisationId: namdal, role: 'study_centre_coordinator' }));
    expect(taken.status).toBe(400);
    expect(await fieldsOf(taken)).toEqual(['email:email_taken']);
    const invalid = await admin('/api/users', jsonBody('POST', { email: 'nope', name: 'A', organisationId: namdal, role: 'king' }));
    expect((await fieldsOf(invalid))?.map((f) => f.split(':')[0]).sort()).toEqual(['email', 'name', 'role']);
    expect(mail.mails.some((m) => m.to.includes('a@example.no'))).toBe(false);
  });

  it('sends the invitation again with a new link, the old one no longer working; not to an account with a password', async () => {
    const user = await invite('glemsk@example.no');
    const first = tokenOf(await mail.next('glemsk@example.no'));
    expect((await admin(`/api/users/${user.id}/invitation`, { method: 'POST' })).status).toBe(202);
    const second = tokenOf(await mail.next('glemsk@example.no'));
    expect(second).not.toBe(first);
    expect((await server.anonymous('/api/auth/password-reset', jsonBody('POST', { token: first, password: 'mitt eget lange passord' }))).status).toBe(400);
    expect((await server.anonymous('/api/auth/password-reset', jsonBody('POST', { token: second, password: 'mitt eget lange passord' }))).status).toBe(204);
    expect((await admin(`/api/users/${user.id}/invitation`, { method: 'POST' })).status).toBe(409);
  });

  it('does not send the invitation again to a disabled account (409): it must be enabled first', async () => {
    const user = await invite('sperret.invitert@example.no');
    await mail.next('sperret.invitert@example.no');
    const { etag } = await read(user.id);
    expect((await admin(`/api/users/${user.id}/disable`, { method: 'POST', headers: { 'If-Match': etag } })).status).toBe(200);
    const again = await admin(`/api/users/${user.id}/invitation`, { method: 'POST' });
    expect(again.status).toBe(409);
    expect((await problemOf(again)).detail).toBe('The account is disabled: enable it first');
    expect(mail.mails.filter((m) => m.to.includes('sperret.invitert@example.no'))).toHaveLength(1);
  });
});

async function acceptInvitationFrom(message: Awaited<ReturnType<MailCatcher['next']>>, password: string): Promise<void> {
  const token = tokenOf(message);
  expect((await server.anonymous('/api/auth/password-reset', jsonBody('POST', { token, password }))).status).toBe(204);
}

describe('memberships', () => {
  it('replaces them with If-Match: 428 without, 412 when stale, 400 naming a bad one, and records it', async () => {
    const user = await invite('medlem@example.no');
    await acceptInvitation('medlem@example.no', 'mitt eget lange passord');
    const { etag } = await read(user.id);
    const body = { memberships: [{ organisationId: fosen, role: 'study_centre_coordinator' }, { organisationId: county, role: 'county_viewer' }] };
    expect((await admin(`/api/users/${user.id}/memberships`, jsonBody('PUT', body))).status).toBe(428);
    expect((await admin(`/api/users/${user.id}/memberships`, jsonBody('PUT', body, { 'If-Match': '"99"' }))).status).toBe(412);

    const mismatch = await admin(
      `/api/users/${user.id}/memberships`,
      jsonBody('PUT', { memberships: [{ organisationId: fosen, role: 'study_centre_coordinator' }, { organisationId: ntnu, role: 'library_editor' }] }, { 'If-Match': etag }),
    );
    expect(mismatch.status).toBe(400);
    expect(await fieldsOf(mismatch)).toEqual(['memberships.1.role:role_organisation_mismatch']);
    const twice = await admin(
      `/api/users/${user.id}/memberships`,
      jsonBody('PUT', { memberships: [{ organisationId: fosen, role: 'study_centre_coordinator' }, { organisationId: fosen, role: 'study_centre_coordinator' }] }, { 'If-Match': etag }),
    );
    expect(await fieldsOf(twice)).toEqual(['memberships.1.organisationId:duplicate_organisation']);
    expect(await fieldsOf(await admin(`/api/users/${user.id}/memberships`, jsonBody('PUT', { memberships: [] }, { 'If-Match': etag })))).toEqual([
      'memberships:too_small',
    ]);

    const changed = await admin(`/api/users/${user.id}/memberships`, jsonBody('PUT', body, { 'If-Match': etag }));
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    const after = (await changed.json()) as User;
    expect(after.memberships.map((m) => [m.organisationId, m.role]).sort()).toEqual(
      [
        [fosen, 'study_centre_coordinator'],
        [county, 'county_viewer'],
      ].sort(),
    );
    const me = (await (await (await sessionOf('medlem@example.no', 'mitt eget lange passord'))('/api/me')).json()) as Me;
    expect(me.memberships.map((m) => m.organisationId).sort()).toEqual([fosen, county].sort());

    const audit = await server.database.db.selectFrom('audit_entry').select(['user_id', 'before', 'after']).where('entity', '=', 'user').where('entity_id', '=', user.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit.user_id).toBe(adminId);
    expect(audit.before).toMatchObject({ memberships: [{ organisationId: namdal, role: 'study_centre_coordinator' }] });
  });

  it('keeps at least one enabled county admin', async () => {
    const { etag } = await read(adminId);
    const demote = await admin(`/api/users/${adminId}/memberships`, jsonBody('PUT', { memberships: [{ organisationId: county, role: 'county_viewer' }] }, { 'If-Match': etag }));
    expect(demote.status).toBe(409);
    expect((await read(adminId)).etag).toBe(etag);
  });
});

describe('disabling, enabling and ending sessions', () => {
  it('disables: ends the sessions and blocks login; enables again', async () => {
    const email = 'trondelag-sor@demo.kompetansebro.no';
    const id = sampleId('user', email);
    const session = await server.as(email);
    expect((await session('/api/me')).status).toBe(200);

    expect((await admin(`/api/users/${id}/disable`, { method: 'POST' })).status).toBe(428);
    const { etag } = await read(id);
    const disabled = await admin(`/api/users/${id}/disable`, { method: 'POST', headers: { 'If-Match': etag } });
    expect(disabled.status).toBe(200);
    expect(((await disabled.json()) as User).disabledAt).not.toBeNull();
    expect(await server.database.db.selectFrom('user_session').select('id_hash').where('user_id', '=', id).execute()).toEqual([]);
    expect((await session('/api/me')).status).toBe(401);
    expect((await login(email, DEMO_PASSWORD)).status).toBe(401);
    expect((await admin(`/api/users/${id}/enable`, { method: 'POST', headers: { 'If-Match': etag } })).status).toBe(412);

    const enabled = await admin(`/api/users/${id}/enable`, { method: 'POST', headers: { 'If-Match': disabled.headers.get('etag') ?? '' } });
    expect(enabled.status).toBe(200);
    expect(((await enabled.json()) as User).disabledAt).toBeNull();
    expect((await login(email, DEMO_PASSWORD)).status).toBe(200);

    const actions = await server.database.db.selectFrom('audit_entry').select(['user_id', 'after']).where('entity', '=', 'user').where('entity_id', '=', id).orderBy('id').execute();
    expect(actions.map((a) => [a.user_id, (a.after as { disabled: boolean }).disabled])).toEqual([
      [adminId, true],
      [adminId, false],
    ]);
  });

  it('does not let an admin disable their own account', async () => {
    const { etag } = await read(adminId);
    expect((await admin(`/api/users/${adminId}/disable`, { method: 'POST', headers: { 'If-Match': etag } })).status).toBe(409);
  });

  it('ends all sessions of a user', async () => {
    const email = 'trondelag-sorvest@demo.kompetansebro.no';
    const first = await server.as(email);
    const second = await server.as(email);
    expect((await admin(`/api/users/${sampleId('user', email)}/end-sessions`, { method: 'POST' })).status).toBe(204);
    expect((await first('/api/me')).status).toBe(401);
    expect((await second('/api/me')).status).toBe(401);
    expect((await admin(`/api/users/${sampleId('user', 'nobody')}/end-sessions`, { method: 'POST' })).status).toBe(404);
    const audit = await server.database.db.selectFrom('audit_entry').select(['user_id', 'after']).where('entity_id', '=', sampleId('user', email)).execute();
    expect(audit).toEqual([{ user_id: adminId, after: { sessionsEnded: 2 } }]);
  });
});
