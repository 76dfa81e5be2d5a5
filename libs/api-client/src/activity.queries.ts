import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ActivityCountQuery, ActivityCreate, ActivityDetail, ActivityListQuery, ActivityUpdate } from '@kompetansebro/domain';
import { api, apiUrl } from './client';
import { apiErrorOf, networkError, readJson, type ApiError } from './api-error';
import { ifMatch } from './etag';
import { toQueryStrings } from './query-strings';

export type ActivityListFilters = Partial<ActivityListQuery>;
export type ActivityCountFilters = Partial<ActivityCountQuery>;

export const activityQueries = {
  all: ['activities'] as const,
  lists: () => [...activityQueries.all, 'list'] as const,
  list: (filters: ActivityListFilters) =>
    queryOptions({
      queryKey: [...activityQueries.lists(), filters] as const,
      queryFn: () => readJson(api().api.activities.$get({ query: toQueryStrings(filters) })),
      // Keep the last page on screen while the next loads, so the layout stays still.
      placeholderData: keepPreviousData,
    }),
  details: () => [...activityQueries.all, 'detail'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...activityQueries.details(), id] as const,
      queryFn: () => readJson(api().api.activities[':id'].$get({ param: { id } })),
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
  exportUrl: (filters: ActivityListFilters, format: 'csv' | 'xlsx') => {
    const { page: _page, pageSize: _pageSize, ...rest } = filters;
    const query = new URLSearchParams({ ...toQueryStrings(rest), format });
    return apiUrl(`/api/activities/export?${query.toString()}`);
  },
};

/** After a write: the new detail in the cache; lists and counts (which depend on it) refetch. */
function useActivityCacheUpdate() {
  const queryClient = useQueryClient();
  return async (activity: ActivityDetail) => {
    queryClient.setQueryData(activityQueries.detail(activity.id).queryKey, activity);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: activityQueries.lists() }),
      queryClient.invalidateQueries({ queryKey: activityQueries.countsAll() }),
    ]);
  };
}

export function useCreateActivity() {
  const updateCache = useActivityCacheUpdate();
  return useMutation<ActivityDetail, ApiError, ActivityCreate>({
    mutationFn: (input) => readJson(api().api.activities.$post({ json: input })),
    onSuccess: updateCache,
  });
}

export function useUpdateActivity(id: string) {
  const updateCache = useActivityCacheUpdate();
  return useMutation<ActivityDetail, ApiError, { changes: ActivityUpdate; version: number }>({
    mutationFn: ({ changes, version }) =>
      readJson(api().api.activities[':id'].$patch({ param: { id }, json: changes, header: { 'if-match': ifMatch(version) } })),
    onSuccess: updateCache,
  });
}

export function useDeleteActivity(id: string) {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, { version: number }>({
    mutationFn: async ({ version }) => {
      let response: Response;
      try {
        response = await api().api.activities[':id'].$delete({ param: { id }, header: { 'if-match': ifMatch(version) } });
      } catch (cause) {
        throw networkError(cause);
      }
      if (!response.ok) throw await apiErrorOf(response);
    },
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: activityQueries.detail(id).queryKey });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: activityQueries.lists() }),
        queryClient.invalidateQueries({ queryKey: activityQueries.countsAll() }),
      ]);
    },
  });
}
