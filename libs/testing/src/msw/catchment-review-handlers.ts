import { catchmentDecisionSchema, fieldErrorsFromIssues, type CatchmentRequest, type Me } from '@kompetansebro/domain';
import { http, HttpResponse } from 'msw';
import { buildMe } from '../factories/user.factory';
import { problemResponse } from './problem';

/**
 * The county's review of catchment-area requests behind msw: who is logged in (a county admin
 * unless told otherwise) and the requests. `failing` makes the list answer 500; `changedBehind`
 * plays someone else deciding or editing a request between reading and deciding.
 */
export class CatchmentReviewStore {
  me: Me = buildMe();
  requests: CatchmentRequest[] = [];
  failing = false;
  /** Before the next decision on this id: bump its version (412), or decide it (409). */
  changedBehind: { id: string; how: 'edited' | 'decided' } | null = null;
  readonly received: Array<{ path: string; ifMatch: string | null; body: unknown }> = [];
  /** How often the list was read (a test waits for the read after a decision). */
  listReads = 0;
}

export function catchmentReviewHandlers(store = new CatchmentReviewStore()) {
  return [
    http.get('*/api/me', () => HttpResponse.json(store.me)),
    http.get('*/api/catchment-requests', ({ request }) => {
      store.listReads += 1;
      if (store.failing) return problemResponse(500);
      const status = new URL(request.url).searchParams.get('status');
      return HttpResponse.json({ items: store.requests.filter((r) => !status || r.status === status) });
    }),
    http.post('*/api/catchment-requests/:id/decision', async ({ params, request }) => {
      const body: unknown = await request.json();
      const ifMatch = request.headers.get('if-match');
      store.received.push({ path: new URL(request.url).pathname, ifMatch, body });
      const index = store.requests.findIndex((r) => r.id === params['id']);
      const current = store.requests[index];
      if (!current) return problemResponse(404);
      if (store.changedBehind?.id === current.id) {
        const how = store.changedBehind.how;
        store.changedBehind = null;
        // Decided by someone else: the status changes (409); edited: the version moves on (412).
        store.requests[index] = how === 'decided' ? { ...current, status: 'approved', decidedAt: current.updatedAt } : { ...current, version: current.version + 1 };
      }
      const now = store.requests[index] as CatchmentRequest;
      if (ifMatch === null) return problemResponse(428);
      if (ifMatch !== `"${now.version}"`) return problemResponse(412);
      if (now.status !== 'pending') return problemResponse(409);
      const parsed = catchmentDecisionSchema.safeParse(body);
      if (!parsed.success) return problemResponse(400, fieldErrorsFromIssues(parsed.error.issues));
      const decided: CatchmentRequest = { ...now, status: parsed.data.decision, decisionNote: parsed.data.note ?? null, decidedAt: now.updatedAt, version: now.version + 1 };
      store.requests[index] = decided;
      return HttpResponse.json(decided);
    }),
  ];
}
