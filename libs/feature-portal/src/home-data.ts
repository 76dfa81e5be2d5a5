import { activityQueries, coverageQueries, meQueries, portalQueries } from '@kompetansebro/api-client';
import { todayInNorway, type Me } from '@kompetansebro/domain';
import type { QueryClient } from '@tanstack/react-query';

// What the centre's home reads, in one place: its sections ask for it, and the route loads it
// before home shows (`firstData`), so the page appears whole.

/** The study centre the user acts for; null when it acts for another kind of organisation. */
export function studyCentreOf(me: Me | null | undefined): string | null {
  return me?.role === 'study_centre_coordinator' ? me.activeOrganisationId : null;
}

export const homeQueries = {
  coverage: (centreId: string) => coverageQueries.byStudyCentre(centreId),
  brochure: (centreId: string) => portalQueries.brochure(centreId),
  comingActivities: () => activityQueries.list({ from: todayInNorway(), sort: 'date', pageSize: 5 }),
};

/** Home's first data: the centre's coverage, brochure and coming activities (nothing for a user who acts for no centre). */
export async function homeFirstData(queryClient: QueryClient): Promise<readonly object[]> {
  const centreId = studyCentreOf(await queryClient.ensureQueryData(meQueries.current()));
  return centreId ? [homeQueries.coverage(centreId), homeQueries.brochure(centreId), homeQueries.comingActivities()] : [];
}
