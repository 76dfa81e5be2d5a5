import { queryOptions } from '@tanstack/react-query';
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
  /** The report as a file (DOCX or PDF), as a link the browser downloads. */
  fileUrl: (initiativeId: string, period: ReportPeriod, format: 'docx' | 'pdf') => {
    const query = new URLSearchParams(toQueryStrings(period)).toString();
    return apiUrl(`/api/initiatives/${encodeURIComponent(initiativeId)}/report.${format}${query ? `?${query}` : ''}`);
  },
};
