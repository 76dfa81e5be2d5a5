export { createLiaisonRoutes } from './liaison-routes';
export { parseLibraryListSearch, type LibraryListSearch } from './library-list-search';
