import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sql } from 'kysely';
import { mainLibraryKey, openDatabase, sampleId, type DatabaseHandle } from '@kompetansebro/db';
import { todayInNorway } from '@kompetansebro/domain';
import { COUNTY_ADMIN, DEMO_PASSWORD, jsonBody } from '@kompetansebro/testing/server';
import { createApp } from '../app';
import type { AppConfig } from '../http/app-env';
import type { MailMessage, Mailer } from '../auth/mail';
import { MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS } from '../auth/login';
import { recordMailOut } from '../surveys/mail-out';
import { testServer } from '../testing/fixture.test';
import { startJobQueue, type RunningJobQueue } from './job-queue';
import { runReminders } from './reminders';

// "Many instances, one truth": two API instances on one database share sessions, login throttling,
// the open data API's rate limit, the job queue and the once-only mails, because each keeps its
// state in the database and none in the process. Each instance has its own createApp, its own
// database handle (its own pg pool under `npm run test:int:postgres`) and its own pg-boss worker.
// On PGlite (the default run) there is only one connection to a database, so the two instances
// share one PGlite handle: what is proved there is that nothing is kept per instance; the
// PostgreSQL run proves it across real separate connections and concurrent transactions.

const server = testServer();
const silent = { info: () => undefined, error: () => undefined };
const config: AppConfig = { databaseKind: 'pglite', version: 'test', documentsDir: '/tmp', cookieSecure: false };

/** A mailer that keeps what it was asked to send. */
function recordingMailer(): Mailer & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return { sent, send: async (message) => void sent.push(message), close: () => undefined };
}

interface Instance {
  handle: Pick<DatabaseHandle, 'db' | 'executeSql'>;
  app: ReturnType<typeof createApp>;
  mailer: ReturnType<typeof recordingMailer>;
  jobs: RunningJobQueue;
  login(email: string, password: string, peer: string): Promise<Response>;
}

/** Its own database handle: a second pool on the same PostgreSQL database, or the one PGlite. */
async function handleOnSameDatabase(): Promise<{ handle: Pick<DatabaseHandle, 'db' | 'executeSql'>; close(): Promise<void> }> {
  const adminUrl = inject('postgresAdminUrl');
  if (server.database.kind === 'pglite' || !adminUrl) return { handle: server.database, close: async () => undefined };
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(server.database.db);
  const url = new URL(adminUrl);
  url.pathname = `/${rows[0]?.name ?? ''}`;
  const handle = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 5 });
  return { handle, close: () => handle.close() };
}

const instances: Instance[] = [];
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  for (let i = 0; i < 2; i++) {
    const { handle, close } = await handleOnSameDatabase();
    const mailer = recordingMailer();
    const deps = { db: handle.db, config: { ...config, databaseKind: server.database.kind }, mailer, logger: silent };
    const jobs = await startJobQueue(deps, { executeSql: handle.executeSql, work: true, dailyCron: false, pollingIntervalSeconds: 0.5, retryDelaySeconds: 1 });
    const app = createApp({ ...deps, jobs });
    const login = async (email: string, password: string, peer: string) =>
      app.request('/api/auth/login', jsonBody('POST', { email, password }), { incoming: { socket: { remoteAddress: peer } } });
    instances.push({ handle, app, mailer, jobs, login });
    closers.push(async () => {
      await jobs.stop(5_000);
      await close();
    });
  }
}, 60_000);

afterAll(async () => {
  for (const close of closers) await close();
}, 60_000);

const pair = () => {
  const [a, b] = instances;
  if (!a || !b) throw new Error('the instances start in beforeAll');
  return [a, b] as const;
};

/** Waits until `done` holds (the workers poll every half second). */
async function eventually(done: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > until) throw new Error('timed out waiting for the job');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('two API instances on one database', () => {
  it('share sessions: a login on one is a session on the other, and a logout on the other ends it', async () => {
    const [a, b] = pair();
    const login = await a.login(COUNTY_ADMIN, DEMO_PASSWORD, '192.0.2.10');
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect((await b.app.request('/api/me', { headers: { Cookie: cookie } })).status).toBe(200);
    expect((await b.app.request('/api/auth/logout', { method: 'POST', headers: { Cookie: cookie } })).status).toBe(204);
    expect((await a.app.request('/api/me', { headers: { Cookie: cookie } })).status).toBe(401);
  });

  it('count failed logins together: failures spread over both throttle on either', async () => {
    await server.database.db.deleteFrom('login_attempt').execute();
    const [a, b] = pair();
    const email = 'trondelag-sorvest@demo.kompetansebro.no';
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) {
      expect((await (i % 2 === 0 ? a : b).login(email, `feil ${i}`, '192.0.2.11')).status).toBe(401);
    }
    expect((await a.login(email, DEMO_PASSWORD, '192.0.2.11')).status).toBe(429);
    expect((await b.login(email, DEMO_PASSWORD, '192.0.2.11')).status).toBe(429);
    await server.database.db.deleteFrom('login_attempt').execute();
  });

  it("count the open data API's requests of a client together", async () => {
    const [a, b] = pair();
    const peer = { incoming: { socket: { remoteAddress: '198.51.100.7' } } };
    const remaining = async (instance: Instance) => Number((await instance.app.request('/api/public/v1/municipalities', {}, peer)).headers.get('RateLimit-Remaining'));
    const first = await remaining(a);
    expect(await remaining(b)).toBe(first - 1);
    expect(await remaining(a)).toBe(first - 2);
    // Another client has its own count.
    const other = Number((await b.app.request('/api/public/v1/municipalities', {}, { incoming: { socket: { remoteAddress: '198.51.100.8' } } })).headers.get('RateLimit-Remaining'));
    expect(other).toBeGreaterThan(first - 2);
  });

  it('mail each survey recipient one reminder when both run the reminder batch at once', async () => {
    const [a, b] = pair();
    const db = server.database.db;
    const today = todayInNorway();
    const deadline = new Date(Date.parse(`${today}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);
    const survey = await db.insertInto('survey').values({ name: 'Frist om tre dager', deadline, include_branches: false, created_by: null }).returning('id').executeTakeFirstOrThrow();
    const libraries = [mainLibraryKey('5006'), mainLibraryKey('5007'), mainLibraryKey('5001')].map((key) => sampleId('actor', key));
    await db
      .insertInto('survey_recipient')
      .values(libraries.map((actorId, index) => ({ survey_id: survey.id, actor_id: actorId, email: `bibliotek${index}@to-instanser.test`, mailed_at: new Date() })))
      .execute();
    // Each instance runs the batch on its own handle, twice on one of them, all at once.
    const run = (instance: Instance) => runReminders({ db: instance.handle.db, config, mailer: instance.mailer, logger: silent }, today);
    await Promise.all([run(a), run(b), run(a)]);
    // And the daily job queued on both: one worker or the other takes it; nothing goes again.
    await Promise.all([a.jobs.enqueue('daily', { today }), b.jobs.enqueue('daily', { today })]);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const sent = [...a.mailer.sent, ...b.mailer.sent].filter((message) => message.to.endsWith('@to-instanser.test'));
    expect(sent.map((message) => message.to).sort()).toEqual(['bibliotek0@to-instanser.test', 'bibliotek1@to-instanser.test', 'bibliotek2@to-instanser.test']);
  });

  it("run a survey's mail-out queued on both once: each library gets one mail, and the progress says all were sent", async () => {
    const [a, b] = pair();
    const db = server.database.db;
    const survey = await db.insertInto('survey').values({ name: 'Utsending på to instanser', deadline: '2099-01-01', include_branches: false, created_by: null }).returning('id').executeTakeFirstOrThrow();
    const libraries = [mainLibraryKey('5006'), mainLibraryKey('5007'), mainLibraryKey('5001'), mainLibraryKey('5014')].map((key) => sampleId('actor', key));
    await db
      .insertInto('survey_recipient')
      .values(libraries.map((actorId, index) => ({ survey_id: survey.id, actor_id: actorId, email: `utsending${index}@to-instanser.test` })))
      .execute();
    const mailOutId = await recordMailOut(db, survey.id, 'invitation', null);
    await Promise.all([a.jobs.enqueue('survey-mail-out', { mailOutId }), b.jobs.enqueue('survey-mail-out', { mailOutId }), a.jobs.enqueue('survey-mail-out', { mailOutId })]);
    await eventually(async () => (await db.selectFrom('mail_out').select('status').where('id', '=', mailOutId).executeTakeFirstOrThrow()).status === 'sent');
    // The other queued copies find it sent and send nothing (give them their turn).
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const sent = [...a.mailer.sent, ...b.mailer.sent].filter((message) => message.to.startsWith('utsending'));
    expect(sent.map((message) => message.to).sort()).toEqual(libraries.map((_, index) => `utsending${index}@to-instanser.test`));
    expect(await db.selectFrom('mail_out').select(['status', 'total', 'sent', 'failed']).where('id', '=', mailOutId).executeTakeFirstOrThrow()).toEqual({
      status: 'sent',
      total: 4,
      sent: 4,
      failed: 0,
    });
  });
});
