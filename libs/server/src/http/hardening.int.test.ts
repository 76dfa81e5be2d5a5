import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { mainLibraryKey, sampleId } from '@kompetansebro/db';
import type { ContactSummary } from '@kompetansebro/domain';
import { jsonBody } from '@kompetansebro/testing/server';
import { countRows, creatorOf, json, problemOf, testServer } from '../testing/fixture.test';
import { MAX_JSON_BODY_BYTES } from './security';

// Findings 3 and 5–8 of the hardening issue: what the API does with bodies too large, responses
// about people, Origin headers it cannot read, texts PostgreSQL cannot store and If-Match lists.

const server = testServer();

const NAMSOS_LIBRARY = sampleId('actor', mainLibraryKey('5007'));
const createContact = creatorOf<ContactSummary & { version: number }>(server, '/api/contacts', {
  actorId: NAMSOS_LIBRARY,
  name: 'Herdis Herdet',
  role: 'Bibliotekar',
});

/** A request over a raw socket, so headers can be sent twice (fetch joins them). */
function rawRequest(path: string, method: string, headers: Record<string, string | string[]>, body = ''): Promise<{ status: number; body: string }> {
  const url = new URL(path, server.baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    for (const [name, value] of Object.entries(headers)) req.setHeader(name, value);
    req.end(body);
  });
}

describe('finding 3: a body limit on every route', () => {
  it('refuses an anonymous JSON body over 1 MiB by its Content-Length: 413 problem+json', async () => {
    const huge = JSON.stringify({ email: 'a@example.org', password: 'x'.repeat(MAX_JSON_BODY_BYTES) });
    const response = await server.anonymous('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: huge });
    expect(response.status).toBe(413);
    expect((await problemOf(response)).status).toBe(413);
  });

  it('stops reading a streamed body (no Content-Length) at the limit', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // 50 MB if the server kept reading; it answers once it has 1 MiB.
        if (sent >= 50 * 1024 * 1024) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const response = await server.anonymous('/api/auth/password-reset/request', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(50 * 1024 * 1024);
  });

  it('reads a body just under the limit (and validates it)', async () => {
    const response = await server.anonymous('/api/auth/login', jsonBody('POST', { email: 'ingen@example.org', password: 'y'.repeat(MAX_JSON_BODY_BYTES - 100) }));
    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors?.[0]?.path).toBe('password');
  });
});

describe('finding 5: responses about people are not stored by caches', () => {
  it('sends Cache-Control: no-store on login, /api/me, contacts, users and the audit log', async () => {
    const login = await server.anonymous('/api/auth/login', jsonBody('POST', { email: 'ingen@example.org', password: 'feil passord' }));
    expect(login.headers.get('cache-control')).toBe('no-store');
    for (const path of ['/api/me', '/api/contacts', '/api/users', '/api/audit']) {
      const response = await server.request(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe('no-store');
    }
  });
});

describe('finding 6: an Origin that cannot be read is refused, not a server error', () => {
  const newActor = JSON.stringify({ kind: 'study_centre', name: 'Opphavssenteret' });

  it('answers 403 for garbage, an opaque or a non-http origin, and one with a path', async () => {
    for (const origin of ['garbage', 'null', 'file:///etc/passwd', 'http://127.0.0.1:1/x', '']) {
      const response = await server.request('/api/actors', jsonBody('POST', JSON.parse(newActor), { Origin: origin }));
      expect(response.status, origin).toBe(403);
      expect((await problemOf(response)).status).toBe(403);
    }
  });

  it('answers 403 for two Origin headers, even when one is this site', async () => {
    const cookie = await sessionCookie();
    const response = await rawRequest(
      '/api/actors',
      'POST',
      { 'Content-Type': 'application/json', Cookie: cookie, Origin: [server.baseUrl, 'https://evil.example'] },
      newActor,
    );
    expect(response.status).toBe(403);
  });

  it('still takes a write from this site', async () => {
    const response = await server.request('/api/actors', jsonBody('POST', JSON.parse(newActor), { Origin: server.baseUrl }));
    expect(response.status).toBe(201);
  });
});

describe('finding 7: a lone UTF-16 surrogate in a stored text', () => {
  it('is refused with 400 naming the field, and nothing is stored', async () => {
    const before = await countRows(server, 'contact');
    const response = await server.request('/api/contacts', jsonBody('POST', { actorId: NAMSOS_LIBRARY, name: 'Kari \ud800', role: 'Leder' }));
    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors).toEqual([expect.objectContaining({ path: 'name', code: 'lone_surrogate' })]);
    expect(await countRows(server, 'contact')).toBe(before);
  });

  it('is refused in a contact’s role, a nested field and a service’s confirmedBy', async () => {
    const contact = await createContact();
    const role = await server.request(`/api/contacts/${contact.id}`, jsonBody('PATCH', { role: '\udc00 leder' }, { 'If-Match': '"1"' }));
    expect((await problemOf(role)).errors?.[0]?.path).toBe('role');
    const nested = await server.request('/api/contacts', jsonBody('POST', { actorId: NAMSOS_LIBRARY, name: 'Ola', tags: ['ok', 'x\ud83d'] }));
    expect((await problemOf(nested)).errors?.[0]?.path).toBe('tags.1');
    const service = await server.database.db.selectFrom('service').select(['id', 'version']).executeTakeFirstOrThrow();
    const confirm = await server.request(`/api/services/${service.id}/confirm`, jsonBody('POST', { confirmedBy: 'Kari\ud800' }, { 'If-Match': `"${service.version}"` }));
    expect(confirm.status).toBe(400);
    expect((await problemOf(confirm)).errors?.[0]?.path).toBe('confirmedBy');
  });

  it('takes a text with whole surrogate pairs (an emoji)', async () => {
    const response = await server.request('/api/contacts', jsonBody('POST', { actorId: NAMSOS_LIBRARY, name: 'Kari 😀', role: 'Leder' }));
    expect(response.status).toBe(201);
  });
});

describe('finding 8: If-Match as RFC 9110 evaluates it', () => {
  const patchRole = (id: string, ifMatch: string, role: string) => server.request(`/api/contacts/${id}`, jsonBody('PATCH', { role }, { 'If-Match': ifMatch }));

  it('compares strongly: a weak ETag of the current version does not match (412)', async () => {
    const contact = await createContact();
    const response = await patchRole(contact.id, 'W/"1"', 'Svak');
    expect(response.status).toBe(412);
  });

  it('evaluates a list: any strong ETag naming the current version matches', async () => {
    const contact = await createContact();
    const changed = await patchRole(contact.id, '"7", W/"3", "1"', 'Liste');
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).toBe('"2"');
    expect((await patchRole(contact.id, '"1", "3"', 'Gammel')).status).toBe(412);
    expect((await patchRole(contact.id, '"abc"', 'Fremmed')).status).toBe(412);
  });

  it('evaluates *: any version of an existing record', async () => {
    const contact = await createContact();
    await json(await patchRole(contact.id, '"1"', 'Først'), 200);
    const any = await patchRole(contact.id, '*', 'Uansett');
    expect(any.status).toBe(200);
    expect(any.headers.get('etag')).toBe('"3"');
  });

  it('answers 400 for an If-Match that is no list of ETags, and 428 without one', async () => {
    const contact = await createContact();
    for (const header of ['1', '"1', '"1" "2"', ',', 'W/1']) {
      const response = await patchRole(contact.id, header, 'Ugyldig');
      expect(response.status, header).toBe(400);
      expect((await problemOf(response)).errors?.[0]?.path).toBe('If-Match');
    }
    expect((await server.request(`/api/contacts/${contact.id}`, jsonBody('PATCH', { role: 'Uten' }))).status).toBe(428);
  });
});

async function sessionCookie(): Promise<string> {
  const login = await server.anonymous('/api/auth/login', jsonBody('POST', { email: 'fylke@demo.kompetansebro.no', password: 'kompetansebro' }));
  expect(login.status).toBe(200);
  return (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}
