import {
  agreementCreateSchema,
  agreementDetailSchema,
  agreementListQuerySchema,
  agreementRuleViolations,
  allowedTransitions,
  serviceListQuerySchema,
  compareNorwegian,
  transitionRequestSchema,
  type ActorSummary,
  type AgreementDetail,
  type AgreementSummary,
  type Page,
  type ServiceSummary,
} from '@kompetansebro/domain';
import { http, HttpResponse } from 'msw';
import { fieldErrorsFromIssues } from '@kompetansebro/domain';
import { problemResponse } from './problem';
import { nextAgreementId } from '../factories/agreement.factory';

const api = (path: string) => `*/api${path}`;

/**
 * In-memory agreements behind msw, answering as the API does: status, kind, party and text
 * filters, title order and pages for the list; transitions by the state machine with
 * If-Match (412 when stale, 409 when not allowed).
 */
export class AgreementStore {
  private readonly agreements = new Map<string, AgreementDetail>();
  /** The list queries received, for tests to check what the page asked for. */
  readonly listQueries: URLSearchParams[] = [];

  /** The create requests received (the bodies), for tests to check what the form sent. */
  readonly createRequests: unknown[] = [];
  /** Actors that may be parties, and their services (`GET /services?actor=`), for the create form. */
  readonly actors: readonly ActorSummary[];
  readonly services: readonly ServiceSummary[];

  constructor(agreements: readonly AgreementDetail[] = [], options: { actors?: readonly ActorSummary[]; services?: readonly ServiceSummary[] } = {}) {
    for (const agreement of agreements) this.agreements.set(agreement.id, agreement);
    this.actors = options.actors ?? [];
    this.services = options.services ?? [];
  }

  /** A new draft, checked as the API checks it: the schema, the domain's rules, parties and services known. */
  create(body: unknown): Response {
    this.createRequests.push(body);
    const parsed = agreementCreateSchema.safeParse(body);
    if (!parsed.success) return problemResponse(400, fieldErrorsFromIssues(parsed.error.issues));
    const input = parsed.data;
    const errors = agreementRuleViolations({ parties: input.parties, startDate: input.startDate ?? null, endDate: input.endDate ?? null });
    input.parties.forEach((party, i) => {
      if (!this.actors.some((actor) => actor.id === party.actorId)) {
        errors.push({ path: `parties.${i}.actorId`, code: 'actor_not_found', message: 'No actor has this id' });
      }
      party.serviceIds.forEach((serviceId, j) => {
        const service = this.services.find((candidate) => candidate.id === serviceId);
        if (!service) errors.push({ path: `parties.${i}.serviceIds.${j}`, code: 'service_not_found', message: 'No service has this id' });
        else if (service.actorId !== party.actorId) {
          errors.push({ path: `parties.${i}.serviceIds.${j}`, code: 'service_not_of_party', message: 'A party commits only its own services' });
        }
      });
    });
    if (errors.length > 0) return problemResponse(400, errors);
    const now = new Date().toISOString();
    const created = agreementDetailSchema.parse({
      id: nextAgreementId(),
      title: input.title,
      kind: input.kind,
      status: 'draft',
      description: input.description ?? null,
      levels: input.levels ?? [],
      themes: input.themes ?? [],
      startDate: input.startDate ?? null,
      endDate: input.endDate ?? null,
      renewsId: null,
      renewedById: null,
      sampleData: false,
      version: 1,
      createdAt: now,
      updatedAt: now,
      parties: input.parties.map((party) => {
        const actor = this.actors.find((candidate) => candidate.id === party.actorId);
        return {
          actorId: party.actorId,
          actorName: actor?.name ?? '',
          actorKind: actor?.kind ?? 'public_library',
          role: party.role,
          acceptedAt: null,
          services: party.serviceIds.map((serviceId) => {
            const service = this.services.find((candidate) => candidate.id === serviceId);
            return { serviceId, type: service?.type ?? 'study_places', actorId: party.actorId, actorName: actor?.name ?? '' };
          }),
        };
      }),
      documents: [],
      transitions: [{ from: null, to: 'draft', at: now, byUserId: null, note: null }],
      allowedTransitions: [...allowedTransitions('draft')],
    });
    this.agreements.set(created.id, created);
    return HttpResponse.json(created, { status: 201, headers: { ETag: `"${created.version}"` } });
  }

  /** The services of one actor, as `GET /services?actor=` answers. */
  listServices(search: URLSearchParams): Page<ServiceSummary> {
    const query = serviceListQuerySchema.parse(Object.fromEntries(search));
    const items = this.services.filter((service) => !query.actor || service.actorId === query.actor);
    return { items: items.slice(0, query.pageSize), total: items.length, page: 1, pageSize: query.pageSize };
  }

  get(id: string): AgreementDetail | undefined {
    return this.agreements.get(id);
  }

  list(search: URLSearchParams): Page<AgreementSummary> {
    this.listQueries.push(search);
    const query = agreementListQuerySchema.parse(Object.fromEntries(search));
    const text = query.q?.toLocaleLowerCase('nb');
    const matches = [...this.agreements.values()].filter(
      (agreement) =>
        (!text || agreement.title.toLocaleLowerCase('nb').includes(text)) &&
        (!query.status || agreement.status === query.status) &&
        (!query.kind || agreement.kind === query.kind) &&
        (!query.party || agreement.parties.some((party) => party.actorId === query.party)),
    );
    matches.sort((a, b) => compareNorwegian(a.title, b.title) * (query.sort === '-title' ? -1 : 1));
    const start = (query.page - 1) * query.pageSize;
    return {
      items: matches.slice(start, start + query.pageSize).map(({ documents: _d, transitions: _t, allowedTransitions: _a, renewedById: _r, parties, ...rest }) => ({
        ...rest,
        parties: parties.map(({ actorId, actorName, role }) => ({ actorId, actorName, role })),
      })),
      total: matches.length,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** The accept requests received (agreement, party, If-Match), for tests to check what the page sent. */
  readonly acceptRequests: Array<{ id: string; actorId: string; ifMatch: string | null }> = [];

  /** A party's acceptance, as the API records it: 412 when stale, 409 once no longer open for negotiation. */
  accept(id: string, actorId: string, ifMatch: string | null): Response {
    this.acceptRequests.push({ id, actorId, ifMatch });
    const current = this.agreements.get(id);
    if (!current || !current.parties.some((party) => party.actorId === actorId)) return problemResponse(404);
    if (!ifMatch) return problemResponse(428);
    if (ifMatch !== `"${current.version}"`) return problemResponse(412);
    if (current.status !== 'draft' && current.status !== 'negotiating') return problemResponse(409);
    const now = new Date().toISOString();
    const next = agreementDetailSchema.parse({
      ...current,
      version: current.version + 1,
      updatedAt: now,
      parties: current.parties.map((party) => (party.actorId === actorId ? { ...party, acceptedAt: now } : party)),
    });
    this.agreements.set(id, next);
    return HttpResponse.json(next, { headers: { ETag: `"${next.version}"` } });
  }

  /** Replaces an agreement behind the page's back (another user's save), for stale-version tests. */
  replace(agreement: AgreementDetail): void {
    this.agreements.set(agreement.id, agreement);
  }

  transition(id: string, body: unknown, ifMatch: string | null): Response {
    const current = this.agreements.get(id);
    if (!current) return problemResponse(404);
    if (!ifMatch) return problemResponse(428);
    if (ifMatch !== `"${current.version}"`) return problemResponse(412);
    const parsed = transitionRequestSchema.safeParse(body);
    if (!parsed.success) return problemResponse(400, fieldErrorsFromIssues(parsed.error.issues));
    if (!current.allowedTransitions.includes(parsed.data.to)) return problemResponse(409);
    const now = new Date().toISOString();
    const next = agreementDetailSchema.parse({
      ...current,
      status: parsed.data.to,
      version: current.version + 1,
      updatedAt: now,
      transitions: [...current.transitions, { from: current.status, to: parsed.data.to, at: now, byUserId: null, note: null }],
      allowedTransitions: [...allowedTransitions(parsed.data.to)],
    });
    this.agreements.set(id, next);
    return HttpResponse.json(next, { headers: { ETag: `"${next.version}"` } });
  }
}

export function agreementHandlers(store: AgreementStore) {
  return [
    http.post(api('/agreements'), async ({ request }) => store.create(await request.json().catch(() => null))),
    ...(store.services.length > 0 ? [http.get(api('/services'), ({ request }) => HttpResponse.json(store.listServices(new URL(request.url).searchParams)))] : []),
    http.get(api('/agreements'), ({ request }) => HttpResponse.json(store.list(new URL(request.url).searchParams))),
    http.get(api('/agreements/:id'), ({ params }) => {
      const agreement = store.get(String(params['id']));
      return agreement ? HttpResponse.json(agreement, { headers: { ETag: `"${agreement.version}"` } }) : problemResponse(404);
    }),
    http.post(api('/agreements/:id/transitions'), async ({ params, request }) =>
      store.transition(String(params['id']), await request.json().catch(() => null), request.headers.get('if-match')),
    ),
    http.post(api('/agreements/:id/parties/:actorId/accept'), ({ params, request }) =>
      store.accept(String(params['id']), String(params['actorId']), request.headers.get('if-match')),
    ),
  ];
}
