import type { PendingAcceptanceListQuery } from '@kompetansebro/domain';
import type { QueryClient } from '@tanstack/react-query';

/**
 * The first data of a home page that shows `PendingAcceptances` (or `PendingAmendments`), for its
 * route's `firstData`: the newest tasks (of `kind`, or both), for a role that answers. What reads
 * them (and the API client) is loaded only when asked, so an app's routes can name this without
 * them in their first chunk.
 */
export function pendingTasksFirstData(kind?: PendingAcceptanceListQuery['kind']) {
  return (queryClient: QueryClient): Promise<readonly object[]> =>
    import('./pending-acceptances-query').then((tasks) => tasks.pendingAcceptancesFirstData(queryClient, kind));
}

/** The newest tasks of both kinds, as `<PendingAcceptances />` shows them. */
export const pendingAcceptancesFirstData = pendingTasksFirstData();
