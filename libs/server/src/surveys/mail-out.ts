import { sql } from 'kysely';
import { ConflictError, NotFoundError, type MailOut } from '@kompetansebro/domain';
import type { Executor } from '../persistence/executor';
import { iso, type ChangeContext } from '../persistence/repository-helpers';
import { auditedAction } from '../persistence/versioned-change';
import { reasonOf } from '../jobs/failure-reason';
import { effectsDone, onceOnly } from '../jobs/once-only';
import type { JobQueue } from '../jobs/job-queue';
import { sendSurveyMail, type SurveyMailDeps } from './survey.repository';

// A survey's mail-out (the invitations when it starts, or a round of reminders) is a job on the
// queue, not work inside the request: the request records a mail_out (queued) and queues it; a
// worker on any instance sends each library its mail once (onceOnly: a retry or a second worker
// skips those that went), writes its progress as it goes, and on failure says why — queued again
// while the queue's retries last, then failed, and the county may try again.

export type MailOutKind = MailOut['kind'];

/** The kind of once-only record a mail-out's mails are claimed under (record: the mail-out). */
const effectKind = (kind: MailOutKind) => `survey_${kind}`;

type MailOutRow = {
  id: string;
  survey_id: string;
  kind: MailOutKind;
  status: MailOut['status'];
  total: number;
  sent: number;
  failed: number;
  without_address: number;
  attempts: number;
  error: string | null;
  created_at: Date;
  updated_at: Date;
};

const toMailOut = (r: MailOutRow): MailOut => ({
  id: r.id,
  surveyId: r.survey_id,
  kind: r.kind,
  status: r.status,
  total: r.total,
  sent: r.sent,
  failed: r.failed,
  withoutAddress: r.without_address,
  attempts: r.attempts,
  error: r.error,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});

const mailOutColumns = ['id', 'survey_id', 'kind', 'status', 'total', 'sent', 'failed', 'without_address', 'attempts', 'error', 'created_at', 'updated_at'] as const;

/** Who a mail-out mails: every library asked (invitations), or those that have not answered (reminders). */
function recipientsQuery(db: Executor, surveyId: string, kind: MailOutKind) {
  let query = db
    .selectFrom('survey_recipient as sr')
    .innerJoin('actor as a', 'a.id', 'sr.actor_id')
    .select(['sr.actor_id', 'a.name', 'sr.email'])
    .where('sr.survey_id', '=', surveyId);
  if (kind === 'reminder') query = query.where('sr.answered_at', 'is', null);
  return query.orderBy('sr.actor_id');
}

/** Records a mail-out, queued (in the caller's transaction when it is one); its id. Queue it after the commit. */
export async function recordMailOut(db: Executor, surveyId: string, kind: MailOutKind, createdBy: string | null): Promise<string> {
  const recipients = await recipientsQuery(db, surveyId, kind).execute();
  const withAddress = recipients.filter((r) => r.email).length;
  const { id } = await db
    .insertInto('mail_out')
    .values({ survey_id: surveyId, kind, total: withAddress, without_address: recipients.length - withAddress, created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Puts a recorded mail-out on the queue; when even that fails, it is marked failed (the county may try again). */
export async function queueMailOut(db: Executor, jobs: JobQueue, mailOutId: string): Promise<void> {
  try {
    await jobs.enqueue('survey-mail-out', { mailOutId });
  } catch (error) {
    await markFailed(db, mailOutId, `Could not be queued: ${reasonOf(error)}`);
  }
}

export async function getMailOut(db: Executor, surveyId: string, mailOutId: string): Promise<MailOut> {
  const row = await db.selectFrom('mail_out').select(mailOutColumns).where('id', '=', mailOutId).where('survey_id', '=', surveyId).executeTakeFirst();
  if (!row) throw new NotFoundError('mail-out');
  return toMailOut(row);
}

/** A survey's mail-outs, newest first. */
export async function mailOutsOf(db: Executor, surveyId: string): Promise<MailOut[]> {
  const survey = await db.selectFrom('survey').select('id').where('id', '=', surveyId).executeTakeFirst();
  if (!survey) throw new NotFoundError('survey');
  const rows = await db.selectFrom('mail_out').select(mailOutColumns).where('survey_id', '=', surveyId).orderBy('created_at', 'desc').orderBy('id').execute();
  return rows.map(toMailOut);
}

/** "Try again": a failed mail-out back on the queue (those already mailed are not mailed again); 409 unless it failed. */
export async function retryMailOut(deps: { db: Executor; jobs: JobQueue }, surveyId: string, mailOutId: string, context: ChangeContext): Promise<MailOut> {
  await auditedAction(deps.db, { entity: 'survey', entityId: surveyId, action: 'update' }, context, async (trx) => {
    const row = await trx.selectFrom('mail_out').select(['status']).where('id', '=', mailOutId).where('survey_id', '=', surveyId).forUpdate().executeTakeFirst();
    if (!row) throw new NotFoundError('mail-out');
    if (row.status !== 'failed') throw new ConflictError('Only a failed mail-out can be tried again');
    await trx.updateTable('mail_out').set({ status: 'queued', error: null, updated_at: sql`now()` }).where('id', '=', mailOutId).execute();
    return { result: null, audit: { before: { mailOut: mailOutId, status: 'failed' }, after: { mailOut: mailOutId, status: 'queued' } } };
  });
  await queueMailOut(deps.db, deps.jobs, mailOutId);
  return getMailOut(deps.db, surveyId, mailOutId);
}

async function markFailed(db: Executor, mailOutId: string, reason: string): Promise<void> {
  await db.updateTable('mail_out').set({ status: 'failed', error: reason, updated_at: sql`now()` }).where('id', '=', mailOutId).execute();
}

/**
 * The job: mails each recipient of the mail-out once. `final`: the queue will not retry after this
 * run, so a failure is final (failed) rather than queued again; a failure otherwise throws, and the
 * queue retries with backoff.
 */
export async function runMailOut(deps: SurveyMailDeps, mailOutId: string, final: boolean): Promise<void> {
  const { db } = deps;
  const mailOut = await db
    .selectFrom('mail_out as mo')
    .innerJoin('survey as s', 's.id', 'mo.survey_id')
    .select(['mo.id', 'mo.kind', 'mo.status', 's.id as survey_id', 's.name', 's.deadline', 's.status as survey_status'])
    .where('mo.id', '=', mailOutId)
    .executeTakeFirst();
  if (!mailOut || mailOut.status === 'sent') return;
  if (mailOut.survey_status !== 'open') {
    await markFailed(db, mailOutId, 'The survey is closed');
    return;
  }
  const kind = effectKind(mailOut.kind);
  const recipients = (await recipientsQuery(db, mailOut.survey_id, mailOut.kind).execute()).filter((r) => r.email);
  await db
    .updateTable('mail_out')
    .set((eb) => ({ status: 'sending', total: recipients.length, attempts: eb('attempts', '+', 1), error: null, failed: 0, updated_at: sql`now()` }))
    .where('id', '=', mailOutId)
    .execute();
  const survey = { id: mailOut.survey_id, name: mailOut.name, deadline: mailOut.deadline };
  let failed = 0;
  let firstError: unknown;
  for (const recipient of recipients) {
    try {
      await onceOnly(db, { kind, recordId: mailOutId, stage: 'mail', recipient: `actor:${recipient.actor_id}` }, () =>
        sendSurveyMail(deps, mailOut.kind, survey, { actorId: recipient.actor_id, actorName: recipient.name, email: recipient.email ?? '' }),
      );
    } catch (error) {
      failed += 1;
      firstError ??= error;
      deps.logger.error({ err: error, mailOutId, actorId: recipient.actor_id }, 'survey mail failed');
    }
    await db.updateTable('mail_out').set({ sent: await effectsDone(db, kind, mailOutId), failed, updated_at: sql`now()` }).where('id', '=', mailOutId).execute();
  }
  if (failed === 0) {
    await db.updateTable('mail_out').set({ status: 'sent', updated_at: sql`now()` }).where('id', '=', mailOutId).execute();
    return;
  }
  const reason = `${failed} of ${recipients.length} mails could not be sent: ${reasonOf(firstError)}`;
  if (final) {
    await markFailed(db, mailOutId, reason);
    return;
  }
  await db.updateTable('mail_out').set({ status: 'queued', error: reason, updated_at: sql`now()` }).where('id', '=', mailOutId).execute();
  throw new Error(reason);
}
