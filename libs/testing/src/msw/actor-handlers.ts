import {
  actorCreateSchema,
  actorDetailSchema,
  actorListQuerySchema,
  actorUpdateSchema,
  compareNorwegian,
  type ActorDetail,
  type ActorSummary,
  type FieldError,
  type Page,
} from '@kompetansebro/domain';
import { http, HttpResponse } from 'msw';
import { buildActorDetail, nextActorId } from '../factories/actor.factory';
import { municipalityByNumber, testMunicipalities, testRegions } from '../factories/reference.factory';
import { fieldErrorsFromIssues } from '@kompetansebro/domain';
import { problemResponse } from './problem';

/** Every path the handlers answer, on any origin (component tests point the client at one). */
const api = (path: string) => `*/api${path}`;

/**
 * An in-memory actor register behind msw, answering as the API does: filters, Norwegian
 * order and pages for the list; ETag/If-Match versions for writes (412 when stale); 404 for
 * unknown ids; 400 problem+json with field errors from the domain's schemas.
 */
export class ActorStore {
  private readonly actors = new Map<string, ActorDetail>();
  /** Bodies of the writes received, for tests to check what the form sent. */
  readonly received: Array<{ method: string; path: string; body: unknown; ifMatch: string | null }> = [];

  constructor(actors: readonly ActorDetail[] = []) {
    for (const actor of actors) this.actors.set(actor.id, actor);
  }

  get(id: string): ActorDetail | undefined {
    return this.actors.get(id);
  }

  /** Replaces an actor as if someone else saved it (its version goes up). */
  saveBySomeoneElse(id: string, changes: Partial<ActorDetail>): ActorDetail {
    const current = this.require(id);
    const next = actorDetailSchema.parse({ ...current, ...changes, version: current.version + 1, updatedAt: new Date().toISOString() });
    this.actors.set(id, next);
    return next;
  }

  list(search: URLSearchParams): Page<ActorSummary> {
    const query = actorListQuerySchema.parse(Object.fromEntries(search));
    const text = query.q?.toLocaleLowerCase('nb');
    const matches = [...this.actors.values()].filter(
      (actor) =>
        (query.archived === 'include' || (query.archived === 'only') === (actor.archivedAt !== null)) &&
        (!text || [actor.name, actor.shortName, actor.organisationNumber, actor.libraryNumber].some((field) => field?.toLocaleLowerCase('nb').includes(text))) &&
        (!query.kind || actor.kind === query.kind) &&
        (!query.municipality || actor.municipalityNumber === query.municipality) &&
        (!query.region || actor.regionId === query.region) &&
        (!query.parent || actor.parentId === query.parent),
    );
    const descending = query.sort.startsWith('-');
    const key = query.sort.replace(/^-/, '');
    const sortValue = (actor: ActorSummary) =>
      key === 'kind' ? actor.kind : key === 'municipality' ? (actor.municipalityName ?? '') : key === 'updated' ? actor.updatedAt : actor.name;
    matches.sort((a, b) => (descending ? -1 : 1) * (compareNorwegian(sortValue(a), sortValue(b)) || compareNorwegian(a.name, b.name)));
    const start = (query.page - 1) * query.pageSize;
    const items = matches.slice(start, start + query.pageSize).map(({ children: _children, ...summary }) => summary);
    return { items, total: matches.length, page: query.page, pageSize: query.pageSize };
  }

  create(body: unknown): ActorDetail | FieldError[] {
    const parsed = actorCreateSchema.safeParse(body);
    if (!parsed.success) return fieldErrorsFromIssues(parsed.error.issues);
    const id = nextActorId();
    const now = new Date().toISOString();
    const actor = this.withNames({ ...buildActorDetail({ id }), ...emptyFields, ...parsed.data, id, version: 1, createdAt: now, updatedAt: now });
    this.actors.set(id, actor);
    return actor;
  }

  update(id: string, body: unknown): ActorDetail | FieldError[] {
    const parsed = actorUpdateSchema.safeParse(body);
    if (!parsed.success) return fieldErrorsFromIssues(parsed.error.issues);
    const current = this.require(id);
    const next = this.withNames({ ...current, ...parsed.data, version: current.version + 1, updatedAt: new Date().toISOString() });
    this.actors.set(id, next);
    return next;
  }

  archive(id: string): ActorDetail {
    const current = this.require(id);
    const now = new Date().toISOString();
    const next = actorDetailSchema.parse({ ...current, archivedAt: now, version: current.version + 1, updatedAt: now });
    this.actors.set(id, next);
    return next;
  }

  private require(id: string): ActorDetail {
    const actor = this.actors.get(id);
    if (!actor) throw new Error(`No actor ${id} in the store`);
    return actor;
  }

  /** Municipality, region and parent names follow the ids, as the API's joins do. */
  private withNames(actor: ActorDetail): ActorDetail {
    const municipality = municipalityByNumber(actor.municipalityNumber);
    const parent = actor.parentId ? this.actors.get(actor.parentId) : undefined;
    return actorDetailSchema.parse({
      ...actor,
      municipalityName: municipality?.name ?? null,
      regionId: municipality?.regionId ?? null,
      regionName: municipality?.regionName ?? null,
      parentName: parent?.name ?? null,
    });
  }
}

const emptyFields = {
  shortName: null,
  organisationNumber: null,
  libraryNumber: null,
  municipalityNumber: null,
  parentId: null,
  address: null,
  website: null,
  email: null,
  phone: null,
  description: null,
  archivedAt: null,
  children: [],
};

const etag = (actor: ActorDetail) => ({ ETag: `"${actor.version}"` });

/** The version an If-Match header names, or null when there is none. */
function expectedVersion(header: string | null): number | null {
  const match = header ? /^"(\d+)"$/.exec(header.trim()) : null;
  return match ? Number(match[1]) : null;
}

/** Handlers for /api/actors over a store (pass one to inspect or change it in a test). */
export function actorHandlers(store = new ActorStore()) {
  const stale = (actor: ActorDetail, request: Request) => {
    const version = expectedVersion(request.headers.get('If-Match'));
    if (version === null) return problemResponse(428);
    return version === actor.version ? null : problemResponse(412);
  };

  return [
    http.get(api('/actors'), ({ request }) => HttpResponse.json(store.list(new URL(request.url).searchParams))),

    http.get(api('/actors/:id'), ({ params }) => {
      const actor = store.get(String(params['id']));
      return actor ? HttpResponse.json(actor, { headers: etag(actor) }) : problemResponse(404);
    }),

    http.post(api('/actors'), async ({ request }) => {
      const body: unknown = await request.json();
      store.received.push({ method: 'POST', path: '/api/actors', body, ifMatch: null });
      const result = store.create(body);
      return Array.isArray(result) ? problemResponse(400, result) : HttpResponse.json(result, { status: 201, headers: etag(result) });
    }),

    http.patch(api('/actors/:id'), async ({ request, params }) => {
      const id = String(params['id']);
      const body: unknown = await request.json();
      store.received.push({ method: 'PATCH', path: `/api/actors/${id}`, body, ifMatch: request.headers.get('If-Match') });
      const actor = store.get(id);
      if (!actor) return problemResponse(404);
      const refusal = stale(actor, request);
      if (refusal) return refusal;
      const result = store.update(id, body);
      return Array.isArray(result) ? problemResponse(400, result) : HttpResponse.json(result, { headers: etag(result) });
    }),

    http.post(api('/actors/:id/archive'), ({ request, params }) => {
      const id = String(params['id']);
      store.received.push({ method: 'POST', path: `/api/actors/${id}/archive`, body: null, ifMatch: request.headers.get('If-Match') });
      const actor = store.get(id);
      if (!actor) return problemResponse(404);
      const refusal = stale(actor, request);
      if (refusal) return refusal;
      const result = store.archive(id);
      return HttpResponse.json(result, { headers: etag(result) });
    }),
  ];
}

/** Handlers for the reference data: the test municipalities and regions. */
export function referenceHandlers() {
  return [
    http.get(api('/municipalities'), ({ request }) => {
      const region = new URL(request.url).searchParams.get('region');
      const items = testMunicipalities.filter((municipality) => !region || municipality.regionId === region);
      return HttpResponse.json({ items, total: items.length, page: 1, pageSize: Math.max(items.length, 1) });
    }),
    http.get(api('/regions'), () => {
      const items = Object.values(testRegions);
      return HttpResponse.json({ items, total: items.length, page: 1, pageSize: items.length });
    }),
  ];
}
