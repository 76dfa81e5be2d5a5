export { createActivityRoutes } from './activity-routes';
export type { ActivityKindCode } from './activity-feature-context';
