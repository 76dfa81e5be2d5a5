import { meQueries } from '@kompetansebro/api-client';
import { useQuery } from '@tanstack/react-query';

/**
 * The study centre the user acts for: the portal's every screen is about it. `null` when the
 * user acts for an organisation that is not a study centre (the screens then say so).
 */
export function useStudyCentre(): { pending: boolean; centreId: string | null } {
  const me = useQuery(meQueries.current());
  if (me.isPending) return { pending: true, centreId: null };
  const centreId = me.data?.role === 'study_centre_coordinator' ? me.data.activeOrganisationId : null;
  return { pending: false, centreId };
}
