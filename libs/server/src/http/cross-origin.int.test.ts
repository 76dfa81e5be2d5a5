import { describe, expect, it } from 'vitest';
import { mainLibraryKey, sampleId } from '@kompetansebro/db';
import { COUNTY_ADMIN, DEMO_PASSWORD, jsonBody } from '@kompetansebro/testing/server';
import { createApp } from '../app';
import { testServer } from '../testing/fixture.test';

// Finding 10 of the hardening issue: an app deployed on an origin of its own (ALLOWED_ORIGINS)
// calls the API with credentials; every other origin is still refused.

const server = testServer();

const APP_ORIGIN = 'https://fylke.example.no';
const API = 'https://api.example.no';

function appAllowing(allowedOrigins: readonly string[]) {
  return createApp({ db: server.database.db, config: { databaseKind: 'pglite', version: 'test', documentsDir: '/tmp', cookieSecure: false, allowedOrigins } });
}

type App = ReturnType<typeof appAllowing>;

const preflight = (app: App, origin: string, method: string) =>
  app.request(`${API}/api/contacts`, {
    method: 'OPTIONS',
    headers: { Origin: origin, 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': 'content-type,if-match' },
  });

async function sessionOf(app: App, origin: string): Promise<string> {
  const login = await app.request(`${API}/api/auth/login`, jsonBody('POST', { email: COUNTY_ADMIN, password: DEMO_PASSWORD }, { Origin: origin }));
  expect(login.status).toBe(200);
  expect(login.headers.get('access-control-allow-origin')).toBe(origin);
  expect(login.headers.get('access-control-allow-credentials')).toBe('true');
  return (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

describe('an app on an origin of ALLOWED_ORIGINS', () => {
  it('gets its preflight answered: the origin, credentials, If-Match and the methods', async () => {
    const response = await preflight(appAllowing([APP_ORIGIN]), APP_ORIGIN, 'PATCH');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('if-match');
    expect(response.headers.get('access-control-allow-methods')).toContain('PATCH');
    expect(response.headers.get('vary')).toContain('Origin');
  });

  it('logs in, reads a record with its ETag and saves a change with If-Match', async () => {
    const app = appAllowing([APP_ORIGIN]);
    const cookie = await sessionOf(app, APP_ORIGIN);
    const headers = { Origin: APP_ORIGIN, Cookie: cookie, 'Sec-Fetch-Site': 'same-site' };
    const createdContact = await app.request(
      `${API}/api/contacts`,
      jsonBody('POST', { actorId: sampleId('actor', mainLibraryKey('5007')), name: 'Kari Kryssopphav', role: 'Leder' }, headers),
    );
    expect(createdContact.status).toBe(201);
    const { id } = (await createdContact.json()) as { id: string };
    const read = await app.request(`${API}/api/contacts/${id}`, { headers });
    expect(read.headers.get('access-control-expose-headers')).toContain('ETag');
    const etag = read.headers.get('etag') ?? '';
    const saved = await app.request(`${API}/api/contacts/${id}`, jsonBody('PATCH', { role: 'Rådgiver' }, { ...headers, 'If-Match': etag }));
    expect(saved.status).toBe(200);
    expect(saved.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
  });
});

describe('an origin not listed', () => {
  it('gets no CORS headers, and its writes are refused (403) even with a session', async () => {
    const app = appAllowing([APP_ORIGIN]);
    const cookie = await sessionOf(app, APP_ORIGIN);
    const other = 'https://evil.example';
    const response = await preflight(app, other, 'POST');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const write = await app.request(`${API}/api/actors`, jsonBody('POST', { kind: 'study_centre', name: 'Fremmed senter' }, { Origin: other, Cookie: cookie }));
    expect(write.status).toBe(403);
    expect(write.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('is every origin when ALLOWED_ORIGINS is empty: OPTIONS is answered, not 404, but allows nobody', async () => {
    const response = await preflight(appAllowing([]), APP_ORIGIN, 'POST');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});
