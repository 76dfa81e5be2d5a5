export { createAgreementRoutes, createCoverageRoute } from './agreement-routes';
export { parseAgreementListSearch, parseCoverageSearch, type AgreementListSearch, type CoverageSearch } from './agreement-list-search';
export type { AgreementCreation } from './agreement-feature-context';
