import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mainLibraryKey, sampleId } from '@kompetansebro/db';
import { todayInNorway, type AgreementDetail, type AgreementSettings, type Coverage, type Page, type PendingAcceptance, type Problem } from '@kompetansebro/domain';
import { jsonBody, type RequestAs, type TestServer } from '@kompetansebro/testing/server';
import type { MailCatcher } from '../auth/mail-catcher.test-support';
import { applyAgreementCalendar } from '../jobs/agreement-calendar';
import { docxText } from '../testing/document-text.test-support';
import { addService, daysFromToday as plusDays, ifMatch, json, PRODUCTION_REUSE, startMailedTestServer, type MailedTestServer } from '../testing/fixture.test';

// Agreements the parties can trust (issue 13): the calendar drives the status, each party answers
// for itself, signing needs every acceptance (or the county's reason), one renewal per agreement.

let mailed: MailedTestServer;
let server: TestServer;
let mail: MailCatcher;
let as: Record<'fosen' | 'namdal' | 'orland' | 'namsos' | 'ntnu' | 'viewer', RequestAs>;

const actor = (key: string) => sampleId('actor', key);
const FOSEN = actor('study-centre-fosen');
const ORLAND = actor(mainLibraryKey('5057'));
const OSEN = actor(mainLibraryKey('5020'));
const NAMSOS = actor(mainLibraryKey('5007'));
const today = todayInNorway();

beforeAll(async () => {
  mailed = await startMailedTestServer(PRODUCTION_REUSE);
  ({ server, mail } = mailed);
  as = {
    fosen: await server.as('fosen@demo.kompetansebro.no'),
    namdal: await server.as('namdal@demo.kompetansebro.no'),
    orland: server.request, // replaced below by an editor of Ørland bibliotek
    namsos: await server.as('namsos@demo.kompetansebro.no'),
    ntnu: await server.as('ntnu@demo.kompetansebro.no'),
    viewer: await server.as('fylke-innsyn@demo.kompetansebro.no'),
  };
  // An editor for Ørland bibliotek (the demo password), logged in.
  const db = server.database.db;
  const { password_hash } = await db.selectFrom('app_user').select('password_hash').where('email', '=', 'namsos@demo.kompetansebro.no').executeTakeFirstOrThrow();
  const { id } = await db.insertInto('app_user').values({ email: 'orland@test.invalid', name: 'Ørland bibliotek', password_hash }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('membership').values({ user_id: id, organisation_id: ORLAND, role: 'library_editor' }).execute();
  as.orland = await server.as('orland@test.invalid');
});
afterAll(() => mailed.close());

const fosenAgreement = (dates: { startDate: string | null; endDate: string | null } = { startDate: today, endDate: plusDays(730) }) => ({
  title: 'Samarbeidsavtale Fosen studiesenter, Ørland og Osen bibliotek',
  kind: 'cooperation',
  ...dates,
  parties: [
    { actorId: FOSEN, role: 'coordinator' },
    { actorId: ORLAND, role: 'service_provider' },
    { actorId: OSEN, role: 'service_provider' },
  ],
});

async function create(body: unknown = fosenAgreement()): Promise<AgreementDetail> {
  return json<AgreementDetail>(await server.request('/api/agreements', jsonBody('POST', body)), 201);
}
const transition = (agreement: { id: string; version: number }, body: Record<string, unknown>, request: RequestAs = server.request) =>
  request(`/api/agreements/${agreement.id}/transitions`, jsonBody('POST', body, ifMatch(agreement.version)));
const decide = (request: RequestAs, agreement: { id: string; version: number }, actorId: string, body: Record<string, unknown>) =>
  request(`/api/agreements/${agreement.id}/parties/${actorId}/decision`, jsonBody('POST', body, ifMatch(agreement.version)));
const read = async (id: string) => json<AgreementDetail>(await server.request(`/api/agreements/${id}`), 200);
const partyOf = (agreement: AgreementDetail, actorId: string) => agreement.parties.find((p) => p.actorId === actorId);

async function sentToParties(): Promise<AgreementDetail> {
  return json<AgreementDetail>(await transition(await create(), { to: 'negotiating' }), 200);
}

describe('each party answers for itself', () => {
  it('tells each party by e-mail that its acceptance is asked, with a link to its own app, once', async () => {
    const before = mail.mails.length;
    const agreement = await sentToParties();
    await expect.poll(() => mail.mails.length - before, { timeout: 5000 }).toBeGreaterThanOrEqual(1);
    const mails = mail.mails.slice(before);
    const toFosen = mails.find((m) => m.to.includes('fosen@demo.kompetansebro.no'));
    expect(toFosen?.subject).toContain('Avtale til godkjenning');
    expect(toFosen?.text).toContain(`/studiesenter/avtaler/${agreement.id}`);
    expect(mails.some((m) => m.to.includes('orland@test.invalid') && m.text.includes(`/bibliotek/avtaler/${agreement.id}`))).toBe(true);
    // No county admin is asked: the county does not accept for the parties.
    expect(mails.some((m) => m.to.includes('fylke@demo.kompetansebro.no'))).toBe(false);
  });

  it('lets each organisation accept or decline only for itself (403 for another, nothing changed)', async () => {
    let agreement = await sentToParties();
    for (const [request, party] of [
      [as.fosen, ORLAND],
      [as.orland, FOSEN],
      [as.orland, OSEN],
      [server.request, ORLAND],
    ] as const) {
      const refused = await decide(request, agreement, party, { decision: 'accepted' });
      expect(refused.status, party).toBe(403);
    }
    // Organisations that are no party do not see the agreement at all.
    expect((await decide(as.namsos, agreement, ORLAND, { decision: 'accepted' })).status).toBe(404);
    expect((await decide(as.ntnu, agreement, OSEN, { decision: 'accepted' })).status).toBe(404);
    expect((await decide(as.viewer, agreement, ORLAND, { decision: 'accepted' })).status).toBe(403);
    expect((await read(agreement.id)).parties.every((p) => p.acceptedAt === null && p.declinedAt === null)).toBe(true);

    agreement = await json<AgreementDetail>(await decide(as.fosen, agreement, FOSEN, { decision: 'accepted', comment: 'Godkjent i styret' }), 200);
    expect(partyOf(agreement, FOSEN)).toMatchObject({ decisionComment: 'Godkjent i styret', declinedAt: null });
    expect(partyOf(agreement, FOSEN)?.acceptedAt).not.toBeNull();
    // A decline needs a reason (400 naming the field), then is recorded with it.
    const noReason = await decide(as.orland, agreement, ORLAND, { decision: 'declined' });
    expect((await json<Problem>(noReason, 400)).errors).toEqual([expect.objectContaining({ path: 'comment' })]);
    agreement = await json<AgreementDetail>(await decide(as.orland, agreement, ORLAND, { decision: 'declined', comment: 'Åpningstidene må med' }), 200);
    expect(partyOf(agreement, ORLAND)).toMatchObject({ acceptedAt: null, decisionComment: 'Åpningstidene må med' });
    expect(partyOf(agreement, ORLAND)?.declinedAt).not.toBeNull();
  });

  it('answers the tasks a page at a time, newest first, with their total; bad paging is a 400 naming the field', async () => {
    const older = await sentToParties();
    const newer = await sentToParties();
    const tasksOf = async (query: string) => json<Page<PendingAcceptance>>(await as.fosen(`/api/agreement-acceptances?${query}`), 200);
    const all = await tasksOf('pageSize=100');
    const ids = all.items.map((t) => t.agreementId);
    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
    expect(all.total).toBe(all.items.length);
    // Two at a time: the pages together are the whole list, in the same order, and each says the total.
    const first = await tasksOf('pageSize=2');
    const second = await tasksOf('pageSize=2&page=2');
    expect(first).toMatchObject({ page: 1, pageSize: 2, total: all.total });
    expect(second).toMatchObject({ page: 2, pageSize: 2, total: all.total });
    expect([...first.items, ...second.items]).toEqual(all.items.slice(0, 4));
    // A page past the end has no task to carry the total: it is counted all the same.
    expect(await tasksOf('pageSize=2&page=99')).toMatchObject({ items: [], page: 99, total: all.total });
    expect((await tasksOf('kind=amendment')).items.every((t) => t.amendmentNumber !== null)).toBe(true);
    for (const [query, field] of [
      ['page=0', 'page'],
      ['pageSize=1000', 'pageSize'],
      ['kind=contract', 'kind'],
    ] as const) {
      const problem = await json<Problem>(await as.fosen(`/api/agreement-acceptances?${query}`), 400);
      expect(problem.errors?.map((e) => e.path), query).toContain(`query.${field}`);
    }
  });

  it('lets two answers at once not overwrite each other: the second on the same version gets 412', async () => {
    const agreement = await sentToParties();
    const [first, second] = await Promise.all([
      decide(as.fosen, agreement, FOSEN, { decision: 'accepted' }),
      decide(as.orland, agreement, ORLAND, { decision: 'accepted' }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 412]);
  });

  it("shows each organisation the agreements waiting for its answer (its tasks), and the county who has and has not answered", async () => {
    const agreement = await sentToParties();
    const tasks = (await json<Page<PendingAcceptance>>(await as.fosen('/api/agreement-acceptances'), 200)).items;
    expect(tasks).toEqual(expect.arrayContaining([expect.objectContaining({ agreementId: agreement.id, actorId: FOSEN, declined: false })]));
    expect(tasks.every((t) => t.actorId === FOSEN)).toBe(true);
    await json<AgreementDetail>(await decide(as.fosen, agreement, FOSEN, { decision: 'accepted' }), 200);
    const after = (await json<Page<PendingAcceptance>>(await as.fosen('/api/agreement-acceptances'), 200)).items;
    expect(after.map((t) => t.agreementId)).not.toContain(agreement.id);
    expect((await json<Page<PendingAcceptance>>(await as.orland('/api/agreement-acceptances'), 200)).items.map((t) => t.agreementId)).toContain(agreement.id);
    expect((await as.viewer('/api/agreement-acceptances')).status).toBe(200);
    const county = await read(agreement.id);
    expect(county.parties.map((p) => [p.actorName, p.acceptedAt !== null])).toEqual([
      ['Fosen studiesenter', true],
      ['Ørland bibliotek', false],
      ['Osen bibliotek', false],
    ]);
  });
});

describe('signing', () => {
  it('needs every acceptance; the county may override only with a reason, shown in the history; acceptances stay', async () => {
    let agreement = await sentToParties();
    agreement = await json<AgreementDetail>(await decide(as.fosen, agreement, FOSEN, { decision: 'accepted' }), 200);
    const refused = await json<Problem>(await transition(agreement, { to: 'signed' }), 409);
    expect(refused.errors?.[0]).toMatchObject({ path: 'overrideReason', code: 'acceptance_missing' });
    expect(refused.detail).toContain('Ørland bibliotek, Osen bibliotek');
    // The coordinator never signs.
    expect((await transition(agreement, { to: 'signed', overrideReason: 'Vi vil' }, as.fosen)).status).toBe(403);
    expect((await read(agreement.id)).status).toBe('negotiating');

    const signed = await json<AgreementDetail>(await transition(agreement, { to: 'signed', overrideReason: 'Bibliotekene signerte på papir 1. desember' }), 200);
    // Who had not accepted as a code the reader's language names; the reason as the county typed it.
    expect(signed.transitions.at(-1)).toMatchObject({
      to: 'signed',
      noteCode: 'signed_without_acceptance',
      noteParams: { missing: 'Ørland bibliotek, Osen bibliotek' },
      note: 'Bibliotekene signerte på papir 1. desember',
    });
    const now = await read(agreement.id);
    expect(now.status).toBe('active');
    expect(partyOf(now, FOSEN)?.acceptedAt).not.toBeNull();
  });

  it('is signed by the last acceptance, in the same audited change, with the reason in the history; one short or a decline does not sign', async () => {
    const twoParties = { ...fosenAgreement(), parties: [{ actorId: FOSEN, role: 'coordinator' }, { actorId: ORLAND, role: 'service_provider' }] };
    let agreement = await json<AgreementDetail>(await transition(await create(twoParties), { to: 'negotiating' }), 200);
    agreement = await json<AgreementDetail>(await decide(as.fosen, agreement, FOSEN, { decision: 'accepted' }), 200);
    expect(agreement.status).toBe('negotiating');
    agreement = await json<AgreementDetail>(await decide(as.orland, agreement, ORLAND, { decision: 'declined', comment: 'Åpningstidene må med' }), 200);
    expect(agreement.status).toBe('negotiating');
    expect(agreement.transitions.map((t) => t.to)).toEqual(['draft', 'negotiating']);

    agreement = await json<AgreementDetail>(await decide(as.orland, agreement, ORLAND, { decision: 'accepted' }), 200);
    expect(agreement.status).toBe('signed');
    expect(agreement.transitions.at(-1)).toMatchObject({ from: 'negotiating', to: 'signed', noteCode: 'signed_by_acceptance', note: null });
    const audited = await server.database.db
      .selectFrom('audit_entry')
      .select(['before', 'after'])
      .where('entity_id', '=', agreement.id)
      .orderBy('occurred_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(audited).toMatchObject({ before: { status: 'negotiating' }, after: { status: 'signed' } });
    // The calendar moves it on as ever (it starts today), and no answer is open any more.
    expect((await read(agreement.id)).status).toBe('active');
    expect((await decide(as.fosen, await read(agreement.id), FOSEN, { decision: 'declined', comment: 'For sent' })).status).toBe(409);
  });

  it('is signed when sent to parties who all accepted the draft already', async () => {
    const twoParties = { ...fosenAgreement(), parties: [{ actorId: FOSEN, role: 'coordinator' }, { actorId: ORLAND, role: 'service_provider' }] };
    let agreement = await create(twoParties);
    agreement = await json<AgreementDetail>(await decide(as.fosen, agreement, FOSEN, { decision: 'accepted' }), 200);
    agreement = await json<AgreementDetail>(await decide(as.orland, agreement, ORLAND, { decision: 'accepted' }), 200);
    // A draft is not signed by acceptances: its text may still change.
    expect(agreement.status).toBe('draft');
    const sent = await json<AgreementDetail>(await transition(agreement, { to: 'negotiating' }), 200);
    expect(sent.status).toBe('signed');
    expect(sent.transitions.slice(-2)).toMatchObject([{ to: 'negotiating' }, { from: 'negotiating', to: 'signed', noteCode: 'signed_by_acceptance', note: null }]);
  });

  it('is not signed by acceptances of an older text: an edit of the draft asks every party again', async () => {
    const twoParties = { ...fosenAgreement(), parties: [{ actorId: FOSEN, role: 'coordinator' }, { actorId: ORLAND, role: 'service_provider' }] };
    let agreement = await create(twoParties);
    agreement = await json<AgreementDetail>(await decide(as.fosen, agreement, FOSEN, { decision: 'accepted' }), 200);
    agreement = await json<AgreementDetail>(await decide(as.orland, agreement, ORLAND, { decision: 'accepted' }), 200);
    const edited = await json<AgreementDetail>(
      await server.request(`/api/agreements/${agreement.id}`, jsonBody('PATCH', { description: 'Ny tekst etter at partene godtok' }, ifMatch(agreement.version))),
      200,
    );
    expect(edited.parties.every((p) => p.acceptedAt === null)).toBe(true);
    const sent = await json<AgreementDetail>(await transition(edited, { to: 'negotiating' }), 200);
    expect(sent.status).toBe('negotiating');
  });

  it('takes no acceptance from whoever writes the agreement: a party accepts only for itself (400 naming the field)', async () => {
    const forged = { ...fosenAgreement(), parties: [{ actorId: FOSEN, role: 'coordinator', acceptedAt: new Date().toISOString() }, { actorId: ORLAND, role: 'service_provider', acceptedAt: new Date().toISOString() }] };
    const before = await server.database.db.selectFrom('agreement').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const refused = await as.fosen('/api/agreements', jsonBody('POST', forged));
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as Problem).errors?.map((e) => e.path)).toContain('parties.0.acceptedAt');
    const after = await server.database.db.selectFrom('agreement').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('signs without a reason once every party has accepted, and "Klar til signering" asks the parties (negotiating)', async () => {
    let agreement = await sentToParties();
    expect(agreement.status).toBe('negotiating');
    for (const [request, party] of [[as.fosen, FOSEN], [as.orland, ORLAND]] as const) {
      agreement = await json<AgreementDetail>(await decide(request, agreement, party, { decision: 'accepted' }), 200);
    }
    // Osen bibliotek has no account here: the county cannot click for it, so it signs with a reason or waits.
    expect((await transition(agreement, { to: 'signed' })).status).toBe(409);
    await server.database.db.updateTable('agreement_party').set({ accepted_at: new Date() }).where('agreement_id', '=', agreement.id).where('actor_id', '=', OSEN).execute();
    agreement = await read(agreement.id);
    const signed = await json<AgreementDetail>(await transition(agreement, { to: 'signed' }), 200);
    expect(signed.transitions.at(-1)).toMatchObject({ to: 'signed', note: null });
  });
});

describe('the calendar', () => {
  async function signedAgreement(dates: { startDate: string | null; endDate: string | null }): Promise<AgreementDetail> {
    const agreement = await json<AgreementDetail>(await transition(await create(fosenAgreement(dates)), { to: 'negotiating' }), 200);
    return json<AgreementDetail>(await transition(agreement, { to: 'signed', overrideReason: 'Test av kalenderen' }), 200);
  }

  it('moves a signed agreement: active on its start date, expiring within the window, expired after its end — each once', async () => {
    const agreement = await signedAgreement({ startDate: '2031-01-01', endDate: '2031-12-31' });
    const moves = async (day: string) => (await applyAgreementCalendar(server.database.db, day)).filter((m) => m.id === agreement.id).map((m) => m.to);
    expect(await moves('2030-12-31')).toEqual([]);
    expect(await moves('2031-01-01')).toEqual(['active']);
    expect(await moves('2031-01-01')).toEqual([]);
    expect(await moves('2031-10-02')).toEqual(['expiring']);
    expect(await moves('2031-12-31')).toEqual([]);
    expect(await moves('2032-01-01')).toEqual(['expired']);
    const after = await json<AgreementDetail>(await server.request(`/api/agreements/${agreement.id}`), 200);
    expect(after.transitions.slice(-3).map((t) => [t.from, t.to, t.byUserId])).toEqual([
      ['signed', 'active', null],
      ['active', 'expiring', null],
      ['expiring', 'expired', null],
    ]);
    const audit = await server.database.db.selectFrom('audit_entry').select(['action', 'user_id']).where('entity_id', '=', agreement.id).where('action', '=', 'transition').execute();
    expect(audit.filter((a) => a.user_id === null)).toHaveLength(3);
  });

  it('is never stale on read: an agreement that has ended reads as expired, is acted on as expired (409), and no longer counts in coverage', async () => {
    const ended = await signedAgreement({ startDate: '2025-07-01', endDate: '2026-06-30' });
    const before = await json<Coverage>(await server.request(`/api/coverage?studyCentre=${FOSEN}&asOf=2026-03-01`), 200);
    expect(before.municipalities.find((m) => m.number === '5020')?.libraries.find((l) => l.id === OSEN)?.agreements.map((a) => a.id)).toContain(ended.id);
    const now = await read(ended.id);
    expect(now.status).toBe('expired');
    expect(now.allowedTransitions).toEqual([]);
    expect((await transition(now, { to: 'terminated' })).status).toBe(409);
    expect((await server.request(`/api/agreements/${now.id}`, jsonBody('PATCH', { endDate: '2027-06-30' }, ifMatch(now.version)))).status).toBe(409);
    const coverage = await json<Coverage>(await server.request(`/api/coverage?studyCentre=${FOSEN}`), 200);
    expect(coverage.municipalities.find((m) => m.number === '5020')?.libraries.find((l) => l.id === OSEN)?.agreements.map((a) => a.id) ?? []).not.toContain(ended.id);
    expect((await server.request(`/api/coverage?studyCentre=${FOSEN}&asOf=31.12.2026`)).status).toBe(400);
  });

  it("follows the county's window for expiring, which only the county changes (If-Match)", async () => {
    const settings = await server.request('/api/agreement-settings');
    const current = await json<AgreementSettings>(settings, 200);
    expect(current.expiringDays).toBe(90);
    expect((await as.fosen('/api/agreement-settings', jsonBody('PUT', { expiringDays: 30 }, ifMatch(current.version)))).status).toBe(403);
    expect((await json<Problem>(await server.request('/api/agreement-settings', jsonBody('PUT', { expiringDays: 1000 }, ifMatch(current.version))), 400)).errors?.[0]).toMatchObject({ path: 'expiringDays' });
    const agreement = await signedAgreement({ startDate: today, endDate: plusDays(60) });
    expect((await read(agreement.id)).status).toBe('expiring');
    const changed = await json<AgreementSettings>(await server.request('/api/agreement-settings', jsonBody('PUT', { expiringDays: 30 }, ifMatch(current.version))), 200);
    expect(changed.expiringDays).toBe(30);
    expect((await server.request('/api/agreement-settings', jsonBody('PUT', { expiringDays: 45 }, ifMatch(current.version)))).status).toBe(412);
    expect((await read(agreement.id)).status).toBe('active');
    await server.request('/api/agreement-settings', jsonBody('PUT', { expiringDays: 90 }, ifMatch(changed.version)));
  });
});

describe('renewal', () => {
  it('allows one renewal: of two at once, the second gets 409 problem+json, and one row exists', async () => {
    const agreement = await json<AgreementDetail>(await transition(await create(fosenAgreement({ startDate: '2024-01-01', endDate: '2026-06-30' })), { to: 'negotiating' }), 200);
    await transition(agreement, { to: 'signed', overrideReason: 'Test av fornyelse' });
    const [first, second] = await Promise.all([1, 2].map(() => server.request(`/api/agreements/${agreement.id}/renewals`, jsonBody('POST', { endDate: '2029-06-30' }))));
    expect([first?.status, second?.status].sort()).toEqual([201, 409]);
    const refused = [first, second].find((r) => r?.status === 409);
    expect(refused?.headers.get('content-type')).toContain('application/problem+json');
    const renewals = await server.database.db.selectFrom('agreement').select(['start_date']).where('renews_id', '=', agreement.id).execute();
    expect(renewals).toEqual([{ start_date: '2026-07-01' }]);
  });
});

describe('editing', () => {
  it('changes everything while negotiated, asks every party again, and refuses dates out of order with nothing changed', async () => {
    let agreement = await sentToParties();
    agreement = await json<AgreementDetail>(await decide(as.fosen, agreement, FOSEN, { decision: 'accepted' }), 200);
    const patch = (body: unknown, version: number) => server.request(`/api/agreements/${agreement.id}`, jsonBody('PATCH', body, ifMatch(version)));
    const bad = await json<Problem>(await patch({ startDate: plusDays(10), endDate: plusDays(5) }, agreement.version), 400);
    expect(bad.errors).toEqual([expect.objectContaining({ path: 'endDate', code: 'end_before_start' })]);
    expect(partyOf(await read(agreement.id), FOSEN)?.acceptedAt).not.toBeNull();
    const changed = await json<AgreementDetail>(await patch({ title: 'Samarbeidsavtale Fosen 2027', endDate: plusDays(365) }, agreement.version), 200);
    expect(changed).toMatchObject({ title: 'Samarbeidsavtale Fosen 2027', endDate: plusDays(365), status: 'negotiating' });
    expect(changed.parties.every((p) => p.acceptedAt === null)).toBe(true);
  });
});

describe('amendments', () => {
  it('once signed, a change is an amendment: a version with what changed and why, in force when every party it touches has accepted it', async () => {
    const osenStudyPlaces = await addService(server, OSEN, 'study_places');
    const orlandRooms = await addService(server, ORLAND, 'group_rooms');
    let agreement = await json<AgreementDetail>(await transition(await create(), { to: 'negotiating' }), 200);
    await transition(agreement, { to: 'signed', overrideReason: 'Test av endringer' });
    agreement = await read(agreement.id);
    expect(agreement.status).toBe('active');
    const amend = (body: unknown, version: number, request: RequestAs = server.request) =>
      request(`/api/agreements/${agreement.id}/amendments`, jsonBody('POST', body, ifMatch(version)));

    // Bad input: nothing changed, a service of another party, no reason; nothing written.
    expect((await json<Problem>(await amend({ reason: 'Ingenting' }, agreement.version), 400)).errors?.[0]).toMatchObject({ code: 'amendment_empty' });
    expect((await json<Problem>(await amend({ reason: 'Feil', services: [{ actorId: OSEN, serviceIds: [orlandRooms] }] }, agreement.version), 400)).errors?.[0]).toMatchObject({
      path: 'services.0.serviceIds.0',
      code: 'service_not_of_party',
    });
    expect((await amend({ services: [{ actorId: OSEN, serviceIds: [osenStudyPlaces] }] }, agreement.version)).status).toBe(400);
    expect((await amend({ reason: 'Orland vil', services: [{ actorId: OSEN, serviceIds: [osenStudyPlaces] }] }, agreement.version, as.orland)).status).toBe(403);
    expect((await read(agreement.id)).amendments).toEqual([]);

    // Osen adds study places: the amendment touches Osen only.
    const mailsBefore = mail.mails.length;
    agreement = await json<AgreementDetail>(await amend({ reason: 'Osen tilbyr lesesalsplasser', services: [{ actorId: OSEN, serviceIds: [osenStudyPlaces] }] }, agreement.version), 200);
    // Only the parties it touches are mailed: Osen has neither people nor an address here, so no one is.
    expect(mail.mails.slice(mailsBefore).filter((m) => m.subject.includes('Endring til godkjenning'))).toEqual([]);
    const [amendment] = agreement.amendments;
    expect(amendment).toMatchObject({ number: 2, reason: 'Osen tilbyr lesesalsplasser', status: 'proposed', changes: [{ field: 'services', actorId: OSEN, before: [], after: [osenStudyPlaces] }] });
    expect(amendment?.parties.map((p) => p.actorName)).toEqual(['Osen bibliotek']);
    expect(partyOf(agreement, OSEN)?.services).toEqual([]);
    expect((await amend({ reason: 'En til', endDate: plusDays(800) }, agreement.version)).status).toBe(409);

    // Only Osen accepts it (the county may not, for a library); then it is in force.
    const accept = (request: RequestAs, actorId: string, version: number) =>
      request(`/api/agreements/${agreement.id}/amendments/${amendment?.id}/parties/${actorId}/accept`, { method: 'POST', headers: ifMatch(version) });
    expect((await accept(server.request, OSEN, agreement.version)).status).toBe(403);
    expect((await accept(as.orland, ORLAND, agreement.version)).status).toBe(404);
    await server.database.db.insertInto('membership').values({ user_id: (await server.database.db.selectFrom('app_user').select('id').where('email', '=', 'orland@test.invalid').executeTakeFirstOrThrow()).id, organisation_id: OSEN, role: 'library_editor' }).execute();
    const osen = await server.as('orland@test.invalid', OSEN);
    expect((await accept(osen, OSEN, agreement.version - 1)).status).toBe(412);
    agreement = await json<AgreementDetail>(await accept(osen, OSEN, agreement.version), 200);
    expect(agreement.amendments[0]).toMatchObject({ status: 'in_force' });
    expect(agreement.amendments[0]?.inForceAt).not.toBeNull();
    expect(partyOf(agreement, OSEN)?.services.map((s) => s.serviceId)).toEqual([osenStudyPlaces]);
    expect((await accept(osen, OSEN, agreement.version)).status).toBe(409);

    // A longer period touches every party.
    const beforeLonger = mail.mails.length;
    agreement = await json<AgreementDetail>(await amend({ reason: 'Forlenget ett år', endDate: plusDays(1095) }, agreement.version), 200);
    // Each party it touches is told by e-mail, with the reason and a link to its own app.
    await expect.poll(() => mail.mails.slice(beforeLonger).filter((m) => m.subject.startsWith('Endring til godkjenning')).length, { timeout: 5000 }).toBeGreaterThanOrEqual(3);
    const amendmentMails = mail.mails.slice(beforeLonger).filter((m) => m.subject.startsWith('Endring til godkjenning'));
    const toFosen = amendmentMails.find((m) => m.to.includes('fosen@demo.kompetansebro.no'));
    expect(toFosen?.text).toContain('Begrunnelse: Forlenget ett år');
    expect(toFosen?.text).toContain(`/studiesenter/avtaler/${agreement.id}`);
    expect(amendmentMails.filter((m) => m.to.includes('orland@test.invalid')).map((m) => m.text.includes(`/bibliotek/avtaler/${agreement.id}`))).toEqual([true, true]);
    expect(amendmentMails.some((m) => m.to.includes('fylke@demo.kompetansebro.no'))).toBe(false);
    expect(agreement.amendments[1]).toMatchObject({ number: 3, changes: [{ field: 'endDate', before: plusDays(730), after: plusDays(1095) }] });
    expect(agreement.amendments[1]?.parties.map((p) => p.actorName)).toEqual(['Fosen studiesenter', 'Ørland bibliotek', 'Osen bibliotek']);
    expect(agreement.endDate).toBe(plusDays(730));
    // It waits in the study centre's tasks.
    const tasks = await json<Page<PendingAcceptance>>(await as.fosen('/api/agreement-acceptances?kind=amendment'), 200);
    expect(tasks.items).toContainEqual(expect.objectContaining({ agreementId: agreement.id, actorId: FOSEN, amendmentNumber: 3 }));
    expect(tasks.items.every((task) => task.amendmentNumber !== null)).toBe(true);

    // Every version keeps its document: the signed text without Osen's study places, version 2 with them.
    const documentOf = (version: string) => server.request(`/api/agreements/${agreement.id}/document?format=docx&version=${version}`);
    const textOf = async (version: string) => docxText(new Uint8Array(await (await documentOf(version)).arrayBuffer()));
    expect(await textOf('1')).not.toContain('Osen bibliotek: Lesesalsplasser');
    expect(await textOf('2')).toContain('Osen bibliotek: Lesesalsplasser');
    expect((await documentOf('2')).headers.get('Content-Disposition')).toContain('versjon 2.docx');
    expect((await documentOf('3')).status).toBe(404);
    expect((await documentOf('0')).status).toBe(400);
  });
});

describe('fulfilment at a glance', () => {
  it('flags a committed service archived, unconfirmed for 12 months or with its hours gone', async () => {
    const db = server.database.db;
    const [rooms, places, loans] = [await addService(server, ORLAND, 'group_rooms'), await addService(server, ORLAND, 'study_places'), await addService(server, ORLAND, 'interlibrary_loan')];
    await db.updateTable('service').set({ confirmed_at: today, weekly_hours: 10 }).where('id', 'in', [rooms, places, loans]).execute();
    const body = fosenAgreement();
    const agreement = await create({ ...body, parties: body.parties.map((p) => (p.actorId === ORLAND ? { ...p, serviceIds: [rooms, places, loans] } : p)) });
    expect(partyOf(agreement, ORLAND)?.services.map((s) => s.fulfilment)).toEqual(['met', 'met', 'met']);
    await db.updateTable('service').set({ archived_at: new Date() }).where('id', '=', rooms).execute();
    await db.updateTable('service').set({ confirmed_at: plusDays(-400) }).where('id', '=', places).execute();
    await db.updateTable('service').set({ weekly_hours: 0 }).where('id', '=', loans).execute();
    const after = await read(agreement.id);
    expect(Object.fromEntries(partyOf(after, ORLAND)?.services.map((s) => [s.type, s.fulfilment]) ?? [])).toEqual({
      group_rooms: 'archived',
      study_places: 'unconfirmed',
      interlibrary_loan: 'no_hours',
    });
  });

  it('lists the binding agreements with a commitment no longer met, with how many, for the overview', async () => {
    const db = server.database.db;
    const kept = await addService(server, ORLAND, 'study_places');
    const lapsing = await addService(server, ORLAND, 'group_rooms');
    await db.updateTable('service').set({ confirmed_at: today, weekly_hours: 10 }).where('id', 'in', [kept, lapsing]).execute();
    const body = fosenAgreement();
    const withServices = (serviceIds: string[]) => ({ ...body, parties: body.parties.map((p) => (p.actorId === ORLAND ? { ...p, serviceIds } : p)) });
    const sign = async (agreement: AgreementDetail) => {
      const negotiating = await json<AgreementDetail>(await transition(agreement, { to: 'negotiating' }), 200);
      return json<AgreementDetail>(await transition(negotiating, { to: 'signed', overrideReason: 'Test av oppfyllelse' }), 200);
    };
    const binding = await sign(await create(withServices([kept, lapsing])));
    const alsoBinding = await sign(await create(withServices([kept])));
    const draft = await create(withServices([lapsing]));
    const unmetIds = async () => (await json<{ items: { id: string; unmetCommitments: number }[] }>(await server.request('/api/agreements?commitments=unmet&pageSize=100'), 200)).items;

    expect((await unmetIds()).map((a) => a.id)).not.toContain(binding.id);
    // Confirmed 366 days ago: no longer within the 12 months.
    await db.updateTable('service').set({ confirmed_at: plusDays(-366) }).where('id', '=', lapsing).execute();
    const listed = await unmetIds();
    expect(listed.find((a) => a.id === binding.id)?.unmetCommitments).toBe(1);
    // A draft does not bind, and an agreement whose commitments are met is not flagged.
    expect(listed.map((a) => a.id)).not.toContain(draft.id);
    expect(listed.map((a) => a.id)).not.toContain(alsoBinding.id);
    // Confirmed 365 days ago still holds (the day boundary agrees with the agreement page).
    await db.updateTable('service').set({ confirmed_at: plusDays(-365) }).where('id', '=', lapsing).execute();
    expect((await unmetIds()).map((a) => a.id)).not.toContain(binding.id);
    expect(partyOf(await read(binding.id), ORLAND)?.services.every((s) => s.fulfilment === 'met')).toBe(true);
    // Bad input names the field.
    expect((await json<Problem>(await server.request('/api/agreements?commitments=all'), 400)).errors).toEqual([expect.objectContaining({ path: 'query.commitments' })]);
  });
});

describe('a party twice, or a service not its own', () => {
  it('is refused with 400 naming the field', async () => {
    const twice = { ...fosenAgreement(), parties: [{ actorId: FOSEN, role: 'coordinator' }, { actorId: ORLAND, role: 'partner' }, { actorId: ORLAND, role: 'partner' }] };
    expect((await json<Problem>(await server.request('/api/agreements', jsonBody('POST', twice)), 400)).errors).toEqual([
      expect.objectContaining({ path: 'parties.2.actorId', code: 'agreement_duplicate_party' }),
    ]);
    expect(NAMSOS).toBeTruthy();
  });
});
