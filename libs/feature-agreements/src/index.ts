export { createAgreementRoutes, createCoverageRoute } from './agreement-routes';
export type { AgreementCreation } from './agreement-feature-context';
