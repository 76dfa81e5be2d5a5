import { queryOptions } from '@tanstack/react-query';
import type { ServiceListQuery } from '@kompetansebro/domain';
import { api } from './client';
import { readJson } from './api-error';
import { toQueryStrings } from './query-strings';

export type ServiceListFilters = Partial<ServiceListQuery>;

export const serviceQueries = {
  all: ['services'] as const,
  lists: () => [...serviceQueries.all, 'list'] as const,
  list: (filters: ServiceListFilters) =>
    queryOptions({
      queryKey: [...serviceQueries.lists(), filters] as const,
      queryFn: () => readJson(api().api.services.$get({ query: toQueryStrings(filters) })),
    }),
};
