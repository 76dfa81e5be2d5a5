import type { AgreementStatus } from '@kompetansebro/domain';
import type { DsColor } from '@kompetansebro/ui';

/** The colour beside a status's text (never alone). */
export const agreementStatusColor: Record<AgreementStatus, DsColor> = {
  draft: 'neutral',
  negotiating: 'info',
  signed: 'accent',
  active: 'success',
  expiring: 'warning',
  expired: 'neutral',
  terminated: 'danger',
};
