import { can, isCountyRole, roles } from '@kompetansebro/domain';
import { describe, expect, it } from 'vitest';
import { countyNavigation } from './routes';

describe('the county console’s main menu', () => {
  it('shows "Brukere" to exactly the roles the policy lets manage users', () => {
    const users = countyNavigation.find((item) => item.to === '/brukere');
    expect(users?.roles).toEqual(roles.filter((role) => can(role, 'user', 'read') && can(role, 'user', 'update')));
  });

  it('shows "Nedslagsfelt" to exactly the county roles the policy lets read catchment-area requests', () => {
    const requests = countyNavigation.find((item) => item.to === '/nedslagsfelt');
    // A coordinator reads its own centre's requests too, but in the portal, not in the county console.
    expect(requests?.roles).toEqual(roles.filter((role) => isCountyRole(role) && can(role, 'catchment_request', 'read')));
  });
});
