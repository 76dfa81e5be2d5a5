import { lazy } from 'react';

export { createActorRoutes } from './actor-routes';
export type { ActorViewer } from './actor-feature-context';

/** An organisation's own record, contact-only, saved in place (own-actor-form): its own chunk, loaded where it shows. */
export const OwnActorForm = lazy(() => import('./own-actor-form').then((module) => ({ default: module.OwnActorForm })));
