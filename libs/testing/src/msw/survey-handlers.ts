import type { RequestHandler } from 'msw';
import type { MailOut, SurveyDetail, SurveyForm } from '@kompetansebro/domain';
import { http, HttpResponse } from 'msw';
import { buildMailOut, buildSurveyForm } from '../factories/survey.factory';
import { problemResponse } from './problem';
import { api, everything, ResourceStore, ScenarioStore, versioned } from './resource';


/**
 * The public survey form of a scenario: one token and its form; the answers received are kept in
 * `answers`. `status` makes the link a closed (410) or unknown (404) one; another token is unknown;
 * `nextAnswer` prepares the status of the next answer (e.g. 412).
 */
export class SurveyFormStore extends ScenarioStore {
  readonly answers: unknown[] = [];
  status: 200 | 404 | 410 = 200;

  constructor(
    readonly token: string,
    public form: SurveyForm = buildSurveyForm(),
  ) {
    super();
  }

  set nextAnswer(status: number) {
    this.respondOnce('POST', status);
  }

  /** The problem for this link, or null when it is the scenario's open one. */
  refusal(search: URLSearchParams): Response | null {
    return this.status !== 200 || search.get('token') !== this.token ? problemResponse(this.status === 200 ? 404 : this.status) : null;
  }
}

export function surveyFormHandlers(store: SurveyFormStore): RequestHandler[] {
  const search = (request: Request) => new URL(request.url).searchParams;
  return [
    http.get(api('/survey-form'), ({ request }) => store.refusal(search(request)) ?? HttpResponse.json(store.form)),
    http.post(api('/survey-form'), ({ request }) =>
      store.answer(request, (body) => {
        const refused = store.refusal(search(request));
        if (refused) return refused;
        store.answers.push(body);
        store.form = { ...store.form, answeredAt: new Date().toISOString() };
        return HttpResponse.json(store.form);
      }),
    ),
  ];
}

/**
 * The county's campaigns in a scenario: list, one, remind (queues a reminder mail-out like
 * `reminded`), their mail-outs, retry of a failed one (409 otherwise), close (echoed).
 */
export class SurveyStore extends ResourceStore<SurveyDetail> {
  readonly reminders: string[] = [];
  readonly retries: string[] = [];
  /** The campaigns' mail-outs, newest first (a test moves them on, as a worker would). */
  mailOuts: MailOut[] = [];
  /** What the mail-out a reminder queues is like. */
  reminded: Partial<MailOut> = {};

  get surveys(): SurveyDetail[] {
    return this.all();
  }
}

export function surveyHandlers(store: SurveyStore): RequestHandler[] {
  const survey = (id: unknown) => store.get(String(id));
  return [
    http.get(api('/surveys'), () => HttpResponse.json(everything(store.surveys.map(({ regions: _r, recipientList: _l, ...summary }) => summary)))),
    http.get(api('/surveys/:id'), ({ params }) => {
      const found = survey(params['id']);
      return found ? versioned(found) : problemResponse(404);
    }),
    http.post(api('/surveys/:id/remind'), ({ params, request }) =>
      store.answer(request, () => {
        store.reminders.push(String(params['id']));
        const mailOut = buildMailOut({ surveyId: String(params['id']), kind: 'reminder', status: 'queued', sent: 0, attempts: 0, ...store.reminded });
        store.mailOuts = [mailOut, ...store.mailOuts];
        return HttpResponse.json(mailOut, { status: 202 });
      }),
    ),
    http.get(api('/surveys/:id/mail-outs'), ({ params }) => HttpResponse.json(store.mailOuts.filter((m) => m.surveyId === params['id']))),
    http.post(api('/surveys/:id/mail-outs/:mailOutId/retry'), ({ params, request }) =>
      store.answer(request, () => {
        const found = store.mailOuts.find((m) => m.id === params['mailOutId'] && m.surveyId === params['id']);
        if (!found) return problemResponse(404);
        if (found.status !== 'failed') return problemResponse(409);
        store.retries.push(found.id);
        const queued: MailOut = { ...found, status: 'queued', error: null };
        store.mailOuts = store.mailOuts.map((m) => (m.id === found.id ? queued : m));
        return HttpResponse.json(queued, { status: 202 });
      }),
    ),
    http.post(api('/surveys/:id/close'), ({ params, request }) =>
      store.answer(request, () => {
        const found = survey(params['id']);
        return found ? versioned(store.change(found.id, { status: 'closed', closedAt: new Date().toISOString() })) : problemResponse(404);
      }),
    ),
  ];
}
