import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts, mainLibraryKey, sampleId } from '@kompetansebro/db';
import { can, policyTable, type Action, type Me, type Resource, type Role } from '@kompetansebro/domain';
import { jsonBody, startTestServer, type RequestAs, type TestServer } from '@kompetansebro/testing/server';
import { createApp } from '../app';
import { PRODUCTION_REUSE } from '../testing/fixture.test';
import { ifMatch } from '../testing/fixture.test';
import { policyOf, type RoutePolicy } from './access-control';

// The authorization matrix (issue 4): every registered /api route × every demo account × an own,
// a seen-but-not-own and a foreign record, against the sample data, expecting the status the
// rules give — 401 anonymous, 403 what the role may not do, 404 a record it may not see, 403 a
// record it sees but may not change, success otherwise — and that no foreign row shows up in any
// answer: lists, exports, counts, search, coverage, and every other body (0 leaks).
//
// The expected answers come from an oracle written here from the brief's rules, over the data
// read straight from the database — not from the server's own visibility code.
//
// A route on an organisation's data with no entry in `specs` fails the test: a new route must say
// how to reach its own and foreign records. Routes of the county's own records (a resource no
// other role has in the policy table: users, initiatives, the audit log) are covered without an
// entry: 401/403 from the policy table, and no 401/403/5xx for the roles it allows.

let server: TestServer;
let routes: Array<{ method: string; path: string; policy: RoutePolicy }>;

const actorId = (key: string) => sampleId('actor', key);
const NAMDAL = actorId('study-centre-namdal');
const FOSEN = actorId('study-centre-fosen');
const TRONDELAG_SOR = actorId('study-centre-trondelag-sor');
const TRONDELAG_SORVEST = actorId('study-centre-trondelag-sorvest');
const COUNTY_LIBRARY = actorId('county-library');
const NTNU_LIBRARY = actorId('ntnu-library');
const NORD_LIBRARY = actorId('nord-library');
const library = (municipality: string) => actorId(mainLibraryKey(municipality));
const NAMSOS = library('5007');
const TRONDHEIM = library('5001');

// ------------------------------------------------------------------------------ the oracle

interface World {
  actors: Map<string, { id: string; kind: string; municipality: string | null; parent: string | null; name: string }>;
  catchment: Map<string, string[]>;
  services: Map<string, { actorId: string }>;
  contacts: Map<string, { actorId: string; email: string | null }>;
  agreements: Map<string, { parties: string[]; services: string[] }>;
  activities: Map<string, { organiser: string | null; participants: string[] }>;
  initiatives: string[];
  /** Plan items by the organisation responsible for them. */
  planItems: Map<string, { responsible: string | null }>;
}

async function loadWorld(): Promise<World> {
  const db = server.database.db;
  const [actors, catchment, services, contacts, agreements, parties, committed, activities, participants, initiatives, planItems] = await Promise.all([
    db.selectFrom('actor').select(['id', 'kind', 'municipality_number', 'parent_id', 'name']).execute(),
    db.selectFrom('catchment_area').select(['study_centre_id', 'municipality_number']).execute(),
    db.selectFrom('service').select(['id', 'actor_id']).execute(),
    db.selectFrom('contact').select(['id', 'actor_id', 'email']).execute(),
    db.selectFrom('agreement').select('id').execute(),
    db.selectFrom('agreement_party').select(['agreement_id', 'actor_id']).execute(),
    db.selectFrom('agreement_service').select(['agreement_id', 'service_id']).execute(),
    db.selectFrom('activity').select(['id', 'organiser_id']).execute(),
    db.selectFrom('activity_participant').select(['activity_id', 'actor_id']).execute(),
    db.selectFrom('initiative').select('id').execute(),
    db.selectFrom('plan_item').select(['id', 'responsible_actor_id']).execute(),
  ]);
  const world: World = {
    actors: new Map(actors.map((a) => [a.id, { id: a.id, kind: a.kind, municipality: a.municipality_number, parent: a.parent_id, name: a.name }])),
    catchment: new Map(),
    services: new Map(services.map((s) => [s.id, { actorId: s.actor_id }])),
    contacts: new Map(contacts.map((c) => [c.id, { actorId: c.actor_id, email: c.email }])),
    agreements: new Map(agreements.map((a) => [a.id, { parties: [], services: [] }])),
    activities: new Map(activities.map((a) => [a.id, { organiser: a.organiser_id, participants: [] }])),
    initiatives: initiatives.map((i) => i.id),
    planItems: new Map(planItems.map((p) => [p.id, { responsible: p.responsible_actor_id }])),
  };
  for (const c of catchment) world.catchment.set(c.study_centre_id, [...(world.catchment.get(c.study_centre_id) ?? []), c.municipality_number]);
  for (const p of parties) world.agreements.get(p.agreement_id)?.parties.push(p.actor_id);
  for (const s of committed) world.agreements.get(s.agreement_id)?.services.push(s.service_id);
  for (const p of participants) world.activities.get(p.activity_id)?.participants.push(p.actor_id);
  return world;
}

interface Who {
  email: string;
  role: Role;
  org: string;
  request: RequestAs;
}

type Kind = 'actor' | 'service' | 'contact' | 'agreement' | 'acceptance' | 'activity' | 'centre' | 'centreRequest' | 'recordOwner' | 'party' | 'organiser' | 'countySetting' | 'planItem';

interface Access {
  read(id: string): boolean;
  write(id: string): boolean;
  candidates(): string[];
  /** Ids tied to the principal's own organisation, preferred as its "own" record. */
  related(id: string): boolean;
}

/** The brief's rules, restated: who reads and who changes which record. */
function rulesFor(world: World, who: Who) {
  const { role, org } = who;
  const county = role === 'county_admin' || role === 'county_viewer';
  const admin = role === 'county_admin';
  const coordinator = role === 'study_centre_coordinator';
  const liaison = role === 'university_liaison';
  const editor = role === 'library_editor';
  // A partner's contact (a career centre, a campus, …): its own organisation and its plan items, nothing else.
  const partner = role === 'partner_contact';
  const actors = [...world.actors.values()];
  const parent = world.actors.get(org)?.parent ?? null;
  const university = liaison && parent && world.actors.get(parent)?.kind === 'university' ? parent : null;
  const campuses = actors.filter((a) => university && a.parent === university && a.kind === 'university_campus').map((a) => a.id);
  const branches = actors.filter((a) => editor && a.parent === org && a.kind === 'library_branch').map((a) => a.id);
  const catchment = coordinator ? (world.catchment.get(org) ?? []) : [];
  /** The actors whose agreements and activities the principal reaches. */
  const mine = coordinator ? [org] : liaison ? [org, ...(university ? [university] : [])] : editor ? [org, ...branches] : [];

  const actorRead = (id: string) => {
    const a = world.actors.get(id);
    if (!a) return false;
    if (county) return true;
    if (coordinator) return id === org || (a.municipality !== null && catchment.includes(a.municipality));
    if (liaison) return a.kind === 'public_library' || a.kind === 'library_branch' || [org, university, ...campuses].includes(id);
    if (partner) return id === org;
    return mine.includes(id);
  };
  const actorWrite = (id: string) => admin || (coordinator && id === org) || (editor && mine.includes(id));
  const recordWrite = (id: string) => admin || (editor && mine.includes(id));
  const ownsParty = (id: string) => admin || (coordinator && id === org);
  const agreementRead = (id: string) => county || (world.agreements.get(id)?.parties ?? []).some((p) => mine.includes(p));
  const activityOf = (id: string) => world.activities.get(id) ?? { organiser: null, participants: [] };
  // A study centre also reads the activities that involve an actor of its catchment area (its libraries).
  const inCatchment = (id: string) => coordinator && catchment.includes(world.actors.get(id)?.municipality ?? '');
  const activityRead = (id: string) => {
    const a = activityOf(id);
    return county || (world.activities.has(id) && [a.organiser, ...a.participants].some((x) => x !== null && (mine.includes(x) || inCatchment(x))));
  };
  const relatedActor = (id: string) => id === org || mine.includes(id);

  const byActor = (records: Map<string, { actorId: string }>): Access => ({
    read: (id) => actorRead(records.get(id)?.actorId ?? ''),
    write: (id) => recordWrite(records.get(id)?.actorId ?? ''),
    candidates: () => [...records.keys()],
    related: (id) => relatedActor(records.get(id)?.actorId ?? ''),
  });
  const actorRef = (write: (id: string) => boolean): Access => ({
    read: actorRead,
    write,
    candidates: () => [org, ...preferredActors(world), ...world.actors.keys()],
    related: relatedActor,
  });
  const access: Record<Kind, Access> = {
    actor: actorRef(actorWrite),
    recordOwner: actorRef(recordWrite),
    party: actorRef(ownsParty),
    organiser: actorRef(ownsParty),
    service: byActor(world.services),
    contact: byActor(world.contacts),
    agreement: {
      read: agreementRead,
      write: (id) => admin || (coordinator && (world.agreements.get(id)?.parties ?? []).includes(org)),
      candidates: () => [...preferredAgreements, ...world.agreements.keys()],
      related: (id) => (world.agreements.get(id)?.parties ?? []).some(relatedActor),
    },
    // A party's answer to an agreement: the request answers for the principal's own organisation
    // when it is a party, else for the first party. Each organisation answers for itself (a
    // library's editor for its branches too); the county admin only for itself and for parties of
    // a kind no account acts for (a career centre, a university, …).
    acceptance: {
      read: agreementRead,
      write: (id) => {
        const parties = world.agreements.get(id)?.parties ?? [];
        const party = parties.includes(org) ? org : (parties[0] ?? '');
        if (admin) return party === org || !['study_centre', 'university_library', 'public_library', 'library_branch'].includes(world.actors.get(party)?.kind ?? '');
        return (coordinator || liaison) ? party === org : editor && mine.includes(party);
      },
      candidates: () => [...preferredAgreements, ...world.agreements.keys()],
      related: (id) => (world.agreements.get(id)?.parties ?? []).some(relatedActor),
    },
    // A plan item through the owner's routes: only the organisation responsible for it reaches it (the county too, its own).
    planItem: {
      read: (id) => world.planItems.get(id)?.responsible === org,
      write: (id) => world.planItems.get(id)?.responsible === org,
      candidates: () => [...world.planItems.keys()],
      related: (id) => world.planItems.get(id)?.responsible === org,
    },
    // The county's agreement settings: every role that reads agreements reads them; the county admin changes them.
    countySetting: { read: () => true, write: () => admin, candidates: () => ['county'], related: () => true },
    activity: {
      read: activityRead,
      write: (id) => admin || (coordinator && activityOf(id).organiser === org),
      candidates: () => [...preferredActivities, ...world.activities.keys()],
      related: (id) => [activityOf(id).organiser, ...activityOf(id).participants].some((x) => x !== null && relatedActor(x)),
    },
    centre: {
      read: (id) => world.actors.get(id)?.kind === 'study_centre' && (county || (coordinator && id === org)),
      write: () => admin,
      candidates: () => [org, NAMDAL, FOSEN, TRONDELAG_SOR, TRONDELAG_SORVEST].filter((id) => world.actors.get(id)?.kind === 'study_centre'),
      related: (id) => id === org,
    },
    // A catchment-area request: read like the centre; made by the county admin or the centre itself.
    centreRequest: {
      read: (id) => world.actors.get(id)?.kind === 'study_centre' && (county || (coordinator && id === org)),
      write: (id) => admin || (coordinator && id === org),
      candidates: () => [org, NAMDAL, FOSEN, TRONDELAG_SOR, TRONDELAG_SORVEST].filter((id) => world.actors.get(id)?.kind === 'study_centre'),
      related: (id) => id === org,
    },
  };

  /** Ids of records the principal may not see, less those a record it sees names (an agreement's parties, …). */
  function secrets(): Set<string> {
    const hidden = new Set<string>();
    for (const id of world.actors.keys()) if (!actorRead(id)) hidden.add(id);
    for (const [id, s] of world.services) if (!actorRead(s.actorId)) hidden.add(id);
    for (const [id, c] of world.contacts) if (!actorRead(c.actorId)) hidden.add(id);
    for (const id of world.agreements.keys()) if (!agreementRead(id)) hidden.add(id);
    for (const id of world.activities.keys()) if (!activityRead(id)) hidden.add(id);
    if (!county) for (const id of world.initiatives) hidden.add(id);
    if (!county) for (const [id, item] of world.planItems) if (item.responsible !== org) hidden.add(id);
    // The liaison view lists the county's coming activities as open to join (issue 8).
    if (liaison) for (const id of openActivities) hidden.delete(id);
    for (const [id, agreement] of world.agreements) {
      if (agreementRead(id)) for (const named of [...agreement.parties, ...agreement.services]) hidden.delete(named);
    }
    for (const [id, activity] of world.activities) {
      if (activityRead(id)) for (const named of [activity.organiser, ...activity.participants]) if (named) hidden.delete(named);
    }
    for (const actor of world.actors.values()) if (actorRead(actor.id) && actor.parent) hidden.delete(actor.parent);
    return hidden;
  }

  /** A liaison note (read from the database, as the run adds notes): the county reads every channel, a university library its own, a library editor its library's and branches'. */
  const noteRead = (note: { university_id: string | null; target_actor_id: string | null }) =>
    county || (liaison && note.university_id === org) || (editor && note.target_actor_id !== null && mine.includes(note.target_actor_id));

  return { access, secrets, actorRead, agreementRead, activityRead, noteRead, catchment, county };
}

/** Actors worth picking first as foreign records: libraries, study centres, university libraries. */
function preferredActors(world: World): string[] {
  const rank = (kind: string) => ['public_library', 'study_centre', 'university_library', 'library_branch'].indexOf(kind);
  return [TRONDHEIM, NAMSOS, ...[...world.actors.values()].filter((a) => rank(a.kind) >= 0).sort((a, b) => rank(a.kind) - rank(b.kind) || a.id.localeCompare(b.id)).map((a) => a.id)];
}
const preferredAgreements = [sampleId('agreement', 'trondelag-sor'), sampleId('agreement', 'trondelag-sorvest')];
const preferredActivities: string[] = [];
/** Coming activities the county organises: the liaison's experience exchange shows them (issue 8). */
const openActivities = new Set<string>();

type Variant = 'own' | 'seen' | 'foreign';

/** The own, seen-but-not-own and foreign record of a kind for a principal (foreign for the county: another organisation's). */
function pick(world: World, who: Who, reference: Who, kind: Kind): Partial<Record<Variant, string>> {
  const rules = rulesFor(world, who);
  const a = rules.access[kind];
  const candidates = [...new Set(a.candidates())];
  const score = (id: string) => (a.write(id) ? 2 : 0) + (a.related(id) ? 1 : 0);
  const readable = candidates.filter((id) => a.read(id)).sort((x, y) => score(y) - score(x));
  const own = readable[0];
  const seen = own && a.write(own) ? readable.find((id) => !a.write(id)) : undefined;
  let foreign = candidates.find((id) => !a.read(id));
  if (!foreign && rules.county) foreign = pick(world, reference, reference, kind).foreign;
  return { own, seen, foreign };
}

// ------------------------------------------------------------------------------ requests

interface CaseContext {
  id: string;
  who: Who;
  world: World;
  version: () => Promise<number>;
}

interface Spec {
  /** What the route names (in the path, or as a reference in the body); none: a collection. */
  kind?: Kind;
  /** The record is named in the body of a create: one out of sight is answered 400 (unknown), not 404. */
  reference?: boolean;
  /** The answer when allowed; a function where it depends on whose organisation asks. */
  ok: number | ((who: Who) => number);
  /** Makes the record the case acts on (a fresh copy, a document, a state), as the county admin. */
  prepare?: (id: string, world: World) => Promise<{ id: string; extra?: string; cleanup?: () => Promise<void> }>;
  request: (ctx: CaseContext & { extra?: string }) => Promise<[string, RequestInit?]> | [string, RequestInit?];
}

const patch = (path: string, body: unknown, version: number): [string, RequestInit] => [path, jsonBody('PATCH', body, ifMatch(version))];
const post = (path: string, body?: unknown, headers: Record<string, string> = {}): [string, RequestInit] =>
  body === undefined ? [path, { method: 'POST', headers }] : [path, jsonBody('POST', body, headers)];
/** A 1 × 1 PNG, a photo as far as the upload is concerned. */
const png = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYGAAAAAEAAH2FzhVAAAAAElFTkSuQmCC'), (c) => c.charCodeAt(0));
const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
function upload(): RequestInit {
  const form = new FormData();
  form.set('file', new File([pdf], 'signert.pdf', { type: 'application/pdf' }));
  return { method: 'POST', body: form };
}

async function asAdmin<T>(path: string, init: RequestInit | undefined, status: number): Promise<T> {
  const response = await server.request(path, init);
  if (response.status !== status) throw new Error(`${init?.method ?? 'GET'} ${path} as the county admin answered ${response.status}: ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

async function versionOf(table: 'actor' | 'service' | 'contact' | 'agreement' | 'activity' | 'plan_item', id: string): Promise<number> {
  const row = await server.database.db.selectFrom(table).select('version').where('id', '=', id).executeTakeFirst();
  return row?.version ?? 1;
}

/** A fresh draft with the parties of an agreement (so the copy is in reach of whoever the original is). */
async function freshAgreement(id: string, world: World): Promise<string> {
  const parties = world.agreements.get(id)?.parties ?? [];
  const created = await asAdmin<{ id: string }>(
    '/api/agreements',
    jsonBody('POST', { title: 'Kopi i autorisasjonsmatrisen', kind: 'cooperation', parties: parties.map((actorId) => ({ actorId, role: 'partner' })) }),
    201,
  );
  return created.id;
}

async function advance(id: string, statuses: string[]): Promise<void> {
  for (const to of statuses) {
    await asAdmin('/api/agreements/' + id + '/transitions', jsonBody('POST', { to }, ifMatch(await versionOf('agreement', id))), 200);
  }
}

/** A fresh copy, sent to its parties and signed by the county with a reason, read once so the calendar has made it active. */
async function signedCopy(id: string, world: World): Promise<string> {
  const fresh = await freshAgreement(id, world);
  await advance(fresh, ['negotiating']);
  await asAdmin(`/api/agreements/${fresh}/transitions`, jsonBody('POST', { to: 'signed', overrideReason: 'Autorisasjonsmatrisen' }, ifMatch(await versionOf('agreement', fresh))), 200);
  await asAdmin(`/api/agreements/${fresh}`, undefined, 200);
  return fresh;
}

/** A photo of the actor, uploaded by the county admin: the record a photo route acts on. */
async function photoOf(actorId: string): Promise<{ id: string }> {
  const photo = await asAdmin<{ id: string }>('/api/photos', photoUpload(actorId), 201);
  return { id: photo.id };
}

function photoUpload(actorId: string): RequestInit {
  const form = new FormData();
  form.set('actorId', actorId);
  form.set('altText', 'Biblioteket sett fra gata');
  form.set('photographer', 'Matrisefotografen');
  form.set('rights', 'consent');
  form.set('rightsDetail', 'Ingen personer på bildet');
  form.set('file', new File([png], 'bibliotek.png', { type: 'image/png' }));
  return { method: 'POST', body: form };
}

async function uploadAsAdmin(agreementId: string): Promise<string> {
  const document = await asAdmin<{ id: string }>(`/api/agreements/${agreementId}/documents`, upload(), 201);
  return document.id;
}

async function setArchived(table: 'actor' | 'service', id: string, archived: boolean): Promise<void> {
  await server.database.db
    .updateTable(table)
    .set({ archived_at: archived ? new Date() : null })
    .where('id', '=', id)
    .execute();
}

const archivedState = (table: 'actor' | 'service', archived: boolean) => async (id: string) => {
  await setArchived(table, id, archived);
  return { id, cleanup: () => setArchived(table, id, false) };
};

/** Another actor the principal sees, to be the second party of an agreement it proposes. */
function partnerFor(world: World, who: Who, not: string): string {
  const rules = rulesFor(world, who);
  return [NAMSOS, TRONDHEIM, ...world.actors.keys()].find((id) => id !== not && rules.actorRead(id) && world.actors.get(id)?.kind === 'public_library') ?? NAMSOS;
}

const note = 'Endret i autorisasjonsmatrisen';

/** Whose student counts a case reads: a liaison its own, anyone else NTNU's. */
const countsOrganisation = (who: Who) => (who.role === 'university_liaison' ? who.org : NTNU_LIBRARY);
/** A note each role may write: a liaison to Namsos, a library editor in its own library's channel, the county to Namsos. */
const noteFor = (who: Who) =>
  who.role === 'library_editor'
    ? { target: { actorId: who.org }, universityId: NTNU_LIBRARY, body: note }
    : who.role === 'university_liaison'
      ? { target: { actorId: NAMSOS }, body: note }
      : { target: { actorId: NAMSOS }, universityId: NTNU_LIBRARY, body: note };

const specs: Record<string, Spec> = {
  'GET /api/municipalities': { ok: 200, request: () => ['/api/municipalities'] },
  'GET /api/regions': { ok: 200, request: () => ['/api/regions'] },

  'GET /api/actors': { ok: 200, request: () => ['/api/actors?archived=include&pageSize=100'] },
  'GET /api/actors/export': { ok: 200, request: () => ['/api/actors/export?format=csv&archived=include'] },
  'GET /api/actors/:id': { kind: 'actor', ok: 200, request: ({ id }) => [`/api/actors/${id}`] },
  'POST /api/actors': { ok: 201, request: () => post('/api/actors', { kind: 'employer', name: 'Matrisetest AS' }) },
  'PATCH /api/actors/:id': { kind: 'actor', ok: 200, request: async ({ id, version }) => patch(`/api/actors/${id}`, { description: note }, await version()) },
  'POST /api/actors/:id/archive': {
    kind: 'actor',
    ok: 200,
    prepare: archivedState('actor', false),
    request: async ({ id, version }) => post(`/api/actors/${id}/archive`, undefined, ifMatch(await version())),
  },
  'POST /api/actors/:id/restore': {
    kind: 'actor',
    ok: 200,
    prepare: archivedState('actor', true),
    request: async ({ id, version }) => post(`/api/actors/${id}/restore`, undefined, ifMatch(await version())),
  },

  'POST /api/actors/:id/merge': {
    kind: 'actor',
    ok: 200,
    // A fresh duplicate of the actor (same kind, parent and municipality) to merge into it; gone afterwards.
    prepare: async (id) => {
      await setArchived('actor', id, false);
      const db = server.database.db;
      const original = await db.selectFrom('actor').select(['kind', 'parent_id', 'municipality_number']).where('id', '=', id).executeTakeFirstOrThrow();
      const duplicate = await db
        .insertInto('actor')
        .values({ ...original, name: 'Matriseduplikat', sort_key: 'matriseduplikat' })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id, extra: duplicate.id, cleanup: async () => void (await db.deleteFrom('actor').where('id', '=', duplicate.id).execute()) };
    },
    request: async ({ id, extra, version }) => post(`/api/actors/${id}/merge`, { duplicateId: extra }, ifMatch(await version())),
  },

  'GET /api/services': { ok: 200, request: () => ['/api/services?archived=include&pageSize=100'] },
  'GET /api/services/export': { ok: 200, request: () => ['/api/services/export?format=csv&archived=include'] },
  'GET /api/services/:id': { kind: 'service', ok: 200, request: ({ id }) => [`/api/services/${id}`] },
  'POST /api/services': {
    kind: 'recordOwner',
    reference: true,
    ok: 201,
    request: ({ id }) => post('/api/services', { actorId: id, type: 'printing_scanning', audiences: ['students'] }),
  },
  'PATCH /api/services/:id': { kind: 'service', ok: 200, request: async ({ id, version }) => patch(`/api/services/${id}`, { description: note }, await version()) },
  'POST /api/services/:id/confirm': {
    kind: 'service',
    ok: 200,
    request: async ({ id, version }) => post(`/api/services/${id}/confirm`, { confirmedBy: 'Matrisetesten' }, ifMatch(await version())),
  },
  'POST /api/services/:id/archive': {
    kind: 'service',
    ok: 200,
    prepare: archivedState('service', false),
    request: async ({ id, version }) => post(`/api/services/${id}/archive`, undefined, ifMatch(await version())),
  },
  'POST /api/services/:id/restore': {
    kind: 'service',
    ok: 200,
    prepare: archivedState('service', true),
    request: async ({ id, version }) => post(`/api/services/${id}/restore`, undefined, ifMatch(await version())),
  },

  'GET /api/contacts': { ok: 200, request: () => ['/api/contacts?pageSize=100'] },
  'GET /api/contacts/export': { ok: 200, request: () => ['/api/contacts/export?format=csv'] },
  'GET /api/contacts/:id': { kind: 'contact', ok: 200, request: ({ id }) => [`/api/contacts/${id}`] },
  'POST /api/contacts': { kind: 'recordOwner', reference: true, ok: 201, request: ({ id }) => post('/api/contacts', { actorId: id, name: 'Testa Matrisesen' }) },
  'PATCH /api/contacts/:id': { kind: 'contact', ok: 200, request: async ({ id, version }) => patch(`/api/contacts/${id}`, { role: note }, await version()) },
  'DELETE /api/contacts/:id': {
    kind: 'contact',
    ok: 204,
    prepare: async (id, world) => ({ id: await freshContact(id, world) }),
    request: async ({ id, version }) => [`/api/contacts/${id}`, { method: 'DELETE', headers: ifMatch(await version()) }],
  },
  'GET /api/contacts/:id/personal-data': { kind: 'contact', ok: 200, request: ({ id }) => [`/api/contacts/${id}/personal-data`] },
  'POST /api/contacts/:id/erase': {
    kind: 'contact',
    ok: 200,
    prepare: async (id, world) => ({ id: await freshContact(id, world) }),
    request: ({ id }) => post(`/api/contacts/${id}/erase`),
  },

  'GET /api/agreements': { ok: 200, request: () => ['/api/agreements?pageSize=100'] },
  'GET /api/agreements/counts': { ok: 200, request: () => ['/api/agreements/counts'] },
  'GET /api/agreements/export': { ok: 200, request: () => ['/api/agreements/export?format=csv'] },
  'GET /api/agreements/:id': { kind: 'agreement', ok: 200, request: ({ id }) => [`/api/agreements/${id}`] },
  'POST /api/agreements': {
    kind: 'party',
    reference: true,
    ok: 201,
    request: ({ id, who, world }) =>
      post('/api/agreements', {
        title: 'Avtale i autorisasjonsmatrisen',
        kind: 'cooperation',
        parties: [
          { actorId: id, role: 'coordinator' },
          { actorId: partnerFor(world, who, id), role: 'service_provider' },
        ],
      }),
  },
  // Edited as a draft (a signed agreement changes by an amendment).
  'PATCH /api/agreements/:id': {
    kind: 'agreement',
    ok: 200,
    prepare: async (id, world) => ({ id: await freshAgreement(id, world) }),
    request: async ({ id, version }) => patch(`/api/agreements/${id}`, { description: note }, await version()),
  },
  'POST /api/agreements/:id/transitions': {
    kind: 'agreement',
    ok: 200,
    prepare: async (id, world) => ({ id: await freshAgreement(id, world) }),
    request: async ({ id, version }) => post(`/api/agreements/${id}/transitions`, { to: 'negotiating' }, ifMatch(await version())),
  },
  'POST /api/agreements/:id/parties/:actorId/accept': {
    kind: 'acceptance',
    ok: 200,
    prepare: async (id, world) => ({ id: await freshAgreement(id, world) }),
    request: async ({ id, who, world, version }) => {
      const parties = world.agreements.get(id)?.parties ?? (await partiesOf(id));
      const party = parties.includes(who.org) ? who.org : (parties[0] ?? who.org);
      return post(`/api/agreements/${id}/parties/${party}/accept`, undefined, ifMatch(await version()));
    },
  },
  'POST /api/agreements/:id/parties/:actorId/decision': {
    kind: 'acceptance',
    ok: 200,
    prepare: async (id, world) => ({ id: await freshAgreement(id, world) }),
    request: async ({ id, who, version }) => {
      const parties = await partiesOf(id);
      const party = parties.includes(who.org) ? who.org : (parties[0] ?? who.org);
      return post(`/api/agreements/${id}/parties/${party}/decision`, { decision: 'declined', comment: 'Ikke ennå' }, ifMatch(await version()));
    },
  },
  'POST /api/agreements/:id/amendments': {
    kind: 'agreement',
    ok: 200,
    prepare: async (id, world) => ({ id: await signedCopy(id, world) }),
    request: async ({ id, version }) => post(`/api/agreements/${id}/amendments`, { reason: 'Endret i matrisen', description: 'Ny tekst' }, ifMatch(await version())),
  },
  'POST /api/agreements/:id/amendments/:amendmentId/parties/:actorId/accept': {
    kind: 'acceptance',
    ok: 200,
    // An amendment of the summary, which touches every party.
    prepare: async (id, world) => {
      const fresh = await signedCopy(id, world);
      const amended = await asAdmin<{ amendments: Array<{ id: string }> }>(
        `/api/agreements/${fresh}/amendments`,
        jsonBody('POST', { reason: 'Endret i matrisen', description: 'Ny tekst' }, ifMatch(await versionOf('agreement', fresh))),
        200,
      );
      return { id: fresh, extra: amended.amendments[0]?.id ?? '' };
    },
    request: async ({ id, extra, who, version }) => {
      const parties = await partiesOf(id);
      const party = parties.includes(who.org) ? who.org : (parties[0] ?? who.org);
      return post(`/api/agreements/${id}/amendments/${extra}/parties/${party}/accept`, undefined, ifMatch(await version()));
    },
  },
  'GET /api/agreements/:id/document': { kind: 'agreement', ok: 200, request: ({ id }) => [`/api/agreements/${id}/document?format=pdf`] },
  'GET /api/agreement-acceptances': { ok: 200, request: () => ['/api/agreement-acceptances'] },
  'GET /api/agreement-settings': { ok: 200, request: () => ['/api/agreement-settings'] },
  'PUT /api/agreement-settings': {
    kind: 'countySetting',
    ok: 200,
    request: async () => {
      const { version } = await server.database.db.selectFrom('county_setting').select('version').executeTakeFirstOrThrow();
      return ['/api/agreement-settings', jsonBody('PUT', { expiringDays: 90 }, ifMatch(version))];
    },
  },
  'POST /api/agreements/:id/renewals': {
    kind: 'agreement',
    ok: 201,
    // Signed by the county without the parties' acceptance (with a reason); no start date: in force at once.
    prepare: async (id, world) => ({ id: await signedCopy(id, world) }),
    request: ({ id }) => post(`/api/agreements/${id}/renewals`, { startDate: null, endDate: null }),
  },
  'POST /api/agreements/:id/documents': { kind: 'agreement', ok: 201, request: ({ id }) => [`/api/agreements/${id}/documents`, upload()] },
  'GET /api/agreements/:id/documents/:documentId': {
    kind: 'agreement',
    ok: 200,
    prepare: async (id) => ({ id, extra: await uploadAsAdmin(id) }),
    request: ({ id, extra }) => [`/api/agreements/${id}/documents/${extra}`],
  },
  'DELETE /api/agreements/:id/documents/:documentId': {
    kind: 'agreement',
    ok: 204,
    prepare: async (id) => ({ id, extra: await uploadAsAdmin(id) }),
    request: ({ id, extra }) => [`/api/agreements/${id}/documents/${extra}`, { method: 'DELETE' }],
  },

  'GET /api/coverage': { kind: 'centre', ok: 200, request: ({ id }) => [`/api/coverage?studyCentre=${id}`] },
  'GET /api/coverage/regions': { ok: 200, request: () => ['/api/coverage/regions'] },
  'GET /api/study-centres/:id/catchment-area': { kind: 'centre', ok: 200, request: ({ id }) => [`/api/study-centres/${id}/catchment-area`] },
  'PUT /api/study-centres/:id/catchment-area': {
    kind: 'centre',
    ok: 200,
    // The catchment area it has: the case changes nothing the other cases rely on.
    request: async ({ id, world }) => [
      `/api/study-centres/${id}/catchment-area`,
      jsonBody('PUT', { municipalityNumbers: world.catchment.get(id) ?? [] }, ifMatch(await versionOf('actor', id))),
    ],
  },

  'GET /api/study-centres/:id/brochure': { kind: 'centre', ok: 200, request: ({ id }) => [`/api/study-centres/${id}/brochure`] },
  'GET /api/study-centres/:id/brochure.pdf': { kind: 'centre', ok: 200, request: ({ id }) => [`/api/study-centres/${id}/brochure.pdf?lang=en`] },
  'GET /api/catchment-requests': { ok: 200, request: () => ['/api/catchment-requests'] },
  'GET /api/study-centres/:id/catchment-requests': { kind: 'centreRequest', ok: 200, request: ({ id }) => [`/api/study-centres/${id}/catchment-requests`] },
  'POST /api/study-centres/:id/catchment-requests': {
    kind: 'centreRequest',
    ok: 201,
    // Only asks: the catchment area changes when the county approves.
    request: ({ id }) => post(`/api/study-centres/${id}/catchment-requests`, { add: ['5001'], reason: 'Matrisetest' }),
  },
  'POST /api/catchment-requests/:id/decision': {
    ok: 200,
    // A fresh pending request of Namdal, made by the county admin, for each case.
    request: async () => {
      const created = await asAdmin<{ id: string; version: number }>(
        `/api/study-centres/${NAMDAL}/catchment-requests`,
        jsonBody('POST', { add: ['5001'], reason: 'Matrisetest' }),
        201,
      );
      return post(`/api/catchment-requests/${created.id}/decision`, { decision: 'rejected', note: 'Ikke nå' }, ifMatch(created.version));
    },
  },

  'GET /api/activities': { ok: 200, request: () => ['/api/activities?pageSize=100'] },
  'GET /api/activities/counts': { ok: 200, request: () => ['/api/activities/counts?per=year'] },
  'GET /api/activities/export': { ok: 200, request: () => ['/api/activities/export?format=csv'] },
  'GET /api/activities/:id': { kind: 'activity', ok: 200, request: ({ id }) => [`/api/activities/${id}`] },
  'GET /api/activities/:id/calendar.ics': { kind: 'activity', ok: 200, request: ({ id }) => [`/api/activities/${id}/calendar.ics`] },
  'POST /api/activities': {
    kind: 'organiser',
    reference: true,
    ok: 201,
    request: ({ id }) => post('/api/activities', { kind: 'meeting', title: 'Møte i autorisasjonsmatrisen', startDate: '2026-03-02', organiserId: id }),
  },
  'GET /api/own-plan-items': { ok: 200, request: () => ['/api/own-plan-items?pageSize=100'] },
  // The organisation's own calendar link (no record id: always the caller's organisation).
  'GET /api/calendar-feed': { ok: 200, request: () => ['/api/calendar-feed'] },
  'POST /api/calendar-feed': { ok: 201, request: () => ['/api/calendar-feed', { method: 'POST' }] },
  'GET /api/own-plan-items/:id': { kind: 'planItem', ok: 200, request: ({ id }) => [`/api/own-plan-items/${id}`] },
  'PATCH /api/own-plan-items/:id': { kind: 'planItem', ok: 200, request: async ({ id, version }) => patch(`/api/own-plan-items/${id}`, { resultText: note }, await version()) },
  'PATCH /api/activities/:id': { kind: 'activity', ok: 200, request: async ({ id, version }) => patch(`/api/activities/${id}`, { outcome: note }, await version()) },
  'DELETE /api/activities/:id': {
    kind: 'activity',
    ok: 204,
    prepare: async (id, world) => ({ id: await freshActivity(id, world) }),
    request: async ({ id, version }) => [`/api/activities/${id}`, { method: 'DELETE', headers: ifMatch(await version()) }],
  },

  'GET /api/search': { ok: 200, request: () => ['/api/search?q=bibliotek&limit=50'] },
  // The caller's own account and inbox: every role, always its own (no record of another to reach).
  'GET /api/inbox': { ok: 200, request: () => ['/api/inbox'] },
  'GET /api/me/notification-settings': { ok: 200, request: () => ['/api/me/notification-settings'] },
  'PUT /api/me/notification-settings': { ok: 200, request: () => ['/api/me/notification-settings', jsonBody('PUT', { inboxMail: 'immediately' })] },
  'PUT /api/me/profile': {
    ok: 204,
    // The name it has: other cases read the users' names.
    request: async ({ who }) => ['/api/me/profile', jsonBody('PUT', { name: ((await (await who.request('/api/me')).json()) as Me).user.name })],
  },
  // A wrong current password: the answer is the policy's (403/401) or the field's (400), and the demo password stays.
  'PUT /api/me/password': { ok: 400, request: () => ['/api/me/password', jsonBody('PUT', { currentPassword: 'ikke-passordet', newPassword: 'en helt annen lang setning' })] },

  // The university-library liaison (issue 8).
  'GET /api/liaison/libraries': { ok: 200, request: () => ['/api/liaison/libraries?pageSize=100'] },
  'GET /api/liaison/libraries/export': { ok: 200, request: () => ['/api/liaison/libraries/export?format=csv'] },
  'GET /api/liaison/student-counts': { ok: 200, request: ({ who }) => [`/api/liaison/student-counts?organisation=${countsOrganisation(who)}`] },
  'PUT /api/liaison/student-counts': {
    ok: 200,
    request: async ({ who }) => {
      const etag = (await who.request('/api/liaison/student-counts')).headers.get('etag') ?? '"0"';
      return ['/api/liaison/student-counts', jsonBody('PUT', { counts: [{ municipalityNumber: '5007', count: 4 }] }, { 'If-Match': etag })];
    },
  },
  'GET /api/liaison/needs': { ok: 200, request: ({ who }) => [`/api/liaison/needs?organisation=${countsOrganisation(who)}`] },
  'GET /api/liaison/threads': { ok: 200, request: () => ['/api/liaison/threads'] },
  'GET /api/liaison/universities': { ok: 200, request: () => ['/api/liaison/universities'] },
  'GET /api/liaison/notes': { ok: 200, request: () => ['/api/liaison/notes?pageSize=100'] },
  'POST /api/liaison/notes': { ok: 201, request: ({ who }) => post('/api/liaison/notes', noteFor(who)) },
  'GET /api/liaison/notes/:id': {
    ok: 200,
    request: async ({ who }) => {
      const note = await asAdmin<{ id: string }>('/api/liaison/notes', jsonBody('POST', { ...noteFor(who), universityId: who.role === 'university_liaison' ? who.org : NTNU_LIBRARY }), 201);
      return [`/api/liaison/notes/${note.id}`];
    },
  },
  'PATCH /api/liaison/notes/:id': {
    ok: 200,
    request: async ({ who }) => {
      // Only the author edits: the case edits a note the principal wrote itself.
      const created = await who.request('/api/liaison/notes', jsonBody('POST', noteFor(who)));
      const id = created.status === 201 ? ((await created.json()) as { id: string }).id : '00000000-0000-4000-8000-000000000000';
      return patch(`/api/liaison/notes/${id}`, { body: note }, 1);
    },
  },
  'GET /api/liaison/unread': { ok: 200, request: () => ['/api/liaison/unread'] },
  // The survey open to the caller's library: the sample data's, asked of every library, so a library's
  // editor gets a link to answer it; anyone else has no library, so no survey and no link.
  'GET /api/survey-form/own': { ok: 200, request: () => ['/api/survey-form/own'] },
  'POST /api/survey-form/own/link': { ok: (who) => (who.role === 'library_editor' ? 200 : 404), request: () => post('/api/survey-form/own/link') },
  'POST /api/liaison/notes/read': { ok: 200, request: () => post('/api/liaison/notes/read', { ids: [] }) },
  'GET /api/liaison/digest-subscription': { ok: 200, request: () => ['/api/liaison/digest-subscription'] },
  'PUT /api/liaison/digest-subscription': { ok: 200, request: () => ['/api/liaison/digest-subscription', jsonBody('PUT', { subscribed: false })] },
  'GET /api/liaison/activities': { ok: 200, request: () => ['/api/liaison/activities?when=upcoming'] },
  'PUT /api/liaison/activities/:id/participation': {
    ok: 200,
    request: () => [`/api/liaison/activities/${sampleId('activity', 'webinar-interlibrary-loan-2027')}/participation`, { method: 'PUT' }],
  },
  'DELETE /api/liaison/activities/:id/participation': {
    ok: 200,
    request: () => [`/api/liaison/activities/${sampleId('activity', 'webinar-interlibrary-loan-2027')}/participation`, { method: 'DELETE' }],
  },
  // Photos: read with the actor, added, changed and removed by whoever changes its services and contacts.
  'GET /api/photos': { ok: 200, request: () => ['/api/photos'] },
  'POST /api/photos': { kind: 'recordOwner', reference: true, ok: 201, request: ({ id }) => ['/api/photos', photoUpload(id)] },
  'PATCH /api/photos/:id': { kind: 'recordOwner', ok: 200, prepare: photoOf, request: ({ id }) => patch(`/api/photos/${id}`, { published: true }, 1) },
  'DELETE /api/photos/:id': { kind: 'recordOwner', ok: 204, prepare: photoOf, request: ({ id }) => [`/api/photos/${id}`, { method: 'DELETE', headers: ifMatch(1) }] },
  'GET /api/photos/:id/images/:size': { kind: 'recordOwner', ok: 200, prepare: photoOf, request: ({ id }) => [`/api/photos/${id}/images/small`] },
  // Opening hours: read with the actor, changed by whoever changes its services and contacts.
  'GET /api/opening-hours/:id': { kind: 'actor', ok: 200, request: ({ id }) => [`/api/opening-hours/${id}`] },
  'PATCH /api/opening-hours/:id': {
    kind: 'recordOwner',
    ok: 200,
    request: async ({ id }) => patch(`/api/opening-hours/${id}`, { weekly: [{ weekday: 'mo', kind: 'staffed', from: '10:00', to: '16:00' }] }, await openingHoursVersion(id)),
  },
  'PUT /api/opening-hours/:id/osm': {
    kind: 'recordOwner',
    ok: 200,
    request: async ({ id }) => [`/api/opening-hours/${id}/osm`, jsonBody('PUT', { openingHours: 'Tu 10:00-16:00' }, ifMatch(await openingHoursVersion(id)))],
  },
};

/** The version of an actor's opening hours (0 until first saved). */
async function openingHoursVersion(actorId: string): Promise<number> {
  const row = await server.database.db.selectFrom('opening_hours').select('version').where('id', '=', actorId).executeTakeFirst();
  return row?.version ?? 0;
}

const versionTable: Partial<Record<Kind, 'actor' | 'service' | 'contact' | 'agreement' | 'activity' | 'plan_item'>> = {
  planItem: 'plan_item',
  actor: 'actor',
  service: 'service',
  contact: 'contact',
  agreement: 'agreement',
  acceptance: 'agreement',
  activity: 'activity',
};

async function partiesOf(agreementId: string): Promise<string[]> {
  const rows = await server.database.db.selectFrom('agreement_party').select('actor_id').where('agreement_id', '=', agreementId).orderBy('position').execute();
  return rows.map((r) => r.actor_id);
}

async function freshContact(id: string, world: World): Promise<string> {
  const actor = world.contacts.get(id)?.actorId ?? NAMSOS;
  return (await asAdmin<{ id: string }>('/api/contacts', jsonBody('POST', { actorId: actor, name: 'Kopi Kontaktsen' }), 201)).id;
}

async function freshActivity(id: string, world: World): Promise<string> {
  const activity = world.activities.get(id) ?? { organiser: null, participants: [] };
  const created = await asAdmin<{ id: string }>(
    '/api/activities',
    jsonBody('POST', {
      kind: 'meeting',
      title: 'Kopi i autorisasjonsmatrisen',
      startDate: '2026-03-02',
      organiserId: activity.organiser,
      participants: activity.participants.map((actorId) => ({ actorId })),
    }),
    201,
  );
  return created.id;
}

// ------------------------------------------------------------------------------ leak checks

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

interface Tally {
  cases: number;
  /** How many cases expected each answer. */
  byStatus: Map<number | 'allowed', number>;
  leakChecks: number;
  leaks: string[];
  mismatches: string[];
}
const tally: Tally = { cases: 0, byStatus: new Map(), leakChecks: 0, leaks: [], mismatches: [] };

/** Every id in a body that names a record the principal may not see is a leak. */
function scan(label: string, body: string, secrets: Set<string>): void {
  tally.leakChecks += 1;
  for (const match of body.match(UUID) ?? []) {
    if (secrets.has(match.toLowerCase())) tally.leaks.push(`${label}: ${match}`);
  }
}

/** Semicolon CSV as the export writes it (BOM, quotes, CRLF): the rows without the header. */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  return rows.slice(1);
}

// ------------------------------------------------------------------------------ the run

const whos = new Map<string, Who>();
let reference: Who;

beforeAll(async () => {
  // As production runs it: sessions and scopes reused between requests, so no reuse can leak.
  server = await startTestServer((deps) => createApp({ ...deps, config: { ...deps.config, ...PRODUCTION_REUSE } }));
  const app = createApp({ db: server.database.db, config: { databaseKind: 'pglite', version: 'test', documentsDir: '/tmp', cookieSecure: false } });
  const seen = new Set<string>();
  routes = [];
  for (const route of app.routes) {
    if (!route.path.startsWith('/api') || route.method === 'ALL') continue;
    const policy = policyOf(route.handler);
    const key = `${route.method} ${route.path}`;
    if (!policy || seen.has(key)) continue;
    seen.add(key);
    routes.push({ method: route.method, path: route.path, policy });
  }

  // Records the sample data lacks: an agreement of each study centre and university library
  // without one, an activity each study centre organises, one it only takes part in.
  const agreement = (title: string, kind: string, parties: readonly string[]) =>
    asAdmin('/api/agreements', jsonBody('POST', { title, kind, parties: parties.map((actorId, i) => ({ actorId, role: i === 0 ? 'coordinator' : 'service_provider' })) }), 201);
  const activity = (title: string, organiserId: string, participants: string[]) =>
    asAdmin('/api/activities', jsonBody('POST', { kind: 'meeting', title, startDate: '2026-01-15', organiserId, participants: participants.map((actorId) => ({ actorId })) }), 201);
  // After the sample agreements of Trøndelag sør and sørvest: the first foreign agreement of most.
  for (const [title, kind, parties] of [
    ['Samarbeidsavtale Namdal studiesenter og Namsos bibliotek', 'cooperation', [NAMDAL, NAMSOS]],
    ['Samarbeidsavtale Fosen studiesenter og Indre Fosen bibliotek', 'cooperation', [FOSEN, library('5054')]],
    ['Fjernlånsavtale NTNU UB og Trondheim folkebibliotek', 'interlibrary_loan', [NTNU_LIBRARY, TRONDHEIM]],
    ['Fjernlånsavtale Nord UB og Levanger bibliotek', 'interlibrary_loan', [NORD_LIBRARY, library('5037')]],
  ] as const) {
    preferredAgreements.push(((await agreement(title, kind, [...parties])) as { id: string }).id);
  }
  for (const [centre, municipality] of [
    [NAMDAL, '5045'],
    [FOSEN, '5057'],
    [TRONDELAG_SOR, '5021'],
    [TRONDELAG_SORVEST, '5059'],
  ] as const) {
    preferredActivities.push(((await activity('Møte med biblioteket om studieplasser', centre, [library(municipality)])) as { id: string }).id);
  }
  preferredActivities.push(((await activity('Fylkesbibliotekets møte med studiesenteret', COUNTY_LIBRARY, [NAMDAL])) as { id: string }).id);

  for (const account of demoAccounts) {
    const request = await server.as(account.email);
    const me = (await (await request('/api/me')).json()) as Me;
    whos.set(account.email, { email: account.email, role: me.role, org: me.activeOrganisationId, request });
  }
  reference = whos.get('namdal@demo.kompetansebro.no') as Who;
  const open = await server.database.db
    .selectFrom('activity as x')
    .innerJoin('actor as o', 'o.id', 'x.organiser_id')
    .select('x.id')
    .where('x.start_date', '>=', new Date().toISOString().slice(0, 10))
    .where('o.kind', 'in', ['county_library', 'county_authority'])
    .execute();
  for (const row of open) openActivities.add(row.id);
}, 120_000);

afterAll(async () => {
  await server.close();
});

const everyRole = (resource: Resource) => (Object.keys(policyTable) as Role[]).filter((role) => (policyTable[role][resource] ?? []).length > 0);
/** A resource only the county has (users, initiatives, the audit log): no organisation owns its records. */
const countyOnly = (resource: Resource) => everyRole(resource).every((role) => role === 'county_admin' || role === 'county_viewer');
const writes = (action: Action) => action !== 'read' && action !== 'export';

function expectedStatus(route: (typeof routes)[number], spec: Spec | undefined, who: Who | null, record: string | undefined, world: World): number | 'allowed' {
  if (!who) return 401;
  if ('public' in route.policy) return 'allowed';
  const { resource, action } = route.policy;
  if (!can(who.role, resource, action)) return 403;
  if (!spec) return 'allowed';
  if (spec.kind && record) {
    const access = rulesFor(world, who).access[spec.kind];
    if (!access.read(record)) return spec.reference ? 400 : 404;
    if (writes(action) && !access.write(record)) return 403;
  }
  return typeof spec.ok === 'function' ? spec.ok(who) : spec.ok;
}

async function runCase(route: (typeof routes)[number], spec: Spec | undefined, who: Who | null, variant: Variant | 'any', record: string | undefined, world: World, secrets: Set<string>) {
  const expected = expectedStatus(route, spec, who, record, world);
  const reaches = expected !== 401 && !(expected === 403 && who && 'resource' in route.policy && !can(who.role, route.policy.resource, route.policy.action));
  let id = record ?? '00000000-0000-4000-8000-000000000000';
  let extra: string | undefined = '00000000-0000-4000-8000-000000000001';
  let cleanup: (() => Promise<void>) | undefined;
  if (spec?.prepare && record && reaches) {
    const prepared = await spec.prepare(record, world);
    id = prepared.id;
    extra = prepared.extra ?? extra;
    cleanup = prepared.cleanup;
  }
  let path: string;
  let init: RequestInit | undefined;
  if (spec) {
    const table = spec.kind ? versionTable[spec.kind] : undefined;
    [path, init] = await spec.request({ id, extra, who: who ?? reference, world, version: () => (table ? versionOf(table, id) : Promise.resolve(1)) });
  } else {
    // No spec: a county-only route, or any route anonymously: a random id and an empty JSON body.
    path = route.path.replace(/:[A-Za-z]+/g, (param) => (param === ':id' ? id : extra));
    init = route.method === 'GET' ? undefined : jsonBody(route.method, {}, ifMatch(1));
  }
  const response = await (who ? who.request : server.anonymous)(path, init);
  const body = await response.text();
  await cleanup?.();
  tally.cases += 1;
  tally.byStatus.set(expected, (tally.byStatus.get(expected) ?? 0) + 1);
  const label = `${route.method} ${route.path} as ${who?.email ?? 'anonymous'} on ${variant}${record ? ` ${world.actors.get(record)?.name ?? record}` : ''}`;
  const ok = expected === 'allowed' ? response.status !== 401 && response.status !== 403 && response.status < 500 : response.status === expected;
  if (!ok) tally.mismatches.push(`${label}: expected ${expected}, got ${response.status} ${body.slice(0, 200)}`);
  if (who) scan(label, body, secrets);
}

describe('the authorization matrix', () => {
  it('has a case for every route on an organisation’s data', () => {
    const missing = routes.filter((r) => 'resource' in r.policy && !countyOnly(r.policy.resource) && !specs[`${r.method} ${r.path}`]);
    expect(missing.map((r) => `${r.method} ${r.path}`), 'add these routes to `specs` in authorization-matrix.int.test.ts').toEqual([]);
    const stale = Object.keys(specs).filter((key) => !routes.some((r) => `${r.method} ${r.path}` === key));
    expect(stale, 'specs of routes that no longer exist').toEqual([]);
  });

  it('answers 401 to anonymous callers on every route that is not public', async () => {
    const world = await loadWorld();
    for (const route of routes) {
      if ('public' in route.policy) continue;
      await runCase(route, specs[`${route.method} ${route.path}`], null, 'any', reference.org, world, new Set());
    }
    expect(tally.mismatches).toEqual([]);
  });

  for (const account of demoAccounts) {
    it(`gives ${account.email} what its role may have, record by record, and no foreign row`, async () => {
      const who = whos.get(account.email) as Who;
      const world = await loadWorld();
      const secrets = rulesFor(world, who).secrets();
      const before = tally.mismatches.length;

      await leakChecks(who, world, secrets);

      for (const route of routes) {
        if ('public' in route.policy) continue;
        const spec = specs[`${route.method} ${route.path}`];
        if (!spec?.kind) {
          await runCase(route, spec, who, 'any', undefined, world, secrets);
          continue;
        }
        const records = pick(world, who, reference, spec.kind);
        for (const variant of ['own', 'seen', 'foreign'] as const) {
          const record = records[variant];
          if (record) await runCase(route, spec, who, variant, record, world, secrets);
        }
      }
      expect(tally.mismatches.slice(before)).toEqual([]);
      expect(tally.leaks).toEqual([]);
    }, 120_000);
  }

  it('ran every route × role × record with 0 leaks', () => {
    const orgRoutes = routes.filter((r) => 'resource' in r.policy).length;
    const byStatus = [...tally.byStatus].sort(([a], [b]) => String(a).localeCompare(String(b))).map(([status, n]) => `${n}×${status}`).join(', ');
    // The one-line summary the issue asks for.
    console.info(
      `authorization matrix: ${orgRoutes} routes × ${demoAccounts.length} demo accounts (${new Set(demoAccounts.map((a) => whos.get(a.email)?.role)).size} roles) + anonymous × own/seen/foreign records = ${tally.cases} cases (${byStatus}), ${tally.leakChecks} leak checks, ${tally.leaks.length} leaks, ${tally.mismatches.length} wrong answers`,
    );
    expect(tally.leaks).toEqual([]);
    expect(tally.mismatches).toEqual([]);
    expect(tally.cases).toBeGreaterThan(routes.length * demoAccounts.length);
  });
});

/** Lists, exports, counts, search and coverage hold exactly what the principal may see. */
async function leakChecks(who: Who, world: World, secrets: Set<string>): Promise<void> {
  const rules = rulesFor(world, who);
  const fail = (what: string) => tally.leaks.push(`${who.email}: ${what}`);
  const get = async (path: string) => {
    const response = await who.request(path);
    const body = await response.text();
    scan(`GET ${path} as ${who.email}`, body, secrets);
    return { status: response.status, body };
  };

  const lists: Array<[string, Resource, string[]]> = [
    ['/api/actors?archived=include', 'actor', [...world.actors.keys()].filter(rules.actorRead)],
    ['/api/services?archived=include', 'service', [...world.services].filter(([, s]) => rules.actorRead(s.actorId)).map(([id]) => id)],
    ['/api/contacts?', 'contact', [...world.contacts].filter(([, c]) => rules.actorRead(c.actorId)).map(([id]) => id)],
    ['/api/agreements?', 'agreement', [...world.agreements.keys()].filter(rules.agreementRead)],
    ['/api/activities?', 'activity', [...world.activities.keys()].filter(rules.activityRead)],
  ];
  for (const [path, resource, visible] of lists) {
    if (!can(who.role, resource, 'read')) continue;
    const ids: string[] = [];
    let total = -1;
    for (let page = 1; page === 1 || ids.length < total; page++) {
      const { status, body } = await get(`${path}&pageSize=100&page=${page}`);
      if (status !== 200) {
        fail(`${path} answered ${status}`);
        break;
      }
      const parsed = JSON.parse(body) as { items: Array<{ id: string }>; total: number };
      total = parsed.total;
      ids.push(...parsed.items.map((item) => item.id));
      if (parsed.items.length === 0) break;
    }
    tally.leakChecks += ids.length;
    const expectedIds = new Set(visible);
    for (const id of ids) if (!expectedIds.has(id)) fail(`${path} lists ${id}, which it may not see`);
    if (total !== expectedIds.size) fail(`${path} counts ${total}, but it may see ${expectedIds.size}`);
    if (new Set(ids).size !== expectedIds.size) fail(`${path} lists ${new Set(ids).size} of the ${expectedIds.size} it may see`);

    const exportPath = path.replace('?', '/export?') + '&format=csv';
    const exported = await get(exportPath);
    if (can(who.role, resource, 'export')) {
      const rows = csvRows(exported.body);
      tally.leakChecks += rows.length;
      if (rows.length !== expectedIds.size) fail(`${exportPath} has ${rows.length} rows, but it may see ${expectedIds.size}`);
      if (resource === 'actor') {
        const names = new Set([...expectedIds].map((id) => world.actors.get(id)?.name));
        for (const row of rows) if (!names.has(row[0])) fail(`${exportPath} has the row of ${row[0]}`);
      }
      if (resource === 'contact') {
        const emails = new Set([...expectedIds].map((id) => world.contacts.get(id)?.email ?? ''));
        for (const row of rows) if (!emails.has(row[3] ?? '')) fail(`${exportPath} has the row of ${row[3]}`);
      }
    }
  }

  if (can(who.role, 'activity', 'read')) {
    const counts = JSON.parse((await get('/api/activities/counts?per=year')).body) as { items: Array<{ count: number }> };
    const sum = counts.items.reduce((n, item) => n + item.count, 0);
    const visible = [...world.activities.keys()].filter(rules.activityRead).length;
    if (sum !== visible) fail(`activity counts add up to ${sum}, but it may see ${visible}`);
  }

  if (can(who.role, 'agreement', 'read')) {
    const { byStatus } = JSON.parse((await get('/api/agreements/counts')).body) as { byStatus: Record<string, number> };
    const sum = Object.values(byStatus).reduce((n, count) => n + count, 0);
    const visible = [...world.agreements.keys()].filter(rules.agreementRead).length;
    if (sum !== visible) fail(`agreement counts add up to ${sum}, but it may see ${visible}`);
  }

  if (can(who.role, 'search', 'read')) {
    for (const q of ['bibliotek', 'studiesenter', 'samarbeidsavtale', 'fjernlån', 'webinar', 'Namsos', 'Trondheim', 'NTNU', 'Nord universitet', 'kompetanse', 'matrisen']) {
      const { body } = await get(`/api/search?q=${encodeURIComponent(q)}&limit=50`);
      const hits = (JSON.parse(body) as { items: Array<{ type: string; id: string }> }).items;
      tally.leakChecks += hits.length;
      for (const hit of hits) {
        const note =
          hit.type === 'note' ? await server.database.db.selectFrom('liaison_note').select(['university_id', 'target_actor_id']).where('id', '=', hit.id).executeTakeFirstOrThrow() : null;
        const seen = note
          ? rules.noteRead(note)
          : hit.type === 'actor'
            ? rules.actorRead(hit.id)
            : hit.type === 'agreement'
              ? rules.agreementRead(hit.id)
              : hit.type === 'activity'
                ? rules.activityRead(hit.id)
                : rules.county;
        if (!seen) fail(`search "${q}" finds ${hit.type} ${hit.id}`);
      }
    }
  }

  if (can(who.role, 'coverage', 'read')) {
    const regions = (JSON.parse((await get('/api/regions')).body) as { items: Array<{ id: string }> }).items;
    for (const region of regions) {
      const { status, body } = await get(`/api/coverage?region=${region.id}`);
      if (status !== 200) fail(`coverage of region ${region.id} answered ${status}`);
      const coverage = JSON.parse(body) as { studyCentres: Array<{ id: string }>; municipalities: Array<{ number: string; libraries: Array<{ id: string }> }> };
      tally.leakChecks += coverage.municipalities.length;
      if (rules.county) continue;
      for (const centre of coverage.studyCentres) if (centre.id !== who.org) fail(`coverage of a region names study centre ${centre.id}`);
      for (const m of coverage.municipalities) {
        if (!rules.catchment.includes(m.number)) fail(`coverage of a region shows municipality ${m.number}, outside its catchment area`);
        for (const l of m.libraries) if (!rules.actorRead(l.id)) fail(`coverage shows library ${l.id}`);
      }
    }
    const { items } = JSON.parse((await get('/api/coverage/regions')).body) as { items: Array<{ summary: { municipalities: number }; gaps: { municipalities: Array<{ number: string }> } }> };
    tally.leakChecks += items.length;
    if (!rules.county) {
      const municipalities = items.reduce((n, region) => n + region.summary.municipalities, 0);
      if (municipalities > rules.catchment.length) fail(`coverage of the regions counts ${municipalities} municipalities, more than its catchment area`);
      for (const gap of items.flatMap((region) => region.gaps.municipalities)) {
        if (!rules.catchment.includes(gap.number)) fail(`coverage of the regions shows municipality ${gap.number}, outside its catchment area`);
      }
    }
  }
}
