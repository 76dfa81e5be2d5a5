import { agreementAcceptanceQueries, meQueries } from '@kompetansebro/api-client';
import { allows } from '@kompetansebro/domain';
import type { QueryClient } from '@tanstack/react-query';

/** The pending tasks' query, for a role that answers (none for one that does not). */
export async function pendingAcceptancesFirstData(queryClient: QueryClient): Promise<readonly object[]> {
  const me = await queryClient.ensureQueryData(meQueries.current());
  return me && allows(me.permissions, 'agreement_acceptance', 'create') ? [agreementAcceptanceQueries.pending()] : [];
}
