import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  InitiativeCreate,
  InitiativeDetail,
  InitiativeListQuery,
  InitiativeUpdate,
  MobilityCountQuery,
  OwnPlanItem,
  OwnPlanItemListQuery,
  OwnPlanItemUpdate,
  PlanItemCreate,
  PlanItemDetail,
  PlanItemListQuery,
  PlanItemUpdate,
} from '@kompetansebro/domain';
import { recordWrites, useVersionedUpdate } from './api-mutation';
import { accountQueries } from './account.queries';
import { api } from './client';
import { readJson, type ApiError } from './api-error';
import { ifMatch } from './etag';
import { listQueries, resourceQueries, useSavedRecordInCache } from './resource-queries';
import { listExportUrl, toQueryStrings, type ExportFormat } from './query-strings';

export type PlanItemListFilters = Partial<PlanItemListQuery>;
export type InitiativeListFilters = Partial<InitiativeListQuery>;
export type MobilityCountFilters = Partial<MobilityCountQuery>;

/** Plan items across initiatives (with the initiative's title), soonest due first by default. */
export const planItemQueries = listQueries('plan-items', (filters: PlanItemListFilters) =>
  readJson(api().api['plan-items'].$get({ query: toQueryStrings(filters) })),
);

export type OwnPlanItemListFilters = Partial<OwnPlanItemListQuery>;

/** The plan items the user's own organisation is responsible for (issue 19), soonest due first; one by id. */
export const ownPlanItemQueries = resourceQueries('own-plan-items', {
  list: (filters: OwnPlanItemListFilters) => readJson(api().api['own-plan-items'].$get({ query: toQueryStrings(filters) })),
  detail: (id) => readJson(api().api['own-plan-items'][':id'].$get({ param: { id } })),
});

/** The responsible organisation moves its plan item on (status, result text), If-Match; the item, the lists and the inbox follow. */
export function useUpdateOwnPlanItem(id: string) {
  return useVersionedUpdate<OwnPlanItem, OwnPlanItemUpdate>(
    id,
    (request) => readJson(api().api['own-plan-items'][':id'].$patch(request)),
    useSavedRecordInCache<OwnPlanItem>(ownPlanItemQueries, () => [accountQueries.all]),
  );
}

export const initiativeQueries = {
  ...resourceQueries('initiatives', {
    list: (filters: InitiativeListFilters) => readJson(api().api.initiatives.$get({ query: toQueryStrings(filters) })),
    detail: (id) => readJson(api().api.initiatives[':id'].$get({ param: { id } })),
  }),
  /** The export of what the filters show (CSV or XLSX), as a link the browser downloads. */
  exportUrl: (filters: InitiativeListFilters, format: ExportFormat) => listExportUrl('/api/initiatives/export', filters, format),
  mobilityCounts: (filters: MobilityCountFilters) =>
    queryOptions({
      queryKey: [...initiativeQueries.all, 'mobility', filters] as const,
      queryFn: () => readJson(api()['api']['mobility-counts'].$get({ query: toQueryStrings(filters) })),
    }),
};

/** After a write: the saved initiative becomes the detail's data; every initiative list (the portfolio reads one) refetches. */
function useInitiativeCacheUpdate() {
  return useSavedRecordInCache<InitiativeDetail>(initiativeQueries);
}

export const { useCreate: useCreateInitiative, useUpdate: useUpdateInitiative } = recordWrites<InitiativeDetail, InitiativeCreate, InitiativeUpdate>(
  { create: (input) => readJson(api().api.initiatives.$post({ json: input })), update: (request) => readJson(api().api.initiatives[':id'].$patch(request)) },
  useInitiativeCacheUpdate,
);

/** After a plan item changes: the initiative (which lists its items) and the plan-item lists refetch. */
function usePlanItemCacheUpdate(initiativeId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: initiativeQueries.detail(initiativeId).queryKey }),
      queryClient.invalidateQueries({ queryKey: initiativeQueries.lists() }),
      queryClient.invalidateQueries({ queryKey: planItemQueries.all }),
    ]);
  };
}

export function useCreatePlanItem(initiativeId: string) {
  const updateCache = usePlanItemCacheUpdate(initiativeId);
  return useMutation<PlanItemDetail, ApiError, PlanItemCreate>({
    mutationFn: (input) => readJson(api().api.initiatives[':id']['plan-items'].$post({ param: { id: initiativeId }, json: input })),
    onSuccess: updateCache,
  });
}

export function useUpdatePlanItem(initiativeId: string) {
  const updateCache = usePlanItemCacheUpdate(initiativeId);
  return useMutation<PlanItemDetail, ApiError, { itemId: string; changes: PlanItemUpdate; version: number }>({
    mutationFn: ({ itemId, changes, version }) =>
      readJson(
        api().api.initiatives[':id']['plan-items'][':itemId'].$patch({
          param: { id: initiativeId, itemId },
          json: changes,
          header: { 'if-match': ifMatch(version) },
        }),
      ),
    // After a failure too: a 412 means someone else changed the item, so the screen shows theirs.
    onSettled: updateCache,
  });
}
