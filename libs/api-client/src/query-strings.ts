import { apiUrl } from './client';

/** Query strings carry text: drop empty filters, write numbers as text. */
export function toQueryStrings(filters: object): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== null && value !== '') query[key] = String(value);
  }
  return query;
}

/**
 * The export link of a list (CSV or XLSX) for what its filters show, every page of it: the
 * list's filters without `page`/`pageSize`, plus `format`.
 *
 *   exportUrl: (filters: ActorListFilters, format: ExportFormat) => listExportUrl('/api/actors/export', filters, format),
 */
export type ExportFormat = 'csv' | 'xlsx';
export function listExportUrl(path: string, filters: { page?: unknown; pageSize?: unknown }, format: ExportFormat): string {
  const { page: _page, pageSize: _pageSize, ...rest } = filters;
  return apiUrl(`${path}?${new URLSearchParams({ ...toQueryStrings(rest), format }).toString()}`);
}
