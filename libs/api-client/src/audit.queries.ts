import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from './client';
import { readJson } from './api-error';
import { toQueryStrings } from './query-strings';

export interface AuditListFilters {
  /** An entity type as the server writes it: "actor", "agreement", "activity", "service", … */
  entity?: string;
  /** One record's id (with `entity`: its history). */
  id?: string;
  page?: number;
  pageSize?: number;
}

export const auditQueries = {
  all: ['audit'] as const,
  lists: () => [...auditQueries.all, 'list'] as const,
  /** The audit log, newest first; with entity and id, the history of one record. */
  list: (filters: AuditListFilters) =>
    queryOptions({
      queryKey: [...auditQueries.lists(), filters] as const,
      queryFn: () => readJson(api().api.audit.$get({ query: toQueryStrings(filters) })),
      // Keep the page on screen while the next loads, so the layout stays still.
      placeholderData: keepPreviousData,
    }),
};
