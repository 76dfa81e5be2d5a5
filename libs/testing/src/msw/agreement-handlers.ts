import type { RequestHandler } from 'msw';
import { agreementStatuses, allowedTransitions, signedByAcceptance, type ActorSummary, type AgreementStatusCounts, type AgreementDetail, type AgreementStatus, type PendingAcceptance } from '@kompetansebro/domain';
import { http, HttpResponse } from 'msw';
import { buildAgreementDetail } from '../factories/agreement.factory';
import { answerWrite, api, pageOf, ResourceStore, resourceHandlers, versioned } from './resource';

interface PartyInput {
  actorId: string;
  role: AgreementDetail['parties'][number]['role'];
  serviceIds?: string[];
}

/**
 * The agreements of a scenario, served as given. `actors` name the parties a create sends (a
 * lookup by id, as the API's joins do); a transition or an acceptance is echoed, not checked.
 */
export class AgreementStore extends ResourceStore<AgreementDetail> {
  readonly actors: readonly Pick<ActorSummary, 'id' | 'name' | 'kind'>[];

  constructor(agreements: readonly AgreementDetail[] = [], options: { actors?: readonly Pick<ActorSummary, 'id' | 'name' | 'kind'>[] } = {}) {
    super(agreements);
    this.actors = options.actors ?? [];
  }

  get listQueries(): URLSearchParams[] {
    return this.queries;
  }

  /** The bodies of the creates received. */
  get createRequests(): unknown[] {
    return this.received.filter((request) => request.method === 'POST' && request.path.endsWith('/api/agreements')).map((request) => request.body);
  }

  /** The parties' answers received (agreement, party, If-Match, and the answer). */
  get acceptRequests(): Array<{ id: string; actorId: string; ifMatch: string | null; body: unknown }> {
    return this.received.flatMap((request) => {
      const match = /\/agreements\/([^/]+)\/parties\/([^/]+)\/decision$/.exec(request.path);
      return match ? [{ id: match[1] as string, actorId: match[2] as string, ifMatch: request.ifMatch, body: request.body }] : [];
    });
  }

  /** The tasks the scenario serves at /api/agreement-acceptances. */
  pendingAcceptances: PendingAcceptance[] = [];

  /** Replaces an agreement behind the page's back (another user's save). */
  replace(agreement: AgreementDetail): void {
    this.put(agreement);
  }

  /** A new draft from a create body, its parties named from `actors`. */
  draft(body: Record<string, unknown>): AgreementDetail {
    const name = (id: string) => this.actors.find((actor) => actor.id === id);
    const parties = ((body['parties'] as PartyInput[] | undefined) ?? []).map((party) => ({
      actorId: party.actorId,
      actorName: name(party.actorId)?.name ?? '',
      actorKind: name(party.actorId)?.kind ?? 'public_library',
      role: party.role,
      acceptedAt: null,
      declinedAt: null,
      decisionComment: null,
      services: [],
    }));
    const { parties: _parties, ...fields } = body;
    return { ...buildAgreementDetail({ status: 'draft', transitions: [] }), ...fields, parties } as AgreementDetail;
  }

  /** A change's fields: the parties sent (ids, roles, service ids) as the record shows them, from what it knew of each. */
  changed(item: AgreementDetail, body: Record<string, unknown>): Partial<AgreementDetail> {
    const { parties: sent, ...fields } = body;
    if (!Array.isArray(sent)) return fields as Partial<AgreementDetail>;
    const parties = (sent as PartyInput[]).map((party) => {
      const known = item.parties.find((p) => p.actorId === party.actorId);
      const actor = this.actors.find((a) => a.id === party.actorId);
      // Services the record knew (a scenario names new ones through its data, not here).
      const services = (known?.services ?? []).filter((service) => (party.serviceIds ?? []).includes(service.serviceId));
      return {
        actorId: party.actorId,
        actorName: known?.actorName ?? actor?.name ?? '',
        actorKind: known?.actorKind ?? actor?.kind ?? 'public_library',
        role: party.role,
        acceptedAt: null,
        declinedAt: null,
        decisionComment: null,
        services,
      };
    });
    return { ...(fields as Partial<AgreementDetail>), parties };
  }
}

/** The record after a transition: the status asked for, and what the factory allows from it. */
const moved = (to: AgreementStatus): Partial<AgreementDetail> => ({ status: to, allowedTransitions: [...allowedTransitions(to)] });

export function agreementHandlers(store: AgreementStore): RequestHandler[] {
  return [
    http.post(api('/agreements/:id/parties/:actorId/decision'), ({ request, params }) => {
      const actorId = String(params['actorId']);
      const decide = (item: AgreementDetail, body: Record<string, unknown>): Partial<AgreementDetail> => {
        const now = new Date().toISOString();
        const accepted = body['decision'] === 'accepted';
        const comment = typeof body['comment'] === 'string' ? body['comment'] : null;
        const parties = item.parties.map((party) =>
          party.actorId === actorId ? { ...party, acceptedAt: accepted ? now : null, declinedAt: accepted ? null : now, decisionComment: comment } : party,
        );
        // As the API: the last acceptance signs the agreement.
        return signedByAcceptance(item.status, parties) ? { parties, ...moved('signed') } : { parties };
      };
      return answerWrite(store, request, String(params['id']), (body, item) => versioned(store.change(item.id, decide(item, body))));
    }),
    http.post(api('/agreements/:id/amendments/:amendmentId/parties/:actorId/accept'), ({ request, params }) => {
      const accepted = (item: AgreementDetail): Partial<AgreementDetail> => ({
        amendments: item.amendments.map((amendment) =>
          amendment.id === params['amendmentId']
            ? { ...amendment, parties: amendment.parties.map((p) => (p.actorId === params['actorId'] ? { ...p, acceptedAt: new Date().toISOString() } : p)) }
            : amendment,
        ),
      });
      return answerWrite(store, request, String(params['id']), (_body, item) => versioned(store.change(item.id, accepted(item))));
    }),
    // The tasks: what the scenario's agreements wait for, as given (no rule: the API decides whose they are), of the kind asked, a page of them.
    http.get(api('/agreement-acceptances'), ({ request }) => {
      const search = new URL(request.url).searchParams;
      const kind = search.get('kind');
      const tasks = store.pendingAcceptances.filter((task) => !kind || (kind === 'amendment') === (task.amendmentNumber !== null));
      return HttpResponse.json(pageOf(tasks, search));
    }),
    // Before the record's own routes, as in the API: "counts" is no id. Counted when asked: the scenario's writes show.
    http.get(api('/agreements/counts'), () => HttpResponse.json(countsAnswer(countsOf(store.all().map((agreement) => agreement.status))))),
    ...resourceHandlers('/agreements', store, {
      summary: ({ documents: _d, transitions: _t, allowedTransitions: _a, renewedById: _r, amendments: _m, parties, ...rest }) => ({
        ...rest,
        parties: parties.map(({ actorId, actorName, role }) => ({ actorId, actorName, role })),
      }),
      create: (body) => store.draft(body),
      changes: (item, body) => store.changed(item, body),
      // An amendment is echoed as proposed, changing nothing yet (which fields it changes is the API's rule).
      actions: {
        transitions: (_item, body) => moved(body['to'] as AgreementStatus),
        amendments: (item, body) => ({
          amendments: [
            ...item.amendments,
            {
              id: crypto.randomUUID(),
              number: item.amendments.length + 2,
              reason: String(body['reason'] ?? ''),
              status: 'proposed' as const,
              changes: [],
              proposedAt: new Date().toISOString(),
              inForceAt: null,
              parties: [],
            },
          ],
        }),
      },
    }),
  ];
}

/** The count of each status among these: every status, 0 when none. */
function countsOf(statuses: readonly AgreementStatus[]): Partial<Record<AgreementStatus, number>> {
  const counts: Partial<Record<AgreementStatus, number>> = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

/** The API's answer for these counts: every status, those not named 0. */
function countsAnswer(byStatus: Partial<Record<AgreementStatus, number>>): AgreementStatusCounts {
  return { byStatus: Object.fromEntries(agreementStatuses.map((status) => [status, byStatus[status] ?? 0])) as AgreementStatusCounts['byStatus'] };
}

/** `GET /api/agreements/counts` answering with these counts (the statuses not named: 0). */
export function agreementCountsHandler(byStatus: Partial<Record<AgreementStatus, number>>): RequestHandler {
  return http.get(api('/agreements/counts'), () => HttpResponse.json(countsAnswer(byStatus)));
}
