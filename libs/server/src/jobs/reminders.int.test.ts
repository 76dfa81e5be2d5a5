import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mainLibraryKey, sampleId } from '@kompetansebro/db';
import { daysBetween, todayInNorway } from '@kompetansebro/domain';
import { jsonBody, type TestServer } from '@kompetansebro/testing/server';
import type { Mailer } from '../auth/mail';
import type { MailCatcher } from '../auth/mail-catcher.test-support';
import { daysFromToday as plusDays, startMailedTestServer, type MailedTestServer } from '../testing/fixture.test';
import { runReminders, type ReminderDeps } from './reminders';

let mailed: MailedTestServer;
let server: TestServer;
let mail: MailCatcher;
let deps: ReminderDeps;
const today = todayInNorway();
const STEINKJER = sampleId('actor', mainLibraryKey('5006'));
const COUNTY_ADMIN = 'fylke@demo.kompetansebro.no';

beforeAll(async () => {
  mailed = await startMailedTestServer();
  ({ server, mail, jobDeps: deps } = mailed);
});
afterAll(() => mailed.close());

/** Mails caught, as "recipient | subject" lines, counted. */
function tally(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of mail.mails) for (const to of m.to) counts.set(`${to} | ${m.subject}`, (counts.get(`${to} | ${m.subject}`) ?? 0) + 1);
  return counts;
}

describe('the daily reminder job', () => {
  it('mails each recipient once per stage however often it runs, and moves on to the next stage', async () => {
    const db = server.database.db;
    // An agreement 40 days from its end (the 90-day stage), with a party that has an address.
    const agreement = await db
      .selectFrom('agreement as a')
      .innerJoin('agreement_party as p', 'p.agreement_id', 'a.id')
      .select(['a.id', 'p.actor_id'])
      .executeTakeFirstOrThrow();
    await db.updateTable('agreement').set({ end_date: plusDays(40), status: 'active' }).where('id', '=', agreement.id).execute();
    await db.updateTable('actor').set({ email: 'part@avtale.test' }).where('id', '=', agreement.actor_id).execute();
    // A plan item due yesterday.
    const item = await db.selectFrom('plan_item').select('id').executeTakeFirstOrThrow();
    await db.updateTable('plan_item').set({ due_date: plusDays(-1), status: 'planned' }).where('id', '=', item.id).execute();
    // A survey three days from its deadline, with one library that has not answered.
    await db.updateTable('actor').set({ email: 'post@steinkjer.test' }).where('id', '=', STEINKJER).execute();
    const started = await server.request('/api/surveys', jsonBody('POST', { name: 'Frist snart', actorIds: [STEINKJER], includeBranches: false, deadline: plusDays(3) }));
    expect(started.status).toBe(201);
    await mail.next('post@steinkjer.test'); // the invitation
    const afterInvitation = mail.mails.length;

    const first = await runReminders(deps, today);
    expect(first.sent).toBeGreaterThan(0);
    expect(first.failed).toBe(0);
    const again = await runReminders(deps, today);
    // A second run the same day (or after a restart: the state is in the database) sends nothing.
    expect(again).toMatchObject({ sent: 0, failed: 0 });

    const counts = tally();
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const lines = [...counts.keys()];
    expect(lines.some((l) => l.startsWith('part@avtale.test | Avtale utløper'))).toBe(true);
    expect(lines.some((l) => l.startsWith(`${COUNTY_ADMIN} | Avtale utløper`))).toBe(true);
    expect(lines.some((l) => l.startsWith(`${COUNTY_ADMIN} | Forfalt planpunkt`))).toBe(true);
    expect(mail.mails.slice(afterInvitation).filter((m) => m.to.includes('post@steinkjer.test'))).toHaveLength(1);
    expect(first.sent).toBe(mail.mails.length - afterInvitation);

    // 30 days before the end is the next stage: one more mail each, once.
    const thirtyDaysBefore = plusDays(40 - 30);
    expect(daysBetween(thirtyDaysBefore, plusDays(40))).toBe(30);
    const before = mail.mails.filter((m) => m.to.includes('part@avtale.test')).length;
    await runReminders(deps, thirtyDaysBefore);
    await runReminders(deps, thirtyDaysBefore);
    expect(mail.mails.filter((m) => m.to.includes('part@avtale.test')).length).toBe(before + 1);
  });

  it('gives a failed mail its claim back, so the next run sends it', async () => {
    const db = server.database.db;
    const item = await db.selectFrom('plan_item').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
    await db.updateTable('plan_item').set({ due_date: plusDays(-2), status: 'in_progress', title: 'Feiler først' }).where('id', '=', item.id).execute();
    const failing: Mailer = {
      send: () => Promise.reject(new Error('SMTP is down')),
      close: () => undefined,
    };
    const down = await runReminders({ ...deps, mailer: failing }, today);
    expect(down.failed).toBeGreaterThan(0);
    const up = await runReminders(deps, today);
    expect(up.sent).toBe(down.failed);
    expect(mail.mails.filter((m) => m.text.includes('Feiler først') && m.to.includes(COUNTY_ADMIN))).toHaveLength(1);
  });
});
