import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  pageSchema,
  surveyAnswerSchema,
  surveyCreateSchema,
  surveyDetailSchema,
  surveyFormSchema,
  surveyListQuerySchema,
  surveyReminderResultSchema,
  surveySchema,
  surveyTokenQuerySchema,
  type SurveyRecipient,
} from '@kompetansebro/domain';
import { authorize, publicAccess } from '../auth/access-control';
import { accessOf } from '../auth/visibility';
import { changeRecord, createRecord, readRecord } from '../http/record-handlers';
import { exportFormatSchema, exportResponse, type ExportColumn } from '../http/export';
import { createRouter, idParamsSchema, ifMatchHeaderSchema, jsonContent, problemResponses } from '../http/openapi';
import { stateChangeResponses, withEtag } from '../http/versioned';
import { answerSurvey, closeSurvey, createSurvey, getSurvey, getSurveyForm, listSurveys, remindSurvey } from './survey.repository';

const Survey = surveySchema.meta({ id: 'Survey' });
const SurveyDetail = surveyDetailSchema.meta({ id: 'SurveyDetail' });
const SurveyPage = pageSchema(Survey).meta({ id: 'SurveyPage' });
const SurveyForm = surveyFormSchema.meta({ id: 'SurveyForm' });
const tags = ['Surveys'];
const gone = { description: 'The survey is closed or past its deadline', content: problemResponses[404].content };

const listRoute = createRoute({
  method: 'get',
  path: '/api/surveys',
  middleware: [authorize('survey', 'read')] as const,
  tags,
  summary: 'List the service-survey campaigns, newest first, with their response counts',
  request: { query: surveyListQuerySchema },
  responses: { 200: { description: 'A page of campaigns', content: jsonContent(SurveyPage) }, 400: problemResponses[400] },
});

const createSurveyRoute = createRoute({
  method: 'post',
  path: '/api/surveys',
  middleware: [authorize('survey', 'create')] as const,
  tags,
  summary: 'Start a campaign: every library picked or in the regions (and branches) gets an e-mail with its own link',
  request: { body: { content: jsonContent(surveyCreateSchema.meta({ id: 'SurveyCreate' })), required: true } },
  responses: { 201: { description: 'Started', content: jsonContent(SurveyDetail), ...withEtag }, 400: problemResponses[400], 415: problemResponses[415] },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/surveys/{id}',
  middleware: [authorize('survey', 'read')] as const,
  tags,
  summary: 'One campaign: response rate per region, and who has answered',
  request: { params: idParamsSchema },
  responses: { 200: { description: 'The campaign', content: jsonContent(SurveyDetail), ...withEtag }, 400: problemResponses[400], 404: problemResponses[404] },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/api/surveys/{id}/export',
  middleware: [authorize('survey', 'export')] as const,
  tags,
  summary: "A campaign's libraries and whether they have answered, as CSV or XLSX",
  request: { params: idParamsSchema, query: z.object({ format: exportFormatSchema }) },
  responses: {
    200: {
      description: 'The file',
      content: { 'text/csv': { schema: z.string() }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() } },
    },
    400: problemResponses[400],
    404: problemResponses[404],
  },
});

const exportColumns: ExportColumn<SurveyRecipient>[] = [
  { header: 'Bibliotek', value: (r) => r.actorName },
  { header: 'Region', value: (r) => r.regionName },
  { header: 'E-post', value: (r) => r.email },
  { header: 'Lenke sendt', value: (r) => r.mailedAt },
  { header: 'Påminnet', value: (r) => r.remindedAt },
  { header: 'Svart', value: (r) => r.answeredAt },
  { header: 'Svart av', value: (r) => r.answeredBy },
];

const remindRoute = createRoute({
  method: 'post',
  path: '/api/surveys/{id}/remind',
  middleware: [authorize('survey', 'update')] as const,
  tags,
  summary: 'Mail a reminder (a fresh link) to every library that has not answered; none to those that have',
  request: { params: idParamsSchema },
  responses: {
    200: { description: 'Reminders sent', content: jsonContent(surveyReminderResultSchema.meta({ id: 'SurveyReminderResult' })) },
    400: problemResponses[400],
    404: problemResponses[404],
    409: problemResponses[409],
  },
});

const closeRoute = createRoute({
  method: 'post',
  path: '/api/surveys/{id}/close',
  middleware: [authorize('survey', 'transition')] as const,
  tags,
  summary: 'Close a campaign: its links stop working (If-Match required)',
  request: { params: idParamsSchema, headers: ifMatchHeaderSchema },
  responses: stateChangeResponses(SurveyDetail),
});

const formRoute = createRoute({
  method: 'get',
  path: '/api/survey-form',
  middleware: [publicAccess()] as const,
  tags,
  summary: "A library's answer form, by the token of its link (no login): the campaign and the library's current services",
  request: { query: surveyTokenQuerySchema },
  responses: { 200: { description: 'The form', content: jsonContent(SurveyForm) }, 400: problemResponses[400], 404: problemResponses[404], 410: gone },
});

const answerRoute = createRoute({
  method: 'post',
  path: '/api/survey-form',
  middleware: [publicAccess()] as const,
  tags,
  summary: "A library's answer: updates and confirms its services (no login; the token answers only for its own library)",
  request: { query: surveyTokenQuerySchema, body: { content: jsonContent(surveyAnswerSchema.meta({ id: 'SurveyAnswer' })), required: true } },
  responses: {
    200: { description: 'Saved; the form as it now stands', content: jsonContent(SurveyForm) },
    400: problemResponses[400],
    404: problemResponses[404],
    410: gone,
    412: problemResponses[412],
    415: problemResponses[415],
  },
});

export const surveysRouter = createRouter()
  .openapi(listRoute, async (c) => c.json(await listSurveys(c.var.deps.db, c.req.valid('query')), 200))
  .openapi(createSurveyRoute, (c) =>
    createRecord(c, ({ change }) => createSurvey(c.var.deps, c.req.valid('json'), change), (survey) => `/api/surveys/${survey.id}`),
  )
  .openapi(getRoute, (c) => readRecord(c, (db) => getSurvey(db, c.req.valid('param').id)))
  .openapi(exportRoute, async (c) => {
    const survey = await getSurvey(c.var.deps.db, c.req.valid('param').id);
    return exportResponse(c, { name: 'undersokelse', format: c.req.valid('query').format, columns: exportColumns, rows: survey.recipientList });
  })
  .openapi(remindRoute, async (c) => {
    const { change } = await accessOf(c);
    return c.json(await remindSurvey(c.var.deps, c.req.valid('param').id, change), 200);
  })
  .openapi(closeRoute, (c) => changeRecord(c, ({ db, change }, version) => closeSurvey(db, c.req.valid('param').id, version, change)))
  .openapi(formRoute, async (c) => c.json(await getSurveyForm(c.var.deps.db, c.req.valid('query').token), 200))
  .openapi(answerRoute, async (c) => c.json(await answerSurvey(c.var.deps.db, c.req.valid('query').token, c.req.valid('json')), 200));
