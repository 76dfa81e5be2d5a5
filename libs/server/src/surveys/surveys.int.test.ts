import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mainLibraryKey, sampleId } from '@kompetansebro/db';
import { addDays, todayInNorway, type Problem, type ServiceSummary, type SurveyDetail, type MailOut, type SurveyForm } from '@kompetansebro/domain';
import { COUNTY_ADMIN, DEMO_PASSWORD, jsonBody, startTestServer, type TestServer } from '@kompetansebro/testing/server';
import type { Mailer } from '../auth/mail';
import { createApp } from '../app';
import { startMailCatcher, tokenOf, type MailCatcher } from '../auth/mail-catcher.test-support';
import { hashToken } from '../auth/session';

let server: TestServer;
let mail: MailCatcher;
const library = (municipality: string) => sampleId('actor', mainLibraryKey(municipality));
const NAMSOS = library('5007');
const TRONDHEIM = library('5001');
const STEINKJER = library('5006');
const addresses: Record<string, string> = { [NAMSOS]: 'post@namsos.test', [TRONDHEIM]: 'post@trondheim.test', [STEINKJER]: 'post@steinkjer.test' };

beforeAll(async () => {
  mail = await startMailCatcher();
  server = await startTestServer((deps) =>
    createApp({ ...deps, config: { ...deps.config, mail: { smtpUrl: mail.url, from: 'Kompetansebro <ikke-svar@test.invalid>' } } }),
  );
  for (const [id, email] of Object.entries(addresses)) {
    await server.database.db.updateTable('actor').set({ email }).where('id', '=', id).execute();
  }
});
afterAll(async () => {
  await server.close();
  await mail.close();
});

const form = (token: string) => server.anonymous(`/api/survey-form?token=${encodeURIComponent(token)}`);
const answer = (token: string, body: unknown) => server.anonymous(`/api/survey-form?token=${encodeURIComponent(token)}`, jsonBody('POST', body));
const mailsTo = (address: string) => mail.mails.filter((m) => m.to.includes(address)).length;

async function start(body: object): Promise<Response> {
  return server.request('/api/surveys', jsonBody('POST', { name: 'Tjenester 2027', deadline: addDays(todayInNorway(), 60), ...body }));
}

describe('the service survey', () => {
  it('mails each library its own link, takes one answer into the service records, counts it, reminds the rest, and closes', async () => {
    const started = await start({ actorIds: [NAMSOS, TRONDHEIM, STEINKJER], includeBranches: false });
    expect(started.status).toBe(201);
    const survey = (await started.json()) as SurveyDetail;
    expect(survey).toMatchObject({ status: 'open', recipients: 3, answered: 0 });

    const tokens: Record<string, string> = {};
    for (const [id, address] of Object.entries(addresses)) {
      const message = await mail.next(address);
      // (The catcher joins folded header words with a space, so only the start is compared.)
      expect(message.subject.startsWith('Tjenesteundersøkelse: ')).toBe(true);
      expect(message.text).toContain(`${server.baseUrl}/fylke/svar?token=`);
      tokens[id] = tokenOf(message);
    }
    const namsosToken = tokens[NAMSOS] ?? '';
    // Only the hash is stored.
    const stored = await server.database.db.selectFrom('survey_token').select('token_hash').execute();
    expect(stored.map((r) => r.token_hash)).toContain(hashToken(namsosToken));
    expect(stored.map((r) => r.token_hash)).not.toContain(namsosToken);

    const opened = await form(namsosToken);
    expect(opened.status).toBe(200);
    const namsosForm = (await opened.json()) as SurveyForm;
    expect(namsosForm.actorName).toContain('Namsos');
    expect(namsosForm.services.length).toBeGreaterThan(0);
    const [first, second] = namsosForm.services;
    if (!first || !second) throw new Error('Namsos needs two services in the sample data');

    const asAnswered = (s: SurveyForm['services'][number], changes: object = {}) => ({
      id: s.id,
      version: s.version,
      offered: true,
      hours: s.hours,
      weeklyHours: s.weeklyHours,
      contractRequired: s.contractRequired,
      note: s.note,
      ...changes,
    });

    // Bad input names the field.
    const bad = await answer(namsosToken, { answeredBy: 'Kari Nordmann', services: [asAnswered(first, { weeklyHours: 500 })] });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Problem).errors?.map((e) => e.path)).toEqual(['services.0.weeklyHours']);

    // A service of another library is unknown to this link, and nothing says whose it is.
    const trondheimService = await server.database.db.selectFrom('service').select(['id', 'version']).where('actor_id', '=', TRONDHEIM).executeTakeFirstOrThrow();
    const foreign = await answer(namsosToken, {
      answeredBy: 'Kari Nordmann',
      services: [{ ...asAnswered(first), id: trondheimService.id, version: trondheimService.version }],
    });
    expect(foreign.status).toBe(400);
    const foreignProblem = (await foreign.json()) as Problem;
    expect(foreignProblem.errors).toEqual([expect.objectContaining({ path: 'services.0.id', code: 'unknown_service' })]);
    expect(JSON.stringify(foreignProblem)).not.toContain('Trondheim');

    const saved = await answer(namsosToken, {
      answeredBy: 'Kari Nordmann',
      services: [asAnswered(first, { weeklyHours: 42.5, hours: 'staffed_and_self_service' }), asAnswered(second, { offered: false })],
      newServices: [{ type: 'video_meeting_room', hours: 'by_appointment', weeklyHours: null }],
    });
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as SurveyForm).answeredAt).not.toBeNull();

    const updated = (await (await server.request(`/api/services/${first.id}`)).json()) as ServiceSummary;
    expect(updated).toMatchObject({ weeklyHours: 42.5, confirmedAt: todayInNorway(), confirmedBy: 'Kari Nordmann' });
    expect(updated.conditions.hours).toBe('staffed_and_self_service');
    expect(((await (await server.request(`/api/services/${second.id}`)).json()) as ServiceSummary).archivedAt).not.toBeNull();
    const added = await server.database.db.selectFrom('service').select('confirmed_by').where('actor_id', '=', NAMSOS).where('type', '=', 'video_meeting_room').execute();
    expect(added).toEqual([{ confirmed_by: 'Kari Nordmann' }]);
    const audit = await server.database.db.selectFrom('audit_entry').select(['user_id', 'action']).where('entity', '=', 'service').where('entity_id', '=', first.id).execute();
    expect(audit).toContainEqual({ user_id: null, action: 'update' });

    // A stale form (the county changed the service meanwhile) is a 412 that saves nothing.
    const stale = await answer(namsosToken, { answeredBy: 'Kari Nordmann', services: [asAnswered(first)] });
    expect(stale.status).toBe(412);

    const detail = (await (await server.request(`/api/surveys/${survey.id}`)).json()) as SurveyDetail;
    expect(detail).toMatchObject({ recipients: 3, answered: 1 });
    expect(detail.regions.reduce((sum, r) => sum + r.answered, 0)).toBe(1);
    expect(detail.regions.reduce((sum, r) => sum + r.recipients, 0)).toBe(3);
    expect(detail.recipientList.find((r) => r.actorId === NAMSOS)).toMatchObject({ answeredBy: 'Kari Nordmann' });

    const csv = await server.request(`/api/surveys/${survey.id}/export?format=csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(await csv.text()).toMatch(/Namsos[^\r\n]*Kari Nordmann/);

    // Reminders go to those who have not answered, not to Namsos.
    const namsosBefore = mailsTo(addresses[NAMSOS] ?? '');
    const reminded = await server.request(`/api/surveys/${survey.id}/remind`, { method: 'POST' });
    expect(reminded.status).toBe(202);
    // (This server has no queue: the job runs at once in the request, so the mail-out is done.)
    expect((await reminded.json()) as MailOut).toMatchObject({ kind: 'reminder', status: 'sent', total: 2, sent: 2, failed: 0, withoutAddress: 0, error: null });
    const mailOuts = (await (await server.request(`/api/surveys/${survey.id}/mail-outs`)).json()) as MailOut[];
    expect(mailOuts.map((m) => [m.kind, m.status, m.sent, m.total])).toEqual([
      ['reminder', 'sent', 2, 2],
      ['invitation', 'sent', 3, 3],
    ]);
    const reminder = await mail.next(addresses[TRONDHEIM] ?? '');
    expect(reminder.subject).toContain('Påminnelse');
    await mail.next(addresses[STEINKJER] ?? '');
    expect(mailsTo(addresses[NAMSOS] ?? '')).toBe(namsosBefore);
    // Both of Trondheim's links work.
    expect((await form(tokens[TRONDHEIM] ?? '')).status).toBe(200);
    expect((await form(tokenOf(reminder))).status).toBe(200);

    const closeWithout = await server.request(`/api/surveys/${survey.id}/close`, { method: 'POST' });
    expect(closeWithout.status).toBe(428);
    const closed = await server.request(`/api/surveys/${survey.id}/close`, { method: 'POST', headers: { 'If-Match': `"${detail.version}"` } });
    expect(closed.status).toBe(200);
    expect(((await closed.json()) as SurveyDetail).status).toBe('closed');
    expect((await form(namsosToken)).status).toBe(410);
    expect((await answer(tokens[TRONDHEIM] ?? '', { answeredBy: 'Ola', services: [] })).status).toBe(410);
    expect((await server.request(`/api/surveys/${survey.id}/remind`, { method: 'POST' })).status).toBe(409);

    const list = (await (await server.request('/api/surveys?status=closed&q=tjenester')).json()) as { items: SurveyDetail[]; total: number };
    expect(list.items.map((s) => s.id)).toContain(survey.id);
  });

  it('says why a mail-out failed, and lets the county try it again: only those not mailed get a mail', async () => {
    // An instance whose mail server refuses Trondheim's address once (its own app, on the same database).
    const sent: string[] = [];
    let refusals = 1;
    const flaky: Mailer = {
      send: async (message) => {
        if (message.to === addresses[TRONDHEIM] && refusals-- > 0) throw new Error(`550 mailbox unavailable: ${message.to}`);
        sent.push(message.to);
      },
      close: () => undefined,
    };
    const app = createApp({ db: server.database.db, config: { databaseKind: server.database.kind, version: 'test', documentsDir: '/tmp', cookieSecure: false }, mailer: flaky });
    const login = await app.request('/api/auth/login', jsonBody('POST', { email: COUNTY_ADMIN, password: DEMO_PASSWORD }));
    const cookie = { Cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
    const created = await app.request('/api/surveys', jsonBody('POST', { name: 'Feil i utsendingen', deadline: addDays(todayInNorway(), 60), actorIds: [NAMSOS, TRONDHEIM, STEINKJER], includeBranches: false }, cookie));
    expect(created.status).toBe(201);
    const surveyId = ((await created.json()) as SurveyDetail).id;
    const [failed] = (await (await app.request(`/api/surveys/${surveyId}/mail-outs`, { headers: cookie })).json()) as MailOut[];
    expect(failed).toMatchObject({ kind: 'invitation', status: 'failed', total: 3, sent: 2, failed: 1, attempts: 1 });
    // The reason, without the address.
    expect(failed?.error).toBe('1 of 3 mails could not be sent: 550 mailbox unavailable: …');
    expect(sent.sort()).toEqual([addresses[NAMSOS], addresses[STEINKJER]].sort());

    // Others may not try again; a mail-out that did not fail cannot be tried again.
    const viewer = await server.as('fylke-innsyn@demo.kompetansebro.no');
    expect((await viewer(`/api/surveys/${surveyId}/mail-outs`)).status).toBe(200);
    expect((await viewer(`/api/surveys/${surveyId}/mail-outs/${failed?.id}/retry`, { method: 'POST' })).status).toBe(403);
    const editor = await server.as('namsos@demo.kompetansebro.no');
    expect((await editor(`/api/surveys/${surveyId}/mail-outs`)).status).toBe(403);
    const retried = await app.request(`/api/surveys/${surveyId}/mail-outs/${failed?.id}/retry`, { method: 'POST', headers: cookie });
    expect(retried.status).toBe(202);
    expect((await retried.json()) as MailOut).toMatchObject({ status: 'sent', total: 3, sent: 3, failed: 0, attempts: 2, error: null });
    expect(sent.sort()).toEqual([addresses[NAMSOS], addresses[STEINKJER], addresses[TRONDHEIM]].sort());
    expect((await app.request(`/api/surveys/${surveyId}/mail-outs/${failed?.id}/retry`, { method: 'POST', headers: cookie })).status).toBe(409);
    const audit = await server.database.db.selectFrom('audit_entry').select('action').where('entity', '=', 'survey').where('entity_id', '=', surveyId).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'update']);
  });

  it('asks the library to confirm its weekly opening hours: saved as its opening hours, services derived, audited as answered by the respondent', async () => {
    expect((await start({ name: 'Åpningstider 2027', actorIds: [STEINKJER], includeBranches: false })).status).toBe(201);
    const token = tokenOf(await mail.next(addresses[STEINKJER] ?? ''));
    const opened = (await (await form(token)).json()) as SurveyForm;
    const stored = await server.database.db.selectFrom('opening_hours').select(['weekly', 'version']).where('id', '=', STEINKJER).executeTakeFirst();
    expect(opened.openingHours).toEqual({ weekly: stored?.weekly ?? [], version: stored?.version ?? 0 });
    const services = opened.services.map((s) => ({ id: s.id, version: s.version, offered: true, hours: s.hours, weeklyHours: s.weeklyHours, contractRequired: s.contractRequired, note: s.note }));
    const weekly = [
      ...(['mo', 'tu', 'we', 'th', 'fr'] as const).map((weekday) => ({ weekday, kind: 'staffed' as const, from: '10:00', to: '16:00' })),
      { weekday: 'sa' as const, kind: 'self_service' as const, from: '08:00', to: '20:00' },
    ];

    // A period that ends before it starts: 400 naming the field, nothing saved (the services neither).
    const refused = await answer(token, { answeredBy: 'Per i Steinkjer', services, openingHours: { weekly: [{ weekday: 'mo', kind: 'staffed', from: '16:00', to: '10:00' }], version: opened.openingHours.version } });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as Problem).errors?.[0]?.path).toBe('openingHours.weekly.0.to');
    // A version read before someone else saved: 412.
    expect((await answer(token, { answeredBy: 'Per i Steinkjer', services, openingHours: { weekly, version: opened.openingHours.version + 7 } })).status).toBe(412);

    const answered = await answer(token, { answeredBy: 'Per i Steinkjer', services, openingHours: { weekly, version: opened.openingHours.version } });
    expect(answered.status).toBe(200);
    const after = ((await answered.json()) as SurveyForm).openingHours;
    expect(after.weekly).toEqual(weekly);
    expect(after.version).toBe(opened.openingHours.version + 1);
    // The library's own opening hours, as the portal shows them.
    const editor = await server.as('fylke@demo.kompetansebro.no');
    const hours = (await (await editor(`/api/opening-hours/${STEINKJER}`)).json()) as { weekly: unknown[]; version: number };
    expect(hours).toMatchObject({ weekly, version: after.version });
    const audit = await server.database.db
      .selectFrom('audit_entry')
      .select(['user_id', 'after'])
      .where('entity', '=', 'opening_hours')
      .where('entity_id', '=', STEINKJER)
      .orderBy('occurred_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ user_id: null, after: { answeredBy: 'Per i Steinkjer' } });
    // The self-service service's hours a week follow the timetable, as a manual edit would make them.
    const selfService = await server.database.db.selectFrom('service').select('weekly_hours').where('actor_id', '=', STEINKJER).where('type', '=', 'self_service_hours').where('archived_at', 'is', null).executeTakeFirst();
    if (selfService) expect(Number(selfService.weekly_hours)).toBe(12);
  });

  it('stores the hours a week of staffed hours that the weekly timetable gives, whatever the answer says', async () => {
    // Trondheim's sample timetable: staffed 09–19 on workdays and 10–16 on Saturday, 56 hours.
    expect((await start({ name: 'Timer 2027', actorIds: [TRONDHEIM], includeBranches: false })).status).toBe(201);
    const token = tokenOf(await mail.next(addresses[TRONDHEIM] ?? ''));
    const opened = (await (await form(token)).json()) as SurveyForm;
    const staffed = opened.services.find((s) => s.type === 'staffed_hours');
    expect(staffed).toBeDefined();
    const services = opened.services.map((s) => ({ id: s.id, version: s.version, offered: true, hours: s.hours, weeklyHours: s.type === 'staffed_hours' ? 99 : s.weeklyHours, contractRequired: s.contractRequired, note: s.note }));
    expect((await answer(token, { answeredBy: 'Tor i Trondheim', services })).status).toBe(200);
    const record = await server.database.db.selectFrom('service').select('weekly_hours').where('id', '=', staffed?.id ?? '').executeTakeFirstOrThrow();
    expect(Number(record.weekly_hours)).toBe(56);
  });

  it('answers an unknown token 404 and a past deadline 410', async () => {
    expect((await form('x'.repeat(43))).status).toBe(404);
    const started = (await (await start({ actorIds: [STEINKJER] })).json()) as SurveyDetail;
    const token = tokenOf(await mail.next(addresses[STEINKJER] ?? ''));
    await server.database.db.updateTable('survey').set({ deadline: '2001-01-01' }).where('id', '=', started.id).execute();
    const expired = await form(token);
    expect(expired.status).toBe(410);
    expect(((await expired.json()) as Problem).detail).toContain('deadline');
  });

  it('asks a region with its branches, and records a library without an address', async () => {
    const region = await server.database.db
      .selectFrom('municipality')
      .select('region_id')
      .where('number', '=', '5001')
      .executeTakeFirstOrThrow();
    const started = await start({ regionIds: [region.region_id], includeBranches: true });
    expect(started.status).toBe(201);
    const survey = (await started.json()) as SurveyDetail;
    const asked = survey.recipientList.map((r) => r.actorId);
    expect(asked).toContain(TRONDHEIM);
    expect(asked).toContain(sampleId('actor', 'branch-heimdal'));
    expect(asked).not.toContain(NAMSOS);
    expect(survey.recipientList.find((r) => r.actorId === sampleId('actor', 'branch-heimdal'))).toMatchObject({ email: null, mailedAt: null });
  });

  it('shows before starting whom the choices ask and who has no address, and changes nothing', async () => {
    const surveysBefore = await server.database.db.selectFrom('survey').select('id').execute();
    const response = await server.request('/api/surveys/recipients', jsonBody('POST', { actorIds: [NAMSOS, TRONDHEIM], includeBranches: true }));
    expect(response.status).toBe(200);
    const recipients = (await response.json()) as { actorId: string; email: string | null }[];
    expect(recipients.find((r) => r.actorId === NAMSOS)?.email).toBe(addresses[NAMSOS]);
    expect(recipients.find((r) => r.actorId === sampleId('actor', 'branch-heimdal'))).toMatchObject({ email: null });
    expect(await server.database.db.selectFrom('survey').select('id').execute()).toEqual(surveysBefore);
    const editor = await server.as('namsos@demo.kompetansebro.no');
    expect((await editor('/api/surveys/recipients', jsonBody('POST', { actorIds: [NAMSOS] }))).status).toBe(403);
  });

  it('prints a letter with a personal link and its QR code for each library without an address, that opens its form', async () => {
    const started = await start({ actorIds: [TRONDHEIM], includeBranches: true });
    const survey = (await started.json()) as SurveyDetail;
    const unreached = survey.recipientList.filter((r) => r.email === null);
    expect(unreached.length).toBeGreaterThan(0);
    const tokensBefore = await server.database.db.selectFrom('survey_token').select('token_hash').where('survey_id', '=', survey.id).execute();
    const letters = await server.request(`/api/surveys/${survey.id}/letters`, { method: 'POST' });
    expect(letters.status).toBe(200);
    expect(letters.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await letters.arrayBuffer()).toString('latin1');
    expect(pdf.startsWith('%PDF')).toBe(true);
    expect(pdf).toContain('/Subtype /Image');
    expect((pdf.match(/\/Type \/Page\b/g) ?? []).length).toBe(unreached.length);
    // One fresh link per library without an address, each opening that library's form.
    const tokensAfter = await server.database.db.selectFrom('survey_token').select(['token_hash', 'actor_id']).where('survey_id', '=', survey.id).execute();
    const fresh = tokensAfter.filter((t) => !tokensBefore.some((b) => b.token_hash === t.token_hash));
    expect(fresh.map((t) => t.actor_id).sort()).toEqual(unreached.map((r) => r.actorId).sort());
    const viewer = await server.as('fylke-innsyn@demo.kompetansebro.no');
    expect((await viewer(`/api/surveys/${survey.id}/letters`, { method: 'POST' })).status).toBe(403);
  });

  it('refuses a campaign without libraries, with an actor that is not a library, or with a past deadline or one more than a year ahead, naming the field', async () => {
    const paths = async (response: Response) => ((await response.json()) as Problem).errors?.map((e) => e.path);
    const none = await start({});
    expect(none.status).toBe(400);
    expect(await paths(none)).toEqual(['actorIds']);
    const notLibrary = await start({ actorIds: [sampleId('actor', 'study-centre-namdal')] });
    expect(notLibrary.status).toBe(400);
    expect(await paths(notLibrary)).toEqual(['actorIds.0']);
    const past = await start({ actorIds: [NAMSOS], deadline: '2020-01-01' });
    expect(await paths(past)).toEqual(['deadline']);
    // A deadline years ahead is a typo, not a survey: refused with the rule's code.
    const far = await start({ actorIds: [NAMSOS], deadline: '2199-12-31' });
    expect(far.status).toBe(400);
    expect(((await far.json()) as Problem).errors?.map((e) => [e.path, e.code])).toEqual([['deadline', 'deadline_too_far']]);
  });

  it('is the county’s: others may not list, start or read campaigns', async () => {
    const editor = await server.as('namsos@demo.kompetansebro.no');
    expect((await editor('/api/surveys')).status).toBe(403);
    expect((await server.anonymous('/api/surveys')).status).toBe(401);
    const viewer = await server.as('fylke-innsyn@demo.kompetansebro.no');
    expect((await viewer('/api/surveys')).status).toBe(200);
    expect((await viewer('/api/surveys', jsonBody('POST', { name: 'x', actorIds: [NAMSOS], deadline: '2199-01-01' }))).status).toBe(403);
  });

  it('shows a library editor the survey open to its library and gives it a fresh link to the same form, which updates the same service records', async () => {
    const editor = await server.as('namsos@demo.kompetansebro.no');
    const own = async () => ((await (await editor('/api/survey-form/own')).json()) as { survey: { name: string; deadline: string; answeredAt: string | null } | null }).survey;
    // The sample data's survey is open to Namsos; one due a day sooner comes first.
    const sample = await server.database.db.selectFrom('survey').select(['name', 'deadline']).where('id', '=', sampleId('survey', 'student-services')).executeTakeFirstOrThrow();
    expect(await own()).toEqual({ name: sample.name, deadline: sample.deadline, answeredAt: null });
    const sooner = addDays(sample.deadline, -1);
    const started = await start({ name: 'Tjenester i bibliotekportalen', actorIds: [NAMSOS], includeBranches: false, deadline: sooner });
    expect(started.status).toBe(201);
    expect(await own()).toEqual({ name: 'Tjenester i bibliotekportalen', deadline: sooner, answeredAt: null });

    const link = await editor('/api/survey-form/own/link', { method: 'POST' });
    expect(link.status).toBe(200);
    const { token } = (await link.json()) as { token: string };
    const opened = (await (await form(token)).json()) as SurveyForm;
    expect(opened).toMatchObject({ surveyName: 'Tjenester i bibliotekportalen', actorName: 'Namsos bibliotek' });
    const service = opened.services[0];
    if (!service) throw new Error('Namsos needs a service in the sample data');
    const answered = await answer(token, {
      answeredBy: 'Kari i Namsos',
      services: [{ id: service.id, version: service.version, offered: true, hours: service.hours, weeklyHours: 12, contractRequired: service.contractRequired, note: service.note }],
      newServices: [],
    });
    expect(answered.status).toBe(200);
    // The same record the service screens show, confirmed today.
    const record = (await (await editor(`/api/services/${service.id}`)).json()) as ServiceSummary;
    expect(record).toMatchObject({ weeklyHours: 12, confirmedAt: todayInNorway() });
    expect((await own())?.answeredAt).not.toBeNull();

    // The county is no library: no survey of its own, and no link.
    const county = await server.as('fylke@demo.kompetansebro.no');
    expect(((await (await county('/api/survey-form/own')).json()) as { survey: unknown }).survey).toBeNull();
    expect((await county('/api/survey-form/own/link', { method: 'POST' })).status).toBe(404);
    // Roles that change no services are refused.
    const viewer = await server.as('fylke-innsyn@demo.kompetansebro.no');
    expect((await viewer('/api/survey-form/own')).status).toBe(403);
    expect((await server.anonymous('/api/survey-form/own/link', { method: 'POST' })).status).toBe(401);
  });
});
