import { meQueries } from '@kompetansebro/api-client';
import { useQuery } from '@tanstack/react-query';
import { studyCentreOf } from './home-data';

/**
 * The study centre the user acts for: the portal's every screen is about it. `null` when the
 * user acts for an organisation that is not a study centre (the screens then say so).
 */
export function useStudyCentre(): { pending: boolean; centreId: string | null } {
  const me = useQuery(meQueries.current());
  if (me.isPending) return { pending: true, centreId: null };
  return { pending: false, centreId: studyCentreOf(me.data) };
}
