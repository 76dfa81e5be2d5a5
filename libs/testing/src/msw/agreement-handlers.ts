import {
  agreementDetailSchema,
  agreementListQuerySchema,
  allowedTransitions,
  compareNorwegian,
  transitionRequestSchema,
  type AgreementDetail,
  type AgreementSummary,
  type Page,
} from '@kompetansebro/domain';
import { http, HttpResponse } from 'msw';
import { fieldErrorsFromIssues } from '@kompetansebro/domain';
import { problemResponse } from './problem';

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

  constructor(agreements: readonly AgreementDetail[] = []) {
    for (const agreement of agreements) this.agreements.set(agreement.id, agreement);
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
    http.get(api('/agreements'), ({ request }) => HttpResponse.json(store.list(new URL(request.url).searchParams))),
    http.get(api('/agreements/:id'), ({ params }) => {
      const agreement = store.get(String(params['id']));
      return agreement ? HttpResponse.json(agreement, { headers: { ETag: `"${agreement.version}"` } }) : problemResponse(404);
    }),
    http.post(api('/agreements/:id/transitions'), async ({ params, request }) =>
      store.transition(String(params['id']), await request.json().catch(() => null), request.headers.get('if-match')),
    ),
  ];
}
