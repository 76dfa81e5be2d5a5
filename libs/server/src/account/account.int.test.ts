import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mainLibraryKey, sampleId } from '@kompetansebro/db';
import { INBOX_ACCEPTANCES, norwegianSortKey, todayInNorway, type Inbox, type InboxItemKind, type Me, type Page, type PendingAcceptance, type Problem } from '@kompetansebro/domain';
import { jsonBody, type RequestAs, type TestServer } from '@kompetansebro/testing/server';
import type { MailCatcher } from '../auth/mail-catcher.test-support';
import { mailAcceptanceAsked } from '../jobs/agreement-acceptance-mail';
import { sendInboxDigests } from '../jobs/inbox-digest';
import type { ReminderDeps } from '../jobs/reminders';
import { daysFromToday as plusDays, startMailedTestServer, type MailedTestServer } from '../testing/fixture.test';

let mailed: MailedTestServer;
let server: TestServer;
let mail: MailCatcher;
let deps: ReminderDeps;
const today = todayInNorway();

const NAMSOS = sampleId('actor', mainLibraryKey('5007'));
const NAMDAL = sampleId('actor', 'study-centre-namdal');
const account = (name: string) => `${name}@demo.kompetansebro.no`;
const as: Record<string, RequestAs> = {};
/** Requests as the demo account `name` (logged in before the tests). */
function who(name: string): RequestAs {
  const request = as[name];
  if (!request) throw new Error(`${name} is not logged in`);
  return request;
}
let agreementId = '';

beforeAll(async () => {
  mailed = await startMailedTestServer();
  ({ server, mail, jobDeps: deps } = mailed);
  for (const name of ['fylke', 'fylke-innsyn', 'namdal', 'namsos', 'ntnu', 'fosen']) as[name] = await server.as(account(name));
  const { db } = server.database;
  // An agreement sent to Namsos bibliotek and Namdal studiesenter for acceptance.
  const title = 'Avtale om lesesal i Namsos (innboks)';
  agreementId = (
    await db.insertInto('agreement').values({ title, sort_key: norwegianSortKey(title), kind: 'cooperation', status: 'negotiating' }).returning('id').executeTakeFirstOrThrow()
  ).id;
  await db
    .insertInto('agreement_party')
    .values([
      { agreement_id: agreementId, actor_id: NAMDAL, role: 'coordinator', position: 1 },
      { agreement_id: agreementId, actor_id: NAMSOS, role: 'service_provider', position: 2 },
    ])
    .execute();
  // Plan items Namdal owns: one past its due date, one due in a week, and one due in two months (not yet in the inbox).
  const initiative = await db.selectFrom('initiative').select('id').executeTakeFirstOrThrow();
  await db
    .insertInto('plan_item')
    .values([
      { initiative_id: initiative.id, title: 'Forfalt punkt (innboks)', responsible_actor_id: NAMDAL, due_date: plusDays(-3) },
      { initiative_id: initiative.id, title: 'Kartlegge lesesaler (innboks)', responsible_actor_id: NAMDAL, due_date: plusDays(7) },
      { initiative_id: initiative.id, title: 'Langt fram (innboks)', responsible_actor_id: NAMDAL, due_date: plusDays(60) },
    ])
    .execute();
  // The county writes a note to Namsos bibliotek; a pending catchment request from Namdal.
  expect((await who('fylke')('/api/liaison/notes', jsonBody('POST', { target: { actorId: NAMSOS }, universityId: null, body: 'Hei Namsos, innboksprøve om fjernlånskassene.' }))).status).toBe(201);
  expect((await who('namdal')(`/api/study-centres/${NAMDAL}/catchment-requests`, jsonBody('POST', { add: ['5001'], reason: 'Innboksprøve' }))).status).toBe(201);
});
afterAll(() => mailed.close());

async function inboxOf(name: string): Promise<Inbox> {
  const response = await who(name)('/api/inbox');
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as Inbox;
}
const kinds = (inbox: Inbox) => new Set(inbox.items.map((i) => i.kind));

describe('GET /api/inbox', () => {
  it('gives a library what it must do: the agreement to accept, the note to read, services to confirm', async () => {
    const inbox = await inboxOf('namsos');
    expect(inbox.items).toContainEqual(expect.objectContaining({ kind: 'agreement_acceptance', recordId: agreementId, title: 'Avtale om lesesal i Namsos (innboks)' }));
    expect(inbox.items.find((i) => i.kind === 'unread_notes')?.count).toBeGreaterThanOrEqual(1);
    expect(kinds(inbox)).toContain('services_to_confirm' satisfies InboxItemKind);
    expect(inbox.total).toBe(inbox.items.reduce((n, i) => n + i.count, 0));
  });

  it('gives a study centre its acceptance and the plan item it owns that is due within two weeks, not one due later', async () => {
    const inbox = await inboxOf('namdal');
    expect(inbox.items).toContainEqual(expect.objectContaining({ kind: 'agreement_acceptance', recordId: agreementId }));
    const due = inbox.items.filter((i) => i.kind === 'plan_item_due');
    expect(due.map((i) => i.title)).toContain('Kartlegge lesesaler (innboks)');
    // It names the plan item itself (the owner's page opens it), not the county's initiative.
    const owned = await server.database.db.selectFrom('plan_item').select('id').where('title', '=', 'Kartlegge lesesaler (innboks)').executeTakeFirstOrThrow();
    expect(due.find((i) => i.title === 'Kartlegge lesesaler (innboks)')?.recordId).toBe(owned.id);
    expect((await who('namdal')(`/api/own-plan-items/${owned.id}`)).status).toBe(200);
    expect(due.map((i) => i.title)).not.toContain('Langt fram (innboks)');
    // Overdue by the domain's rule: the one past its date is, the one due in a week is not.
    expect(due.find((i) => i.title === 'Forfalt punkt (innboks)')?.overdue).toBe(true);
    expect(due.find((i) => i.title === 'Kartlegge lesesaler (innboks)')?.overdue).toBe(false);
    expect(kinds(inbox)).not.toContain('unread_notes');
  });

  it('gives the county admin the catchment request to decide; the county viewer, who decides nothing, no request and no acceptance', async () => {
    const county = await inboxOf('fylke');
    expect(county.items).toContainEqual(expect.objectContaining({ kind: 'catchment_request', title: 'Namdal studiesenter' }));
    // The county keeps the plans: its own overdue plan item opens the initiative it belongs to.
    const survey = await server.database.db
      .selectFrom('plan_item')
      .select('initiative_id')
      .where('title', '=', 'Samle informasjon fra hvert bibliotek (også filialer) om hvilke tjenester de tilbyr studenter')
      .executeTakeFirstOrThrow();
    expect(county.items.find((i) => i.kind === 'plan_item_due')?.recordId).toBe(survey.initiative_id);
    const viewer = await inboxOf('fylke-innsyn');
    expect(kinds(viewer)).not.toContain('catchment_request');
    expect(kinds(viewer)).not.toContain('agreement_acceptance');
  });

  it('names no foreign record: Fosen and NTNU see neither Namsos’ agreement nor Namdal’s plan item', async () => {
    for (const name of ['fosen', 'ntnu']) {
      const inbox = await inboxOf(name);
      expect(inbox.items.map((i) => i.recordId)).not.toContain(agreementId);
      expect(inbox.items.map((i) => i.title)).not.toContain('Kartlegge lesesaler (innboks)');
      expect(kinds(inbox)).not.toContain('services_to_confirm');
    }
  });

  it('drops the notes once the library has opened them', async () => {
    const notes = (await (await who('namsos')('/api/liaison/notes?pageSize=100')).json()) as { items: Array<{ id: string }> };
    expect((await who('namsos')('/api/liaison/notes/read', jsonBody('POST', { ids: notes.items.map((n) => n.id) }))).status).toBe(200);
    expect(kinds(await inboxOf('namsos'))).not.toContain('unread_notes');
  });

  it('answers 401 without a login', async () => {
    expect((await server.anonymous('/api/inbox')).status).toBe(401);
  });
});

describe('notification settings', () => {
  it('are "immediately" until chosen, then what the user chose; a wrong choice is 400 naming the field', async () => {
    expect(await (await who('namdal')('/api/me/notification-settings')).json()).toEqual({ inboxMail: 'immediately' });
    expect((await who('namdal')('/api/me/notification-settings', jsonBody('PUT', { inboxMail: 'daily' }))).status).toBe(200);
    expect(await (await who('namdal')('/api/me/notification-settings')).json()).toEqual({ inboxMail: 'daily' });
    const refused = await who('namdal')('/api/me/notification-settings', jsonBody('PUT', { inboxMail: 'hourly' }));
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as Problem).errors?.[0]?.path).toBe('inboxMail');
  });

  it('are honoured by the jobs: "daily" gets no acceptance mail at once but one digest a day; "never" gets neither', async () => {
    expect((await who('namsos')('/api/me/notification-settings', jsonBody('PUT', { inboxMail: 'never' }))).status).toBe(200);
    await mailAcceptanceAsked(deps, agreementId, 99);
    const to = mail.mails.flatMap((m) => m.to);
    expect(to).not.toContain(account('namdal'));
    expect(to).not.toContain(account('namsos'));

    expect(await sendInboxDigests(deps, today)).toBe(1);
    expect(await sendInboxDigests(deps, today)).toBe(0);
    const digest = await mail.next(account('namdal'));
    expect(digest.text).toContain('Dette venter på deg i Kompetansebro');
    expect(digest.text).toContain('Avtale til godkjenning: Avtale om lesesal i Namsos (innboks)');
    expect(digest.text).toContain('Kartlegge lesesaler (innboks)');
    // The overdue plan item says so, as the inbox page does.
    expect(digest.text).toMatch(/Planpunkt med frist \d{2}\.\d{2}\.\d{4} \(forfalt\): Forfalt punkt \(innboks\)/);
    expect(digest.text).not.toMatch(/\(forfalt\): Kartlegge lesesaler/);
    expect(digest.text).toContain('/studiesenter/innboks');
    expect(mail.mails.filter((m) => m.text.includes('Dette venter på deg i Kompetansebro'))).toHaveLength(1);

    // Back to "immediately": mailed at once again.
    expect((await who('namsos')('/api/me/notification-settings', jsonBody('PUT', { inboxMail: 'immediately' }))).status).toBe(200);
    await mailAcceptanceAsked(deps, agreementId, 100);
    expect((await mail.next(account('namsos'))).subject).toContain('Avtale til godkjenning');
  });
});

describe('profile and password', () => {
  it('changes the user’s own name; an empty one is 400 naming the field', async () => {
    expect((await who('ntnu')('/api/me/profile', jsonBody('PUT', { name: 'Kari Nordmann' }))).status).toBe(204);
    expect(((await (await who('ntnu')('/api/me')).json()) as Me).user.name).toBe('Kari Nordmann');
    const refused = await who('ntnu')('/api/me/profile', jsonBody('PUT', { name: ' ' }));
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as Problem).errors?.[0]?.path).toBe('name');
  });

  it('changes the password given the current one, by the password policy; the old one stops working', async () => {
    const change = (currentPassword: string, newPassword: string) => who('fosen')('/api/me/password', jsonBody('PUT', { currentPassword, newPassword }));
    const wrong = await change('feil passord', 'fire tilfeldige ord som bjørk');
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as Problem).errors?.[0]).toMatchObject({ path: 'currentPassword', code: 'current_password_wrong' });
    for (const weak of ['kort', 'passwordpassword', 'kompetansebro-123456']) {
      const refused = await change('kompetansebro', weak);
      expect(refused.status, weak).toBe(400);
      expect(((await refused.json()) as Problem).errors?.[0]?.path, weak).toBe('newPassword');
    }
    expect((await change('kompetansebro', 'fire tilfeldige ord som bjørk')).status).toBe(204);
    // The session that changed it goes on; the new password logs in, the old does not.
    expect((await who('fosen')('/api/me')).status).toBe(200);
    const login = (password: string) => server.anonymous('/api/auth/login', jsonBody('POST', { email: account('fosen'), password }));
    expect((await login('kompetansebro')).status).toBe(401);
    expect((await login('fire tilfeldige ord som bjørk')).status).toBe(200);
  });
});

describe('GET /api/inbox with many acceptances', () => {
  it('names the newest ten one by one and the rest as one item with their number, which the badge counts', async () => {
    const { db } = server.database;
    for (let n = 1; n <= 12; n++) {
      const title = `Avtale ${n} om studieplasser (mange)`;
      const { id } = await db
        .insertInto('agreement')
        .values({ title, sort_key: norwegianSortKey(title), kind: 'cooperation', status: 'negotiating', updated_at: new Date(Date.now() + n * 1000) })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.insertInto('agreement_party').values({ agreement_id: id, actor_id: NAMSOS, role: 'service_provider', position: 1 }).execute();
    }
    const tasks = (await (await who('namsos')('/api/agreement-acceptances?pageSize=100')).json()) as Page<PendingAcceptance>;
    const unanswered = tasks.items.filter((task) => !task.declined);
    const inbox = await inboxOf('namsos');
    const named = inbox.items.filter((i) => i.kind === 'agreement_acceptance' || i.kind === 'amendment_acceptance');
    expect(named.map((i) => i.recordId)).toEqual(unanswered.slice(0, INBOX_ACCEPTANCES).map((task) => task.agreementId));
    expect(named[0]?.title).toBe('Avtale 12 om studieplasser (mange)');
    expect(inbox.items).toContainEqual(expect.objectContaining({ kind: 'more_acceptances', count: unanswered.length - INBOX_ACCEPTANCES }));
    expect(inbox.total).toBe(inbox.items.reduce((n, i) => n + i.count, 0));
  });
});
