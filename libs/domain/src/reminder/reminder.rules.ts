import { daysBetween, type IsoDate } from '../common/dates';

// The daily reminders (issue 6, "Reminders"): which records are due a reminder today, and at
// which stage. Pure, with today passed in; the server's job stores each (kind, record, stage,
// recipient) once, so a stage is mailed once however often the job runs.

export const reminderKinds = ['agreement_ending', 'plan_item_overdue', 'survey_deadline'] as const;
type ReminderKind = (typeof reminderKinds)[number];

/** Days before an agreement ends that the county and the parties are told. */
const AGREEMENT_REMINDER_DAYS = [90, 30] as const;
/** Days before a survey's deadline that libraries who have not answered are reminded. */
const SURVEY_REMINDER_DAYS = 7;

/** Agreement statuses that can still end by their date (not drafts, not ended ones). */
const ENDING_STATUSES = new Set(['signed', 'active', 'expiring']);
const OPEN_PLAN_STATUSES = new Set(['planned', 'in_progress']);

export interface DueReminder {
  kind: ReminderKind;
  recordId: string;
  /** The stage, e.g. "90d", "30d", "overdue", "7d": one mail per recipient per stage. */
  stage: string;
}

/**
 * The one stage an agreement ending on `endDate` is in today: "90d" from 90 down to 31 days left,
 * "30d" from 30 down to the last day, else none. Only the most urgent stage counts, so an
 * agreement first seen 20 days before its end gets the 30-day mail, not both.
 */
export function agreementEndingStage(endDate: IsoDate | null, status: string, today: IsoDate): string | null {
  if (!endDate || !ENDING_STATUSES.has(status)) return null;
  const left = daysBetween(today, endDate);
  if (left < 0) return null;
  const [far, near] = AGREEMENT_REMINDER_DAYS;
  if (left <= near) return `${near}d`;
  if (left <= far) return `${far}d`;
  return null;
}

/** A plan item is overdue from the day after its due date while it is planned or in progress. */
export function planItemOverdue(dueDate: IsoDate | null, status: string, today: IsoDate): boolean {
  return dueDate !== null && OPEN_PLAN_STATUSES.has(status) && dueDate < today;
}

/** An open survey is due its deadline reminder in its last SURVEY_REMINDER_DAYS days (deadline included). */
export function surveyDeadlineDue(deadline: IsoDate, status: string, today: IsoDate): boolean {
  if (status !== 'open') return false;
  const left = daysBetween(today, deadline);
  return left >= 0 && left <= SURVEY_REMINDER_DAYS;
}

interface ReminderFacts {
  agreements: { id: string; endDate: IsoDate | null; status: string }[];
  planItems: { id: string; dueDate: IsoDate | null; status: string }[];
  surveys: { id: string; deadline: IsoDate; status: string }[];
}

/** Everything due a reminder today. */
export function dueReminders(facts: ReminderFacts, today: IsoDate): DueReminder[] {
  const due: DueReminder[] = [];
  for (const agreement of facts.agreements) {
    const stage = agreementEndingStage(agreement.endDate, agreement.status, today);
    if (stage) due.push({ kind: 'agreement_ending', recordId: agreement.id, stage });
  }
  for (const item of facts.planItems) {
    if (planItemOverdue(item.dueDate, item.status, today)) due.push({ kind: 'plan_item_overdue', recordId: item.id, stage: 'overdue' });
  }
  for (const survey of facts.surveys) {
    if (surveyDeadlineDue(survey.deadline, survey.status, today)) {
      due.push({ kind: 'survey_deadline', recordId: survey.id, stage: `${SURVEY_REMINDER_DAYS}d` });
    }
  }
  return due;
}
