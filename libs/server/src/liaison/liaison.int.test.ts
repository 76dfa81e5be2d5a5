import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mainLibraryKey, sampleId } from '@kompetansebro/db';
import { addDays, compareNorwegian, todayInNorway, type ActivityDetail, type LiaisonActivity, type LiaisonLibrary, type LiaisonNote, type Needs, type Page, type Problem, type StudentCountSet } from '@kompetansebro/domain';
import { jsonBody, startTestServer, type RequestAs, type TestServer } from '@kompetansebro/testing/server';
import { createApp } from '../app';
import { json } from '../testing/fixture.test';
import { startMailCatcher, type MailCatcher } from '../auth/mail-catcher.test-support';
import { createMailer } from '../auth/mail';
import { sendLiaisonDigest } from './digest.repository';

let server: TestServer;
let mail: MailCatcher;
let ntnu: RequestAs;
let nord: RequestAs;
let namsos: RequestAs;

const NTNU = 'ntnu@demo.kompetansebro.no';
const NORD = 'nord@demo.kompetansebro.no';
const NTNU_LIBRARY = sampleId('actor', 'ntnu-library');
const NORD_LIBRARY = sampleId('actor', 'nord-library');
const NAMSOS_LIBRARY = sampleId('actor', mainLibraryKey('5007'));
const TRONDHEIM_LIBRARY = sampleId('actor', mainLibraryKey('5001'));
const NAMDAL = sampleId('region', 'Namdal');
const COMING_WEBINAR = sampleId('activity', 'webinar-interlibrary-loan-2027');
const PAST_WEBINAR = sampleId('activity', 'webinar-interlibrary-loan-2026');

beforeAll(async () => {
  mail = await startMailCatcher();
  server = await startTestServer(createApp);
  ntnu = await server.as(NTNU);
  nord = await server.as(NORD);
  namsos = await server.as('namsos@demo.kompetansebro.no');
});
afterAll(async () => {
  await server.close();
  await mail.close();
});


const putCounts = (as: RequestAs, counts: unknown, version: number | null, period = 'current') =>
  as(`/api/liaison/student-counts?period=${period}`, jsonBody('PUT', { counts }, version === null ? {} : { 'If-Match': `"${version}"` }));

describe('libraries for the liaison', () => {
  it('finds the libraries in Namdal that offer pick-up of university loans, and no others', async () => {
    const page = await json<Page<LiaisonLibrary>>(await ntnu(`/api/liaison/libraries?region=${NAMDAL}&service=university_loan_pickup&pageSize=100`), 200);
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.map((l) => l.name)).toContain('Namsos bibliotek');
    for (const library of page.items) {
      expect(library.regionName).toBe('Namdal');
      expect(library.services.map((s) => s.type)).toContain('university_loan_pickup');
    }
    const all = await json<Page<LiaisonLibrary>>(await ntnu(`/api/liaison/libraries?region=${NAMDAL}&pageSize=100`), 200);
    expect(all.total).toBeGreaterThan(page.total);
  });

  it('finds libraries by their name or their municipality', async () => {
    const page = await json<Page<LiaisonLibrary>>(await ntnu('/api/liaison/libraries?q=namsos&pageSize=100'), 200);
    expect(page.items.map((l) => l.name)).toContain('Namsos bibliotek');
    expect(page.total).toBe(page.items.length);
    for (const library of page.items) expect(`${library.name} ${library.municipalityName ?? ''}`.toLowerCase()).toContain('namsos');
  });

  it('gives the libraries by name when asked (a picker), a page at a time, the same ones as by region', async () => {
    const names = async (query: string) => (await json<Page<LiaisonLibrary>>(await ntnu(`/api/liaison/libraries?${query}`), 200)).items.map((l) => l.name);
    const byName = [...(await names('sort=name&pageSize=20')), ...(await names('sort=name&page=2&pageSize=20'))];
    expect(byName).toEqual([...byName].sort(compareNorwegian));
    // Page 2 by name goes on where page 1 stopped; by name or by region, the same libraries.
    const all = await names('sort=name&pageSize=100');
    expect(byName).toEqual(all.slice(0, byName.length));
    expect([...all].sort(compareNorwegian)).toEqual([...(await names('pageSize=100'))].sort(compareNorwegian));
    expect(all).not.toEqual(await names('pageSize=100'));
  });

  it('answers a bad filter with 400 naming the field', async () => {
    const problem = await json<Problem>(await ntnu('/api/liaison/libraries?service=coffee'), 400);
    expect(problem.errors?.map((e) => e.path)).toContain('query.service');
    const sort = await json<Problem>(await ntnu('/api/liaison/libraries?sort=size'), 400);
    expect(sort.errors?.map((e) => e.path)).toContain('query.sort');
  });

  it('exports what the filters show', async () => {
    const response = await ntnu(`/api/liaison/libraries/export?format=csv&region=${NAMDAL}&service=university_loan_pickup`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain('Namsos bibliotek');
    expect(text).not.toContain('Trondheim folkebibliotek');
  });
});

describe('student counts and needs', () => {
  it('saves the counts with If-Match, shows the gaps, refuses a stale save and keeps them to the university', async () => {
    const empty = await json<StudentCountSet>(await ntnu('/api/liaison/student-counts'), 200);
    expect(empty).toMatchObject({ organisationId: NTNU_LIBRARY, version: 0, counts: [] });

    const counts = [
      { municipalityNumber: '5007', count: 12 },
      { municipalityNumber: '5042', count: 3 },
      { municipalityNumber: '5060', count: 7 },
    ];
    expect((await putCounts(ntnu, counts, null)).status).toBe(428);
    const saved = await json<StudentCountSet>(await putCounts(ntnu, counts, 0), 200);
    expect(saved.version).toBe(1);
    expect(saved.counts).toHaveLength(3);

    // A second editor who read version 0 is told, and nothing of theirs is written.
    const stale = await putCounts(ntnu, [{ municipalityNumber: '5007', count: 1 }], 0);
    expect(stale.status).toBe(412);
    expect((await json<StudentCountSet>(await ntnu('/api/liaison/student-counts'), 200)).counts).toEqual(saved.counts);

    const needs = await json<Needs>(await ntnu('/api/liaison/needs'), 200);
    const lierne = needs.municipalities.find((m) => m.municipalityNumber === '5042');
    expect(lierne?.students).toBe(3);
    const namsosRow = needs.municipalities.find((m) => m.municipalityNumber === '5007');
    expect(namsosRow?.libraries.university_loan_pickup).toBeGreaterThan(0);

    // Nord sees neither NTNU's counts nor its needs; the county reads them.
    expect((await nord(`/api/liaison/student-counts?organisation=${NTNU_LIBRARY}`)).status).toBe(404);
    expect((await nord(`/api/liaison/needs?organisation=${NTNU_LIBRARY}`)).status).toBe(404);
    expect((await json<StudentCountSet>(await nord('/api/liaison/student-counts'), 200)).counts).toEqual([]);
    const county = await json<StudentCountSet>(await server.request(`/api/liaison/student-counts?organisation=${NTNU_LIBRARY}`), 200);
    expect(county.counts).toEqual(saved.counts);
    expect((await server.request('/api/liaison/student-counts', jsonBody('PUT', { counts }, { 'If-Match': '"1"' }))).status).toBe(403);

    const audit = await server.database.db.selectFrom('audit_entry').select('action').where('entity', '=', 'student_counts').execute();
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('answers bad counts with 400 naming each field', async () => {
    const problem = await json<Problem>(
      await putCounts(ntnu, [{ municipalityNumber: '5007', count: -1 }, { municipalityNumber: '5042', count: 2 }, { municipalityNumber: '9999', count: 1.5 }], 1),
      400,
    );
    expect(problem.errors?.map((e) => e.path)).toEqual(['counts.0.count', 'counts.2.count']);
    const duplicate = await json<Problem>(await putCounts(ntnu, [{ municipalityNumber: '5007', count: 1 }, { municipalityNumber: '5007', count: 2 }], 1), 400);
    expect(duplicate.errors?.[0]).toMatchObject({ path: 'counts.1.municipalityNumber', code: 'duplicate_municipality' });
    const unknown = await json<Problem>(await putCounts(ntnu, [{ municipalityNumber: '9999', count: 1 }], 1), 400);
    expect(unknown.errors?.[0]).toMatchObject({ path: 'counts.0.municipalityNumber', code: 'unknown_municipality' });
    expect((await json<Problem>(await ntnu('/api/liaison/needs?period=neste'), 400)).errors?.[0]?.path).toBe('query.period');
  });
});

describe('cooperation channels', () => {
  it('keeps a note to the parties, keeps every edit, and refuses a stale edit', async () => {
    const note = await json<LiaisonNote>(await ntnu('/api/liaison/notes', jsonBody('POST', { target: { actorId: NAMSOS_LIBRARY }, body: 'Kan dere ta imot hentelån fra NTNU?' })), 201);
    expect(note).toMatchObject({ universityId: NTNU_LIBRARY, targetName: 'Namsos bibliotek', mine: true, version: 1, history: [] });

    const edited = await json<LiaisonNote>(await ntnu(`/api/liaison/notes/${note.id}`, jsonBody('PATCH', { body: 'Kan dere ta imot hentelån fra NTNU fra januar?' }, { 'If-Match': '"1"' })), 200);
    expect(edited.version).toBe(2);
    expect(edited.history).toEqual([expect.objectContaining({ version: 1, body: 'Kan dere ta imot hentelån fra NTNU?' })]);
    expect((await ntnu(`/api/liaison/notes/${note.id}`, jsonBody('PATCH', { body: 'Gammel' }, { 'If-Match': '"1"' }))).status).toBe(412);

    // The library reads it (and may not edit it); Nord does not see it at all.
    const forNamsos = await json<Page<LiaisonNote>>(await namsos('/api/liaison/notes'), 200);
    expect(forNamsos.items.map((n) => n.id)).toContain(note.id);
    expect((await namsos(`/api/liaison/notes/${note.id}`, jsonBody('PATCH', { body: 'Nei' }, { 'If-Match': '"2"' }))).status).toBe(403);
    const forNord = await json<Page<LiaisonNote>>(await nord('/api/liaison/notes'), 200);
    expect(forNord.items.map((n) => n.id)).not.toContain(note.id);
    expect((await nord(`/api/liaison/notes/${note.id}`)).status).toBe(404);
    expect((await json<Page<unknown>>(await nord('/api/liaison/threads'), 200)).items).toEqual([]);
    expect((await json<Page<{ targetName: string }>>(await ntnu('/api/liaison/threads'), 200)).items.map((t) => t.targetName)).toContain('Namsos bibliotek');

    // The library answers in the thread, naming the university library.
    const reply = await namsos('/api/liaison/notes', jsonBody('POST', { target: { actorId: NAMSOS_LIBRARY }, universityId: NTNU_LIBRARY, body: 'Ja, gjerne.' }));
    expect(reply.status).toBe(201);
    const elsewhere = await namsos('/api/liaison/notes', jsonBody('POST', { target: { actorId: sampleId('actor', mainLibraryKey('5001')) }, universityId: NTNU_LIBRARY, body: 'Hei' }));
    // A library it cannot see is answered as unknown, telling nothing about it.
    expect(elsewhere.status).toBe(400);
  });

  it('pages the channels, latest note first, and finds one by the name of its library, region or university library', async () => {
    await json(await ntnu('/api/liaison/notes', jsonBody('POST', { target: { actorId: TRONDHEIM_LIBRARY }, body: 'Lesesal i eksamenstida?' })), 201);
    await json(await ntnu('/api/liaison/notes', jsonBody('POST', { target: { regionId: NAMDAL }, body: 'Studenter i Namdal' })), 201);
    type Channel = { universityName: string | null; targetName: string; lastNoteAt: string };
    const threads = async (query: string) => json<Page<Channel>>(await ntnu(`/api/liaison/threads?${query}`), 200);
    const every = await threads('pageSize=100');
    expect(every.total).toBe(every.items.length);
    expect(every.items.map((t) => t.targetName).slice(0, 3)).toEqual(['Namdal', 'Trondheim folkebibliotek', 'Namsos bibliotek']);
    expect(every.items.map((t) => t.lastNoteAt)).toEqual(every.items.map((t) => t.lastNoteAt).sort().reverse());

    const second = await threads('pageSize=1&page=2');
    expect(second).toMatchObject({ total: every.total, page: 2, pageSize: 1, items: [every.items[1]] });

    const namsos = await threads('q=namsos');
    expect(namsos.items.map((t) => t.targetName)).toEqual(['Namsos bibliotek']);
    expect((await threads('q=namdal')).items.map((t) => t.targetName)).toEqual(['Namdal']);
    // The university library's own name finds every channel it is a party to.
    expect((await threads('q=NTNU&pageSize=100')).total).toBe(every.total);
    expect(await threads('q=finnes-ikke')).toMatchObject({ total: 0, items: [] });

    const bad = await json<Problem>(await ntnu('/api/liaison/threads?pageSize=0'), 400);
    expect(bad.errors?.map((e) => e.path)).toEqual(['query.pageSize']);
  });

  it('answers a bad note with 400 naming the field', async () => {
    const empty = await json<Problem>(await ntnu('/api/liaison/notes', jsonBody('POST', { target: { actorId: NAMSOS_LIBRARY }, body: '   ' })), 400);
    expect(empty.errors?.map((e) => e.path)).toContain('body');
    const notLibrary = await json<Problem>(await ntnu('/api/liaison/notes', jsonBody('POST', { target: { actorId: NORD_LIBRARY }, body: 'Hei' })), 400);
    expect(notLibrary.errors?.[0]).toMatchObject({ path: 'target.actorId', code: 'target_not_found' });
  });

  it('mails a digest of new notes to those who ask, never the same note twice', async () => {
    expect(await json<{ subscribed: boolean }>(await namsos('/api/liaison/digest-subscription', jsonBody('PUT', { subscribed: true })), 200)).toEqual({ subscribed: true });
    const mailer = createMailer({ smtpUrl: mail.url, from: 'Kompetansebro <ikke-svar@test.invalid>' }, { info: () => undefined, error: () => undefined });
    const options = { liaisonUrl: 'http://localhost/universitet' };
    const db = server.database.db;
    // Notes from before the opt-in are not news.
    expect(await sendLiaisonDigest(db, mailer, options)).toEqual({ mails: 0, notes: 0 });

    await json(await ntnu('/api/liaison/notes', jsonBody('POST', { target: { actorId: NAMSOS_LIBRARY }, body: 'Nytt om eksamen i Namsos' })), 201);
    await json(await nord('/api/liaison/notes', jsonBody('POST', { target: { actorId: NAMSOS_LIBRARY }, body: 'Nord: møte i mars?' })), 201);
    expect(await sendLiaisonDigest(db, mailer, options)).toEqual({ mails: 1, notes: 2 });
    const message = await mail.next('namsos@demo.kompetansebro.no');
    expect(message.text).toContain('Nytt om eksamen i Namsos');
    expect(message.text).toContain('Nord: møte i mars?');
    expect(await sendLiaisonDigest(db, mailer, options)).toEqual({ mails: 0, notes: 0 });

    // NTNU's liaison has not asked: nothing to it.
    expect(mail.mails.filter((m) => m.to.includes(NTNU))).toEqual([]);
    mailer.close();
  });
});

describe('notes a library starts', () => {
  type Thread = { universityId: string | null; universityName: string | null; targetActorId: string | null; targetName: string };
  const threadsOf = async (as: RequestAs) => (await json<Page<Thread>>(await as('/api/liaison/threads?pageSize=100'), 200)).items;
  const auditOf = (id: string) => server.database.db.selectFrom('audit_entry').select(['action', 'user_id']).where('entity', '=', 'liaison_note').where('entity_id', '=', id).execute();

  it('a library starts a note to a university library: that university reads it in its channels, the other does not; audited', async () => {
    const note = await json<LiaisonNote>(
      await namsos('/api/liaison/notes', jsonBody('POST', { target: { actorId: NAMSOS_LIBRARY }, universityId: NORD_LIBRARY, body: 'Kan Nord låne ut lesesalen vår til eksamen i juni?' })),
      201,
    );
    expect(note).toMatchObject({ universityId: NORD_LIBRARY, universityName: 'Nord universitetsbibliotek', targetActorId: NAMSOS_LIBRARY, mine: true });
    // Whom it may write to, though it reads no other actor.
    const universities = await json<{ items: { id: string; name: string }[] }>(await namsos('/api/liaison/universities'), 200);
    expect(universities.items.map((u) => u.id).sort()).toEqual([NTNU_LIBRARY, NORD_LIBRARY].sort());
    expect((await threadsOf(nord)).some((t) => t.universityId === NORD_LIBRARY && t.targetActorId === NAMSOS_LIBRARY)).toBe(true);
    const forNord = await json<Page<LiaisonNote>>(await nord(`/api/liaison/notes?actor=${NAMSOS_LIBRARY}&pageSize=100`), 200);
    expect(forNord.items.map((n) => n.id)).toContain(note.id);
    expect((await ntnu(`/api/liaison/notes/${note.id}`)).status).toBe(404);
    expect(await auditOf(note.id)).toEqual([expect.objectContaining({ action: 'create' })]);
  });

  it('a library writes to the county: the county reads and answers it in its inbox, no university library sees the channel', async () => {
    const county = await server.as('fylke@demo.kompetansebro.no');
    const unreadForCounty = async () => (await json<{ count: number }>(await county('/api/liaison/unread'), 200)).count;
    const before = await unreadForCounty();

    const note = await json<LiaisonNote>(
      await namsos('/api/liaison/notes', jsonBody('POST', { target: { actorId: NAMSOS_LIBRARY }, universityId: null, body: 'Kan fylket dekke reisa til bibliotekmøtet?' })),
      201,
    );
    expect(note).toMatchObject({ universityId: null, universityName: null, targetActorId: NAMSOS_LIBRARY, targetName: 'Namsos bibliotek' });
    expect(await auditOf(note.id)).toEqual([expect.objectContaining({ action: 'create' })]);

    // The county's inbox: the channel, unread until opened, and the county answers in it.
    expect(await threadsOf(county)).toContainEqual(expect.objectContaining({ universityId: null, universityName: null, targetActorId: NAMSOS_LIBRARY }));
    expect(await unreadForCounty()).toBe(before + 1);
    const inCountyChannel = await json<Page<LiaisonNote>>(await county(`/api/liaison/notes?county=true&actor=${NAMSOS_LIBRARY}`), 200);
    expect(inCountyChannel.items.map((n) => n.id)).toEqual([note.id]);
    const answer = await json<LiaisonNote>(await county('/api/liaison/notes', jsonBody('POST', { target: { actorId: NAMSOS_LIBRARY }, universityId: null, body: 'Ja, send reiseregningen til oss.' })), 201);
    expect(answer.universityId).toBeNull();

    // The library sees both in the channel with the county, apart from its university channels.
    const forNamsos = await json<Page<LiaisonNote>>(await namsos(`/api/liaison/notes?county=true&actor=${NAMSOS_LIBRARY}`), 200);
    expect(forNamsos.items.map((n) => n.id).sort()).toEqual([note.id, answer.id].sort());
    const withNord = await json<Page<LiaisonNote>>(await namsos(`/api/liaison/notes?university=${NORD_LIBRARY}&actor=${NAMSOS_LIBRARY}&pageSize=100`), 200);
    expect(withNord.items.map((n) => n.id)).not.toContain(note.id);

    // No university library sees the channel between the library and the county.
    for (const university of [ntnu, nord]) {
      expect((await university(`/api/liaison/notes/${note.id}`)).status).toBe(404);
      expect((await threadsOf(university)).some((t) => t.universityId === null)).toBe(false);
    }
  });

  it('refuses a note where its writer may not write: another library, a region with the county, a university library in the county’s channel', async () => {
    const before = await server.database.db.selectFrom('liaison_note').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    // Another library's channel with the county: answered as unknown.
    const elsewhere = await json<Problem>(await namsos('/api/liaison/notes', jsonBody('POST', { target: { actorId: TRONDHEIM_LIBRARY }, universityId: null, body: 'Hei' })), 400);
    expect(elsewhere.errors?.[0]).toMatchObject({ path: 'target.actorId', code: 'target_not_found' });
    // A channel with the county is with a library, never a region.
    const region = await json<Problem>(await namsos('/api/liaison/notes', jsonBody('POST', { target: { regionId: NAMDAL }, universityId: null, body: 'Hei' })), 400);
    expect(region.errors?.[0]).toMatchObject({ path: 'universityId' });
    // A library is no university library to write to.
    const notUniversity = await json<Problem>(await namsos('/api/liaison/notes', jsonBody('POST', { target: { actorId: NAMSOS_LIBRARY }, universityId: TRONDHEIM_LIBRARY, body: 'Hei' })), 400);
    expect(notUniversity.errors?.[0]).toMatchObject({ path: 'universityId', code: 'university_not_found' });
    // A university library does not write in the channel between a library and the county.
    expect((await ntnu('/api/liaison/notes', jsonBody('POST', { target: { actorId: NAMSOS_LIBRARY }, universityId: null, body: 'Hei' }))).status).toBe(403);
    // A study centre writes no notes at all.
    const coordinator = await server.as('namdal@demo.kompetansebro.no');
    expect((await coordinator('/api/liaison/notes', jsonBody('POST', { target: { actorId: NAMSOS_LIBRARY }, universityId: null, body: 'Hei' }))).status).toBe(403);
    const after = await server.database.db.selectFrom('liaison_note').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});

describe('unread notes', () => {
  it('a note is unread for the receiving organisation until someone of it opens it; its own notes never are', async () => {
    const unread = async (as: RequestAs) => (await json<{ count: number }>(await as('/api/liaison/unread'), 200)).count;
    const markRead = (as: RequestAs, ids: string[]) => as('/api/liaison/notes/read', jsonBody('POST', { ids }));
    const before = { namsos: await unread(namsos), nord: await unread(nord) };

    const note = await json<LiaisonNote>(await nord('/api/liaison/notes', jsonBody('POST', { target: { actorId: NAMSOS_LIBRARY }, body: 'Har dere plass til en eksamen i mars?' })), 201);
    expect(await unread(namsos)).toBe(before.namsos + 1);
    // Nord wrote it: not unread for Nord.
    expect(await unread(nord)).toBe(before.nord);
    // NTNU cannot see Nord's channel: marking it read changes nothing for anyone.
    await json(await markRead(ntnu, [note.id]), 200);
    expect(await unread(namsos)).toBe(before.namsos + 1);

    expect(await json<{ count: number }>(await markRead(namsos, [note.id]), 200)).toEqual({ count: before.namsos });
    // Opening it again changes nothing.
    expect(await json<{ count: number }>(await markRead(namsos, [note.id]), 200)).toEqual({ count: before.namsos });
    const reads = await server.database.db.selectFrom('liaison_note_read').select('organisation_id').where('note_id', '=', note.id).execute();
    expect(reads.map((r) => r.organisation_id)).toEqual([NAMSOS_LIBRARY]);

    expect((await markRead(namsos, ['not-an-id'])).status).toBe(400);
    const coordinator = await server.as('namdal@demo.kompetansebro.no');
    expect((await coordinator('/api/liaison/unread')).status).toBe(403);
  });
});

describe('experience exchange', () => {
  it('lists past activities it took part in and coming ones, and registers participation once', async () => {
    const past = await json<{ items: LiaisonActivity[] }>(await ntnu('/api/liaison/activities?when=past'), 200);
    expect(past.items.find((a) => a.id === PAST_WEBINAR)).toMatchObject({ startDate: '2026-02-03', participating: true });
    const upcoming = await json<{ items: LiaisonActivity[] }>(await ntnu('/api/liaison/activities?when=upcoming'), 200);
    const coming = upcoming.items.find((a) => a.id === COMING_WEBINAR);
    expect(coming).toMatchObject({ participating: false });

    const joined = await json<LiaisonActivity>(await ntnu(`/api/liaison/activities/${COMING_WEBINAR}/participation`, { method: 'PUT' }), 200);
    expect(joined).toMatchObject({ participating: true, participants: (coming?.participants ?? 0) + 1 });
    const again = await json<LiaisonActivity>(await ntnu(`/api/liaison/activities/${COMING_WEBINAR}/participation`, { method: 'PUT' }), 200);
    expect(again.participants).toBe(joined.participants);
    // Nord is not registered by NTNU's registration.
    const forNord = await json<{ items: LiaisonActivity[] }>(await nord('/api/liaison/activities?when=upcoming'), 200);
    expect(forNord.items.find((a) => a.id === COMING_WEBINAR)?.participating).toBe(false);

    expect((await ntnu(`/api/liaison/activities/${PAST_WEBINAR}/participation`, { method: 'PUT' })).status).toBe(409);
  });

  /** A course of the county library, `from` and `to` days from today, with one library taking part. */
  const countyCourse = async (title: string, from: number, to: number, participant: string) => {
    const county = await server.as('fylke@demo.kompetansebro.no');
    const today = todayInNorway();
    const body = { kind: 'course', title, startDate: addDays(today, from), endDate: addDays(today, to), organiserId: sampleId('actor', 'county-library'), participants: [{ actorId: participant }] };
    return json<ActivityDetail>(await county('/api/activities', jsonBody('POST', body)), 201);
  };

  it('lists a running activity (started yesterday, ends next week) as upcoming, and one that ended yesterday as past', async () => {
    const today = todayInNorway();
    const running = await countyCourse('Kurs som pågår', -1, 7, NTNU_LIBRARY);
    const ended = await countyCourse('Kurs som sluttet i går', -10, -1, NTNU_LIBRARY);
    const list = async (when: string) => (await json<{ items: LiaisonActivity[] }>(await ntnu(`/api/liaison/activities?when=${when}`), 200)).items;
    const upcoming = await list('upcoming');
    const past = (await list('past')).map((a) => a.id);
    expect(upcoming.map((a) => a.id)).toContain(running.id);
    expect(past).not.toContain(running.id);
    expect(past).toContain(ended.id);
    expect(upcoming.map((a) => a.id)).not.toContain(ended.id);
    // The running ones first: by start date.
    const starts = upcoming.map((a) => a.startDate);
    expect(starts).toEqual([...starts].sort());
    expect(starts.findIndex((date) => date >= today)).toBeGreaterThan(starts.indexOf(running.startDate));
    await server.database.db.deleteFrom('activity').where('id', 'in', [running.id, ended.id]).execute();
  });

  it('lists past activities by when they ended, newest first: a long course that ended last week before short ones that ended earlier', async () => {
    const long = await countyCourse('Langt kurs som sluttet forrige uke', -60, -7, NTNU_LIBRARY);
    const shortLater = await countyCourse('Kort kurs for ti dager siden', -10, -10, NTNU_LIBRARY);
    const shortEarlier = await countyCourse('Kort kurs for tjue dager siden', -21, -20, NTNU_LIBRARY);
    const past = (await json<{ items: LiaisonActivity[] }>(await ntnu('/api/liaison/activities?when=past'), 200)).items.map((a) => a.id);
    const mine = past.filter((id) => [long.id, shortLater.id, shortEarlier.id].includes(id));
    expect(mine).toEqual([long.id, shortLater.id, shortEarlier.id]);
    await server.database.db.deleteFrom('activity').where('id', 'in', [long.id, shortLater.id, shortEarlier.id]).execute();
  });

  it('pages the past activities: a page at a time, newest ended first, with the total; a bad page size is 400 naming it', async () => {
    const courses = [await countyCourse('Kurs for tre dager siden', -3, -3, NTNU_LIBRARY), await countyCourse('Kurs for fire dager siden', -4, -4, NTNU_LIBRARY), await countyCourse('Kurs for fem dager siden', -5, -5, NTNU_LIBRARY)];
    type ActivityPage = { items: LiaisonActivity[]; total: number; page: number; pageSize: number };
    const page = async (n: number) => json<ActivityPage>(await ntnu(`/api/liaison/activities?when=past&page=${n}&pageSize=2`), 200);
    const all = await json<ActivityPage>(await ntnu('/api/liaison/activities?when=past&pageSize=100'), 200);
    const [first, second] = [await page(1), await page(2)];
    expect(first).toMatchObject({ page: 1, pageSize: 2, total: all.total });
    expect(first.items.map((a) => a.id)).toEqual(courses.slice(0, 2).map((c) => c.id));
    expect(second.items.map((a) => a.id)).toEqual(all.items.slice(2, 4).map((a) => a.id));
    expect(second.items[0]?.id).toBe(courses[2]?.id);
    // Past the end no row carries the total: it is still given.
    expect(await page(99)).toMatchObject({ items: [], total: all.total, page: 99 });
    const tooBig = await ntnu('/api/liaison/activities?when=past&pageSize=1000');
    expect(tooBig.status).toBe(400);
    expect(JSON.stringify(await tooBig.json())).toContain('pageSize');
    await server.database.db.deleteFrom('activity').where('id', 'in', courses.map((c) => c.id)).execute();
  });

  it('a library joins a running course but may not cancel its attendance of it; it cancels one not started', async () => {
    const running = await countyCourse('Kurs som har begynt', -1, 7, NAMSOS_LIBRARY);
    const coming = await countyCourse('Kurs som begynner i morgen', 1, 7, NAMSOS_LIBRARY);
    const participation = (id: string) => `/api/liaison/activities/${id}/participation`;
    // Its attendance of a course under way feeds the counts and reports: 409, and it stays.
    expect((await namsos(participation(running.id), { method: 'DELETE' })).status).toBe(409);
    const stays = await server.database.db.selectFrom('activity_participant').select('actor_id').where('activity_id', '=', running.id).execute();
    expect(stays.map((r) => r.actor_id)).toContain(NAMSOS_LIBRARY);
    expect(await json<LiaisonActivity>(await ntnu(participation(running.id), { method: 'PUT' }), 200)).toMatchObject({ participating: true, participants: 2 });
    expect(await json<LiaisonActivity>(await namsos(participation(coming.id), { method: 'DELETE' }), 200)).toMatchObject({ participating: false, participants: 0 });
    await server.database.db.deleteFrom('activity').where('id', 'in', [running.id, coming.id]).execute();
  });

  it('a public library cancels and signs up for the county’s coming webinar, for its own library only; other participants stay', async () => {
    const participation = `/api/liaison/activities/${COMING_WEBINAR}/participation`;
    const participants = async () =>
      (await server.database.db.selectFrom('activity_participant').select('actor_id').where('activity_id', '=', COMING_WEBINAR).execute()).map((r) => r.actor_id);
    // The sample data has Namsos and Trondheim registered.
    const offered = await json<{ items: LiaisonActivity[] }>(await namsos('/api/liaison/activities?when=upcoming'), 200);
    const before = offered.items.find((a) => a.id === COMING_WEBINAR);
    expect(before).toMatchObject({ participating: true });
    expect(await participants()).toEqual(expect.arrayContaining([NAMSOS_LIBRARY, TRONDHEIM_LIBRARY]));

    const cancelled = await json<LiaisonActivity>(await namsos(participation, { method: 'DELETE' }), 200);
    expect(cancelled).toMatchObject({ participating: false, participants: (before?.participants ?? 0) - 1 });
    expect(await json<LiaisonActivity>(await namsos(participation, { method: 'DELETE' }), 200)).toMatchObject({ participants: cancelled.participants });
    expect(await participants()).not.toContain(NAMSOS_LIBRARY);
    expect(await participants()).toContain(TRONDHEIM_LIBRARY);
    const listed = await json<{ items: LiaisonActivity[] }>(await namsos('/api/liaison/activities?when=upcoming'), 200);
    expect(listed.items.find((a) => a.id === COMING_WEBINAR)).toMatchObject({ participating: false });

    const joined = await json<LiaisonActivity>(await namsos(participation, { method: 'PUT' }), 200);
    expect(joined).toMatchObject({ participating: true, participants: cancelled.participants + 1 });
    expect(await participants()).toEqual(expect.arrayContaining([NAMSOS_LIBRARY, TRONDHEIM_LIBRARY]));

    // Both changes are in the audit log; the repeated cancel changed nothing and is not there.
    const audit = await server.database.db.selectFrom('audit_entry').select(['before', 'after']).where('entity', '=', 'activity').where('entity_id', '=', COMING_WEBINAR).execute();
    expect(audit.filter((a) => JSON.stringify(a.after ?? {}).includes(NAMSOS_LIBRARY))).toHaveLength(1);
    expect(audit.filter((a) => JSON.stringify(a.before ?? {}).includes(NAMSOS_LIBRARY))).toHaveLength(1);
    expect(audit.filter((a) => JSON.stringify([a.before, a.after]).includes(TRONDHEIM_LIBRARY))).toHaveLength(0);

    // A taken-place activity (Namsos took part) takes no cancellation: 409; roles that register for no library may not.
    expect((await namsos(`/api/liaison/activities/${PAST_WEBINAR}/participation`, { method: 'DELETE' })).status).toBe(409);
    for (const email of ['fylke@demo.kompetansebro.no', 'fylke-innsyn@demo.kompetansebro.no', 'namdal@demo.kompetansebro.no']) {
      const as = await server.as(email);
      expect((await as(participation, { method: 'PUT' })).status).toBe(403);
      expect((await as(participation, { method: 'DELETE' })).status).toBe(403);
    }
  });
});
