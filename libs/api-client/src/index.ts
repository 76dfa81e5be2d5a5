export { ApiError } from './api-error';
export { configureApi } from './client';
export { municipalityQueries, regionQueries } from './reference.queries';
export { actorQueries, useCreateActor, useUpdateActor, useArchiveActor, useRestoreActor, type ActorListFilters } from './actor.queries';
