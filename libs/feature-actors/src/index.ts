export { createActorRoutes } from './actor-routes';
export type { ActorViewer } from './actor-feature-context';
export { parseActorListSearch, type ActorListSearch } from './actor-list-search';
