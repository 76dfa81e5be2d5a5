export { createUserRoutes } from './user-routes';
