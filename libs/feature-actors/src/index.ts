export { createActorRoutes } from './actor-routes';
export type { ActorViewer } from './actor-feature-context';
