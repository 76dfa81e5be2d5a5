import type { AgreementStatus } from '@kompetansebro/domain';
import type { DsColor } from './button';

/** The colour beside an agreement status's text (never alone), the same on every screen. */
export const agreementStatusColor: Record<AgreementStatus, DsColor> = {
  draft: 'neutral',
  negotiating: 'info',
  signed: 'accent',
  active: 'success',
  expiring: 'warning',
  expired: 'neutral',
  terminated: 'danger',
};
