import { meQueries } from '@kompetansebro/api-client';
import { can } from '@kompetansebro/domain';
import { useQuery } from '@tanstack/react-query';

/** Whether the policy lets the user's role change initiatives and their plans (a county viewer only reads). The API still decides. */
export function useCanEditInitiatives(): { update: boolean; create: boolean; known: boolean } {
  const me = useQuery(meQueries.current());
  const role = me.data?.role;
  return { update: role != null && can(role, 'initiative', 'update'), create: role != null && can(role, 'initiative', 'create'), known: !me.isPending };
}
