import { activityQueries, agreementQueries, agreementSettingsQueries, coverageQueries, planItemQueries } from '@kompetansebro/api-client';
import { addDays, todayInNorway } from '@kompetansebro/domain';
import type { QueryClient } from '@tanstack/react-query';

// What the overview's sections read, in one place: the sections ask for it, and the route loads
// it before the overview shows (`firstData`), so the page appears whole.

export const AGREEMENTS_SHOWN = 10;
export const PLAN_ITEMS_SHOWN = 10;
export const ACTIVITIES_SHOWN = 5;

export const overviewQueries = {
  /** The count of every status, in one answer. */
  statusCounts: () => agreementQueries.counts(),
  settings: () => agreementSettingsQueries.current(),
  /** Binding agreements ending within the county's expiring window, soonest first. */
  expiring: (days: number) => agreementQueries.list({ endingWithinDays: days, sort: 'end', pageSize: AGREEMENTS_SHOWN }),
  unmet: () => agreementQueries.list({ commitments: 'unmet', sort: 'end', pageSize: AGREEMENTS_SHOWN }),
  /** Every region's figures and gaps, in one answer. */
  coverage: () => coverageQueries.regions(),
  planItemsDue: (today: string) => planItemQueries.list({ open: 'true', dueBefore: addDays(today, 60), sort: 'due', pageSize: PLAN_ITEMS_SHOWN }),
  // Ended ones only: a running activity is under the coming ones.
  recentActivities: (today: string) => activityQueries.list({ from: addDays(today, -30), endedBefore: today, sort: '-date', pageSize: ACTIVITIES_SHOWN }),
  comingActivities: (today: string) => activityQueries.list({ from: today, sort: 'date', pageSize: ACTIVITIES_SHOWN }),
};

/** Everything the overview's sections read first: what stands alone is asked at once, the rest once what it depends on is in. */
export async function overviewFirstData(queryClient: QueryClient): Promise<readonly object[]> {
  const today = todayInNorway();
  const standalone = [
    overviewQueries.statusCounts(),
    overviewQueries.unmet(),
    overviewQueries.coverage(),
    overviewQueries.planItemsDue(today),
    overviewQueries.recentActivities(today),
    overviewQueries.comingActivities(today),
  ];
  // Options of different data types in one list: each is asked as what it is, a query's options.
  for (const query of standalone) void queryClient.prefetchQuery(query as Parameters<QueryClient['prefetchQuery']>[0]);
  const settings = await queryClient.ensureQueryData(overviewQueries.settings()).catch(() => undefined);
  return [...standalone, ...(settings ? [overviewQueries.expiring(settings.expiringDays)] : [])];
}
