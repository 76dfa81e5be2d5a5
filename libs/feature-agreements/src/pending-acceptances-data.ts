import { allows, type Me } from '@kompetansebro/domain';
import type { QueryClient } from '@tanstack/react-query';

/**
 * The first data of a home page that shows `PendingAcceptances`, for its route's `firstData`:
 * the tasks, for a role that answers. The API client is imported here only when asked, so an
 * app's routes can name this without it in their first chunk.
 */
export async function pendingAcceptancesFirstData(queryClient: QueryClient): Promise<readonly object[]> {
  const { agreementAcceptanceQueries, meQueries } = await import('@kompetansebro/api-client');
  const me: Me | null = await queryClient.ensureQueryData(meQueries.current());
  return me && allows(me.permissions, 'agreement_acceptance', 'create') ? [agreementAcceptanceQueries.pending()] : [];
}
