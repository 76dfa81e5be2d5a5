import { accessOf, scopeOf } from '../auth/visibility';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import {
  agreementCreateSchema,
  agreementDecisionSchema,
  agreementDetailSchema,
  agreementSettingsSchema,
  agreementSettingsUpdateSchema,
  amendmentRequestSchema,
  pendingAcceptanceListQuerySchema,
  pendingAcceptanceSchema,
  agreementDocumentSchema,
  agreementListQuerySchema,
  agreementStatusCountsSchema,
  agreementSummarySchema,
  agreementUpdateSchema,
  isoDateSchema,
  pageSchema,
  transitionRequestSchema,
  type AgreementSummary,
  agreementAtVersion,
  agreementDocumentOf,
  agreementTemplateCreateSchema,
  agreementTemplateSchema,
  agreementTemplateUpdateSchema,
  todayInNorway,
} from '@kompetansebro/domain';
import {
  agreementDocumentSource,
  createAgreementTemplate,
  getAgreementTemplate,
  listAgreementTemplates,
  removeAgreementTemplate,
  updateAgreementTemplate,
} from './agreement-template.repository';
import { agreementDocx, agreementPdf, serviceName } from './agreement-document-file';
import { changeRecord, createRecord, exportRows, readRecord, removeRecord } from '../http/record-handlers';
import { downloadHeaders, type ExportColumn } from '../http/export';
import { fileAnswer, ifMatch, jsonAnswer, jsonBody, problemsOf, routesTagged, versionedAnswer } from '../http/api-route';
import { recordRoutes } from '../http/record-routes';
import { createRouter, idParamsSchema } from '../http/openapi';
import { invalidInput, ProblemError } from '../http/problem';
import type { AppEnv } from '../http/app-env';
import { applyAgreementCalendar } from '../jobs/agreement-calendar';
import { askAcceptance } from '../jobs/agreement-acceptance-mail';
import { getAgreementSettings, updateAgreementSettings } from './agreement-settings.repository';
import { acceptAmendment, proposeAmendment } from './agreement-amendment.repository';
import {
  countAgreementsByStatus,
  createAgreement,
  decideAgreement,
  getAgreement,
  listAgreements,
  listPendingAcceptances,
  renewAgreement,
  transitionAgreement,
  updateAgreement,
} from './agreement.repository';
import { addAgreementDocument, MAX_DOCUMENT_BYTES, readAgreementDocument, removeAgreementDocument } from './agreement-document.repository';

const AgreementDetail = agreementDetailSchema.meta({ id: 'AgreementDetail' });
const AgreementPage = pageSchema(agreementSummarySchema.meta({ id: 'AgreementSummary' })).meta({ id: 'AgreementPage' });
const AgreementSettings = agreementSettingsSchema.meta({ id: 'AgreementSettings' });
const tags = ['Agreements'];

/**
 * Before an agreement is read or changed, the calendar moves what today moves (the daily job does
 * the same): a status is never stale on read, and an agreement that has ended is acted on as expired (409).
 */
export const calendarFirst = createMiddleware<AppEnv>(async (c, next) => {
  const { db, readReuse } = c.get('deps');
  const today = todayInNorway();
  await readReuse.checkCalendar(() => applyAgreementCalendar(db, today), c.req.method === 'GET' || c.req.method === 'HEAD', today);
  await next();
});

const route = routesTagged(...tags);
const agreementRoutes = recordRoutes({ path: '/api/agreements', policy: 'agreement', tags, record: AgreementDetail, prepare: calendarFirst });

const detailAnswer = versionedAnswer('The agreement', AgreementDetail);
/** The problems of a write to an agreement (If-Match, and the lifecycle's conflicts). */
const writeProblems = [400, 404, 409, 412, 415, 428] as const;
const forbidden = { description: 'Not for your organisation', content: problemsOf([400])[400].content };
const documentParams = idParamsSchema.extend({ documentId: z.uuid().meta({ param: { name: 'documentId', in: 'path' } }) });
const partyParams = idParamsSchema.extend({ actorId: z.uuid().meta({ param: { name: 'actorId', in: 'path' } }) });
const amendmentParams = partyParams.extend({ amendmentId: z.uuid().meta({ param: { name: 'amendmentId', in: 'path' } }) });

const listRoute = agreementRoutes.list(agreementListQuerySchema, AgreementPage, 'List agreements: filter by status, kind, party, region, ending soon', 'A page of agreements');
const exportRoute = agreementRoutes.export(agreementListQuerySchema, 'Every agreement the filters select, as CSV or XLSX');
const countsRoute = route('get', '/api/agreements/counts', ['agreement', 'read'], {
  summary: 'How many agreements you may see have each status (every status, 0 when none)',
  answers: { 200: jsonAnswer('The count per status', agreementStatusCountsSchema.meta({ id: 'AgreementStatusCounts' })) },
  prepare: calendarFirst,
});
const getRoute = agreementRoutes.get(
  'One agreement: parties and roles, committed services, documents, versions and transitions, allowed next statuses',
  'The agreement',
);
const createAgreementRoute = agreementRoutes.create(agreementCreateSchema.meta({ id: 'AgreementCreate' }), 'Create an agreement (a draft) between two or more actors');

const updateRoute = route('patch', '/api/agreements/{id}', ['agreement', 'update'], {
  summary: 'Change an agreement (If-Match). Parties, kind, title and start change only while draft or negotiating',
  request: { params: idParamsSchema, ...ifMatch, body: jsonBody(agreementUpdateSchema.meta({ id: 'AgreementUpdate' })) },
  answers: { 200: detailAnswer },
  problems: writeProblems,
  prepare: calendarFirst,
});

const transitionRoute = route('post', '/api/agreements/{id}/transitions', ['agreement', 'transition'], {
  summary: 'Move the agreement along its lifecycle (If-Match); 409 lists the allowed statuses',
  request: { params: idParamsSchema, ...ifMatch, body: jsonBody(transitionRequestSchema.meta({ id: 'TransitionRequest' })) },
  answers: { 200: detailAnswer },
  problems: writeProblems,
  prepare: calendarFirst,
});

const acceptRoute = route('post', '/api/agreements/{id}/parties/{actorId}/accept', ['agreement_acceptance', 'create'], {
  summary: 'A party accepts the agreement, for its own organisation only (If-Match); an optional comment',
  request: { params: partyParams, ...ifMatch, body: { ...jsonBody(z.object({ comment: agreementDecisionSchema.shape.comment }).strict()), required: false } },
  answers: { 200: detailAnswer, 403: forbidden },
  problems: writeProblems,
  prepare: calendarFirst,
});

const decisionRoute = route('post', '/api/agreements/{id}/parties/{actorId}/decision', ['agreement_acceptance', 'create'], {
  summary: 'A party accepts or declines (with a comment) the agreement, for its own organisation only (If-Match)',
  request: { params: partyParams, ...ifMatch, body: jsonBody(agreementDecisionSchema.meta({ id: 'AgreementDecision' })) },
  answers: { 200: detailAnswer, 403: forbidden },
  problems: writeProblems,
  prepare: calendarFirst,
});

const amendRoute = route('post', '/api/agreements/{id}/amendments', ['agreement', 'update'], {
  summary: 'Propose an amendment of a signed agreement: what changes and why (If-Match); in force when every party it touches accepts',
  request: { params: idParamsSchema, ...ifMatch, body: jsonBody(amendmentRequestSchema.meta({ id: 'AmendmentRequest' })) },
  answers: { 200: detailAnswer, 403: forbidden },
  problems: writeProblems,
  prepare: calendarFirst,
});

const acceptAmendmentRoute = route('post', '/api/agreements/{id}/amendments/{amendmentId}/parties/{actorId}/accept', ['agreement_acceptance', 'create'], {
  summary: 'A party the amendment touches accepts it, for its own organisation only (If-Match on the agreement)',
  request: { params: amendmentParams, ...ifMatch },
  answers: { 200: detailAnswer, 403: forbidden },
  problems: writeProblems,
  prepare: calendarFirst,
});

const pendingRoute = route('get', '/api/agreement-acceptances', ['agreement_acceptance', 'read'], {
  summary: 'Agreements (and amendments) waiting for the answer of an organisation the caller answers for (the tasks in its app): a page, newest first',
  request: { query: pendingAcceptanceListQuerySchema },
  answers: { 200: jsonAnswer('A page of the tasks', pageSchema(pendingAcceptanceSchema.meta({ id: 'PendingAcceptance' })).meta({ id: 'PendingAcceptancePage' })) },
  problems: [400],
  prepare: calendarFirst,
});

const getSettingsRoute = route('get', '/api/agreement-settings', ['agreement', 'read'], {
  summary: "The county's agreement settings: how many days before its end an agreement is expiring",
  answers: { 200: versionedAnswer('The settings', AgreementSettings) },
});

const putSettingsRoute = route('put', '/api/agreement-settings', ['agreement', 'update'], {
  summary: "Change the county's agreement settings (If-Match; the county only)",
  request: { ...ifMatch, body: jsonBody(agreementSettingsUpdateSchema.meta({ id: 'AgreementSettingsUpdate' })) },
  answers: { 200: versionedAnswer('The settings', AgreementSettings), 403: forbidden },
  problems: [400, 412, 428],
});

const renewRoute = route('post', '/api/agreements/{id}/renewals', ['agreement', 'create'], {
  summary: 'Renew: a new draft with the same parties and services, linked to this one',
  request: {
    params: idParamsSchema,
    // No start date: the day after the old one ends.
    body: jsonBody(z.object({ startDate: isoDateSchema.nullable().optional(), endDate: isoDateSchema.nullable().optional() }).strict()),
  },
  answers: { 201: versionedAnswer('The new version', AgreementDetail) },
  problems: writeProblems,
  prepare: calendarFirst,
});

/** Refuses an upload before its body is read: over the size limit (413), or not multipart (415). */
const uploadGuard = createMiddleware<AppEnv>(async (c, next) => {
  const length = Number(c.req.header('content-length') ?? 0);
  if (length > MAX_DOCUMENT_BYTES + 64 * 1024) throw new ProblemError(413, 'A document may be at most 20 MB');
  if (!/^multipart\/form-data/i.test(c.req.header('content-type') ?? '')) {
    throw new ProblemError(415, 'Upload the document as multipart/form-data with the field "file"');
  }
  await next();
});

const uploadRoute = route('post', '/api/agreements/{id}/documents', ['agreement', 'update'], {
  summary: 'Upload a signed document (PDF, at most 20 MB) as multipart/form-data field "file"',
  request: {
    params: idParamsSchema,
    body: { content: { 'multipart/form-data': { schema: z.object({ file: z.any().meta({ type: 'string', format: 'binary' }) }) } }, required: true },
  },
  answers: {
    201: jsonAnswer('Stored', agreementDocumentSchema.meta({ id: 'AgreementDocument' })),
    413: { description: 'Over 20 MB', content: forbidden.content },
  },
  problems: [400, 404, 415],
  prepare: uploadGuard,
});

const downloadRoute = route('get', '/api/agreements/{id}/documents/{documentId}', ['agreement', 'read'], {
  summary: 'Download a document of the agreement',
  request: { params: documentParams },
  answers: { 200: fileAnswer('The PDF', 'application/pdf') },
  problems: [404],
  prepare: calendarFirst,
});

const removeDocumentRoute = route('delete', '/api/agreements/{id}/documents/{documentId}', ['agreement', 'delete'], {
  summary: 'Remove a document of the agreement',
  request: { params: documentParams },
  answers: { 204: { description: 'Removed' } },
  problems: [404],
  prepare: calendarFirst,
});

const AgreementTemplate = agreementTemplateSchema.meta({ id: 'AgreementTemplate' });
const templateRoutes = recordRoutes({ path: '/api/agreement-templates', policy: 'agreement_template', tags, record: AgreementTemplate });

const listTemplatesRoute = route('get', '/api/agreement-templates', ['agreement_template', 'read'], {
  summary: "The county's agreement templates, one per kind of agreement (the county only)",
  answers: { 200: jsonAnswer('The templates', z.array(AgreementTemplate)) },
});
const getTemplateRoute = templateRoutes.get('One agreement template', 'The template');
const createTemplateRoute = route('post', '/api/agreement-templates', ['agreement_template', 'create'], {
  summary: 'A template for a kind of agreement: a title and clauses in plain text with fields such as {{parties}} (the county admin only; 409 when the kind has one)',
  request: { body: jsonBody(agreementTemplateCreateSchema.meta({ id: 'AgreementTemplateCreate' })) },
  answers: { 201: versionedAnswer('Created', AgreementTemplate) },
  problems: [400, 409, 415],
});
const updateTemplateRoute = templateRoutes.update(agreementTemplateUpdateSchema.meta({ id: 'AgreementTemplateUpdate' }), 'Change a template (If-Match; the county admin only)');
const removeTemplateRoute = templateRoutes.remove('Remove a template (If-Match; the county admin only)');

const documentFormats = { docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pdf: 'application/pdf' } as const;
const generatedDocumentRoute = route('get', '/api/agreements/{id}/document', ['agreement', 'read'], {
  summary: "The agreement's document made from its data and its kind's template, as DOCX or tagged PDF: parties and roles, services, period, levels, themes, clauses",
  request: {
    params: idParamsSchema,
    query: z.object({
      format: z.enum(['docx', 'pdf']),
      version: z.coerce.number().int().min(1).optional().meta({ description: 'An earlier version: 1 is the signed text, each amendment in force the next (default: the current version)' }),
    }),
  },
  answers: { 200: { description: 'The document', content: { ...fileAnswer('DOCX', documentFormats.docx).content, ...fileAnswer('PDF', documentFormats.pdf).content } } },
  problems: [400, 404],
  prepare: calendarFirst,
});

const exportColumns: ExportColumn<AgreementSummary>[] = [
  { header: 'Tittel', value: (a) => a.title },
  { header: 'Type', value: (a) => a.kind },
  { header: 'Status', value: (a) => a.status },
  { header: 'Parter', value: (a) => a.parties.map((p) => p.actorName).join(', ') },
  { header: 'Start', value: (a) => a.startDate },
  { header: 'Slutt', value: (a) => a.endDate },
  { header: 'Nivåer', value: (a) => a.levels.join(', ') },
  { header: 'Tema', value: (a) => a.themes.join(', ') },
  { header: 'Sist endret', value: (a) => a.updatedAt },
];

/** The one file of a multipart upload (the form is parsed by the route's validator); else 400 naming the field. */
async function uploadedFile(file: unknown): Promise<{ name: string; bytes: Uint8Array }> {
  if (!(file instanceof File)) throw invalidInput([{ path: 'file', code: 'invalid_type', message: 'Send the PDF in the field "file"' }]);
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}


export const agreementsRouter = createRouter()
  .openapi(listRoute, async (c) => c.json(await listAgreements(c.get('deps').db, await scopeOf(c), c.req.valid('query')), 200))
  // Before /api/agreements/{id}, so "counts" and "export" are not read as ids.
  .openapi(countsRoute, async (c) => c.json(await countAgreementsByStatus(c.get('deps').db, await scopeOf(c)), 200))
  .openapi(exportRoute, (c) =>
    exportRows(c, c.req.valid('query'), { name: 'avtaler', columns: exportColumns }, async (db, scope, query) => (await listAgreements(db, scope, query)).items),
  )
  .openapi(getRoute, (c) => readRecord(c, (db, scope) => getAgreement(db, scope, c.req.valid('param').id)))
  .openapi(createAgreementRoute, (c) =>
    createRecord(c, ({ db, scope, change }) => createAgreement(db, scope, c.req.valid('json'), change), (agreement) => `/api/agreements/${agreement.id}`),
  )
  .openapi(updateRoute, (c) =>
    changeRecord(c, ({ db, scope, change }, version) => updateAgreement(db, scope, c.req.valid('param').id, c.req.valid('json'), version, change)),
  )
  .openapi(transitionRoute, async (c) => {
    const { id } = c.req.valid('param');
    const request = c.req.valid('json');
    const answer = await changeRecord(c, ({ db, scope, change }, version) => transitionAgreement(db, scope, id, request, version, change));
    // Sent to the parties: each that has to accept is told, once per round, by a job (retried when a mail fails; the move stands).
    if (request.to === 'negotiating') await askAcceptance(c.get('deps'), { agreementId: id, round: Number(answer.headers.get('ETag')?.replace(/\D/g, '') ?? 0) });
    return answer;
  })
  .openapi(acceptRoute, (c) => {
    const { id, actorId } = c.req.valid('param');
    const decision = { decision: 'accepted' as const, ...c.req.valid('json') };
    return changeRecord(c, ({ db, scope, change }, version) => decideAgreement(db, scope, id, actorId, decision, version, change));
  })
  .openapi(decisionRoute, (c) => {
    const { id, actorId } = c.req.valid('param');
    return changeRecord(c, ({ db, scope, change }, version) => decideAgreement(db, scope, id, actorId, c.req.valid('json'), version, change));
  })
  .openapi(amendRoute, async (c) => {
    const { id } = c.req.valid('param');
    const answer = await changeRecord(c, ({ db, scope, change }, version) => proposeAmendment(db, scope, id, c.req.valid('json'), version, change));
    // The parties it touches are told, as when an agreement goes to them (by a job; the proposal stands).
    await askAcceptance(c.get('deps'), { agreementId: id, amendment: true });
    return answer;
  })
  .openapi(acceptAmendmentRoute, (c) => {
    const { id, amendmentId, actorId } = c.req.valid('param');
    return changeRecord(c, ({ db, scope, change }, version) => acceptAmendment(db, scope, id, amendmentId, actorId, version, change));
  })
  .openapi(pendingRoute, async (c) => c.json(await listPendingAcceptances(c.get('deps').db, await scopeOf(c), c.req.valid('query')), 200))
  .openapi(getSettingsRoute, (c) => readRecord(c, (db) => getAgreementSettings(db)))
  .openapi(putSettingsRoute, (c) =>
    changeRecord(c, ({ db, scope, change }, version) => updateAgreementSettings(db, scope, c.req.valid('json'), version, change)),
  )
  .openapi(renewRoute, (c) =>
    createRecord(
      c,
      ({ db, scope, change }) => renewAgreement(db, scope, c.req.valid('param').id, c.req.valid('json'), change),
      (renewal) => `/api/agreements/${renewal.id}`,
    ),
  )
  .openapi(uploadRoute, async (c) => {
    const file = await uploadedFile(c.req.valid('form').file);
    const { scope, change } = await accessOf(c);
    const document = await addAgreementDocument(c.get('deps').db, scope, c.get('deps').config.documentsDir, c.req.valid('param').id, file, change);
    return c.json(document, 201);
  })
  .openapi(downloadRoute, async (c) => {
    const { id, documentId } = c.req.valid('param');
    const document = await readAgreementDocument(c.get('deps').db, await scopeOf(c), c.get('deps').config.documentsDir, id, documentId);
    return c.body(new Uint8Array(document.bytes), 200, downloadHeaders('application/pdf', document.filename));
  })
  .openapi(listTemplatesRoute, async (c) => c.json(await listAgreementTemplates(c.get('deps').db, await scopeOf(c)), 200))
  .openapi(getTemplateRoute, (c) => readRecord(c, (db, scope) => getAgreementTemplate(db, scope, c.req.valid('param').id)))
  .openapi(createTemplateRoute, (c) =>
    createRecord(c, ({ db, scope, change }) => createAgreementTemplate(db, scope, c.req.valid('json'), change), (template) => `/api/agreement-templates/${template.id}`),
  )
  .openapi(updateTemplateRoute, (c) =>
    changeRecord(c, ({ db, scope, change }, version) => updateAgreementTemplate(db, scope, c.req.valid('param').id, c.req.valid('json'), version, change)),
  )
  .openapi(removeTemplateRoute, (c) => removeRecord(c, ({ db, scope, change }, version) => removeAgreementTemplate(db, scope, c.req.valid('param').id, version, change)))
  .openapi(generatedDocumentRoute, async (c) => {
    const { format, version } = c.req.valid('query');
    const { agreement, template } = await agreementDocumentSource(c.get('deps').db, await scopeOf(c), c.req.valid('param').id);
    const content = agreementDocumentOf(version === undefined ? agreement : agreementAtVersion(agreement, version), template, serviceName);
    const bytes = format === 'pdf' ? await agreementPdf(content) : await agreementDocx(content);
    const filename = `${agreement.title}${version === undefined ? '' : ` versjon ${version}`}.${format}`;
    return c.body(new Uint8Array(bytes), 200, downloadHeaders(documentFormats[format], filename));
  })
  .openapi(removeDocumentRoute, async (c) => {
    const { id, documentId } = c.req.valid('param');
    const { scope, change } = await accessOf(c);
    await removeAgreementDocument(c.get('deps').db, scope, c.get('deps').config.documentsDir, id, documentId, change);
    return c.body(null, 204);
  });
