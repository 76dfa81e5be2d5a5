import { z } from 'zod';
import {
  pageSchema,
  surveyAnswerSchema,
  surveyCreateSchema,
  surveyDetailSchema,
  surveyFormSchema,
  surveyListQuerySchema,
  mailOutSchema,
  surveySchema,
  surveyTokenQuerySchema,
  type SurveyRecipient,
} from '@kompetansebro/domain';
import { accessOf, scopeOf } from '../auth/visibility';
import { changeRecord, createRecord, readRecord } from '../http/record-handlers';
import { downloadHeaders, exportAnswer, exportFormatSchema, exportResponse, type ExportColumn } from '../http/export';
import { fileAnswer, ifMatch, jsonAnswer, jsonBody, routesTagged, versionedAnswer } from '../http/api-route';
import { createRouter, idParamsSchema, problemResponses } from '../http/openapi';
import { stateChangeResponses } from '../http/versioned';
import { answerSurvey, closeSurvey, createSurvey, getSurvey, getSurveyForm, lettersForUnreached, libraryAnswerLink, listSurveys, openSurveyOfLibrary, previewRecipients, remindSurvey } from './survey.repository';
import { renderSurveyLetters } from './survey-letters-pdf';
import { mailOutsOf, retryMailOut } from './mail-out';

const Survey = surveySchema.meta({ id: 'Survey' });
const SurveyDetail = surveyDetailSchema.meta({ id: 'SurveyDetail' });
const SurveyPage = pageSchema(Survey).meta({ id: 'SurveyPage' });
const SurveyForm = surveyFormSchema.meta({ id: 'SurveyForm' });
const gone = { description: 'The survey is closed or past its deadline', content: problemResponses[404].content };

const route = routesTagged('Surveys');

const listRoute = route('get', '/api/surveys', ['survey', 'read'], {
  summary: 'List the service-survey campaigns, newest first, with their response counts',
  request: { query: surveyListQuerySchema },
  answers: { 200: jsonAnswer('A page of campaigns', SurveyPage) },
  problems: [400],
});

const createSurveyRoute = route('post', '/api/surveys', ['survey', 'create'], {
  summary: 'Start a campaign: every library picked or in the regions (and branches) gets an e-mail with its own link',
  request: { body: jsonBody(surveyCreateSchema.meta({ id: 'SurveyCreate' })) },
  answers: { 201: versionedAnswer('Started', SurveyDetail) },
  problems: [400, 415],
});

const getRoute = route('get', '/api/surveys/{id}', ['survey', 'read'], {
  summary: 'One campaign: response rate per region, and who has answered',
  request: { params: idParamsSchema },
  answers: { 200: versionedAnswer('The campaign', SurveyDetail) },
  problems: [400, 404],
});

const exportRoute = route('get', '/api/surveys/{id}/export', ['survey', 'export'], {
  summary: "A campaign's libraries and whether they have answered, as CSV or XLSX",
  request: { params: idParamsSchema, query: z.object({ format: exportFormatSchema }) },
  answers: { 200: exportAnswer },
  problems: [400, 404],
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

const remindRoute = route('post', '/api/surveys/{id}/remind', ['survey', 'update'], {
  summary: 'Queue a mail-out of a reminder (a fresh link) to every library that has not answered; none to those that have',
  request: { params: idParamsSchema },
  answers: { 202: jsonAnswer('The mail-out, queued', mailOutSchema) },
  problems: [400, 404, 409],
});

const mailOutsRoute = route('get', '/api/surveys/{id}/mail-outs', ['survey', 'read'], {
  summary: "The survey's mail-outs (invitations, reminder rounds), newest first: queued, sending (sent of total), sent, or failed and why",
  request: { params: idParamsSchema },
  answers: { 200: jsonAnswer('The mail-outs', z.array(mailOutSchema)) },
  problems: [400, 404],
});

const retryMailOutRoute = route('post', '/api/surveys/{id}/mail-outs/{mailOutId}/retry', ['survey', 'update'], {
  summary: 'Try a failed mail-out again: the libraries not yet mailed get their mail (none gets it twice)',
  request: { params: z.object({ id: z.uuid(), mailOutId: z.uuid() }) },
  answers: { 202: jsonAnswer('The mail-out, queued again', mailOutSchema) },
  problems: [400, 404, 409],
});

const recipientsRoute = route('post', '/api/surveys/recipients', ['survey', 'create'], {
  summary: 'Before starting: the libraries these choices would ask, and the address each would get its link at (null: none — print a letter)',
  request: { body: jsonBody(z.object({ regionIds: z.array(z.uuid()).max(100).default([]), actorIds: z.array(z.uuid()).max(500).default([]), includeBranches: z.boolean().default(true) }).strict().meta({ id: 'SurveyRecipientsRequest' })) },
  answers: { 200: jsonAnswer('The recipients', z.array(z.object({ actorId: z.uuid(), actorName: z.string(), email: z.string().nullable() }))) },
  problems: [400, 415],
});

const lettersRoute = route('post', '/api/surveys/{id}/letters', ['survey', 'update'], {
  summary: 'Printable letters (PDF) to the libraries that have not answered and have no e-mail address: each with a fresh personal link and its QR code',
  request: { params: idParamsSchema },
  answers: { 200: fileAnswer('The letters, one a page', 'application/pdf') },
  problems: [400, 404, 409],
});

const closeRoute = route('post', '/api/surveys/{id}/close', ['survey', 'transition'], {
  summary: 'Close a campaign: its links stop working (If-Match required)',
  request: { params: idParamsSchema, ...ifMatch },
  answers: stateChangeResponses(SurveyDetail),
});

const formRoute = route('get', '/api/survey-form', 'public', {
  summary: "A library's answer form, by the token of its link (no login): the campaign and the library's current services",
  request: { query: surveyTokenQuerySchema },
  answers: { 200: jsonAnswer('The form', SurveyForm), 410: gone },
  problems: [400, 404],
});

const answerRoute = route('post', '/api/survey-form', 'public', {
  summary: "A library's answer: updates and confirms its services (no login; the token answers only for its own library)",
  request: { query: surveyTokenQuerySchema, body: jsonBody(surveyAnswerSchema.meta({ id: 'SurveyAnswer' })) },
  answers: { 200: jsonAnswer('Saved; the form as it now stands', SurveyForm), 410: gone },
  problems: [400, 404, 412, 415],
});

// The library portal (issue 14): a library editor sees the survey open to its library and answers it
// through the same form as the mailed link. Answering a survey is changing one's services.
const OwnSurvey = z
  .object({ survey: z.object({ name: z.string(), deadline: z.iso.date(), answeredAt: z.string().nullable() }).nullable() })
  .meta({ id: 'OwnSurvey' });

const ownSurveyRoute = route('get', '/api/survey-form/own', ['service', 'update'], {
  summary: "The survey open to the caller's library, and whether it has answered (null: none open, or the caller is no library)",
  answers: { 200: jsonAnswer('The open survey', OwnSurvey) },
});

const ownLinkRoute = route('post', '/api/survey-form/own/link', ['service', 'update'], {
  summary: "A fresh link (token) to the caller's library's answer form of the open survey",
  answers: { 200: jsonAnswer('The link', z.object({ token: z.string() }).meta({ id: 'SurveyLink' })) },
  problems: [404],
});

export const surveysRouter = createRouter()
  .openapi(listRoute, async (c) => c.json(await listSurveys(c.get('deps').db, c.req.valid('query')), 200))
  .openapi(createSurveyRoute, (c) =>
    createRecord(c, ({ change }) => createSurvey(c.get('deps'), c.req.valid('json'), change), (survey) => `/api/surveys/${survey.id}`),
  )
  .openapi(recipientsRoute, async (c) => c.json(await previewRecipients(c.get('deps').db, c.req.valid('json')), 200))
  .openapi(getRoute, (c) => readRecord(c, (db) => getSurvey(db, c.req.valid('param').id)))
  .openapi(exportRoute, async (c) => {
    const survey = await getSurvey(c.get('deps').db, c.req.valid('param').id);
    return exportResponse(c, { name: 'undersokelse', format: c.req.valid('query').format, columns: exportColumns, rows: survey.recipientList });
  })
  .openapi(remindRoute, async (c) => {
    const { change } = await accessOf(c);
    return c.json(await remindSurvey(c.get('deps'), c.req.valid('param').id, change), 202);
  })
  .openapi(mailOutsRoute, async (c) => c.json(await mailOutsOf(c.get('deps').db, c.req.valid('param').id), 200))
  .openapi(retryMailOutRoute, async (c) => {
    const { change } = await accessOf(c);
    const { id, mailOutId } = c.req.valid('param');
    return c.json(await retryMailOut(c.get('deps'), id, mailOutId, change), 202);
  })
  .openapi(lettersRoute, async (c) => {
    const { survey, letters } = await lettersForUnreached(c.get('deps'), c.req.valid('param').id);
    return c.body(new Uint8Array(await renderSurveyLetters(survey.name, letters)), 200, downloadHeaders('application/pdf', 'brev-undersokelse.pdf'));
  })
  .openapi(closeRoute, (c) => changeRecord(c, ({ db, change }, version) => closeSurvey(db, c.req.valid('param').id, version, change)))
  .openapi(ownSurveyRoute, async (c) => c.json({ survey: await openSurveyOfLibrary(c.get('deps').db, await scopeOf(c)) }, 200))
  .openapi(ownLinkRoute, async (c) => c.json(await libraryAnswerLink(c.get('deps').db, await scopeOf(c)), 200))
  .openapi(formRoute, async (c) => c.json(await getSurveyForm(c.get('deps').db, c.req.valid('query').token), 200))
  .openapi(answerRoute, async (c) => c.json(await answerSurvey(c.get('deps').db, c.req.valid('query').token, c.req.valid('json')), 200));
