import { keepPreviousData, queryOptions, useQueryClient } from '@tanstack/react-query';
import type { ActivityCountQuery, ActivityCreate, ActivityDetail, ActivityListQuery, ActivityUpdate } from '@kompetansebro/domain';
import { recordWrites, useVersionedAction } from './api-mutation';
import { api, apiUrl } from './client';
import { readEmpty, readJson } from './api-error';
import { resourceQueries, useSavedRecordInCache } from './resource-queries';
import { listExportUrl, toQueryStrings, type ExportFormat } from './query-strings';

export type ActivityListFilters = Partial<ActivityListQuery>;
export type ActivityCountFilters = Partial<ActivityCountQuery>;

export const activityQueries = {
  ...resourceQueries('activities', {
    list: (filters: ActivityListFilters) => readJson(api().api.activities.$get({ query: toQueryStrings(filters) })),
    detail: (id) => readJson(api().api.activities[':id'].$get({ param: { id } })),
  }),
  countsAll: () => [...activityQueries.all, 'counts'] as const,
  /** How many activities the filters select, per month, half year or year. */
  counts: (filters: ActivityCountFilters) =>
    queryOptions({
      queryKey: [...activityQueries.countsAll(), filters] as const,
      queryFn: () => readJson(api().api.activities.counts.$get({ query: toQueryStrings(filters) })),
      placeholderData: keepPreviousData,
    }),
  /** The export of what the filters show (CSV or XLSX), as a link the browser downloads. */
  exportUrl: (filters: ActivityListFilters, format: ExportFormat) => listExportUrl('/api/activities/export', filters, format),
  /** The activity as an iCalendar file (.ics), as a link the browser downloads. */
  calendarUrl: (id: string) => apiUrl(`/api/activities/${encodeURIComponent(id)}/calendar.ics`),
};

/** After a write: the new detail in the cache; lists and counts (which depend on it) refetch. */
function useActivityCacheUpdate() {
  return useSavedRecordInCache(activityQueries, () => [activityQueries.countsAll()]);
}

export const { useCreate: useCreateActivity, useUpdate: useUpdateActivity } = recordWrites<ActivityDetail, ActivityCreate, ActivityUpdate>(
  { create: (input) => readJson(api().api.activities.$post({ json: input })), update: (request) => readJson(api().api.activities[':id'].$patch(request)) },
  useActivityCacheUpdate,
);

export function useDeleteActivity(id: string) {
  const queryClient = useQueryClient();
  return useVersionedAction<void>(
    id,
    (request) => readEmpty(api().api.activities[':id'].$delete(request)),
    async () => {
      queryClient.removeQueries({ queryKey: activityQueries.detail(id).queryKey });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: activityQueries.lists() }),
        queryClient.invalidateQueries({ queryKey: activityQueries.countsAll() }),
      ]);
    },
  );
}
