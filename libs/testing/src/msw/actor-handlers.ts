import type { RequestHandler } from 'msw';
import type { ActorDetail } from '@kompetansebro/domain';
import { http, HttpResponse } from 'msw';
import { buildActorDetail, nextActorId } from '../factories/actor.factory';
import { testMunicipalities, testRegions } from '../factories/reference.factory';
import { api, everything, ResourceStore, resourceHandlers } from './resource';

/** The actors of a scenario: served as given (no filters or order — the API's rules are tested against the API). */
export class ActorStore extends ResourceStore<ActorDetail> {}

/** Handlers for /api/actors over a store (pass one to inspect or change it in a test). */
export function actorHandlers(store = new ActorStore()): RequestHandler[] {
  return resourceHandlers('/actors', store, {
    summary: ({ children: _children, ...summary }) => summary,
    create: (body) => ({ ...buildActorDetail({ id: nextActorId() }), ...body }) as ActorDetail,
    actions: { archive: () => ({ archivedAt: new Date().toISOString() }) },
    unlists: ['archive'],
  });
}

/** Handlers for the reference data: the test municipalities and regions. */
export function referenceHandlers(): RequestHandler[] {
  return [
    http.get(api('/municipalities'), () => HttpResponse.json(everything(testMunicipalities))),
    http.get(api('/regions'), () => HttpResponse.json(everything(Object.values(testRegions)))),
  ];
}
