import { can, isCountyRole, permissionsOf, roles, type Me, type Role } from '@kompetansebro/domain';
import { visibleNavigation } from '@kompetansebro/feature-shell';
import { describe, expect, it } from 'vitest';
import { countyNavigation } from './routes';

/** The roles that see a menu entry (the menu reads only the role). */
const rolesSeeing = (to: string): Role[] =>
  roles.filter((role) => visibleNavigation(countyNavigation, { role, permissions: permissionsOf(role) } as Me).some((item) => item.to === to));

describe('the county console’s main menu', () => {
  it('shows "Brukere" to exactly the roles the policy lets manage users', () => {
    expect(rolesSeeing('/brukere')).toEqual(roles.filter((role) => can(role, 'user', 'read') && can(role, 'user', 'update')));
  });

  it('shows "Nedslagsfelt" to exactly the county roles the policy lets read catchment-area requests', () => {
    // A coordinator reads its own centre's requests too, but in the portal, not in the county console.
    expect(rolesSeeing('/nedslagsfelt')).toEqual(roles.filter((role) => isCountyRole(role) && can(role, 'catchment_request', 'read')));
  });

  it('shows "Samarbeidskanaler" (the inbox of cooperation notes) to exactly the county roles that read notes', () => {
    expect(rolesSeeing('/samarbeid')).toEqual(roles.filter((role) => isCountyRole(role) && can(role, 'liaison_note', 'read')));
  });
});
