import { permissionsOf, type Me, type Role } from '@kompetansebro/domain';
import { visibleNavigation } from '@kompetansebro/feature-shell';
import { describe, expect, it } from 'vitest';
import { centreNavigation } from './routes';

const menuOf = (role: Role) => visibleNavigation(centreNavigation, { role, permissions: permissionsOf(role) } as Me).map((item) => item.to);

describe('the centre portal’s main menu', () => {
  it('shows a partner’s contact (career centre, campus) only the overview and its plan items', () => {
    expect(menuOf('partner_contact')).toEqual(['/', '/planpunkter']);
  });

  it('shows a study-centre coordinator every entry', () => {
    expect(menuOf('study_centre_coordinator')).toEqual(centreNavigation.map((item) => item.to));
  });
});
