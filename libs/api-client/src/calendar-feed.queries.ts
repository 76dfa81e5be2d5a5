import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarFeedLink, CalendarFeedStatus } from '@kompetansebro/domain';
import { useApiMutation } from './api-mutation';
import { readJson } from './api-error';
import { api, apiUrl } from './client';
import { useCan } from './use-can';

/** The organisation's calendar feed (issue 19): whether it has a link, and a new link. */
export const calendarFeedQueries = {
  all: ['calendar-feed'] as const,
  status: () =>
    queryOptions({
      queryKey: [...calendarFeedQueries.all, 'status'] as const,
      queryFn: () => readJson(api().api['calendar-feed'].$get()),
    }),
};

/** The feed's full address (calendar apps need one), from the path the API answered. */
export function calendarFeedUrl(path: string): string {
  return new URL(apiUrl(path), window.location.href).href;
}

/**
 * Everything the UI's calendar subscription panel needs (its `useFeed`): the organisation's link
 * status, whether the policy lets this user make a new one, and making it (the address shown
 * only then: the server keeps only its hash).
 */
export function useCalendarFeed() {
  const queryClient = useQueryClient();
  const status = useQuery(calendarFeedQueries.status());
  const canCreate = useCan('calendar_feed', 'create');
  const create = useApiMutation<CalendarFeedLink, void>(
    () => readJson(api().api['calendar-feed'].$post()),
    (link) => queryClient.setQueryData<CalendarFeedStatus>(calendarFeedQueries.status().queryKey, { exists: true, createdAt: link.createdAt }),
  );
  return {
    status: status.isPending ? ('loading' as const) : status.isError ? ('error' as const) : ('ready' as const),
    error: status.error,
    exists: status.data?.exists ?? false,
    createdAt: status.data?.createdAt ?? null,
    url: create.data ? calendarFeedUrl(create.data.path) : null,
    canCreate,
    create: () => create.mutate(),
    creating: create.isPending,
    createError: create.error,
    retry: () => void status.refetch(),
  };
}
