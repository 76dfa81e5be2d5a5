import { queryOptions } from '@tanstack/react-query';
import type { ReportFile, ReportFileRequest } from '@kompetansebro/domain';
import { useApiMutation } from './api-mutation';
import { api, apiUrl } from './client';
import { readJson } from './api-error';
import { initiativeQueries } from './initiative.queries';
import { toQueryStrings } from './query-strings';

/** A report's period; either end left out takes the server's default (the start, today). */
export interface ReportPeriod {
  from?: string;
  to?: string;
}

export const reportQueries = {
  // Under the initiatives' key: whatever changes an initiative or its plan also refreshes its report.
  all: () => [...initiativeQueries.all, 'report'] as const,
  /** An initiative's funder report as data and as the document the preview shows. */
  report: (initiativeId: string, period: ReportPeriod) =>
    queryOptions({
      queryKey: [...reportQueries.all(), initiativeId, period] as const,
      queryFn: () => readJson(api().api.initiatives[':id'].report.$get({ param: { id: initiativeId }, query: toQueryStrings(period) })),
    }),
  /** A report file being written on the queue, asked again every second until it is written or failed. */
  file: (id: string) =>
    queryOptions({
      queryKey: [...reportQueries.all(), 'file', id] as const,
      queryFn: () => readJson(api().api['report-files'][':id'].$get({ param: { id } })),
      refetchInterval: (query) => (query.state.data?.status === 'queued' || query.state.data?.status === 'running' ? REPORT_FILE_POLL_MS : false),
    }),
  /** The written file, as a link the browser downloads. */
  downloadUrl: (id: string) => apiUrl(`/api/report-files/${encodeURIComponent(id)}/download`),
};

export const REPORT_FILE_POLL_MS = 1_000;

/** Asks for the report as a file: written on the queue, followed with `reportQueries.file`. */
export function useAskReportFile(initiativeId: string) {
  return useApiMutation<ReportFile, ReportFileRequest>((json) => readJson(api().api.initiatives[':id']['report-files'].$post({ param: { id: initiativeId }, json })));
}
