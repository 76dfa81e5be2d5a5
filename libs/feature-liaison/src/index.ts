export { createLiaisonRoutes } from './liaison-routes';
