import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mainLibraryKey, sampleId } from '@kompetansebro/db';
import type { MailMessage, Mailer } from '../auth/mail';
import type { AppConfig } from '../http/app-env';
import { recordMailOut } from '../surveys/mail-out';
import { testServer } from '../testing/fixture.test';
import { startJobQueue, type RunningJobQueue } from './job-queue';

// The queue itself (pg-boss on the test database: PGlite, or PostgreSQL under test:int:postgres):
// a job that fails is retried with backoff, its progress shows the failure meanwhile, the mails
// that went are not sent again, and when the retries run out the mail-out is failed with its reason.

const server = testServer();
const silent = { info: () => undefined, error: () => undefined };
const config: AppConfig = { databaseKind: 'pglite', version: 'test', documentsDir: '/tmp', cookieSecure: false };

/** Refuses `address` the first `refusals` times, then takes it; keeps what went. */
function refusingMailer(address: string, refusals: number): Mailer & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  let left = refusals;
  return {
    sent,
    send: async (message) => {
      if (message.to === address && left-- > 0) throw new Error('421 try again later');
      sent.push(message);
    },
    close: () => undefined,
  };
}

const mailers = { current: refusingMailer('', 0) };
let queue: RunningJobQueue;
beforeAll(async () => {
  const mailer: Mailer = { send: (message) => mailers.current.send(message), close: () => undefined };
  queue = await startJobQueue(
    { db: server.database.db, config, mailer, logger: silent },
    { executeSql: server.database.executeSql, work: true, dailyCron: false, pollingIntervalSeconds: 0.5, retryLimit: 1, retryDelaySeconds: 1 },
  );
}, 30_000);
afterAll(() => queue.stop(5_000), 30_000);

async function mailOutOf(addresses: string[]) {
  const db = server.database.db;
  const survey = await db.insertInto('survey').values({ name: 'Køen', deadline: '2099-01-01', include_branches: false, created_by: null }).returning('id').executeTakeFirstOrThrow();
  const libraries = [mainLibraryKey('5006'), mainLibraryKey('5007'), mainLibraryKey('5001')].map((key) => sampleId('actor', key));
  await db
    .insertInto('survey_recipient')
    .values(addresses.map((email, index) => ({ survey_id: survey.id, actor_id: libraries[index] ?? '', email })))
    .execute();
  return recordMailOut(db, survey.id, 'invitation', null);
}

const progressOf = (id: string) =>
  server.database.db.selectFrom('mail_out').select(['status', 'total', 'sent', 'failed', 'attempts', 'error']).where('id', '=', id).executeTakeFirstOrThrow();

async function settled(id: string, status: string) {
  const until = Date.now() + 20_000;
  while ((await progressOf(id)).status !== status) {
    if (Date.now() > until) throw new Error(`mail-out never ${status}: ${JSON.stringify(await progressOf(id))}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return progressOf(id);
}

describe('the job queue', () => {
  it('retries a mail-out that failed, and mails only those not mailed yet', async () => {
    mailers.current = refusingMailer('b@koen.test', 1);
    const id = await mailOutOf(['a@koen.test', 'b@koen.test', 'c@koen.test']);
    await queue.enqueue('survey-mail-out', { mailOutId: id });
    expect(await settled(id, 'sent')).toEqual({ status: 'sent', total: 3, sent: 3, failed: 0, attempts: 2, error: null });
    expect(mailers.current.sent.map((m) => m.to).sort()).toEqual(['a@koen.test', 'b@koen.test', 'c@koen.test']);
  });

  it('fails a mail-out with its reason when the retries run out', async () => {
    mailers.current = refusingMailer('b@koen.test', 10);
    const id = await mailOutOf(['a@koen.test', 'b@koen.test']);
    await queue.enqueue('survey-mail-out', { mailOutId: id });
    expect(await settled(id, 'failed')).toEqual({ status: 'failed', total: 2, sent: 1, failed: 1, attempts: 2, error: '1 of 2 mails could not be sent: 421 try again later' });
    expect(mailers.current.sent.map((m) => m.to)).toEqual(['a@koen.test']);
  });
});
