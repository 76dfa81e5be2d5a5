import { describe, expect, it } from 'vitest';
import { sampleId } from '@kompetansebro/db';
import type { Me } from '@kompetansebro/domain';
import { COUNTY_ADMIN, DEMO_PASSWORD, jsonBody } from '@kompetansebro/testing/server';
import { PRODUCTION_REUSE, testServer } from '../testing/fixture.test';

// With production's READ_REUSE_SECONDS, a process reuses who a session belongs to for a few
// seconds. What a user does through the API counts at once; what happens behind this process's
// back (another instance) counts within those seconds at most, and at once after any change here.

const server = testServer(PRODUCTION_REUSE);

async function sessionCookie(email: string): Promise<string> {
  const login = await server.anonymous('/api/auth/login', jsonBody('POST', { email, password: DEMO_PASSWORD }));
  expect(login.status).toBe(200);
  return (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

const me = (cookie: string) => server.anonymous('/api/me', { headers: { Cookie: cookie } });

describe('a session reused between requests', () => {
  it('ends at once on logout', async () => {
    const cookie = await sessionCookie(COUNTY_ADMIN);
    expect((await me(cookie)).status).toBe(200);
    expect((await server.anonymous('/api/auth/logout', { method: 'POST', headers: { Cookie: cookie } })).status).toBe(204);
    expect((await me(cookie)).status).toBe(401);
  });

  it('acts for the organisation switched to from the next request on', async () => {
    const cookie = await sessionCookie(COUNTY_ADMIN);
    const before = (await (await me(cookie)).json()) as Me;
    const other = before.memberships.find((m) => m.organisationId !== before.activeOrganisationId)?.organisationId ?? '';
    const switched = await server.anonymous('/api/me/organisation', jsonBody('PUT', { organisationId: other }, { Cookie: cookie }));
    expect(switched.status).toBe(200);
    expect(((await (await me(cookie)).json()) as Me).activeOrganisationId).toBe(other);
  });

  it('counts a session ended behind its back (another instance) within the reuse time, and at once after a change here', async () => {
    const email = 'fosen@demo.kompetansebro.no';
    const cookie = await sessionCookie(email);
    expect((await me(cookie)).status).toBe(200);
    await server.database.db.deleteFrom('user_session').where('user_id', '=', sampleId('user', email)).execute();
    // Still the kept session: production's reuse time has not passed.
    expect((await me(cookie)).status).toBe(200);
    const change = await server.request('/api/actors', jsonBody('POST', { kind: 'study_centre', name: 'Gjenbruk studiesenter' }));
    expect(change.status).toBe(201);
    expect((await me(cookie)).status).toBe(401);
  });

  it('never keeps a token that opens no session', async () => {
    expect((await me('session=unknown-token')).status).toBe(401);
    expect((await me('session=unknown-token')).status).toBe(401);
  });
});

describe('a costly answer reused between requests', () => {
  it("gives the overview's coverage of every region again within the reuse time, and afresh after any change here", async () => {
    const regions = async () => {
      const answer = await server.request('/api/coverage/regions');
      expect(answer.status).toBe(200);
      return ((await answer.json()) as { items: { summary: { coveredMunicipalities: number } }[] }).items.map((r) => r.summary.coveredMunicipalities);
    };
    const before = await regions();
    expect(before.some((covered) => covered > 0)).toBe(true);
    // Behind this process's back (another instance, SQL): no agreement binds any more.
    await server.database.db.updateTable('agreement').set({ status: 'terminated' }).where('status', 'in', ['signed', 'active', 'expiring']).execute();
    expect(await regions()).toEqual(before);
    const change = await server.request('/api/actors', jsonBody('POST', { kind: 'study_centre', name: 'Dekning studiesenter' }));
    expect(change.status).toBe(201);
    expect((await regions()).every((covered) => covered === 0)).toBe(true);
  });
});
