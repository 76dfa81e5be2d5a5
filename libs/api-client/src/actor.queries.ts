import type { ActorCreate, ActorDetail, ActorListQuery, ActorUpdate } from '@kompetansebro/domain';
import { useQueryClient } from '@tanstack/react-query';
import { recordWrites, useApiMutation, useVersionedAction } from './api-mutation';
import { ifMatch } from './etag';
import { api } from './client';
import { readJson } from './api-error';
import { resourceQueries, useSavedRecordInCache } from './resource-queries';
import { listExportUrl, toQueryStrings, type ExportFormat } from './query-strings';

export type ActorListFilters = Partial<ActorListQuery>;

export const actorQueries = {
  ...resourceQueries('actors', {
    list: (filters: ActorListFilters) => readJson(api().api.actors.$get({ query: toQueryStrings(filters) })),
    detail: (id) => readJson(api().api.actors[':id'].$get({ param: { id } })),
  }),
  /** The export of what the filters show (CSV or XLSX), as a link the browser downloads. */
  exportUrl: (filters: ActorListFilters, format: ExportFormat) => listExportUrl('/api/actors/export', filters, format),
};

/** A branch's main library lists its branches: it refetches too. */
function useActorCacheUpdate() {
  return useSavedRecordInCache(actorQueries, (actor: ActorDetail) => [
    actor.parentId ? actorQueries.detail(actor.parentId).queryKey : undefined,
  ]);
}

export const { useCreate: useCreateActor, useUpdate: useUpdateActor } = recordWrites<ActorDetail, ActorCreate, ActorUpdate>(
  { create: (input) => readJson(api().api.actors.$post({ json: input })), update: (request) => readJson(api().api.actors[':id'].$patch(request)) },
  useActorCacheUpdate,
);

export function useArchiveActor(id: string) {
  return useVersionedAction<ActorDetail>(id, (request) => readJson(api().api.actors[':id'].archive.$post(request)), useActorCacheUpdate());
}

export function useRestoreActor(id: string) {
  return useVersionedAction<ActorDetail>(id, (request) => readJson(api().api.actors[':id'].restore.$post(request)), useActorCacheUpdate());
}

/**
 * Merges a duplicate into this actor (If-Match: this actor's version): every reference moves
 * here and the duplicate is archived. Every list may have changed: all actor queries refetch.
 */
export function useMergeActor(id: string) {
  const queryClient = useQueryClient();
  return useApiMutation<ActorDetail, { version: number; duplicateId: string }>(
    ({ version, duplicateId }) => readJson(api().api.actors[':id'].merge.$post({ param: { id }, header: { 'if-match': ifMatch(version) }, json: { duplicateId } })),
    () => queryClient.invalidateQueries(),
  );
}
