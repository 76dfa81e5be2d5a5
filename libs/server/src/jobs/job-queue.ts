import PgBoss from 'pg-boss';
import type { Kysely } from 'kysely';
import type { Database } from '@kompetansebro/db';
import type { IsoDate } from '@kompetansebro/domain';
import type { AppConfig, Logger } from '../http/app-env';
import type { Mailer } from '../auth/mail';
import { runImportJob, type ImportJobPayload } from '../import/import-job';
import { runReportFileJob, type ReportFileJobPayload } from '../reports/report-file.repository';
import { runMailOut } from '../surveys/mail-out';
import { runAcceptanceMail } from './agreement-acceptance-mail';
import { runDaily } from './reminders';

// Many instances, one truth (issue 17): the work that sends mail runs as jobs on a queue kept in the
// database (pg-boss, in its own schema `pgboss`), so any instance may queue a job and exactly one
// worker takes it (SELECT … FOR UPDATE SKIP LOCKED); a job that throws is retried with backoff, and
// its effects are once-only (once-only.ts), so a retry or a second worker mails no one twice.
// pg-boss runs on PostgreSQL and on the embedded PGlite alike: it is handed the database's own
// `executeSql` (libs/db), so it needs no connection of its own.

export interface JobPayloads {
  /** The daily job: the agreement calendar, the reminders, the liaison digest. */
  daily: { today?: IsoDate };
  /** A survey's mail-out (survey mail_out row). */
  'survey-mail-out': { mailOutId: string };
  /** The mails asking an agreement's parties to accept it (a round) or its waiting amendment. */
  'agreement-acceptance-mail': { agreementId: string; round?: number; amendment?: boolean };
  /** An import's preview or apply (the job recorded on its batch), with the rights of who asked. */
  import: ImportJobPayload;
  /** A funder report's DOCX or PDF (report_file row), with the rights of who asked. */
  'report-file': ReportFileJobPayload;
}
export type JobName = keyof JobPayloads;
export const JOB_NAMES: readonly JobName[] = ['daily', 'survey-mail-out', 'agreement-acceptance-mail', 'import', 'report-file'];

/** What the routes use: put a job on the queue. */
export interface JobQueue {
  enqueue<N extends JobName>(name: N, data: JobPayloads[N]): Promise<void>;
}

export interface JobDeps {
  db: Kysely<Database>;
  config: AppConfig;
  mailer: Mailer;
  logger: Logger;
}

/** Runs one job. `final`: no retry follows if it fails. */
function runJob<N extends JobName>(deps: JobDeps, name: N, data: JobPayloads[N], final: boolean): Promise<unknown> {
  switch (name) {
    case 'daily':
      return runDaily(deps, (data as JobPayloads['daily']).today);
    case 'survey-mail-out':
      return runMailOut(deps, (data as JobPayloads['survey-mail-out']).mailOutId, final);
    case 'agreement-acceptance-mail':
      return runAcceptanceMail(deps, data as JobPayloads['agreement-acceptance-mail']);
    case 'import':
      return runImportJob(deps, data as JobPayloads['import'], final);
    case 'report-file':
      return runReportFileJob(deps, data as JobPayloads['report-file'], final);
  }
  throw new Error(`Unknown job ${String(name)}`);
}

/**
 * Without a queue (createApp's default: tests, scripts): each job runs at once, awaited by the
 * request that queued it, with no retry (a failed mail-out is failed at once, and may be tried again).
 */
export function runJobsAtOnce(deps: JobDeps): JobQueue {
  return {
    enqueue: async (name, data) => {
      await runJob(deps, name, data, true).catch((error: unknown) => deps.logger.error({ err: error, job: name }, 'job failed'));
    },
  };
}

export interface JobQueueOptions {
  /** The database's plain SQL (DatabaseHandle.executeSql): the queue's tables live beside the app's. */
  executeSql: (text: string, values?: readonly unknown[]) => Promise<{ rows: unknown[] }>;
  /** Take jobs in this process (false: queue only — an API-only instance). */
  work: boolean;
  /** Retries after the first run, and the first wait (seconds), doubling each time. */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** How often an idle worker looks for jobs. */
  pollingIntervalSeconds?: number;
  /** The daily job's time (cron, Norwegian time); false: none scheduled (tests). */
  dailyCron?: string | false;
}

export interface RunningJobQueue extends JobQueue {
  /** Stops taking jobs and waits (up to `timeoutMs`) for those running to finish. */
  stop(timeoutMs?: number): Promise<void>;
}

/** The queue on pg-boss: its schema made (or brought up to date) on start; workers when `work`. */
export async function startJobQueue(deps: JobDeps, options: JobQueueOptions): Promise<RunningJobQueue> {
  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => options.executeSql(text, values) },
    schema: 'pgboss',
    // Maintenance (expiring stuck jobs, archiving) and the cron schedule run where jobs are worked.
    supervise: options.work,
    schedule: options.work && options.dailyCron !== false,
  });
  boss.on('error', (error) => deps.logger.error({ err: error }, 'job queue error'));
  await boss.start();
  const retries = {
    retryLimit: options.retryLimit ?? 5,
    retryDelay: options.retryDelaySeconds ?? 30,
    retryBackoff: true,
    expireInSeconds: 15 * 60,
  };
  for (const name of JOB_NAMES) {
    // The daily job: at most one queued and one running (stately), however many instances start it.
    const queue = { name, policy: name === 'daily' ? ('stately' as const) : ('standard' as const), ...retries };
    if (await boss.getQueue(name)) await boss.updateQueue(name, queue);
    else await boss.createQueue(name, queue);
  }
  if (options.work) {
    for (const name of JOB_NAMES) {
      await boss.work<JobPayloads[typeof name]>(name, { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async ([job]) => {
        if (!job) return;
        deps.logger.info({ job: name, id: job.id, attempt: job.retryCount + 1 }, 'job started');
        await runJob(deps, name, job.data, job.retryCount >= job.retryLimit);
      });
    }
    if (options.dailyCron !== false) {
      await boss.schedule('daily', options.dailyCron ?? '0 6 * * *', {}, { tz: 'Europe/Oslo' });
      // And once now, as the in-process timer did: a server started after six runs today's batch (once-only, as always).
      await boss.send('daily', {});
    }
  }
  return {
    enqueue: async (name, data) => {
      await boss.send(name, data);
    },
    stop: (timeoutMs = 30_000) => boss.stop({ graceful: true, wait: true, timeout: timeoutMs }),
  };
}
