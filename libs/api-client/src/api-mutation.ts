import { useMutation } from '@tanstack/react-query';
import type { ApiError } from './api-error';
import { ifMatch } from './etag';

/**
 * A write to the API, the one shape every mutation hook has: the request (`readJson(...)` or
 * `readEmpty(...)`), errors as ApiError, and `onSuccess` bringing the cache up to date through the
 * resource's key factory (never a hand-written key). Call it unconditionally, like any hook.
 *
 *   export function useCreateActor() {
 *     return useApiMutation<ActorDetail, ActorCreate>(
 *       (input) => readJson(api().api.actors.$post({ json: input })),
 *       useActorCacheUpdate(),
 *     );
 *   }
 *
 * A write to a record the user read goes through useVersionedUpdate / useVersionedAction (If-Match).
 */
export function useApiMutation<Data, Variables>(mutationFn: (variables: Variables) => Promise<Data>, onSuccess?: (data: Data) => unknown) {
  return useMutation<Data, ApiError, Variables>({ mutationFn, onSuccess });
}

/** What a write guarded by If-Match sends besides its body: the record's id and the version read. */
interface VersionedRequest {
  param: { id: string };
  header: { 'if-match': string };
}

/**
 * Saves `changes` to record `id` with If-Match: the version the user read, so a save over someone
 * else's answers 412 (stale) instead of overwriting it.
 *
 *   useVersionedUpdate<ActorDetail, ActorUpdate>(id, (request) => readJson(api().api.actors[':id'].$patch(request)), useActorCacheUpdate())
 */
export function useVersionedUpdate<Data, Changes>(
  id: string,
  patch: (request: VersionedRequest & { json: Changes }) => Promise<Data>,
  onSuccess?: (data: Data) => unknown,
) {
  return useApiMutation<Data, { changes: Changes; version: number }>(
    ({ changes, version }) => patch({ param: { id }, json: changes, header: { 'if-match': ifMatch(version) } }),
    onSuccess,
  );
}

/** A step on record `id` with no body (archive, restore, close, delete), with If-Match likewise. */
export function useVersionedAction<Data>(id: string, send: (request: VersionedRequest) => Promise<Data>, onSuccess?: (data: Data) => unknown) {
  return useApiMutation<Data, { version: number }>(({ version }) => send({ param: { id }, header: { 'if-match': ifMatch(version) } }), onSuccess);
}

/**
 * A resource's two writes from its forms, one recipe: create (POST the new record) and update
 * (PATCH the changes with If-Match), each followed by the resource's cache update.
 *
 *   export const { useCreate: useCreateActor, useUpdate: useUpdateActor } = recordWrites<ActorDetail, ActorCreate, ActorUpdate>({
 *     create: (input) => readJson(api().api.actors.$post({ json: input })),
 *     update: (request) => readJson(api().api.actors[':id'].$patch(request)),
 *   }, useActorCacheUpdate);
 */
export function recordWrites<Data, Create, Changes>(
  { create, update }: { create: (input: Create) => Promise<Data>; update: (request: VersionedRequest & { json: Changes }) => Promise<Data> },
  useCacheUpdate: () => (data: Data) => unknown,
) {
  return {
    useCreate: () => useApiMutation<Data, Create>(create, useCacheUpdate()),
    useUpdate: (id: string) => useVersionedUpdate<Data, Changes>(id, update, useCacheUpdate()),
  };
}
