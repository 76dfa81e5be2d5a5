import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { CatchmentDecision, CatchmentRequest, CatchmentRequestStatus } from '@kompetansebro/domain';
import { api } from './client';
import { readJson, type ApiError } from './api-error';
import { ifMatch } from './etag';
import { portalQueries } from './portal.queries';

export interface CatchmentReviewFilters {
  status?: CatchmentRequestStatus;
  studyCentre?: string;
}

/** The county's view of the study centres' requests to change their catchment areas. */
export const catchmentReviewQueries = {
  all: ['catchment-review'] as const,
  list: (filters: CatchmentReviewFilters = {}) =>
    queryOptions({
      queryKey: [...catchmentReviewQueries.all, 'list', filters] as const,
      queryFn: () => readJson(api().api['catchment-requests'].$get({ query: filters })),
    }),
};

/** Approves or rejects a pending request (If-Match: the version the county read). */
export function useDecideCatchmentRequest() {
  const queryClient = useQueryClient();
  return useMutation<CatchmentRequest, ApiError, { id: string; version: number } & CatchmentDecision>({
    mutationFn: ({ id, version, decision, note }) =>
      readJson(api().api['catchment-requests'][':id'].decision.$post({ param: { id }, json: { decision, note: note ?? null }, header: { 'if-match': ifMatch(version) } })),
    // The lists and the centre's own area and requests change with a decision.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: catchmentReviewQueries.all }),
        queryClient.invalidateQueries({ queryKey: portalQueries.all }),
      ]),
  });
}
