import type { RequestHandler } from 'msw';
import type { Brochure, CatchmentRequest, Coverage, Me } from '@kompetansebro/domain';
import { http, HttpResponse, type JsonBodyType } from 'msw';
import { buildBrochure, buildCatchmentRequest } from '../factories/portal.factory';
import { buildMe, buildMembership, testOrganisations } from '../factories/user.factory';
import { problemResponse } from './problem';
import { ScenarioStore } from './resource';

/** The Namdal coordinator, as `/api/me` answers for them. */
export const namdalCoordinator = (): Me =>
  buildMe({
    user: { id: '00000000-0000-4000-8003-000000009002', email: 'namdal@demo.kompetansebro.no', name: 'Namdal studiesenter (demo)' },
    memberships: [buildMembership(testOrganisations.namdal, 'study_centre_coordinator')],
  });

type Source = 'brochure' | 'coverage' | 'requests';

/**
 * One study centre's portal in a scenario: who is logged in, its brochure, coverage, catchment
 * area and requests, served whatever centre the path names. `failing` makes a read answer 500.
 */
export class PortalStore extends ScenarioStore {
  me: Me = namdalCoordinator();
  brochure: Brochure = buildBrochure();
  coverage: Coverage | null = null;
  area: string[] = ['5007', '5049'];
  requests: CatchmentRequest[] = [];
  failing = new Set<Source>();
}

export function portalHandlers(store = new PortalStore()): RequestHandler[] {
  const read = (source: Source | null, answer: () => JsonBodyType) => () => (source && store.failing.has(source) ? problemResponse(500) : HttpResponse.json(answer()));
  return [
    http.get('*/api/me', read(null, () => store.me)),
    http.get('*/api/study-centres/:id/brochure', read('brochure', () => store.brochure)),
    http.get('*/api/coverage', () => (store.failing.has('coverage') ? problemResponse(500) : store.coverage ? HttpResponse.json(store.coverage) : problemResponse(404))),
    http.get('*/api/study-centres/:id/catchment-area', read(null, () => ({ studyCentreId: store.me.activeOrganisationId, municipalityNumbers: store.area }))),
    http.get('*/api/study-centres/:id/catchment-requests', read('requests', () => ({ items: store.requests }))),
    http.post('*/api/study-centres/:id/catchment-requests', ({ request }) =>
      store.answer(request, (body) => {
        const created = buildCatchmentRequest(body);
        store.requests = [created, ...store.requests];
        return HttpResponse.json(created, { status: 201 });
      }),
    ),
  ];
}
