import { can, permissionsOf, roles, type Me } from '@kompetansebro/domain';
import { visibleNavigation } from '@kompetansebro/feature-shell';
import { describe, expect, it } from 'vitest';
import { countyNavigation } from './routes';

describe('the county console’s main menu', () => {
  it('shows "Undersøkelser" to exactly the roles the policy lets read surveys', () => {
    const seeing = roles.filter((role) => visibleNavigation(countyNavigation, { role, permissions: permissionsOf(role) } as Me).some((item) => item.to === '/undersokelser'));
    expect(seeing).toEqual(roles.filter((role) => can(role, 'survey', 'read')));
  });
});
