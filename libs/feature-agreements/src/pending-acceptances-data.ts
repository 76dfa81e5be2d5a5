import type { QueryClient } from '@tanstack/react-query';

/**
 * The first data of a home page that shows `PendingAcceptances`, for its route's `firstData`:
 * the tasks, for a role that answers. What reads them (and the API client) is loaded only when
 * asked, so an app's routes can name this without them in their first chunk.
 */
export function pendingAcceptancesFirstData(queryClient: QueryClient): Promise<readonly object[]> {
  return import('./pending-acceptances-query').then((tasks) => tasks.pendingAcceptancesFirstData(queryClient));
}
