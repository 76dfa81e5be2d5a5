import { describe, expect, it } from 'vitest';
import { mainLibraryKey, sampleId } from '@kompetansebro/db';
import { norwegianSortKey, type ContactSummary } from '@kompetansebro/domain';
import { jsonBody } from '@kompetansebro/testing/server';
import { countRows, created, tablesHolding, creatorOf, expectDisjoint, expectFieldRefused, expectQueryRefused, expectXlsx, listOf, problemOf, testServer, UNKNOWN_ID } from '../testing/fixture.test';

const server = testServer();

const NAMSOS_LIBRARY = sampleId('actor', mainLibraryKey('5007'));
const NAMDAL_CENTRE = sampleId('actor', 'study-centre-namdal');

const listContacts = listOf<ContactSummary>(server, '/api/contacts');



let personCount = 0;
/** A new, unique person, so that searching the database for their data finds only them. */
function newPerson() {
  personCount += 1;
  const tag = `${Date.now().toString(36)}${personCount}`;
  return {
    actorId: NAMSOS_LIBRARY,
    name: `Testa Personsen${tag}`,
    role: `Rolle${tag}`,
    email: `testa.${tag}@example.org`,
    phone: `+47 400 ${String(personCount).padStart(5, '0')}`,
  };
}

const postContact = creatorOf<ContactSummary>(server, '/api/contacts', {});
const createContact = (body = newPerson()) => postContact(body);


describe('the sample contacts', () => {
  it('are invented people with example.org addresses at the study centres and libraries', async () => {
    const page = await listContacts('pageSize=100');
    expect(page.total).toBeGreaterThanOrEqual(8);
    expect(page.items.every((c) => c.email?.endsWith('@example.org'))).toBe(true);
    const actors = page.items.map((c) => c.actorName);
    for (const name of ['Namdal studiesenter', 'Fosen studiesenter', 'Namsos bibliotek', 'NTNU Universitetsbiblioteket', 'Nord universitetsbibliotek', 'Trøndelag fylkesbibliotek']) {
      expect(actors).toContain(name);
    }
    expect(page.items.find((c) => c.actorId === NAMDAL_CENTRE)?.email).toBe('kari.nordmann@example.org');
  });
});

describe('GET /api/contacts', () => {
  it('sorts by name in Norwegian order, or by actor', async () => {
    await createContact({ ...newPerson(), name: 'Åse Ås' });
    await createContact({ ...newPerson(), name: 'Ærlig Æsop' });
    const page = await listContacts('pageSize=100');
    const keys = page.items.map((c) => norwegianSortKey(c.name));
    expect(keys).toEqual([...keys].sort());
    expect(page.items.slice(-2).map((c) => c.name)).toEqual(['Ærlig Æsop', 'Åse Ås']);
    expect((await listContacts('pageSize=1&sort=-name')).items[0]?.name).toBe('Åse Ås');
    const byActor = await listContacts('pageSize=100&sort=actor');
    const actorKeys = byActor.items.map((c) => norwegianSortKey(c.actorName));
    expect(actorKeys).toEqual([...actorKeys].sort());
  });

  it('filters by actor and searches name, e-mail, role and actor', async () => {
    const namdal = await listContacts(`actor=${NAMDAL_CENTRE}`);
    expect(namdal.items.map((c) => c.name)).toEqual(['Kari Nordmann']);
    expect((await listContacts('q=kari.nordmann@')).items.map((c) => c.name)).toEqual(['Kari Nordmann']);
    expect((await listContacts('q=fjernlån')).items.map((c) => c.actorName)).toContain('NTNU Universitetsbiblioteket');
    expect((await listContacts('q=Fosen studiesenter')).total).toBe(1);
    expect((await listContacts('q=%25')).total).toBe(0);
  });

  it('pages and answers 400 naming the parameter for bad query values', async () => {
    const first = await listContacts('pageSize=2&page=1');
    const second = await listContacts('pageSize=2&page=2');
    expect(first.items).toHaveLength(2);
    expectDisjoint(first, second);
    await expectQueryRefused(server, '/api/contacts', ['actor=x', 'sort=email', 'page=0', 'pageSize=101', `q=${'x'.repeat(201)}`, 'q=%00']);
  });
});

describe('GET /api/contacts/export', () => {
  it('exports CSV and XLSX with the filters applied', async () => {
    const response = await server.request(`/api/contacts/export?format=csv&actor=${NAMDAL_CENTRE}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="kontaktpersoner-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const lines = (await response.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toEqual(['Navn;Rolle;Aktør;E-post;Telefon;Sist endret', expect.stringMatching(/^Kari Nordmann;Daglig leder \(eksempeldata\);Namdal studiesenter;kari\.nordmann@example\.org;;/)]);
    await expectXlsx(await server.request('/api/contacts/export?format=xlsx'));
    expect((await server.request('/api/contacts/export')).status).toBe(400);
  });
});

describe('GET /api/contacts/:id', () => {
  it('returns the contact with an ETag, 404 for an unknown id, 400 for a malformed one', async () => {
    const contact = await createContact();
    const response = await server.request(`/api/contacts/${contact.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(await response.json()).toEqual(contact);
    expect((await server.request(`/api/contacts/${UNKNOWN_ID}`)).status).toBe(404);
    expect((await server.request('/api/contacts/1')).status).toBe(400);
  });
});

describe('POST /api/contacts', () => {
  it('creates a contact and audits it without personal data', async () => {
    const person = newPerson();
    const auditBefore = await countRows(server, 'audit_entry');
    const response = await server.request('/api/contacts', jsonBody('POST', person));
    const contact = await created<ContactSummary>(response, '/api/contacts');
    expect(contact).toMatchObject({ ...person, version: 1, actorName: 'Namsos bibliotek' });
    expect(await countRows(server, 'audit_entry')).toBe(auditBefore + 1);
    const entry = await server.database.db.selectFrom('audit_entry').selectAll().where('entity_id', '=', contact.id).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ entity: 'contact', action: 'create', before: null, after: { id: contact.id, actorId: NAMSOS_LIBRARY, name: '[redacted]', email: '[redacted]' } });
    expect(await tablesHolding(server, person.email)).toEqual(['contact']);
    expect(await tablesHolding(server, person.name)).toEqual(['contact']);
  });

  const valid = { actorId: NAMSOS_LIBRARY, name: 'Ola Nordmann' };
  const badBodies: Array<[string, unknown, string, string]> = [
    ['an unknown actor', { ...valid, actorId: UNKNOWN_ID }, 'actorId', 'actor_not_found'],
    ['a bad e-mail', { ...valid, email: 'ola@' }, 'email', 'invalid_format'],
    ['a bad phone number', { ...valid, phone: 'ring meg' }, 'phone', 'invalid_format'],
    ['a one-letter name', { ...valid, name: 'O' }, 'name', 'too_small'],
    ['a NUL in the role', { ...valid, role: 'Sjef\u0000' }, 'role', 'control_characters'],
    ['a missing name', { actorId: NAMSOS_LIBRARY }, 'name', 'invalid_type'],
    ['an unknown field', { ...valid, birthday: '1970-01-01' }, 'birthday', 'unrecognized_keys'],
  ];

  it.each(badBodies)('refuses %s with 400 naming the field, and writes nothing', async (_label, body, path, code) => {
    await expectFieldRefused(server, () => server.request('/api/contacts', jsonBody('POST', body)), { path, code }, ['contact']);
  });
});

describe('PATCH and DELETE /api/contacts/:id', () => {
  it('updates with the current version; the audit entry shows the change without the data', async () => {
    const contact = await createContact();
    const response = await server.request(`/api/contacts/${contact.id}`, jsonBody('PATCH', { role: 'Ny rolle', phone: null }, { 'If-Match': '"1"' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"2"');
    expect(await response.json()).toMatchObject({ name: contact.name, role: 'Ny rolle', phone: null, version: 2 });
    const entry = await server.database.db
      .selectFrom('audit_entry')
      .selectAll()
      .where('entity_id', '=', contact.id)
      .where('action', '=', 'update')
      .executeTakeFirstOrThrow();
    expect(entry.before).toMatchObject({ role: '[redacted]', phone: '[redacted]', version: 1 });
    expect(entry.after).toMatchObject({ role: '[redacted]', phone: null, version: 2 });
    expect(await tablesHolding(server, 'Ny rolle')).toEqual(['contact']);
  });

  it('answers 428, 412, 400 and 404 as it should, changing nothing', async () => {
    const contact = await createContact();
    const url = `/api/contacts/${contact.id}`;
    expect((await server.request(url, jsonBody('PATCH', { role: 'X' }))).status).toBe(428);
    expect((await server.request(url, jsonBody('PATCH', { role: 'X' }, { 'If-Match': '"2"' }))).status).toBe(412);
    const bad = await server.request(url, jsonBody('PATCH', { email: 'nope' }, { 'If-Match': '"1"' }));
    expect(bad.status).toBe(400);
    expect((await problemOf(bad)).errors?.[0]?.path).toBe('email');
    expect((await server.request(url, jsonBody('PATCH', { actorId: NAMDAL_CENTRE }, { 'If-Match': '"1"' }))).status).toBe(400);
    expect((await server.request(`/api/contacts/${UNKNOWN_ID}`, jsonBody('PATCH', { role: 'X' }, { 'If-Match': '"1"' }))).status).toBe(404);
    expect(await (await server.request(url)).json()).toEqual(contact);
  });

  it('deletes with If-Match, keeping only a redacted trace in the audit log', async () => {
    const person = newPerson();
    const contact = await createContact(person);
    const url = `/api/contacts/${contact.id}`;
    expect((await server.request(url, { method: 'DELETE' })).status).toBe(428);
    expect((await server.request(url, { method: 'DELETE', headers: { 'If-Match': '"5"' } })).status).toBe(412);
    const deleted = await server.request(url, { method: 'DELETE', headers: { 'If-Match': '"1"' } });
    expect(deleted.status).toBe(204);
    expect((await server.request(url)).status).toBe(404);
    expect((await server.request(url, { method: 'DELETE', headers: { 'If-Match': '"1"' } })).status).toBe(404);
    const actions = await server.database.db.selectFrom('audit_entry').select('action').where('entity_id', '=', contact.id).orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['create', 'delete']);
    expect(await tablesHolding(server, person.email)).toEqual([]);
  });
});

describe('GDPR: personal data export and erasure', () => {
  it('exports everything stored about the person as a JSON download', async () => {
    const contact = await createContact();
    await server.request(`/api/contacts/${contact.id}`, jsonBody('PATCH', { role: 'Endret' }, { 'If-Match': '"1"' }));
    const response = await server.request(`/api/contacts/${contact.id}/personal-data`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="personopplysninger-${contact.id}.json"; filename*=UTF-8''personopplysninger-${contact.id}.json`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const data = (await response.json()) as { contact: ContactSummary; auditEntries: Array<{ action: string; entity: string; entityId: string }> };
    expect(data.contact).toMatchObject({ id: contact.id, name: contact.name, email: contact.email, role: 'Endret' });
    expect(data.auditEntries.map((e) => e.action)).toEqual(['create', 'update']);
    expect(data.auditEntries.every((e) => e.entity === 'contact' && e.entityId === contact.id)).toBe(true);
    expect((await server.request(`/api/contacts/${UNKNOWN_ID}/personal-data`)).status).toBe(404);
  });

  it('erases the person everywhere: the record, and every audit entry about it, even old unredacted ones', async () => {
    const person = newPerson();
    const contact = await createContact(person);
    await server.request(`/api/contacts/${contact.id}`, jsonBody('PATCH', { name: `${person.name} Endret` }, { 'If-Match': '"1"' }));
    // An entry from before personal data was kept out of the log, holding the data in full.
    await server.database.db
      .insertInto('audit_entry')
      .values({ user_id: null, entity: 'contact', entity_id: contact.id, action: 'update', before: JSON.stringify(person), after: JSON.stringify({ ...contact, note: 'x' }) })
      .execute();
    expect(await tablesHolding(server, person.email)).toEqual(expect.arrayContaining(['contact', 'audit_entry']));

    const response = await server.request(`/api/contacts/${contact.id}/erase`, { method: 'POST' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: contact.id, recordDeleted: true, auditEntriesRedacted: 3 });

    for (const value of [person.name, person.email, person.role, person.phone]) {
      expect(await tablesHolding(server, value), value).toEqual([]);
    }
    expect((await server.request(`/api/contacts/${contact.id}`)).status).toBe(404);
    expect((await server.request(`/api/contacts/${contact.id}/personal-data`)).status).toBe(404);
    const entries = await server.database.db.selectFrom('audit_entry').selectAll().where('entity_id', '=', contact.id).orderBy('id').execute();
    expect(entries.map((e) => e.action)).toEqual(['create', 'update', 'update', 'erase']);
    expect(entries.at(-1)).toMatchObject({ entity: 'contact', before: { actorId: NAMSOS_LIBRARY }, after: { recordDeleted: true, auditEntriesRedacted: 3 } });
  });

  it('scrubs the log of a contact deleted earlier, and answers 404 when nothing is stored', async () => {
    const contact = await createContact();
    await server.request(`/api/contacts/${contact.id}`, { method: 'DELETE', headers: { 'If-Match': '"1"' } });
    const response = await server.request(`/api/contacts/${contact.id}/erase`, { method: 'POST' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ recordDeleted: false, auditEntriesRedacted: 2 });
    expect((await server.request(`/api/contacts/${UNKNOWN_ID}/erase`, { method: 'POST' })).status).toBe(404);
    expect((await server.request('/api/contacts/x/erase', { method: 'POST' })).status).toBe(400);
  });
});
