import { api } from './client';
import { readJson } from './api-error';
import { listQueries } from './resource-queries';
import { toQueryStrings } from './query-strings';

export interface AuditListFilters {
  /** An entity type as the server writes it: "actor", "agreement", "activity", "service", … */
  entity?: string;
  /** One record's id (with `entity`: its history). */
  id?: string;
  page?: number;
  pageSize?: number;
}

/** The audit log, newest first; with entity and id, the history of one record. */
export const auditQueries = listQueries('audit', (filters: AuditListFilters) =>
  readJson(api().api.audit.$get({ query: toQueryStrings(filters) })),
);
