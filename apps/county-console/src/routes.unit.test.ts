import { can, roles } from '@kompetansebro/domain';
import { describe, expect, it } from 'vitest';
import { countyNavigation } from './routes';

describe('the county console’s main menu', () => {
  it('shows "Brukere" to exactly the roles the policy lets manage users', () => {
    const users = countyNavigation.find((item) => item.to === '/brukere');
    expect(users?.roles).toEqual(roles.filter((role) => can(role, 'user', 'read') && can(role, 'user', 'update')));
  });
});
