import type { RequestHandler } from 'msw';
import type { CatchmentRequest, Me } from '@kompetansebro/domain';
import { http, HttpResponse } from 'msw';
import { buildMe } from '../factories/user.factory';
import { problemResponse } from './problem';
import { type ReceivedRequest, ResourceStore } from './resource';

type Kept = Pick<ReceivedRequest, 'path' | 'ifMatch' | 'body'>;

/**
 * The county's review of catchment-area requests in a scenario: who is logged in (a county
 * admin unless told otherwise) and the requests (in the order given; `listFor` says what a status
 * filter finds). A decided request leaves the lists of the scenario. `failing` makes the list
 * answer 500; `changedBehind` plays someone else editing (the next decision answers 412) or
 * deciding (409) the request just before the next decision arrives.
 */
export class CatchmentReviewStore extends ResourceStore<CatchmentRequest, Kept> {
  me: Me = buildMe();
  failing = false;
  changedBehind: { id: string; how: 'edited' | 'decided' } | null = null;
  /** How often the list was read (a test waits for the read after a decision). */
  listReads = 0;

  get requests(): CatchmentRequest[] {
    return this.all();
  }

  set requests(requests: CatchmentRequest[]) {
    for (const request of requests) this.put(request);
  }

  protected override keep({ path, ifMatch, body }: ReceivedRequest): Kept {
    return { path, ifMatch, body };
  }
}

export function catchmentReviewHandlers(store = new CatchmentReviewStore()): RequestHandler[] {
  return [
    http.get('*/api/me', () => HttpResponse.json(store.me)),
    http.get('*/api/catchment-requests', ({ request }) => {
      store.listReads += 1;
      return store.failing ? problemResponse(500) : HttpResponse.json({ items: store.list(new URL(request.url).searchParams).items });
    }),
    http.post('*/api/catchment-requests/:id/decision', ({ params, request }) =>
      store.answer(request, (body) => {
        const current = store.get(String(params['id']));
        if (!current) return problemResponse(404);
        const behind = store.changedBehind?.id === current.id ? store.changedBehind.how : null;
        store.changedBehind = null;
        if (behind === 'edited') return (store.saveBySomeoneElse(current.id, {}), problemResponse(412));
        if (behind === 'decided') return (store.put({ ...current, status: 'approved', decidedAt: current.updatedAt }), problemResponse(409));
        store.unlist(current.id);
        return HttpResponse.json(store.change(current.id, { status: body['decision'] as CatchmentRequest['status'], decisionNote: (body['note'] as string | undefined) ?? null, decidedAt: current.updatedAt }));
      }),
    ),
  ];
}
