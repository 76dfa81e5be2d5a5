import { useMutation } from '@tanstack/react-query';
import type { ApiError } from './api-error';

/**
 * A write to the API, the one shape every mutation hook has: the request (`readJson(...)` or
 * `readEmpty(...)`), errors as ApiError, and `onSuccess` bringing the cache up to date through the
 * resource's key factory (never a hand-written key). Call it unconditionally, like any hook.
 *
 *   export function useUpdateActor(id: string) {
 *     return useApiMutation<ActorDetail, { changes: ActorUpdate; version: number }>(
 *       ({ changes, version }) => readJson(api().api.actors[':id'].$patch({ param: { id }, json: changes, header: { 'if-match': ifMatch(version) } })),
 *       useActorCacheUpdate(),
 *     );
 *   }
 */
export function useApiMutation<Data, Variables>(mutationFn: (variables: Variables) => Promise<Data>, onSuccess?: (data: Data) => unknown) {
  return useMutation<Data, ApiError, Variables>({ mutationFn, onSuccess });
}
