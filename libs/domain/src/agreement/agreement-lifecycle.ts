import { addDays, daysBetween, type IsoDate } from '../common/dates';
import type { FieldError } from '../common/problem.schema';

// The rules as plain functions and lists; their schemas are in agreement-lifecycle.schema.ts, so a
// screen that only shows statuses does not load zod.

/** draft → negotiating → signed → active → expiring → expired, or terminated (domain.md). */
export const agreementStatuses = ['draft', 'negotiating', 'signed', 'active', 'expiring', 'expired', 'terminated'] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];

/**
 * The state machine: which status may follow which. People move an agreement up to signing (and
 * may end it); from signed on the calendar moves it (`statusByCalendar`): signed → active on the
 * start date, → expiring a set number of days before the end, → expired after the end date.
 * Renewal is not a transition of this agreement: it makes a new agreement (a draft) that names
 * the one it renews.
 */
const transitions: Record<AgreementStatus, readonly AgreementStatus[]> = {
  draft: ['negotiating', 'terminated'],
  negotiating: ['draft', 'signed', 'terminated'],
  signed: ['active', 'expiring', 'expired', 'terminated'],
  active: ['expiring', 'expired', 'terminated'],
  expiring: ['active', 'expired', 'terminated'],
  expired: [],
  terminated: [],
};

/** The statuses only the calendar sets: nobody clicks an agreement active or expired. */
export const calendarStatuses: readonly AgreementStatus[] = ['active', 'expiring', 'expired'];

/** The moves a person may make from `from` (the calendar's are not among them). */
export function allowedTransitions(from: AgreementStatus): readonly AgreementStatus[] {
  return transitions[from].filter((to) => !calendarStatuses.includes(to));
}

/** Whether a person may move an agreement from `from` to `to`. */
export function canTransition(from: AgreementStatus, to: AgreementStatus): boolean {
  return allowedTransitions(from).includes(to);
}

/** Whether the state machine lets the calendar (or a person) follow `from` with `to`. */
export function isTransition(from: AgreementStatus, to: AgreementStatus): boolean {
  return transitions[from].includes(to);
}

/**
 * Whether the parties' answers sign the agreement (domain.md: "signed" when every party has
 * accepted): its text is with the parties (negotiating) and no party is left to accept. A draft
 * is not signed so: its text may still change before it is sent.
 */
export function signedByAcceptance(status: AgreementStatus, parties: readonly { acceptedAt: string | null }[]): boolean {
  return status === 'negotiating' && parties.length > 0 && parties.every((party) => party.acceptedAt !== null);
}

/**
 * The system's own notes in an agreement's history, as codes: each reader sees them in their own
 * language. What a person typed (a reason, a remark) is kept beside the code as typed.
 * signed_by_acceptance: the last acceptance signed it; calendar: the calendar moved it; renewal:
 * the draft renews another agreement; signed_without_acceptance: the county signed it before
 * every party had accepted (`missing`: those parties, by name; the note: its reason).
 */
export const agreementNoteCodes = ['signed_by_acceptance', 'calendar', 'renewal', 'signed_without_acceptance'] as const;
export type AgreementNoteCode = (typeof agreementNoteCodes)[number];

/** Statuses in which an agreement binds its parties (and so covers a library). */
export const bindingStatuses: readonly AgreementStatus[] = ['active', 'expiring'];

export function isBinding(status: AgreementStatus): boolean {
  return bindingStatuses.includes(status);
}

/** An agreement can be renewed once it is in force or has run out. */
export function canRenew(status: AgreementStatus): boolean {
  return status === 'active' || status === 'expiring' || status === 'expired';
}

/** How many days before its end an agreement in force becomes "expiring", unless the county sets another number. */
export const DEFAULT_EXPIRING_DAYS = 90;
export const MAX_EXPIRING_DAYS = 730;

/** What the calendar reads of an agreement. */
export interface AgreementCalendarFacts {
  status: AgreementStatus;
  startDate: IsoDate | null;
  endDate: IsoDate | null;
}

/**
 * The status the calendar implies for a signed agreement on `today` (a date in Norway, see
 * todayInNorway): signed until its start date (none: from signing), then active until
 * `expiringDays` before its end, then expiring, and expired the day after its end date. Other
 * statuses are left as they are: people move them, not the calendar.
 */
export function statusByCalendar(agreement: AgreementCalendarFacts, today: IsoDate, expiringDays: number = DEFAULT_EXPIRING_DAYS): AgreementStatus {
  const { status, startDate, endDate } = agreement;
  if (status !== 'signed' && !isBinding(status)) return status;
  if (endDate !== null && today > endDate) return 'expired';
  if (status === 'signed' && startDate !== null && today < startDate) return 'signed';
  if (endDate !== null && daysBetween(today, endDate) <= expiringDays) return 'expiring';
  return 'active';
}

/** Statuses of an agreement that was signed at some time (terminated aside: its end is not dated). */
const SIGNED_STATUSES: readonly AgreementStatus[] = ['signed', 'active', 'expiring', 'expired'];

/**
 * Whether the agreement binds its parties on `day` (past, today or planned): it is signed (or in
 * force, or has run out since) and `day` is within its dates. For today this is the same answer
 * as "its calendar status is active or expiring".
 */
export function inForceOn(agreement: AgreementCalendarFacts, day: IsoDate): boolean {
  if (!SIGNED_STATUSES.includes(agreement.status)) return false;
  return (agreement.startDate === null || agreement.startDate <= day) && (agreement.endDate === null || day <= agreement.endDate);
}

/** The day after `date`: where a renewal starts by default. */
export function dayAfter(date: IsoDate): IsoDate {
  return addDays(date, 1);
}

/** Where a renewal starts: the date asked for, else the day after the renewed agreement ends (none when it has no end). */
export function renewalStart(renewed: { endDate: IsoDate | null }, startDate: IsoDate | null | undefined): IsoDate | null {
  return startDate || (renewed.endDate ? dayAfter(renewed.endDate) : null);
}

/**
 * What is wrong with a renewal's period, every field at once (the form and the API check the same):
 * it starts after the renewed agreement ends (no day of overlap), and ends no earlier than it starts.
 */
export function renewalViolations(renewed: { endDate: IsoDate | null }, period: { startDate?: IsoDate | null | undefined; endDate?: IsoDate | null | undefined }): FieldError[] {
  const errors: FieldError[] = [];
  const startDate = renewalStart(renewed, period.startDate);
  if (startDate && renewed.endDate && startDate <= renewed.endDate) {
    errors.push({ path: 'startDate', code: 'renewal_overlaps', message: 'A renewal starts after the agreement it renews ends', params: { after: renewed.endDate } });
  }
  if (startDate && period.endDate && period.endDate < startDate) {
    errors.push({ path: 'endDate', code: 'end_before_start', message: 'The end date is before the start date' });
  }
  return errors;
}
