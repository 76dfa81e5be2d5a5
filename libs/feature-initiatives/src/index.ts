export { createInitiativeRoutes } from './initiative-routes';
