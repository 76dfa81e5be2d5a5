import { meQueries, useCan } from '@kompetansebro/api-client';
import { useQuery } from '@tanstack/react-query';

/**
 * Whether the policy lets the user's role change initiatives (a county viewer only reads), and whether that is known yet (the edit form waits for it rather than say "not allowed"
 * while the user loads). The API still decides.
 */
export function useCanEditInitiatives(): { update: boolean; known: boolean } {
  const me = useQuery(meQueries.current());
  return { update: useCan('initiative', 'update'), known: !me.isPending };
}
