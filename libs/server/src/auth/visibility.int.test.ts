import { describe, expect, it } from 'vitest';
import { mainLibraryKey, sampleId } from '@kompetansebro/db';
import type { ActorDetail, AgreementDetail, Coverage, Page, Problem } from '@kompetansebro/domain';
import { jsonBody } from '@kompetansebro/testing/server';
import { ifMatch, json, loggedIn, PRODUCTION_REUSE, testServer } from '../testing/fixture.test';

// Focused tests of the row-level rules (visibility.ts and the domain's visibilityFor): the cases
// the authorization matrix does not spell out — what a principal may propose, move and keep.

const server = testServer(PRODUCTION_REUSE);
const namdal = loggedIn(server, 'namdal@demo.kompetansebro.no');
const namsos = loggedIn(server, 'namsos@demo.kompetansebro.no');
const ntnu = loggedIn(server, 'ntnu@demo.kompetansebro.no');

const actor = (key: string) => sampleId('actor', key);
const library = (municipality: string) => actor(mainLibraryKey(municipality));
const NAMDAL = actor('study-centre-namdal');
const FOSEN = actor('study-centre-fosen');
const NAMSOS = library('5007');
const GRONG = library('5045');
const TRONDHEIM = library('5001');
const NAMDALSEID = actor('branch-namdalseid');
const TRONDELAG_SOR_AGREEMENT = sampleId('agreement', 'trondelag-sor');

const proposal = (parties: Array<[string, string]>) => ({
  title: 'Samarbeidsavtale om studieplasser',
  kind: 'cooperation',
  parties: parties.map(([actorId, role]) => ({ actorId, role })),
});

describe('a study-centre coordinator and agreements', () => {
  it('proposes only agreements its centre is party to, with actors it sees', async () => {
    const own = await json<AgreementDetail>(await namdal('/api/agreements', jsonBody('POST', proposal([[NAMDAL, 'coordinator'], [GRONG, 'service_provider']]))), 201);
    expect(own.status).toBe('draft');
    // Without its centre: not its to propose.
    expect((await namdal('/api/agreements', jsonBody('POST', proposal([[NAMSOS, 'partner'], [GRONG, 'partner']])))).status).toBe(403);
    // An actor outside its catchment area is answered as unknown, like one that does not exist.
    const outside = await json<Problem>(await namdal('/api/agreements', jsonBody('POST', proposal([[NAMDAL, 'coordinator'], [TRONDHEIM, 'partner']]))), 400);
    const missing = await json<Problem>(
      await namdal('/api/agreements', jsonBody('POST', proposal([[NAMDAL, 'coordinator'], ['00000000-0000-4000-8000-000000000000', 'partner']]))),
      400,
    );
    expect(outside.errors).toEqual(missing.errors);
  });

  it('proposes and takes back, but does not sign; accepts only for itself', async () => {
    let agreement = await json<AgreementDetail>(await namdal('/api/agreements', jsonBody('POST', proposal([[NAMDAL, 'coordinator'], [NAMSOS, 'service_provider']]))), 201);
    expect(agreement.allowedTransitions).toEqual(['negotiating']);
    const transition = (to: string) => namdal(`/api/agreements/${agreement.id}/transitions`, jsonBody('POST', { to }, ifMatch(agreement.version)));
    agreement = await json<AgreementDetail>(await transition('negotiating'), 200);
    expect(agreement.allowedTransitions).toEqual(['draft']);
    expect((await transition('signed')).status).toBe(403);
    expect((await transition('terminated')).status).toBe(403);
    const accept = (party: string) => namdal(`/api/agreements/${agreement.id}/parties/${party}/accept`, { method: 'POST', headers: ifMatch(agreement.version) });
    expect((await accept(NAMSOS)).status).toBe(403);
    agreement = await json<AgreementDetail>(await accept(NAMDAL), 200);
    expect(agreement.parties.find((p) => p.actorId === NAMDAL)?.acceptedAt).not.toBeNull();
    // The county sees the same agreement with every move the state machine allows.
    const county = await json<AgreementDetail>(await server.request(`/api/agreements/${agreement.id}`), 200);
    expect(county.allowedTransitions).toEqual(['draft', 'signed', 'terminated']);
  });

  it('keeps its centre a party when it changes the parties', async () => {
    const agreement = await json<AgreementDetail>(await namdal('/api/agreements', jsonBody('POST', proposal([[NAMDAL, 'coordinator'], [NAMSOS, 'service_provider']]))), 201);
    const change = (parties: Array<[string, string]>) =>
      namdal(`/api/agreements/${agreement.id}`, jsonBody('PATCH', { parties: parties.map(([actorId, role]) => ({ actorId, role })) }, ifMatch(agreement.version)));
    expect((await change([[NAMSOS, 'partner'], [GRONG, 'partner']])).status).toBe(403);
    expect((await change([[NAMDAL, 'coordinator'], [NAMSOS, 'service_provider'], [GRONG, 'service_provider']])).status).toBe(200);
  });

  it('answers 404, never 412, for another centre’s agreement, whatever version it names', async () => {
    const stale = await namdal(`/api/agreements/${TRONDELAG_SOR_AGREEMENT}`, jsonBody('PATCH', { description: 'x' }, ifMatch(999)));
    expect(stale.status).toBe(404);
    expect(await stale.text()).not.toContain('version');
  });

  it('does not find another centre’s agreement by search', async () => {
    const hits = await json<{ items: Array<{ id: string }> }>(await namdal('/api/search?q=Studiesenter%20Tr%C3%B8ndelag%20s%C3%B8r&limit=50'), 200);
    expect(hits.items.map((h) => h.id)).not.toContain(TRONDELAG_SOR_AGREEMENT);
    const county = await json<{ items: Array<{ id: string }> }>(await server.request('/api/search?q=Studiesenter%20Tr%C3%B8ndelag%20s%C3%B8r&limit=50'), 200);
    expect(county.items.map((h) => h.id)).toContain(TRONDELAG_SOR_AGREEMENT);
  });
});

describe('a study-centre coordinator and activities', () => {
  const meeting = (organiserId: string, participants: string[] = []) => ({
    kind: 'meeting',
    title: 'Møte om studieplasser',
    startDate: '2026-02-01',
    organiserId,
    participants: participants.map((actorId) => ({ actorId })),
  });

  it('records activities its centre organises, with actors it sees', async () => {
    const own = await json<{ id: string; version: number }>(await namdal('/api/activities', jsonBody('POST', meeting(NAMDAL, [GRONG]))), 201);
    expect((await namdal('/api/activities', jsonBody('POST', meeting(GRONG)))).status).toBe(403);
    const outside = await json<Problem>(await namdal('/api/activities', jsonBody('POST', meeting(NAMDAL, [TRONDHEIM]))), 400);
    expect(outside.errors?.[0]).toMatchObject({ path: 'participants.0.actorId', code: 'actor_not_found' });
    // Handing the activity to another organiser would make it not its own.
    expect((await namdal(`/api/activities/${own.id}`, jsonBody('PATCH', { organiserId: GRONG }, ifMatch(own.version)))).status).toBe(403);
  });

  it('reads but does not change an activity it only takes part in; never sees another centre’s', async () => {
    const joined = await json<{ id: string; version: number }>(
      await server.request('/api/activities', jsonBody('POST', meeting(actor('county-library'), [NAMDAL]))),
      201,
    );
    const fosens = await json<{ id: string; version: number }>(await server.request('/api/activities', jsonBody('POST', meeting(FOSEN))), 201);
    expect((await namdal(`/api/activities/${joined.id}`)).status).toBe(200);
    expect((await namdal(`/api/activities/${joined.id}`, jsonBody('PATCH', { outcome: 'x' }, ifMatch(joined.version)))).status).toBe(403);
    expect((await namdal(`/api/activities/${joined.id}`, { method: 'DELETE', headers: ifMatch(joined.version) })).status).toBe(403);
    expect((await namdal(`/api/activities/${fosens.id}`)).status).toBe(404);
    expect((await namdal(`/api/activities/${fosens.id}`, { method: 'DELETE', headers: ifMatch(fosens.version) })).status).toBe(404);
    const list = await json<Page<{ id: string }>>(await namdal('/api/activities?pageSize=100'), 200);
    expect(list.items.map((a) => a.id)).toContain(joined.id);
    expect(list.items.map((a) => a.id)).not.toContain(fosens.id);
  });
});

describe('a study-centre coordinator and its area', () => {
  it('reads the actors of its catchment area, changes only its own record', async () => {
    const grong = await json<ActorDetail>(await namdal(`/api/actors/${GRONG}`), 200);
    expect((await namdal(`/api/actors/${GRONG}`, jsonBody('PATCH', { description: 'x' }, ifMatch(grong.version)))).status).toBe(403);
    const own = await json<ActorDetail>(await namdal(`/api/actors/${NAMDAL}`), 200);
    const changed = await json<ActorDetail>(await namdal(`/api/actors/${NAMDAL}`, jsonBody('PATCH', { phone: '74 21 00 00' }, ifMatch(own.version))), 200);
    expect(changed.phone).toBe('74 21 00 00');
    // Its profile's form: the description is its own too; its name and where it belongs are the county's.
    const described = await json<ActorDetail>(await namdal(`/api/actors/${NAMDAL}`, jsonBody('PATCH', { description: 'Studiesenter for hele Namdalen.' }, ifMatch(changed.version))), 200);
    expect(described.description).toBe('Studiesenter for hele Namdalen.');
    expect((await namdal(`/api/actors/${NAMDAL}`, jsonBody('PATCH', { name: 'Namdal kunnskapssenter' }, ifMatch(described.version)))).status).toBe(403);
    expect((await namdal(`/api/actors/${TRONDHEIM}`)).status).toBe(404);
    expect((await namdal(`/api/actors/${FOSEN}`)).status).toBe(404);
  });

  it('records who made the change in the audit log', async () => {
    const entries = await server.database.db
      .selectFrom('audit_entry')
      .select('user_id')
      .where('entity', '=', 'actor')
      .where('entity_id', '=', NAMDAL)
      .where('action', '=', 'update')
      .execute();
    expect(entries.map((e) => e.user_id)).toContain(sampleId('user', 'namdal@demo.kompetansebro.no'));
  });

  it('sees the coverage of its own catchment area only, whatever region it asks about', async () => {
    const own = await json<Coverage>(await namdal(`/api/coverage?studyCentre=${NAMDAL}`), 200);
    expect(own.studyCentres.map((c) => c.id)).toEqual([NAMDAL]);
    expect((await namdal(`/api/coverage?studyCentre=${FOSEN}`)).status).toBe(404);
    const regions = await json<Page<{ id: string; name: string }>>(await namdal('/api/regions'), 200);
    const region = (name: string) => regions.items.find((r) => r.name === name)?.id ?? '';
    const namdalRegion = await json<Coverage>(await namdal(`/api/coverage?region=${region('Namdal')}`), 200);
    expect(namdalRegion.studyCentres.map((c) => c.id)).toEqual([NAMDAL]);
    expect(namdalRegion.summary.municipalities).toBe(own.summary.municipalities);
    const fosenRegion = await json<Coverage>(await namdal(`/api/coverage?region=${region('Fosen')}`), 200);
    expect(fosenRegion).toMatchObject({ studyCentres: [], municipalities: [], summary: { municipalities: 0 } });
    // The county's answer about Fosen is whole.
    const county = await json<Coverage>(await server.request(`/api/coverage?region=${region('Fosen')}`), 200);
    expect(county.studyCentres.map((c) => c.id)).toEqual([FOSEN]);
  });

  it('follows its catchment area as the county changes it, from the next request', async () => {
    const before = await json<Page<{ id: string }>>(await namdal(`/api/actors?municipality=5054`), 200);
    expect(before.total).toBe(0);
    const centre = await json<ActorDetail>(await server.request(`/api/actors/${NAMDAL}`), 200);
    const area = await json<{ municipalityNumbers: string[] }>(await server.request(`/api/study-centres/${NAMDAL}/catchment-area`), 200);
    const put = (numbers: string[], version: number) =>
      server.request(`/api/study-centres/${NAMDAL}/catchment-area`, jsonBody('PUT', { municipalityNumbers: numbers }, ifMatch(version)));
    const widened = await put([...area.municipalityNumbers, '5054'], centre.version);
    expect(widened.status).toBe(200);
    const after = await json<Page<{ id: string }>>(await namdal(`/api/actors?municipality=5054`), 200);
    expect(after.total).toBeGreaterThan(0);
    expect((await namdal(`/api/study-centres/${NAMDAL}/catchment-area`, jsonBody('PUT', { municipalityNumbers: [] }, ifMatch(centre.version + 1)))).status).toBe(403);
    expect((await put(area.municipalityNumbers, centre.version + 1)).status).toBe(200);
  });
});

describe('a library editor', () => {
  it('changes its library and branches, but not where a branch belongs', async () => {
    const branch = await json<ActorDetail>(await namsos(`/api/actors/${NAMDALSEID}`), 200);
    const renamed = await json<ActorDetail>(await namsos(`/api/actors/${NAMDALSEID}`, jsonBody('PATCH', { description: 'Filial i Namdalseid' }, ifMatch(branch.version))), 200);
    const moved = await namsos(`/api/actors/${NAMDALSEID}`, jsonBody('PATCH', { parentId: GRONG }, ifMatch(renamed.version)));
    expect(moved.status).toBe(403);
    // The municipality decides which study centre reaches it: the county's too.
    const ownBefore = await json<ActorDetail>(await namsos(`/api/actors/${NAMSOS}`), 200);
    const rehomed = await namsos(`/api/actors/${NAMSOS}`, jsonBody('PATCH', { municipalityNumber: '5045' }, ifMatch(ownBefore.version)));
    expect(rehomed.status).toBe(403);
    // Its name and register numbers are the county's too (they match imports and find duplicates); sending them unchanged is no change.
    for (const change of [{ name: 'Namsos folkebibliotek' }, { libraryNumber: '2050999' }, { organisationNumber: '974760673' }]) {
      expect((await namsos(`/api/actors/${NAMSOS}`, jsonBody('PATCH', change, ifMatch(ownBefore.version)))).status).toBe(403);
    }
    expect((await namsos(`/api/actors/${NAMSOS}`, jsonBody('PATCH', { name: ownBefore.name }, ifMatch(ownBefore.version)))).status).toBe(200);
    expect((await json<ActorDetail>(await namsos(`/api/actors/${NAMSOS}`), 200)).version).toBe(ownBefore.version + 1);
    const contact = await json<ActorDetail>(await namsos(`/api/actors/${NAMSOS}`, jsonBody('PATCH', { phone: '74 21 00 01' }, ifMatch(ownBefore.version + 1))), 200);
    expect(contact).toMatchObject({ phone: '74 21 00 01', municipalityNumber: ownBefore.municipalityNumber });
    const own = await json<ActorDetail>(await namsos(`/api/actors/${NAMSOS}`), 200);
    expect(own.children.map((c) => c.id)).toEqual([NAMDALSEID]);
    expect((await namsos(`/api/actors/${GRONG}`)).status).toBe(404);
  });

  it("keeps the services and contacts of its library and branches, and no one else's", async () => {
    const service = await json<{ id: string }>(
      await namsos('/api/services', jsonBody('POST', { actorId: NAMDALSEID, type: 'study_places', audiences: ['students'] })),
      201,
    );
    expect((await namsos(`/api/services/${service.id}`)).status).toBe(200);
    expect((await namsos('/api/services', jsonBody('POST', { actorId: GRONG, type: 'study_places', audiences: ['students'] }))).status).toBe(400);
    const contact = await json<{ id: string; version: number }>(await namsos('/api/contacts', jsonBody('POST', { actorId: NAMSOS, name: 'Ny Kontaktperson' })), 201);
    expect((await namsos(`/api/contacts/${contact.id}/erase`, { method: 'POST' })).status).toBe(200);
    const foreign = sampleId('contact', 'county-library-project');
    expect((await namsos(`/api/contacts/${foreign}`)).status).toBe(404);
    expect((await namsos(`/api/contacts/${foreign}/personal-data`)).status).toBe(404);
    expect((await namsos(`/api/contacts/${foreign}/erase`, { method: 'POST' })).status).toBe(404);
    expect((await server.request(`/api/contacts/${foreign}`)).status).toBe(200);
  });

  it('reads the agreements its library takes part in', async () => {
    const agreement = await json<AgreementDetail>(await namdal('/api/agreements', jsonBody('POST', proposal([[NAMDAL, 'coordinator'], [NAMDALSEID, 'service_provider']]))), 201);
    expect((await namsos(`/api/agreements/${agreement.id}`)).status).toBe(200);
    expect((await namsos(`/api/agreements/${TRONDELAG_SOR_AGREEMENT}`)).status).toBe(404);
  });
});

describe('a university liaison', () => {
  it('reads every public library and branch and its university, no study centre', async () => {
    const libraries = await json<Page<{ id: string }>>(await ntnu('/api/actors?kind=public_library&pageSize=100'), 200);
    const all = await json<Page<{ id: string }>>(await server.request('/api/actors?kind=public_library&pageSize=100'), 200);
    expect(libraries.total).toBe(all.total);
    expect((await ntnu('/api/actors?kind=study_centre')).status).toBe(200);
    expect((await json<Page<{ id: string }>>(await ntnu('/api/actors?kind=study_centre'), 200)).total).toBe(0);
    expect((await ntnu(`/api/actors/${actor('ntnu')}`)).status).toBe(200);
    expect((await ntnu(`/api/actors/${actor('ntnu-gloshaugen')}`)).status).toBe(200);
    expect((await ntnu(`/api/actors/${actor('nord-library')}`)).status).toBe(404);
    expect((await ntnu(`/api/coverage?studyCentre=${NAMDAL}`)).status).toBe(403);
  });

  it('reads the agreements and activities of its library and university only', async () => {
    const own = await json<AgreementDetail>(
      await server.request('/api/agreements', jsonBody('POST', { ...proposal([[actor('ntnu'), 'partner'], [TRONDHEIM, 'partner']]), kind: 'interlibrary_loan' })),
      201,
    );
    const nords = await json<AgreementDetail>(await server.request('/api/agreements', jsonBody('POST', proposal([[actor('nord-library'), 'partner'], [NAMSOS, 'partner']]))), 201);
    const list = await json<Page<{ id: string }>>(await ntnu('/api/agreements?pageSize=100'), 200);
    expect(list.items.map((a) => a.id)).toEqual([own.id]);
    expect((await ntnu(`/api/agreements/${nords.id}`)).status).toBe(404);
    const webinars = await json<Page<{ id: string }>>(await ntnu('/api/activities?pageSize=100'), 200);
    expect(webinars.items.map((a) => a.id)).toEqual([sampleId('activity', 'webinar-interlibrary-loan-2026')]);
  });
});
