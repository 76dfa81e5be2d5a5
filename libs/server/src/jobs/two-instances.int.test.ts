import { describe, expect, it } from 'vitest';
import { mainLibraryKey, sampleId } from '@kompetansebro/db';
import { todayInNorway } from '@kompetansebro/domain';
import { COUNTY_ADMIN, DEMO_PASSWORD, jsonBody } from '@kompetansebro/testing/server';
import { createApp } from '../app';
import type { AppConfig } from '../http/app-env';
import type { MailMessage, Mailer } from '../auth/mail';
import { MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS } from '../auth/login';
import { testServer } from '../testing/fixture.test';
import { runReminders } from './reminders';

// "Many instances, one truth": two API instances on one database (PGlite in memory, or PostgreSQL
// under `npm run test:int:postgres`) share sessions, login throttling and the once-only reminder
// mails, because each of them keeps its state in the database and none in the process.

const server = testServer();
const silent = { info: () => undefined, error: () => undefined };
const config: AppConfig = { databaseKind: 'pglite', version: 'test', documentsDir: '/tmp', cookieSecure: false };

/** A mailer that keeps what it was asked to send. */
function recordingMailer(): Mailer & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return { sent, send: async (message) => void sent.push(message), close: () => undefined };
}

function instance() {
  const mailer = recordingMailer();
  const app = createApp({ db: server.database.db, config, mailer });
  const login = (email: string, password: string, peer: string) =>
    app.request('/api/auth/login', jsonBody('POST', { email, password }), { incoming: { socket: { remoteAddress: peer } } });
  return { app, mailer, login };
}

describe('two API instances on one database', () => {
  it('share sessions: a login on one is a session on the other, and a logout on the other ends it', async () => {
    const [a, b] = [instance(), instance()];
    const login = await a.login(COUNTY_ADMIN, DEMO_PASSWORD, '192.0.2.10');
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect((await b.app.request('/api/me', { headers: { Cookie: cookie } })).status).toBe(200);
    expect((await b.app.request('/api/auth/logout', { method: 'POST', headers: { Cookie: cookie } })).status).toBe(204);
    expect((await a.app.request('/api/me', { headers: { Cookie: cookie } })).status).toBe(401);
  });

  it('count failed logins together: failures spread over both throttle on either', async () => {
    await server.database.db.deleteFrom('login_attempt').execute();
    const [a, b] = [instance(), instance()];
    const email = 'trondelag-sorvest@demo.kompetansebro.no';
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) {
      expect((await (i % 2 === 0 ? a : b).login(email, `feil ${i}`, '192.0.2.11')).status).toBe(401);
    }
    expect((await a.login(email, DEMO_PASSWORD, '192.0.2.11')).status).toBe(429);
    expect((await b.login(email, DEMO_PASSWORD, '192.0.2.11')).status).toBe(429);
    await server.database.db.deleteFrom('login_attempt').execute();
  });

  it('mail each survey recipient one reminder when both run the reminder batch at once', async () => {
    const db = server.database.db;
    const today = todayInNorway();
    const deadline = new Date(Date.parse(`${today}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);
    const survey = await db.insertInto('survey').values({ name: 'Frist om tre dager', deadline, include_branches: false, created_by: null }).returning('id').executeTakeFirstOrThrow();
    const libraries = [mainLibraryKey('5006'), mainLibraryKey('5007'), mainLibraryKey('5001')].map((key) => sampleId('actor', key));
    await db
      .insertInto('survey_recipient')
      .values(libraries.map((actorId, index) => ({ survey_id: survey.id, actor_id: actorId, email: `bibliotek${index}@to-instanser.test`, mailed_at: new Date() })))
      .execute();
    const [a, b] = [instance(), instance()];
    await Promise.all([
      runReminders({ db, config, mailer: a.mailer, logger: silent }, today),
      runReminders({ db, config, mailer: b.mailer, logger: silent }, today),
      runReminders({ db, config, mailer: a.mailer, logger: silent }, today),
    ]);
    const sent = [...a.mailer.sent, ...b.mailer.sent].filter((message) => message.to.endsWith('@to-instanser.test'));
    expect(sent.map((message) => message.to).sort()).toEqual(['bibliotek0@to-instanser.test', 'bibliotek1@to-instanser.test', 'bibliotek2@to-instanser.test']);
  });
});
