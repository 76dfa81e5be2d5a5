import { can, roles } from '@kompetansebro/domain';
import { describe, expect, it } from 'vitest';
import { countyNavigation } from './routes';

describe('the county console’s main menu', () => {
  it('shows "Undersøkelser" to exactly the roles the policy lets read surveys', () => {
    const surveys = countyNavigation.find((item) => item.to === '/undersokelser');
    expect(surveys?.roles).toEqual(roles.filter((role) => can(role, 'survey', 'read')));
  });
});
