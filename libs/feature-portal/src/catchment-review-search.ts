/**
 * The county's list of catchment-area requests in the URL (`?status=approved`): without a status
 * it shows the pending ones, the ones waiting for a decision; `all` shows every request. What
 * does not parse is left out (the router's plain parse never throws).
 */
export const catchmentReviewStatusFilters = ['pending', 'approved', 'rejected', 'all'] as const;
export type CatchmentReviewStatusFilter = (typeof catchmentReviewStatusFilters)[number];

export interface CatchmentReviewSearch {
  status?: Exclude<CatchmentReviewStatusFilter, 'pending'>;
}

export function parseCatchmentReviewSearch(search: Record<string, unknown>): CatchmentReviewSearch {
  const status = search['status'];
  return status === 'approved' || status === 'rejected' || status === 'all' ? { status } : {};
}
