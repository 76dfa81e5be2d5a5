import { describe, expect, it } from 'vitest';
import { mainLibraryKey, sampleId } from '@kompetansebro/db';
import { addDays, todayInNorway, type Page, type ServiceSummary } from '@kompetansebro/domain';
import { COUNTY_ADMIN, jsonBody } from '@kompetansebro/testing/server';
import { expectQueryRefused, testServer } from '../testing/fixture.test';

const server = testServer();

interface AuditEntry {
  id: string;
  occurredAt: string;
  userId: string | null;
  userName: string | null;
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

async function auditPage(query: string): Promise<Page<AuditEntry>> {
  const response = await server.request(`/api/audit?${query}`);
  expect(response.status, query).toBe(200);
  return (await response.json()) as Page<AuditEntry>;
}

async function actorName(id: string): Promise<string> {
  return (await server.database.db.selectFrom('actor').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name;
}

async function createService(): Promise<ServiceSummary> {
  const response = await server.request(
    '/api/services',
    jsonBody('POST', { actorId: sampleId('actor', mainLibraryKey('5045')), type: 'office_places', audiences: ['public'] }),
  );
  expect(response.status).toBe(201);
  return (await response.json()) as ServiceSummary;
}

describe('GET /api/audit', () => {
  it("shows one record's history, newest first, with before and after", async () => {
    const service = await createService();
    await server.request(`/api/services/${service.id}`, jsonBody('PATCH', { weeklyHours: 10 }, { 'If-Match': '"1"' }));
    await server.request(`/api/services/${service.id}/archive`, { method: 'POST', headers: { 'If-Match': '"2"' } });

    const page = await auditPage(`entity=service&id=${service.id}`);
    expect(page).toMatchObject({ total: 3, page: 1, pageSize: 25 });
    expect(page.items.map((e) => e.action)).toEqual(['archive', 'update', 'create']);
    const [archive, update, create] = page.items;
    // Who made the change: the logged-in county admin, by id and by name.
    expect(create).toMatchObject({
      entity: 'service',
      entityId: service.id,
      userId: sampleId('user', COUNTY_ADMIN),
      userName: 'Fylkesbiblioteket (demo)',
      before: null,
      after: { id: service.id, version: 1 },
    });
    expect(update).toMatchObject({ before: { weeklyHours: null }, after: { weeklyHours: 10 } });
    expect(archive?.after).toMatchObject({ version: 3 });
    expect(typeof archive?.id).toBe('string');
    expect(Date.parse(archive?.occurredAt ?? '')).toBeGreaterThanOrEqual(Date.parse(create?.occurredAt ?? ''));
  });

  it('lists the whole log newest first, filters by entity type, and pages', async () => {
    await createService();
    const all = await auditPage('pageSize=100');
    expect(all.total).toBeGreaterThan(1);
    const ids = all.items.map((e) => BigInt(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));

    const services = await auditPage('entity=service&pageSize=100');
    expect(services.items.length).toBeGreaterThan(0);
    expect(services.items.every((e) => e.entity === 'service')).toBe(true);

    const first = await auditPage('pageSize=1&page=1');
    const second = await auditPage('pageSize=1&page=2');
    expect(first.items[0]?.id).toBe(all.items[0]?.id);
    expect(second.items[0]?.id).toBe(all.items[1]?.id);
    expect((await auditPage('entity=service&id=no-such-record')).total).toBe(0);
    const sampleData = (await auditPage('entity=sample-data&id=service')).items[0];
    expect(sampleData?.after).toMatchObject({ services: expect.any(Number) });
    // The system wrote it: no user, so no name.
    expect(sampleData).toMatchObject({ userId: null, userName: null });
  });

  it('counts a long log only up to a cap past the page, and names each record by its key', async () => {
    const agreementId = sampleId('agreement', 'trondelag-sor');
    const { title } = await server.database.db.selectFrom('agreement').select('title').where('id', '=', agreementId).executeTakeFirstOrThrow();
    // 1,100 more entries: more than the cap (1,000) past the first page's start.
    const entries = Array.from({ length: 1_100 }, (_, n) => ({
      entity: 'agreement' as const,
      // Entries about records keyed by something else than a uuid must not break the name lookup.
      entity_id: n === 0 ? 'not-a-uuid' : agreementId,
      action: 'update',
      user_id: null,
      before: null,
      after: null,
    }));
    await server.database.db.insertInto('audit_entry').values(entries).execute();
    const all = Number((await server.database.db.selectFrom('audit_entry').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

    const first = await auditPage('pageSize=25');
    expect(first).toMatchObject({ total: 1_000, totalCapped: true, page: 1 });
    expect((first.items[0] as AuditEntry & { recordName: string | null }).recordName).toBe(title);
    // From page 41 (past the first 1,000), counting goes 1,000 further: here to the end, exactly.
    const later = await auditPage('pageSize=25&page=41');
    expect(later.total).toBe(all);
    expect(later.totalCapped).toBeUndefined();
    const oldest = (await auditPage(`entity=agreement&id=not-a-uuid`)).items[0] as AuditEntry & { recordName: string | null };
    expect(oldest.recordName).toBeNull();
  });

  it('names a survey by its name and student counts by their university, as they are now', async () => {
    const survey = await server.request('/api/surveys', jsonBody('POST', { name: 'Tjenester 2027', deadline: addDays(todayInNorway(), 60), actorIds: [sampleId('actor', mainLibraryKey('5007'))], includeBranches: false }));
    expect(survey.status).toBe(201);
    const ntnu = await server.as('ntnu@demo.kompetansebro.no');
    const counts = await ntnu('/api/liaison/student-counts?period=current', jsonBody('PUT', { counts: [{ municipalityNumber: '5007', count: 12 }] }, { 'If-Match': '"0"' }));
    expect(counts.status).toBe(200);

    const surveyEntry = (await auditPage('entity=survey')).items[0] as AuditEntry & { recordName: string | null };
    expect(surveyEntry.recordName).toBe('Tjenester 2027');
    const countsEntry = (await auditPage('entity=student_counts')).items[0] as AuditEntry & { recordName: string | null };
    expect(countsEntry.recordName).toBe(await actorName(sampleId('actor', 'ntnu-library')));
    // The period is in the entry, for the log to say which counts these are.
    expect(countsEntry.after).toMatchObject({ period: 'current' });
  });

  it('answers 400 naming the parameter for bad query values', async () => {
    await expectQueryRefused(server, '/api/audit', ['page=0', 'pageSize=500', 'page=x', 'entity=Not%20an%20entity', `entity=${'a'.repeat(51)}`, 'id=a%00b', `id=${'1'.repeat(101)}`, 'id=']);
  });
});

describe('the OpenAPI document', () => {
  it('describes the audit, search, service and contact routes with named components', async () => {
    const response = await server.request('/api/openapi.json');
    expect(response.status).toBe(200);
    const document = (await response.json()) as { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } };
    expect(Object.keys(document.paths['/api/audit'] ?? {})).toEqual(['get']);
    expect(Object.keys(document.paths['/api/search'] ?? {})).toEqual(['get']);
    expect(Object.keys(document.paths['/api/services/{id}'] ?? {}).sort()).toEqual(['get', 'patch']);
    for (const path of ['/api/services/{id}/confirm', '/api/services/{id}/archive', '/api/services/{id}/restore', '/api/contacts/{id}/erase']) {
      expect(Object.keys(document.paths[path] ?? {}), path).toEqual(['post']);
    }
    expect(Object.keys(document.paths['/api/contacts/{id}'] ?? {}).sort()).toEqual(['delete', 'get', 'patch']);
    expect(document.paths['/api/contacts/{id}/personal-data']).toBeDefined();
    expect(document.paths['/api/services/export']).toBeDefined();
    expect(document.paths['/api/contacts/export']).toBeDefined();
    for (const name of ['AuditEntry', 'AuditPage', 'SearchResult', 'Service', 'ServicePage', 'ServiceCreate', 'ServiceUpdate', 'ServiceConfirm', 'Contact', 'ContactPage', 'ContactPersonalData', 'ErasureReceipt']) {
      expect(document.components.schemas[name], name).toBeDefined();
    }
  });
});
