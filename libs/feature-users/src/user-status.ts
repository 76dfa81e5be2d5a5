import type { User } from '@kompetansebro/domain';
import type { DsColor } from '@kompetansebro/ui';

export type UserStatus = 'active' | 'invited' | 'disabled';

/** Disabled (cannot log in), invited (has not made a password yet), or active. */
export function userStatus(user: Pick<User, 'disabledAt' | 'hasPassword'>): UserStatus {
  if (user.disabledAt) return 'disabled';
  return user.hasPassword ? 'active' : 'invited';
}

/** The colour beside the status's text (never colour alone). */
export const userStatusColor: Record<UserStatus, DsColor> = {
  active: 'success',
  invited: 'info',
  disabled: 'warning',
};
