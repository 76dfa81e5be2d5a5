import { describe, expect, it } from 'vitest';
import { sampleId } from '@kompetansebro/db';
import type { CatchmentRequest, Problem } from '@kompetansebro/domain';
import { jsonBody, type RequestAs } from '@kompetansebro/testing/server';
import { ifMatch, loggedIn, testServer } from '../testing/fixture.test';

const server = testServer();
const namdal = loggedIn(server, 'namdal@demo.kompetansebro.no');
const fosen = loggedIn(server, 'fosen@demo.kompetansebro.no');

const NAMDAL = sampleId('actor', 'study-centre-namdal');
const FOSEN = sampleId('actor', 'study-centre-fosen');

async function areaOf(request: RequestAs, centre: string): Promise<string[]> {
  return ((await (await request(`/api/study-centres/${centre}/catchment-area`)).json()) as { municipalityNumbers: string[] }).municipalityNumbers;
}

describe('catchment-area change requests', () => {
  it('answers 400 naming each field', async () => {
    const empty = await namdal(`/api/study-centres/${NAMDAL}/catchment-requests`, jsonBody('POST', { add: [], remove: [], reason: '' }));
    expect(empty.status).toBe(400);
    const paths = ((await empty.json()) as Problem).errors?.map((e) => e.path) ?? [];
    expect(paths).toContain('add');
    expect(paths).toContain('reason');

    const wrong = await namdal(`/api/study-centres/${NAMDAL}/catchment-requests`, jsonBody('POST', { add: ['5007', '9999'], remove: ['5001'], reason: 'Test' }));
    expect(wrong.status).toBe(400);
    const errors = ((await wrong.json()) as Problem).errors ?? [];
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ['add.0', 'already_in_area'],
      ['add.1', 'municipality_not_found'],
      ['remove.0', 'not_in_area'],
    ]);
  });

  it('is stored for the county, which approves it and the catchment area changes', async () => {
    const created = await namdal(
      `/api/study-centres/${NAMDAL}/catchment-requests`,
      jsonBody('POST', { add: ['5006'], remove: ['5052'], reason: 'Studentene i Steinkjer bruker oss; Leka hører til Nærøysund-samarbeidet.' }),
    );
    expect(created.status).toBe(201);
    const request = (await created.json()) as CatchmentRequest;
    expect(request).toMatchObject({ status: 'pending', add: ['5006'], remove: ['5052'], studyCentreName: 'Namdal studiesenter' });
    // Asking changes nothing yet.
    expect(await areaOf(namdal, NAMDAL)).not.toContain('5006');

    const own = (await (await namdal(`/api/study-centres/${NAMDAL}/catchment-requests`)).json()) as { items: CatchmentRequest[] };
    expect(own.items.map((r) => r.id)).toContain(request.id);
    const pending = (await (await server.request('/api/catchment-requests?status=pending')).json()) as { items: CatchmentRequest[] };
    expect(pending.items.map((r) => r.id)).toContain(request.id);

    // The coordinator cannot decide its own request.
    expect((await namdal(`/api/catchment-requests/${request.id}/decision`, jsonBody('POST', { decision: 'approved' }, ifMatch(1)))).status).toBe(403);
    // A stale version is refused.
    expect((await server.request(`/api/catchment-requests/${request.id}/decision`, jsonBody('POST', { decision: 'approved' }, ifMatch(7)))).status).toBe(412);
    expect((await server.request(`/api/catchment-requests/${request.id}/decision`, jsonBody('POST', { decision: 'approved' }))).status).toBe(428);

    const decided = await server.request(`/api/catchment-requests/${request.id}/decision`, jsonBody('POST', { decision: 'approved', note: 'OK' }, ifMatch(request.version)));
    expect(decided.status).toBe(200);
    expect(((await decided.json()) as CatchmentRequest).status).toBe('approved');
    const area = await areaOf(server.request, NAMDAL);
    expect(area).toContain('5006');
    expect(area).not.toContain('5052');
    const audit = await server.database.db
      .selectFrom('audit_entry')
      .select(['entity', 'entity_id', 'action', 'before', 'after'])
      .where('entity_id', 'in', [request.id, NAMDAL])
      .where('entity', 'in', ['catchment_request', 'actor'])
      .execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ entity: 'catchment_request', entity_id: request.id, action: 'create', before: null, after: expect.objectContaining({ studyCentreId: NAMDAL, add: ['5006'], remove: ['5052'] }) }),
        expect.objectContaining({ entity: 'actor', entity_id: NAMDAL, action: 'update', after: { catchmentArea: expect.arrayContaining(['5006']) } }),
        expect.objectContaining({ entity: 'catchment_request', entity_id: request.id, action: 'transition', before: { status: 'pending' }, after: { status: 'approved', note: 'OK' } }),
      ]),
    );

    const twice = await server.request(`/api/catchment-requests/${request.id}/decision`, jsonBody('POST', { decision: 'rejected', note: 'Nei' }, ifMatch(request.version + 1)));
    expect(twice.status).toBe(409);
  });

  it('refuses a rejection without a note, naming the field, so the study centre always learns why', async () => {
    const asked = await namdal(`/api/study-centres/${NAMDAL}/catchment-requests`, jsonBody('POST', { add: ['5001'], reason: 'Studenter fra Trondheim' }));
    const request = (await asked.json()) as CatchmentRequest;
    for (const note of [undefined, null, '   ']) {
      const refused = await server.request(`/api/catchment-requests/${request.id}/decision`, jsonBody('POST', { decision: 'rejected', note }, ifMatch(request.version)));
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as Problem).errors?.map((e) => [e.path, e.code])).toEqual([['note', 'note_required']]);
    }
    const rejected = await server.request(`/api/catchment-requests/${request.id}/decision`, jsonBody('POST', { decision: 'rejected', note: 'Trondheim har eget tilbud.' }, ifMatch(request.version)));
    expect(rejected.status).toBe(200);
  });

  it('is kept from other study centres: Fosen cannot read or make Namdal’s requests', async () => {
    await namdal(`/api/study-centres/${NAMDAL}/catchment-requests`, jsonBody('POST', { add: ['5001'], reason: 'Hemmelig grunn fra Namdal' }));
    expect((await fosen(`/api/study-centres/${NAMDAL}/catchment-requests`)).status).toBe(404);
    expect((await fosen(`/api/study-centres/${NAMDAL}/catchment-requests`, jsonBody('POST', { add: ['5001'], reason: 'x' }))).status).toBe(404);
    const fosenList = await (await fosen('/api/catchment-requests')).text();
    expect(fosenList).not.toContain('Hemmelig grunn fra Namdal');
    expect(fosenList).not.toContain(NAMDAL);
    const own = (await (await fosen(`/api/study-centres/${FOSEN}/catchment-requests`)).json()) as { items: CatchmentRequest[] };
    expect(own.items).toEqual([]);
    const viewer = await server.as('fylke-innsyn@demo.kompetansebro.no');
    expect((await viewer('/api/catchment-requests')).status).toBe(200);
    expect((await viewer(`/api/study-centres/${NAMDAL}/catchment-requests`, jsonBody('POST', { add: ['5001'], reason: 'x' }))).status).toBe(403);
  });
});
