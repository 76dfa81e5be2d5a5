export { createInitiativeRoutes } from './initiative-routes';
export { createOwnPlanItemRoutes } from './own-plan-item-routes';
