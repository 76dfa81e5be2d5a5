import { meQueries } from '@kompetansebro/api-client';
import { allows, isCountyRole, type Action } from '@kompetansebro/domain';
import { useQuery } from '@tanstack/react-query';
import { useActivityFeature } from './activity-feature-context';

type ChangeAction = Extract<Action, 'create' | 'update' | 'delete'>;

/**
 * What the user may do to activities, to show only the controls that would not be refused:
 * the app must offer it, the policy table must let the role do it (a county viewer and a
 * university liaison only read), and outside the county only the activities the user's own
 * organisation organises are theirs to change. The API still decides every change. Lives in
 * the lazy screens' chunks, since it reads the domain.
 */
export function useActivityAccess() {
  const { canCreate } = useActivityFeature();
  const me = useQuery(meQueries.current());
  const current = me.data ?? null;
  const may = (action: ChangeAction) => canCreate && current !== null && allows(current.permissions, 'activity', action);
  const own =
    current && !isCountyRole(current.role)
      ? current.memberships.find((membership) => membership.organisationId === current.activeOrganisationId)
      : undefined;
  const ownOrganiser = own ? { id: own.organisationId, name: own.organisationName } : null;
  return {
    isPending: me.isPending,
    may,
    /** Outside the county the organiser is the user's own organisation; null where any may be chosen. */
    ownOrganiser,
    mayChange: (action: Exclude<ChangeAction, 'create'>, activity: { organiserId: string | null }) =>
      may(action) && (ownOrganiser === null || activity.organiserId === ownOrganiser.id),
  };
}

/** Whether to show "register" (and, in general, changes) at all. */
export function useCanChangeActivities(action: ChangeAction = 'create'): boolean {
  return useActivityAccess().may(action);
}
