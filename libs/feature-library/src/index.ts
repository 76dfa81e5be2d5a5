export { createCountyInboxRoute, createLibraryRoutes } from './library-routes';
