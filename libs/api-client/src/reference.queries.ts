import { queryOptions } from '@tanstack/react-query';
import { api } from './client';
import { readJson } from './api-error';

// Reference data changes seldom: keep it for ten minutes.
const REFERENCE_STALE_MS = 10 * 60 * 1000;

export const municipalityQueries = {
  all: ['municipalities'] as const,
  list: (params: { region?: string } = {}) =>
    queryOptions({
      queryKey: [...municipalityQueries.all, 'list', params] as const,
      queryFn: () => readJson(api().api.municipalities.$get({ query: params })),
      staleTime: REFERENCE_STALE_MS,
    }),
};

export const regionQueries = {
  all: ['regions'] as const,
  list: () =>
    queryOptions({
      queryKey: [...regionQueries.all, 'list'] as const,
      queryFn: () => readJson(api().api.regions.$get()),
      staleTime: REFERENCE_STALE_MS,
    }),
};
