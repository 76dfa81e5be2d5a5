import {
  fieldErrorsFromIssues,
  mergeServiceConditions,
  serviceConfirmSchema,
  serviceCreateSchema,
  serviceSummarySchema,
  serviceUpdateSchema,
  todayInNorway,
  type FieldError,
  type Page,
  type ServiceSummary,
} from '@kompetansebro/domain';
import { http, HttpResponse } from 'msw';
import { buildService, nextServiceId } from '../factories/service.factory';
import { problemResponse } from './problem';

const api = (path: string) => `*/api${path}`;

/**
 * In-memory services behind msw, answering as the API does: the actor filter, ETag/If-Match
 * versions (412 when stale, 428 when missing), 404 for unknown ids, 400 with the domain's
 * field errors; `conditions` in a PATCH is merged into the stored ones.
 */
export class ServiceStore {
  private readonly services = new Map<string, ServiceSummary>();
  /** The writes received, for tests to check what the form sent. */
  readonly received: Array<{ method: string; path: string; body: unknown; ifMatch: string | null }> = [];

  constructor(services: readonly ServiceSummary[] = []) {
    for (const service of services) this.services.set(service.id, service);
  }

  get(id: string): ServiceSummary | undefined {
    return this.services.get(id);
  }

  /** Changes a service as if someone else saved it (its version goes up). */
  saveBySomeoneElse(id: string, changes: Partial<Omit<ServiceSummary, 'conditions'>> & { conditions?: Partial<ServiceSummary['conditions']> }): ServiceSummary {
    const current = this.require(id);
    const { conditions, ...rest } = changes;
    return this.put({ ...current, ...rest, conditions: mergeServiceConditions(current.conditions, conditions) });
  }

  list(search: URLSearchParams): Page<ServiceSummary> {
    const actor = search.get('actor');
    const archived = search.get('archived') ?? 'exclude';
    const items = [...this.services.values()].filter(
      (service) => (!actor || service.actorId === actor) && (archived === 'include' || (archived === 'only') === (service.archivedAt !== null)),
    );
    return { items, total: items.length, page: 1, pageSize: Math.max(items.length, 1) };
  }

  create(body: unknown): ServiceSummary | FieldError[] {
    const parsed = serviceCreateSchema.safeParse(body);
    if (!parsed.success) return fieldErrorsFromIssues(parsed.error.issues);
    const { conditions, ...input } = parsed.data;
    const service = buildService({ ...input, id: nextServiceId(), conditions: mergeServiceConditions(undefined, conditions) });
    this.services.set(service.id, service);
    return service;
  }

  update(id: string, body: unknown): ServiceSummary | FieldError[] {
    const parsed = serviceUpdateSchema.safeParse(body);
    if (!parsed.success) return fieldErrorsFromIssues(parsed.error.issues);
    const current = this.require(id);
    const { conditions, ...changes } = parsed.data;
    return this.put({ ...current, ...changes, conditions: mergeServiceConditions(current.conditions, conditions) });
  }

  confirm(id: string, body: unknown): ServiceSummary | FieldError[] {
    const parsed = serviceConfirmSchema.safeParse(body);
    if (!parsed.success) return fieldErrorsFromIssues(parsed.error.issues);
    return this.put({ ...this.require(id), confirmedAt: todayInNorway(), confirmedBy: parsed.data.confirmedBy });
  }

  archive(id: string): ServiceSummary {
    return this.put({ ...this.require(id), archivedAt: new Date().toISOString() });
  }

  private put(service: ServiceSummary): ServiceSummary {
    const next = serviceSummarySchema.parse({ ...service, version: service.version + 1, updatedAt: new Date().toISOString() });
    this.services.set(next.id, next);
    return next;
  }

  private require(id: string): ServiceSummary {
    const service = this.services.get(id);
    if (!service) throw new Error(`No service ${id} in the store`);
    return service;
  }
}

const etag = (service: ServiceSummary) => ({ ETag: `"${service.version}"` });

/** The version an If-Match header names, or null when there is none. */
function expectedVersion(header: string | null): number | null {
  const match = header ? /^"(\d+)"$/.exec(header.trim()) : null;
  return match ? Number(match[1]) : null;
}

/** Handlers for /api/services over a store (pass one to inspect or change it in a test). */
export function serviceHandlers(store = new ServiceStore()) {
  /** The checks of a versioned write: unknown id, missing or stale If-Match. */
  const refusal = (id: string, request: Request) => {
    const service = store.get(id);
    if (!service) return problemResponse(404);
    const version = expectedVersion(request.headers.get('If-Match'));
    if (version === null) return problemResponse(428);
    return version === service.version ? null : problemResponse(412);
  };
  const answer = (result: ServiceSummary | FieldError[], status = 200) =>
    Array.isArray(result) ? problemResponse(400, result) : HttpResponse.json(result, { status, headers: etag(result) });
  const record = (method: string, path: string, body: unknown, request: Request) =>
    store.received.push({ method, path, body, ifMatch: request.headers.get('If-Match') });

  return [
    http.get(api('/services'), ({ request }) => HttpResponse.json(store.list(new URL(request.url).searchParams))),
    http.get(api('/services/:id'), ({ params }) => {
      const service = store.get(String(params['id']));
      return service ? HttpResponse.json(service, { headers: etag(service) }) : problemResponse(404);
    }),
    http.post(api('/services'), async ({ request }) => {
      const body: unknown = await request.json();
      record('POST', '/api/services', body, request);
      return answer(store.create(body), 201);
    }),
    http.patch(api('/services/:id'), async ({ request, params }) => {
      const id = String(params['id']);
      const body: unknown = await request.json();
      record('PATCH', `/api/services/${id}`, body, request);
      return refusal(id, request) ?? answer(store.update(id, body));
    }),
    http.post(api('/services/:id/confirm'), async ({ request, params }) => {
      const id = String(params['id']);
      const body: unknown = await request.json();
      record('POST', `/api/services/${id}/confirm`, body, request);
      return refusal(id, request) ?? answer(store.confirm(id, body));
    }),
    http.post(api('/services/:id/archive'), ({ request, params }) => {
      const id = String(params['id']);
      record('POST', `/api/services/${id}/archive`, null, request);
      return refusal(id, request) ?? answer(store.archive(id));
    }),
  ];
}
