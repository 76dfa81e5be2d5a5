import { keepPreviousData, queryOptions, useQueryClient } from '@tanstack/react-query';
import type { ActorCreate, ActorDetail, ActorListQuery, ActorUpdate } from '@kompetansebro/domain';
import { useApiMutation } from './api-mutation';
import { api } from './client';
import { readJson } from './api-error';
import { ifMatch } from './etag';
import { listExportUrl, toQueryStrings, type ExportFormat } from './query-strings';

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
  exportUrl: (filters: ActorListFilters, format: ExportFormat) => listExportUrl('/api/actors/export', filters, format),
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
  return useApiMutation<ActorDetail, ActorCreate>(
    (input) => readJson(api().api.actors.$post({ json: input })),
    useActorCacheUpdate(),
  );
}

export function useUpdateActor(id: string) {
  return useApiMutation<ActorDetail, { changes: ActorUpdate; version: number }>(
    ({ changes, version }) =>
      readJson(
        api().api.actors[':id'].$patch({ param: { id }, json: changes, header: { 'if-match': ifMatch(version) } }),
      ),
    useActorCacheUpdate(),
  );
}

export function useArchiveActor(id: string) {
  return useApiMutation<ActorDetail, { version: number }>(
    ({ version }) =>
      readJson(api().api.actors[':id'].archive.$post({ param: { id }, header: { 'if-match': ifMatch(version) } })),
    useActorCacheUpdate(),
  );
}

export function useRestoreActor(id: string) {
  return useApiMutation<ActorDetail, { version: number }>(
    ({ version }) =>
      readJson(api().api.actors[':id'].restore.$post({ param: { id }, header: { 'if-match': ifMatch(version) } })),
    useActorCacheUpdate(),
  );
}
