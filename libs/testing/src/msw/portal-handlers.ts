import { catchmentRequestCreateSchema, fieldErrorsFromIssues, type Brochure, type CatchmentRequest, type Coverage, type Me } from '@kompetansebro/domain';
import { http, HttpResponse } from 'msw';
import { buildBrochure, buildCatchmentRequest } from '../factories/portal.factory';
import { buildMe, buildMembership, testOrganisations } from '../factories/user.factory';
import { problemResponse } from './problem';

/** The Namdal coordinator, as `/api/me` answers for them. */
export const namdalCoordinator = (): Me =>
  buildMe({
    user: { id: '00000000-0000-4000-8003-000000009002', email: 'namdal@demo.kompetansebro.no', name: 'Namdal studiesenter (demo)' },
    memberships: [buildMembership(testOrganisations.namdal, 'study_centre_coordinator')],
  });

/**
 * One study centre's portal behind msw: who is logged in, its brochure, coverage, catchment area
 * and requests. Set `failing` to make a read answer 500, to play the error states.
 */
export class PortalStore {
  me: Me = namdalCoordinator();
  brochure: Brochure = buildBrochure();
  coverage: Coverage | null = null;
  area: string[] = ['5007', '5049'];
  requests: CatchmentRequest[] = [];
  failing = new Set<'brochure' | 'coverage' | 'requests'>();
  readonly received: Array<{ method: string; path: string; body: unknown }> = [];
}

export function portalHandlers(store = new PortalStore()) {
  const centre = () => store.me.activeOrganisationId;
  const mine = (id: string | readonly string[] | undefined) => id === centre();
  return [
    http.get('*/api/me', () => HttpResponse.json(store.me)),
    http.get('*/api/study-centres/:id/brochure', ({ params }) => {
      if (store.failing.has('brochure')) return problemResponse(500);
      return mine(params['id']) ? HttpResponse.json(store.brochure) : problemResponse(404);
    }),
    http.get('*/api/coverage', ({ request }) => {
      if (store.failing.has('coverage')) return problemResponse(500);
      const studyCentre = new URL(request.url).searchParams.get('studyCentre') ?? '';
      return mine(studyCentre) && store.coverage ? HttpResponse.json(store.coverage) : problemResponse(404);
    }),
    http.get('*/api/study-centres/:id/catchment-area', ({ params }) =>
      mine(params['id']) ? HttpResponse.json({ studyCentreId: centre(), municipalityNumbers: store.area }) : problemResponse(404),
    ),
    http.get('*/api/study-centres/:id/catchment-requests', ({ params }) => {
      if (store.failing.has('requests')) return problemResponse(500);
      return mine(params['id']) ? HttpResponse.json({ items: store.requests }) : problemResponse(404);
    }),
    http.post('*/api/study-centres/:id/catchment-requests', async ({ params, request }) => {
      if (!mine(params['id'])) return problemResponse(404);
      const body: unknown = await request.json();
      store.received.push({ method: 'POST', path: new URL(request.url).pathname, body });
      const parsed = catchmentRequestCreateSchema.safeParse(body);
      if (!parsed.success) return problemResponse(400, fieldErrorsFromIssues(parsed.error.issues));
      const created = buildCatchmentRequest({ add: parsed.data.add, remove: parsed.data.remove, reason: parsed.data.reason });
      store.requests = [created, ...store.requests];
      return HttpResponse.json(created, { status: 201 });
    }),
  ];
}
