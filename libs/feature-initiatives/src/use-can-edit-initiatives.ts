import { meQueries, useCan } from '@kompetansebro/api-client';
import type { Action, Resource } from '@kompetansebro/domain';
import { useQuery } from '@tanstack/react-query';

/**
 * Whether the policy lets the user's role do `action` to `resource`, and whether that is known yet
 * (a form waits for it rather than say "not allowed" while the user loads). The API still decides.
 */
function useKnownCan(resource: Resource, action: Action): { allowed: boolean; known: boolean } {
  const me = useQuery(meQueries.current());
  return { allowed: useCan(resource, action), known: !me.isPending };
}

/** Whether the user's role may change initiatives (a county viewer only reads). */
export function useCanEditInitiatives(): { update: boolean; known: boolean } {
  const { allowed, known } = useKnownCan('initiative', 'update');
  return { update: allowed, known };
}

/** Whether the user's role may create initiatives ("Nytt tiltak"; a county viewer only reads). */
export function useCanCreateInitiatives(): { create: boolean; known: boolean } {
  const { allowed, known } = useKnownCan('initiative', 'create');
  return { create: allowed, known };
}

/** Whether the user's role may move on the plan items its organisation owns (status and result; a county viewer only reads). */
export function useCanUpdateOwnPlanItems(): { update: boolean; known: boolean } {
  const { allowed, known } = useKnownCan('plan_item', 'update');
  return { update: allowed, known };
}
