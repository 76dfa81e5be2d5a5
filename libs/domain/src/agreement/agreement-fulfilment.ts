import { z } from 'zod';
import { daysBetween, type IsoDate } from '../common/dates';

// Fulfilment at a glance (issue 13): whether each service a party commits under an agreement is
// still offered as committed — not archived, confirmed by the party within the last 12 months,
// and with its hours not gone to nothing.

export const commitmentStatuses = ['met', 'archived', 'unconfirmed', 'no_hours'] as const;
export const commitmentStatusSchema = z.enum(commitmentStatuses);
export type CommitmentStatus = z.infer<typeof commitmentStatusSchema>;

/** How long a confirmation holds. */
export const CONFIRMATION_VALID_DAYS = 365;

/** Where a committed service stands on `today`; the first thing wrong wins (archived, then hours, then confirmation). */
export function commitmentStatus(service: { archived: boolean; confirmedAt: IsoDate | null; weeklyHours: number | null }, today: IsoDate): CommitmentStatus {
  if (service.archived) return 'archived';
  if (service.weeklyHours === 0) return 'no_hours';
  if (service.confirmedAt === null || daysBetween(service.confirmedAt, today) > CONFIRMATION_VALID_DAYS) return 'unconfirmed';
  return 'met';
}
