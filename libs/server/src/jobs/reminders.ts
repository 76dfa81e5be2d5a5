import { dueReminders, todayInNorway, type DueReminder, type IsoDate } from '@kompetansebro/domain';
import { formatDate } from '@kompetansebro/i18n';
import { publicUrlOf, type AppConfig, type Logger } from '../http/app-env';
import { sendLiaisonDigest } from '../liaison/digest.repository';
import { purgeOldReportFiles } from '../reports/report-file.repository';
import { runAgreementCalendar } from './agreement-calendar';
import type { Mailer } from '../auth/mail';
import type { Executor } from '../persistence/executor';
import { sendSurveyMail } from '../surveys/survey.repository';
import { mailedAtOnce, sendInboxDigests } from './inbox-digest';
import { onceOnly } from './once-only';

// The daily reminder job (issue 6, "Reminders"). What is due is the domain's rule (dueReminders);
// here each due reminder is fanned out to its recipients, and each (kind, record, stage,
// recipient) is mailed once-only (once-only.ts: claimed in reminder_sent before its mail goes,
// confirmed after), so a second run the same day, a retry of the job, or two workers at once send
// nothing twice. A mail that fails gives its claim back, so the next run tries again.

export interface ReminderDeps {
  db: Executor;
  config: AppConfig;
  mailer: Mailer;
  logger: Logger;
}

export interface ReminderRunResult {
  due: number;
  sent: number;
  failed: number;
}

interface Recipient {
  /** The key in reminder_sent: an e-mail address, or "actor:<id>" for a survey's library. */
  key: string;
  /** Throws when the mail could not be sent. */
  send(): Promise<unknown>;
}

/** County admins (enabled accounts, mailed at once by their choice), and everyone acting for the given organisations, and those organisations' own addresses. */
async function addressesFor(db: Executor, organisationIds: string[]): Promise<string[]> {
  const users = await db
    .selectFrom('app_user as u')
    .innerJoin('membership as m', 'm.user_id', 'u.id')
    .select(['u.id', 'u.email'])
    .where('u.disabled_at', 'is', null)
    .where((eb) => eb.or([eb('m.role', '=', 'county_admin'), ...(organisationIds.length > 0 ? [eb('m.organisation_id', 'in', organisationIds)] : [])]))
    .execute();
  // A user who chose a daily digest or no mail is not mailed at once (inbox-digest.ts).
  const atOnce = await mailedAtOnce({ db }, users);
  const actors =
    organisationIds.length > 0
      ? await db.selectFrom('actor').select('email').where('id', 'in', organisationIds).where('email', 'is not', null).execute()
      : [];
  return [...new Set([...atOnce, ...actors.map((a) => a.email ?? '')].filter(Boolean).map((e) => e.toLowerCase()))].sort();
}

function inNorwegian(date: IsoDate | null): string {
  return date ? formatDate(date, 'nb') : '';
}

async function recipientsOf(deps: ReminderDeps, due: DueReminder): Promise<Recipient[]> {
  const { db, mailer, config } = deps;
  const base = publicUrlOf(config);
  const personal = (addresses: string[], subject: string, text: string): Recipient[] =>
    addresses.map((to) => ({ key: to, send: () => mailer.send({ to, subject, text }) }));

  switch (due.kind) {
    case 'agreement_ending': {
      const agreement = await db.selectFrom('agreement').select(['title', 'end_date']).where('id', '=', due.recordId).executeTakeFirstOrThrow();
      const parties = await db.selectFrom('agreement_party').select('actor_id').where('agreement_id', '=', due.recordId).execute();
      const days = due.stage.replace('d', '');
      return personal(
        await addressesFor(db, parties.map((p) => p.actor_id)),
        `Avtale utløper om ${days} dager eller mindre: ${agreement.title}`,
        [
          `Avtalen «${agreement.title}» utløper ${inNorwegian(agreement.end_date)}.`,
          'Vurder om den skal fornyes, og avtal det med partene i god tid.',
          '',
          `${base}/fylke/avtaler/${due.recordId}`,
          '',
          'Hilsen Kompetansebro',
        ].join('\n'),
      );
    }
    case 'plan_item_overdue': {
      const item = await db
        .selectFrom('plan_item as p')
        .innerJoin('initiative as i', 'i.id', 'p.initiative_id')
        .select(['p.title', 'p.due_date', 'p.responsible_actor_id', 'p.initiative_id', 'i.title as initiative_title'])
        .where('p.id', '=', due.recordId)
        .executeTakeFirstOrThrow();
      return personal(
        await addressesFor(db, item.responsible_actor_id ? [item.responsible_actor_id] : []),
        `Forfalt planpunkt: ${item.title}`,
        [
          `Planpunktet «${item.title}» i planen for «${item.initiative_title}» skulle vært ferdig ${inNorwegian(item.due_date)}.`,
          'Merk det som ferdig, eller sett en ny frist.',
          '',
          `${base}/fylke/tiltak/${item.initiative_id}`,
          '',
          'Hilsen Kompetansebro',
        ].join('\n'),
      );
    }
    case 'survey_deadline': {
      const survey = await db.selectFrom('survey').select(['id', 'name', 'deadline']).where('id', '=', due.recordId).executeTakeFirstOrThrow();
      const pending = await db
        .selectFrom('survey_recipient as sr')
        .innerJoin('actor as a', 'a.id', 'sr.actor_id')
        .select(['sr.actor_id', 'a.name', 'sr.email'])
        .where('sr.survey_id', '=', due.recordId)
        .where('sr.answered_at', 'is', null)
        .where('sr.email', 'is not', null)
        .execute();
      return pending.map((r) => ({
        key: `actor:${r.actor_id}`,
        send: () => sendSurveyMail(deps, 'reminder', survey, { actorId: r.actor_id, actorName: r.name, email: r.email ?? '' }),
      }));
    }
  }
}

/** One run: every reminder due today, each mailed once per recipient and stage. */
export async function runReminders(deps: ReminderDeps, today: IsoDate = todayInNorway()): Promise<ReminderRunResult> {
  const { db } = deps;
  const [agreements, planItems, surveys] = await Promise.all([
    db.selectFrom('agreement').select(['id', 'end_date', 'status']).where('end_date', 'is not', null).execute(),
    db.selectFrom('plan_item').select(['id', 'due_date', 'status']).where('due_date', 'is not', null).execute(),
    db.selectFrom('survey').select(['id', 'deadline', 'status']).where('status', '=', 'open').execute(),
  ]);
  const due = dueReminders(
    {
      agreements: agreements.map((a) => ({ id: a.id, endDate: a.end_date, status: a.status })),
      planItems: planItems.map((p) => ({ id: p.id, dueDate: p.due_date, status: p.status })),
      surveys: surveys.map((s) => ({ id: s.id, deadline: s.deadline, status: s.status })),
    },
    today,
  );
  let sent = 0;
  let failed = 0;
  for (const reminder of due) {
    for (const recipient of await recipientsOf(deps, reminder)) {
      try {
        const done = await onceOnly(db, { kind: reminder.kind, recordId: reminder.recordId, stage: reminder.stage, recipient: recipient.key }, () => recipient.send());
        if (done === 'sent') sent += 1;
      } catch (error) {
        failed += 1;
        deps.logger.error({ err: error, reminder }, 'reminder mail failed');
      }
    }
  }
  deps.logger.info({ today, due: due.length, sent, failed }, 'reminders run');
  return { due: due.length, sent, failed };
}

/**
 * The daily job: the agreement calendar first (so the reminders read today's statuses), then the
 * reminders, then the daily inbox digest of those who chose it, then the liaison notes digest (each note goes to a user once). Each part is safe to run
 * again, and each runs even when one before it failed; a failure is thrown at the end, so the queue
 * retries the whole run (what went already is not sent again).
 */
export async function runDaily(deps: ReminderDeps, today: IsoDate = todayInNorway()): Promise<void> {
  const failures: string[] = [];
  const part = async (name: string, work: () => Promise<unknown>) => {
    try {
      deps.logger.info({ result: await work() }, `${name} run`);
    } catch (error) {
      deps.logger.error({ err: error }, `${name} run failed`);
      failures.push(name);
    }
  };
  await part('agreement calendar', () => runAgreementCalendar(deps, today));
  await part('reminders', async () => {
    const result = await runReminders(deps, today);
    if (result.failed > 0) throw new Error(`${result.failed} reminder mails failed`);
    return result;
  });
  await part('inbox digest', () => sendInboxDigests(deps, today));
  await part('liaison digest', () => sendLiaisonDigest(deps.db, deps.mailer, { liaisonUrl: `${publicUrlOf(deps.config)}/universitet` }));
  await part('report file purge', () => purgeOldReportFiles(deps.db));
  if (failures.length > 0) throw new Error(`The daily job failed in: ${failures.join(', ')}`);
}
