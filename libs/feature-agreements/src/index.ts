export { createAgreementRoutes, createCoverageRoute } from './agreement-routes';
export { parseAgreementListSearch, parseCoverageSearch, type AgreementListSearch, type CoverageSearch } from './agreement-list-search';
