import { fieldErrorsFromIssues, surveyAnswerSchema, surveyDetailSchema, surveyFormSchema, type SurveyDetail, type SurveyForm } from '@kompetansebro/domain';
import { http, HttpResponse } from 'msw';
import { problemResponse } from './problem';

const api = (path: string) => `*/api${path}`;

/** A library's answer form as `GET /api/survey-form?token=` answers it, parsed through the domain schema. */
export function buildSurveyForm(overrides: Partial<SurveyForm> = {}): SurveyForm {
  return surveyFormSchema.parse({
    surveyName: 'Tjenester 2027',
    deadline: '2199-06-30',
    actorName: 'Namsos bibliotek',
    answeredAt: null,
    services: [
      {
        id: '5e1f0000-0000-4000-8000-000000000001',
        type: 'group_rooms',
        hours: 'staffed',
        weeklyHours: 40,
        contractRequired: false,
        note: null,
        confirmedAt: '2025-09-01',
        version: 3,
      },
    ],
    ...overrides,
  });
}

/**
 * The public survey form behind msw: one token, its form, and its answers (kept in `answers`).
 * `status` makes the token answer as a closed (410) or unknown (404) link; `nextAnswer` forces
 * one answer's status (e.g. 412).
 */
export class SurveyFormStore {
  readonly answers: unknown[] = [];
  status: 200 | 404 | 410 = 200;
  nextAnswer: number | null = null;

  constructor(
    readonly token: string,
    public form: SurveyForm = buildSurveyForm(),
  ) {}

  get(search: URLSearchParams): Response {
    if (this.status !== 200 || search.get('token') !== this.token) return problemResponse(this.status === 200 ? 404 : this.status);
    return HttpResponse.json(this.form);
  }

  answer(search: URLSearchParams, body: unknown): Response {
    if (this.status !== 200 || search.get('token') !== this.token) return problemResponse(this.status === 200 ? 404 : this.status);
    if (this.nextAnswer !== null) {
      const status = this.nextAnswer;
      this.nextAnswer = null;
      return problemResponse(status);
    }
    const parsed = surveyAnswerSchema.safeParse(body);
    if (!parsed.success) return problemResponse(400, fieldErrorsFromIssues(parsed.error.issues));
    this.answers.push(parsed.data);
    this.form = { ...this.form, answeredAt: new Date().toISOString() };
    return HttpResponse.json(this.form);
  }
}

export function surveyFormHandlers(store: SurveyFormStore) {
  return [
    http.get(api('/survey-form'), ({ request }) => store.get(new URL(request.url).searchParams)),
    http.post(api('/survey-form'), async ({ request }) => store.answer(new URL(request.url).searchParams, await request.json())),
  ];
}

/** A campaign as `GET /api/surveys/{id}` answers it: three libraries in two regions, one answered. */
export function buildSurveyDetail(overrides: Partial<SurveyDetail> = {}): SurveyDetail {
  const namdal = '4e900000-0000-4000-8000-000000000001';
  const innherred = '4e900000-0000-4000-8000-000000000002';
  const recipient = (n: number, actorName: string, regionId: string, regionName: string, answered: boolean) => ({
    actorId: `5a000000-0000-4000-8000-00000000000${n}`,
    actorName,
    actorKind: 'public_library',
    regionId,
    regionName,
    email: `post${n}@bibliotek.test`,
    mailedAt: '2026-11-01T10:00:00.000Z',
    remindedAt: null,
    answeredAt: answered ? '2026-11-05T10:00:00.000Z' : null,
    answeredBy: answered ? 'Kari Nordmann' : null,
  });
  return surveyDetailSchema.parse({
    id: '5b000000-0000-4000-8000-000000000001',
    name: 'Tjenester 2027',
    deadline: '2199-06-30',
    includeBranches: false,
    status: 'open',
    closedAt: null,
    recipients: 3,
    answered: 1,
    version: 1,
    createdAt: '2026-11-01T10:00:00.000Z',
    regions: [
      { regionId: innherred, regionName: 'Innherred', recipients: 1, answered: 0 },
      { regionId: namdal, regionName: 'Namdal', recipients: 2, answered: 1 },
    ],
    recipientList: [
      recipient(1, 'Namsos bibliotek', namdal, 'Namdal', true),
      recipient(2, 'Grong bibliotek', namdal, 'Namdal', false),
      recipient(3, 'Steinkjer bibliotek', innherred, 'Innherred', false),
    ],
    ...overrides,
  });
}

/** The county's campaigns behind msw: list, one, remind (counts the unanswered), close (If-Match). */
export class SurveyStore {
  readonly reminders: string[] = [];
  constructor(public surveys: SurveyDetail[] = []) {}

  find(id: string | undefined): SurveyDetail | undefined {
    return this.surveys.find((s) => s.id === id);
  }
}

export function surveyHandlers(store: SurveyStore) {
  return [
    http.get(api('/surveys'), () =>
      HttpResponse.json({ items: store.surveys.map(({ regions: _r, recipientList: _l, ...survey }) => survey), total: store.surveys.length, page: 1, pageSize: 25 }),
    ),
    http.get(api('/surveys/:id'), ({ params }) => {
      const survey = store.find(String(params['id']));
      return survey ? HttpResponse.json(survey, { headers: { ETag: `"${survey.version}"` } }) : problemResponse(404);
    }),
    http.post(api('/surveys/:id/remind'), ({ params }) => {
      const survey = store.find(String(params['id']));
      if (!survey) return problemResponse(404);
      if (survey.status !== 'open') return problemResponse(409);
      store.reminders.push(survey.id);
      const pending = survey.recipientList.filter((r) => !r.answeredAt);
      return HttpResponse.json({ sent: pending.filter((r) => r.email).length, withoutAddress: pending.filter((r) => !r.email).length });
    }),
    http.post(api('/surveys/:id/close'), ({ params, request }) => {
      const survey = store.find(String(params['id']));
      if (!survey) return problemResponse(404);
      if (request.headers.get('If-Match') !== `"${survey.version}"`) return problemResponse(412);
      const closed = { ...survey, status: 'closed' as const, closedAt: '2026-11-20T10:00:00.000Z', version: survey.version + 1 };
      store.surveys = store.surveys.map((s) => (s.id === survey.id ? closed : s));
      return HttpResponse.json(closed);
    }),
  ];
}
