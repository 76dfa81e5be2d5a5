export { createPortalRoutes } from './portal-routes';
export { createCatchmentReviewRoutes } from './catchment-review-routes';
