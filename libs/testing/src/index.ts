// For component tests (Vitest in happy-dom): factories parsed through the domain's schemas,
// msw handlers that answer like the API, and a router/query-cache render helper.
// Node-only helpers (database, HTTP server) are in ./server.ts.
export { actorReference, buildActorDetail, buildActorSummary, nextActorId } from './factories/actor.factory';
export { municipalityByNumber, testMunicipalities, testRegions } from './factories/reference.factory';
export { buildMe, buildMembership, buildUser, nextUserId, testOrganisations } from './factories/user.factory';
export { ActorStore, actorHandlers, referenceHandlers } from './msw/actor-handlers';
export { AuthStore, authHandlers, countyAdminAccount, sessionGuard, type TestAccount } from './msw/auth-handlers';
export { UserStore, userHandlers } from './msw/user-handlers';
export { mswServer } from './msw/msw-server';
export { problemResponse } from './msw/problem';
export { createTestQueryClient, renderRoute } from './render-route';
export { buildAgreementDetail, nextAgreementId } from './factories/agreement.factory';
export { AgreementStore, agreementHandlers } from './msw/agreement-handlers';
