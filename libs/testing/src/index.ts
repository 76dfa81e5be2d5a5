// For component tests (Vitest in happy-dom): factories parsed through the domain's schemas,
// msw handlers that answer like the API, and a router/query-cache render helper.
// Node-only helpers (database, HTTP server) are in ./server.ts.
export { actorReference, buildActorDetail, buildActorSummary, nextActorId } from './factories/actor.factory';
export { municipalityByNumber, testMunicipalities, testRegions } from './factories/reference.factory';
export { ActorStore, actorHandlers, referenceHandlers } from './msw/actor-handlers';
export { mswServer } from './msw/msw-server';
export { fieldErrorsOf, problemResponse } from './msw/problem';
export { createTestQueryClient, renderRoute } from './render-route';
