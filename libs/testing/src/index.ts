// For component tests (Vitest in happy-dom): factories parsed through the domain's schemas,
// msw handlers that answer like the API, and a router/query-cache render helper.
// Node-only helpers (database, HTTP server) are in ./server.ts.
export { actorReference, buildActorDetail, buildActorSummary, nextActorId } from './factories/actor.factory';
export { municipalityByNumber, testMunicipalities, testRegions } from './factories/reference.factory';
export { buildMe, buildMembership, buildUser, nextUserId, testOrganisations } from './factories/user.factory';
export { ActorStore, actorHandlers, referenceHandlers } from './msw/actor-handlers';
export { AuthStore, authHandlers, countyAdminAccount, sessionGuard, type SearchHit, type TestAccount } from './msw/auth-handlers';
export { UserStore, userHandlers } from './msw/user-handlers';
export { mswServer } from './msw/msw-server';
export { problemResponse } from './msw/problem';
export { createTestQueryClient, renderRoute } from './render-route';
export { pickOption } from './pick-option';
export { buildAgreementDetail, nextAgreementId } from './factories/agreement.factory';
export { AgreementStore, agreementCountsHandler, agreementHandlers } from './msw/agreement-handlers';
export { buildActivityDetail, nextActivityId } from './factories/activity.factory';
export { ActivityStore, activityHandlers, type KnownActor } from './msw/activity-handlers';
export { buildAuditEntry, type AuditListEntry } from './factories/audit.factory';
export { AuditStore, auditHandlers } from './msw/audit-handlers';
export { buildOwnPlanItem, buildPlanItemDetail, nextPlanItemId } from './factories/plan-item.factory';
export { OwnPlanItemStore, ownPlanItemHandlers, PlanItemStore, planItemHandlers } from './msw/plan-item-handlers';
export { buildCoverage, buildPartyService } from './factories/coverage.factory';
export { coverageHandlers, regionCoveragesHandler } from './msw/coverage-handlers';
export { buildService, nextServiceId } from './factories/service.factory';
export { ServiceStore, serviceHandlers } from './msw/service-handlers';
export { buildContact, nextContactId } from './factories/contact.factory';
export { ContactStore, contactHandlers } from './msw/contact-handlers';
export { buildBrochure, buildCatchmentRequest } from './factories/portal.factory';
export { namdalCoordinator, PortalStore, portalHandlers } from './msw/portal-handlers';
export { allKeyServices, buildLiaisonActivity, buildLiaisonLibrary, buildLiaisonNote } from './factories/liaison.factory';
export { LiaisonStore, liaisonHandlers } from './msw/liaison-handlers';
export { buildInitiativeDetail, buildMobilityCount, nextInitiativeId } from './factories/initiative.factory';
export { InitiativeStore, initiativeHandlers } from './msw/initiative-handlers';
export { CatchmentReviewStore, catchmentReviewHandlers } from './msw/catchment-review-handlers';
export { buildMailOut, buildSurveyDetail, buildSurveyForm } from './factories/survey.factory';
export { SurveyFormStore, surveyFormHandlers, SurveyStore, surveyHandlers } from './msw/survey-handlers';
export { scenario, scenarios, namdalCoordinatorAccount, type Scenario, type ScenarioData } from './msw/scenario';
export { ResourceStore, ScenarioStore, type ReceivedRequest } from './msw/resource';
