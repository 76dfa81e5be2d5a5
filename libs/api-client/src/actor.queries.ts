import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ActorCreate, ActorDetail, ActorListQuery, ActorUpdate } from '@kompetansebro/domain';
import { api, apiUrl } from './client';
import { readJson, type ApiError } from './api-error';
import { ifMatch } from './etag';
import { toQueryStrings } from './query-strings';

export type ActorListFilters = Partial<ActorListQuery>;

export const actorQueries = {
  all: ['actors'] as const,
  lists: () => [...actorQueries.all, 'list'] as const,
  list: (filters: ActorListFilters) =>
    queryOptions({
      queryKey: [...actorQueries.lists(), filters] as const,
      queryFn: () => readJson(api().api.actors.$get({ query: toQueryStrings(filters) })),
      // Keep the last page on screen while the next loads, so the layout stays still.
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...actorQueries.all, 'detail', id] as const,
      queryFn: () => readJson(api().api.actors[':id'].$get({ param: { id } })),
    }),
  /** The export of what the filters show (CSV or XLSX), as a link the browser downloads. */
  exportUrl: (filters: ActorListFilters, format: 'csv' | 'xlsx') => {
    const { page: _page, pageSize: _pageSize, ...rest } = filters;
    const query = new URLSearchParams({ ...toQueryStrings(rest), format });
    return apiUrl(`/api/actors/export?${query.toString()}`);
  },
};

function useActorCacheUpdate() {
  const queryClient = useQueryClient();
  return async (actor: ActorDetail) => {
    queryClient.setQueryData(actorQueries.detail(actor.id).queryKey, actor);
    await queryClient.invalidateQueries({ queryKey: actorQueries.lists() });
    if (actor.parentId) await queryClient.invalidateQueries({ queryKey: actorQueries.detail(actor.parentId).queryKey });
  };
}

export function useCreateActor() {
  const updateCache = useActorCacheUpdate();
  return useMutation<ActorDetail, ApiError, ActorCreate>({
    mutationFn: (input) => readJson(api().api.actors.$post({ json: input })),
    onSuccess: updateCache,
  });
}

export function useUpdateActor(id: string) {
  const updateCache = useActorCacheUpdate();
  return useMutation<ActorDetail, ApiError, { changes: ActorUpdate; version: number }>({
    mutationFn: ({ changes, version }) =>
      readJson(
        api().api.actors[':id'].$patch({ param: { id }, json: changes, header: { 'if-match': ifMatch(version) } }),
      ),
    onSuccess: updateCache,
  });
}

export function useArchiveActor(id: string) {
  const updateCache = useActorCacheUpdate();
  return useMutation<ActorDetail, ApiError, { version: number }>({
    mutationFn: ({ version }) =>
      readJson(api().api.actors[':id'].archive.$post({ param: { id }, header: { 'if-match': ifMatch(version) } })),
    onSuccess: updateCache,
  });
}

export function useRestoreActor(id: string) {
  const updateCache = useActorCacheUpdate();
  return useMutation<ActorDetail, ApiError, { version: number }>({
    mutationFn: ({ version }) =>
      readJson(api().api.actors[':id'].restore.$post({ param: { id }, header: { 'if-match': ifMatch(version) } })),
    onSuccess: updateCache,
  });
}
