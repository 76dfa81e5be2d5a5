import { agreementAcceptanceQueries, meQueries } from '@kompetansebro/api-client';
import { allows, type PendingAcceptanceListQuery } from '@kompetansebro/domain';
import type { QueryClient } from '@tanstack/react-query';
import { homeTaskFilters } from './pending-acceptances-home';

/** The home's tasks query (the newest few, of `kind` or both), for a role that answers (none for one that does not). */
export async function pendingAcceptancesFirstData(queryClient: QueryClient, kind?: PendingAcceptanceListQuery['kind']): Promise<readonly object[]> {
  const me = await queryClient.ensureQueryData(meQueries.current());
  return me && allows(me.permissions, 'agreement_acceptance', 'create') ? [agreementAcceptanceQueries.list(homeTaskFilters(kind))] : [];
}
