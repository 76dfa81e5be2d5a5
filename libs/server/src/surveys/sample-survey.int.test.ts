import { describe, expect, it } from 'vitest';
import { loadSampleData, mainLibraryKey, sampleActors, sampleId } from '@kompetansebro/db';
import { addDays, publicLibraryKinds, todayInNorway, type Inbox, type MailOut, type Page, type ServiceSummary, type Survey, type SurveyDetail } from '@kompetansebro/domain';
import { countRows, getJson, loggedIn, testServer } from '../testing/fixture.test';

// Seed 000: "information is being collected from every library (branches too) on which services it
// offers students". The sample data has that survey under way.

const server = testServer();
const namsosEditor = loggedIn(server, 'namsos@demo.kompetansebro.no');
const SURVEY = sampleId('survey', 'student-services');
const NAMSOS = sampleId('actor', mainLibraryKey('5007'));
const libraries = sampleActors.filter((a) => (publicLibraryKinds as readonly string[]).includes(a.kind)).map((a) => sampleId('actor', a.key));

/** The day in Norway of an instant. */
const dayInNorway = (instant: string) => todayInNorway(new Date(instant));

describe('the sample survey (seed 000)', () => {
  it('is the county’s open survey of the services offered to students, asked of every library and branch, due shortly after the load day', async () => {
    const list = await getJson<Page<Survey>>(server, '/api/surveys');
    expect(list.items.map((s) => s.id)).toEqual([SURVEY]);
    const survey = await getJson<SurveyDetail>(server, `/api/surveys/${SURVEY}`);
    expect(survey).toMatchObject({ name: 'Bibliotekenes tjenester til studenter', status: 'open', includeBranches: true, closedAt: null });
    expect(survey.recipientList.map((r) => r.actorId).sort()).toEqual([...libraries].sort());
    expect(survey.recipientList.some((r) => r.actorKind === 'library_branch')).toBe(true);
    const today = todayInNorway();
    expect(dayInNorway(survey.createdAt) < today).toBe(true);
    expect(survey.deadline > today && survey.deadline <= addDays(today, 30)).toBe(true);
    // Some have answered, most not yet.
    expect(survey.answered).toBeGreaterThan(0);
    expect(survey.answered).toBeLessThan(survey.recipients / 2);
    expect(survey.regions.reduce((sum, r) => sum + r.answered, 0)).toBe(survey.answered);
  });

  it('has the answers in the libraries’ service records: each confirmed the day its library answered, by who answered', async () => {
    const survey = await getJson<SurveyDetail>(server, `/api/surveys/${SURVEY}`);
    const answered = survey.recipientList.filter((r) => r.answeredAt !== null);
    expect(answered.some((r) => r.actorKind === 'library_branch')).toBe(true);
    for (const recipient of answered) {
      const answeredAt = recipient.answeredAt ?? '';
      expect(dayInNorway(answeredAt) >= dayInNorway(survey.createdAt) && answeredAt < new Date().toISOString()).toBe(true);
      expect(recipient.answeredBy).toContain('eksempeldata');
      const services = await getJson<Page<ServiceSummary>>(server, `/api/services?actor=${recipient.actorId}&pageSize=100`);
      expect(services.items.length, recipient.actorName).toBeGreaterThan(0);
      expect(services.items.map((s) => [s.confirmedAt, s.confirmedBy]), recipient.actorName).toEqual(services.items.map(() => [dayInNorway(answeredAt), recipient.answeredBy]));
    }
  });

  it('mailed its invitations to the libraries with an address and leaves the rest to a letter', async () => {
    const survey = await getJson<SurveyDetail>(server, `/api/surveys/${SURVEY}`);
    const withAddress = survey.recipientList.filter((r) => r.email !== null);
    expect(withAddress.map((r) => r.actorId)).toContain(NAMSOS);
    expect(survey.recipientList.every((r) => (r.email === null) === (r.mailedAt === null))).toBe(true);
    const mailOuts = await getJson<MailOut[]>(server, `/api/surveys/${SURVEY}/mail-outs`);
    expect(mailOuts).toEqual([
      expect.objectContaining({ kind: 'invitation', status: 'sent', total: withAddress.length, sent: withAddress.length, failed: 0, withoutAddress: survey.recipients - withAddress.length }),
    ]);
  });

  it('waits unanswered for Namsos bibliotek, on its home page and in its inbox', async () => {
    const survey = await getJson<SurveyDetail>(server, `/api/surveys/${SURVEY}`);
    expect(survey.recipientList.find((r) => r.actorId === NAMSOS)).toMatchObject({ answeredAt: null, answeredBy: null });
    const own = (await (await namsosEditor('/api/survey-form/own')).json()) as { survey: unknown };
    expect(own.survey).toEqual({ name: survey.name, deadline: survey.deadline, answeredAt: null });
    const inbox = (await (await namsosEditor('/api/inbox')).json()) as Inbox;
    expect(inbox.items).toContainEqual(expect.objectContaining({ kind: 'survey_to_answer', recordId: SURVEY, title: survey.name, dueDate: survey.deadline }));
  });

  it('is added once: loading the sample data again adds no survey, recipient or mail-out', async () => {
    const tables = ['survey', 'survey_recipient', 'mail_out'] as const;
    const before = await Promise.all(tables.map((table) => countRows(server, table)));
    const result = await loadSampleData(server.database.db);
    expect(result.surveys).toBe(0);
    expect(await Promise.all(tables.map((table) => countRows(server, table)))).toEqual(before);
  });
});
