export { createLibraryRoutes } from './library-routes';
