import { z } from 'zod';
import { daysBetween, type IsoDate } from '../common/dates';

/** draft → negotiating → signed → active → expiring → expired, or terminated (domain.md). */
export const agreementStatuses = ['draft', 'negotiating', 'signed', 'active', 'expiring', 'expired', 'terminated'] as const;
export const agreementStatusSchema = z.enum(agreementStatuses);
export type AgreementStatus = z.infer<typeof agreementStatusSchema>;

/**
 * The state machine: which status may follow which. Renewal is not a transition of this
 * agreement: it makes a new agreement (a draft) that names the one it renews.
 */
const transitions: Record<AgreementStatus, readonly AgreementStatus[]> = {
  draft: ['negotiating', 'terminated'],
  negotiating: ['draft', 'signed', 'terminated'],
  signed: ['active', 'terminated'],
  active: ['expiring', 'expired', 'terminated'],
  expiring: ['active', 'expired', 'terminated'],
  expired: [],
  terminated: [],
};

export function allowedTransitions(from: AgreementStatus): readonly AgreementStatus[] {
  return transitions[from];
}

export function canTransition(from: AgreementStatus, to: AgreementStatus): boolean {
  return transitions[from].includes(to);
}

/** Statuses in which an agreement binds its parties (and so covers a library). */
export const bindingStatuses: readonly AgreementStatus[] = ['active', 'expiring'];

export function isBinding(status: AgreementStatus): boolean {
  return bindingStatuses.includes(status);
}

/** An agreement can be renewed once it is in force or has run out. */
export function canRenew(status: AgreementStatus): boolean {
  return status === 'active' || status === 'expiring' || status === 'expired';
}

const EXPIRY_WARNING_DAYS = 90;

/**
 * The status the calendar implies for a binding agreement on `today`: active until
 * EXPIRY_WARNING_DAYS before its end, then expiring, and expired after its end date.
 * Other statuses are left as they are: people move them, not the calendar.
 */
export function statusByCalendar(status: AgreementStatus, endDate: IsoDate | null, today: IsoDate): AgreementStatus {
  if (!isBinding(status) || endDate === null) return status;
  const daysLeft = daysBetween(today, endDate);
  if (daysLeft < 0) return 'expired';
  if (daysLeft <= EXPIRY_WARNING_DAYS) return 'expiring';
  return status === 'expiring' ? 'active' : status;
}

export const transitionRequestSchema = z
  .object({
    to: agreementStatusSchema,
    note: z.string().trim().max(1000).optional(),
  })
  .strict();
export type TransitionRequest = z.infer<typeof transitionRequestSchema>;
