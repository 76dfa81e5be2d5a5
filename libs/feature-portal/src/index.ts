export { createPortalRoutes } from './portal-routes';
export { parseBrochureSearch, parseContactsSearch, type BrochureSearch, type ContactsSearch } from './portal-search';
export { createCatchmentReviewRoutes } from './catchment-review-routes';
