import { allows, type Action, type Resource } from '@kompetansebro/domain';
import { useQuery } from '@tanstack/react-query';
import { meQueries } from './auth.queries';

/**
 * Whether the logged-in user's role may do `action` to `resource`, by the permissions GET /api/me
 * sends — the row of the policy table the API checks too (`can` in libs/domain): show a button, link or menu item only where it would
 * not be refused. The API still decides, per record. False while the user is loading.
 *
 *   const canCreate = useCan('agreement', 'create');
 *   {canCreate && <Link to={paths.create}>{t('agreements.list.newAgreement')}</Link>}
 *
 * `enabled: false` skips asking who is logged in (and answers false), e.g. when the app has no
 * such screen. The app's main menu uses the same permissions: a `NavigationItem` names `permission`.
 */
export function useCan(resource: Resource, action: Action, { enabled = true }: { enabled?: boolean } = {}): boolean {
  const me = useQuery({ ...meQueries.current(), enabled });
  return enabled && me.data != null && allows(me.data.permissions, resource, action);
}
