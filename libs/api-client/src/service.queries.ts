import type { ServiceCreate, ServiceListQuery, ServiceSummary, ServiceUpdate } from '@kompetansebro/domain';
import { recordWrites, useApiMutation, useVersionedAction } from './api-mutation';
import { api } from './client';
import { readJson } from './api-error';
import { ifMatch } from './etag';
import { resourceQueries, useSavedRecordInCache } from './resource-queries';
import { toQueryStrings } from './query-strings';

export type ServiceListFilters = Partial<ServiceListQuery>;

export const serviceQueries = resourceQueries(
  'services',
  {
    list: (filters: ServiceListFilters) => readJson(api().api.services.$get({ query: toQueryStrings(filters) })),
    detail: (id) => readJson(api().api.services[':id'].$get({ param: { id } })),
  },
  { keepPreviousPage: false },
);

/** After a write: the new version in the cache; every list (an actor's services among them) refetches. */
function useServiceCacheUpdate() {
  return useSavedRecordInCache<ServiceSummary>(serviceQueries);
}

export const { useCreate: useCreateService, useUpdate: useUpdateService } = recordWrites<ServiceSummary, ServiceCreate, ServiceUpdate>(
  { create: (input) => readJson(api().api.services.$post({ json: input })), update: (request) => readJson(api().api.services[':id'].$patch(request)) },
  useServiceCacheUpdate,
);

export function useArchiveService(id: string) {
  return useVersionedAction<ServiceSummary>(id, (request) => readJson(api().api.services[':id'].archive.$post(request)), useServiceCacheUpdate());
}

/** "Still correct": the server records today's date (Norway) and who confirmed. */
export function useConfirmService(id: string) {
  return useApiMutation<ServiceSummary, { confirmedBy: string; version: number }>(
    ({ confirmedBy, version }) =>
      readJson(
        api().api.services[':id'].confirm.$post({ param: { id }, json: { confirmedBy }, header: { 'if-match': ifMatch(version) } }),
      ),
    useServiceCacheUpdate(),
  );
}
