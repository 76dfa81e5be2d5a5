export { createActivityRoutes } from './activity-routes';
