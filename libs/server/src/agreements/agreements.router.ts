import { createRoute } from '@hono/zod-openapi';
import { authorize } from '../auth/access-control';
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
  pendingAcceptanceSchema,
  agreementDocumentSchema,
  agreementListQuerySchema,
  agreementSummarySchema,
  agreementUpdateSchema,
  isoDateSchema,
  pageSchema,
  transitionRequestSchema,
  type AgreementSummary,
} from '@kompetansebro/domain';
import { changeRecord, createRecord, exportRows, readRecord } from '../http/record-handlers';
import { exportFormatSchema, type ExportColumn } from '../http/export';
import { createRouter, idParamsSchema, ifMatchHeaderSchema, jsonContent, problemResponses } from '../http/openapi';
import { invalidInput, ProblemError } from '../http/problem';
import { withEtag } from '../http/versioned';
import type { AppEnv } from '../http/app-env';
import { applyAgreementCalendar } from '../jobs/agreement-calendar';
import { mailAcceptanceAsked } from '../jobs/agreement-acceptance-mail';
import { getAgreementSettings, updateAgreementSettings } from './agreement-settings.repository';
import { acceptAmendment, proposeAmendment } from './agreement-amendment.repository';
import {
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
const tags = ['Agreements'];
const detailResponse = { description: 'The agreement', content: jsonContent(AgreementDetail), ...withEtag };
const writeProblems = {
  400: problemResponses[400],
  404: problemResponses[404],
  409: problemResponses[409],
  412: problemResponses[412],
  415: problemResponses[415],
  428: problemResponses[428],
};
const forbidden = { description: 'Not for your organisation', content: problemResponses[400].content };
const documentParams = z.object({
  id: z.uuid().meta({ param: { name: 'id', in: 'path' } }),
  documentId: z.uuid().meta({ param: { name: 'documentId', in: 'path' } }),
});
const partyParams = z.object({
  id: z.uuid().meta({ param: { name: 'id', in: 'path' } }),
  actorId: z.uuid().meta({ param: { name: 'actorId', in: 'path' } }),
});

/**
 * Before an agreement is read or changed, the calendar moves what today moves (the daily job does
 * the same): a status is never stale on read, and an agreement that has ended is acted on as expired (409).
 */
export const calendarFirst = createMiddleware<AppEnv>(async (c, next) => {
  await applyAgreementCalendar(c.var.deps.db);
  await next();
});

const listRoute = createRoute({
  method: 'get',
  path: '/api/agreements',
  middleware: [authorize('agreement', 'read'), calendarFirst] as const,
  tags,
  summary: 'List agreements: filter by status, kind, party, region, ending soon',
  request: { query: agreementListQuerySchema },
  responses: { 200: { description: 'A page of agreements', content: jsonContent(AgreementPage) }, 400: problemResponses[400] },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/api/agreements/export',
  middleware: [authorize('agreement', 'export'), calendarFirst] as const,
  tags,
  summary: 'Every agreement the filters select, as CSV or XLSX',
  request: { query: agreementListQuerySchema.omit({ page: true, pageSize: true }).extend({ format: exportFormatSchema }) },
  responses: { 200: { description: 'The file', content: { 'text/csv': { schema: z.string() } } }, 400: problemResponses[400] },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/agreements/{id}',
  middleware: [authorize('agreement', 'read'), calendarFirst] as const,
  tags,
  summary: 'One agreement: parties and roles, committed services, documents, versions and transitions, allowed next statuses',
  request: { params: idParamsSchema },
  responses: { 200: detailResponse, 400: problemResponses[400], 404: problemResponses[404] },
});

const createAgreementRoute = createRoute({
  method: 'post',
  path: '/api/agreements',
  middleware: [authorize('agreement', 'create'), calendarFirst] as const,
  tags,
  summary: 'Create an agreement (a draft) between two or more actors',
  request: { body: { content: jsonContent(agreementCreateSchema.meta({ id: 'AgreementCreate' })), required: true } },
  responses: { 201: { ...detailResponse, description: 'Created' }, 400: problemResponses[400], 415: problemResponses[415] },
});

const updateRoute = createRoute({
  method: 'patch',
  path: '/api/agreements/{id}',
  middleware: [authorize('agreement', 'update'), calendarFirst] as const,
  tags,
  summary: 'Change an agreement (If-Match). Parties, kind, title and start change only while draft or negotiating',
  request: { params: idParamsSchema, headers: ifMatchHeaderSchema, body: { content: jsonContent(agreementUpdateSchema.meta({ id: 'AgreementUpdate' })), required: true } },
  responses: { 200: detailResponse, ...writeProblems },
});

const transitionRoute = createRoute({
  method: 'post',
  path: '/api/agreements/{id}/transitions',
  middleware: [authorize('agreement', 'transition'), calendarFirst] as const,
  tags,
  summary: 'Move the agreement along its lifecycle (If-Match); 409 lists the allowed statuses',
  request: { params: idParamsSchema, headers: ifMatchHeaderSchema, body: { content: jsonContent(transitionRequestSchema.meta({ id: 'TransitionRequest' })), required: true } },
  responses: { 200: detailResponse, ...writeProblems },
});

const decisionBody = (id: string) => ({ content: jsonContent(agreementDecisionSchema.meta({ id })), required: true });

const acceptRoute = createRoute({
  method: 'post',
  path: '/api/agreements/{id}/parties/{actorId}/accept',
  middleware: [authorize('agreement_acceptance', 'create'), calendarFirst] as const,
  tags,
  summary: 'A party accepts the agreement, for its own organisation only (If-Match); an optional comment',
  request: {
    params: partyParams,
    headers: ifMatchHeaderSchema,
    body: { content: jsonContent(z.object({ comment: agreementDecisionSchema.shape.comment }).strict()), required: false },
  },
  responses: { 200: detailResponse, 403: forbidden, ...writeProblems },
});

const decisionRoute = createRoute({
  method: 'post',
  path: '/api/agreements/{id}/parties/{actorId}/decision',
  middleware: [authorize('agreement_acceptance', 'create'), calendarFirst] as const,
  tags,
  summary: 'A party accepts or declines (with a comment) the agreement, for its own organisation only (If-Match)',
  request: { params: partyParams, headers: ifMatchHeaderSchema, body: decisionBody('AgreementDecision') },
  responses: { 200: detailResponse, 403: forbidden, ...writeProblems },
});

const amendRoute = createRoute({
  method: 'post',
  path: '/api/agreements/{id}/amendments',
  middleware: [authorize('agreement', 'update'), calendarFirst] as const,
  tags,
  summary: 'Propose an amendment of a signed agreement: what changes and why (If-Match); in force when every party it touches accepts',
  request: { params: idParamsSchema, headers: ifMatchHeaderSchema, body: { content: jsonContent(amendmentRequestSchema.meta({ id: 'AmendmentRequest' })), required: true } },
  responses: { 200: detailResponse, 403: forbidden, ...writeProblems },
});

const amendmentParams = z.object({
  id: z.uuid().meta({ param: { name: 'id', in: 'path' } }),
  amendmentId: z.uuid().meta({ param: { name: 'amendmentId', in: 'path' } }),
  actorId: z.uuid().meta({ param: { name: 'actorId', in: 'path' } }),
});

const acceptAmendmentRoute = createRoute({
  method: 'post',
  path: '/api/agreements/{id}/amendments/{amendmentId}/parties/{actorId}/accept',
  middleware: [authorize('agreement_acceptance', 'create'), calendarFirst] as const,
  tags,
  summary: 'A party the amendment touches accepts it, for its own organisation only (If-Match on the agreement)',
  request: { params: amendmentParams, headers: ifMatchHeaderSchema },
  responses: { 200: detailResponse, 403: forbidden, ...writeProblems },
});

const pendingRoute = createRoute({
  method: 'get',
  path: '/api/agreement-acceptances',
  middleware: [authorize('agreement_acceptance', 'read'), calendarFirst] as const,
  tags,
  summary: "Agreements waiting for the answer of an organisation the caller answers for (the tasks in its app)",
  responses: { 200: { description: 'The tasks', content: jsonContent(z.array(pendingAcceptanceSchema.meta({ id: 'PendingAcceptance' }))) } },
});

const getSettingsRoute = createRoute({
  method: 'get',
  path: '/api/agreement-settings',
  middleware: [authorize('agreement', 'read')] as const,
  tags,
  summary: "The county's agreement settings: how many days before its end an agreement is expiring",
  responses: { 200: { description: 'The settings', content: jsonContent(agreementSettingsSchema.meta({ id: 'AgreementSettings' })), ...withEtag } },
});

const putSettingsRoute = createRoute({
  method: 'put',
  path: '/api/agreement-settings',
  middleware: [authorize('agreement', 'update')] as const,
  tags,
  summary: "Change the county's agreement settings (If-Match; the county only)",
  request: { headers: ifMatchHeaderSchema, body: { content: jsonContent(agreementSettingsUpdateSchema.meta({ id: 'AgreementSettingsUpdate' })), required: true } },
  responses: {
    200: { description: 'The settings', content: jsonContent(agreementSettingsSchema), ...withEtag },
    400: problemResponses[400],
    403: forbidden,
    412: problemResponses[412],
    428: problemResponses[428],
  },
});

const renewRoute = createRoute({
  method: 'post',
  path: '/api/agreements/{id}/renewals',
  middleware: [authorize('agreement', 'create'), calendarFirst] as const,
  tags,
  summary: 'Renew: a new draft with the same parties and services, linked to this one',
  request: {
    params: idParamsSchema,
    // No start date: the day after the old one ends.
    body: { content: jsonContent(z.object({ startDate: isoDateSchema.nullable().optional(), endDate: isoDateSchema.nullable().optional() }).strict()), required: true },
  },
  responses: { 201: { ...detailResponse, description: 'The new version' }, ...writeProblems },
});

/** Refuses an upload before its body is read: over the size limit (413), or not multipart (415). */
const uploadGuard = createMiddleware(async (c, next) => {
  const length = Number(c.req.header('content-length') ?? 0);
  if (length > MAX_DOCUMENT_BYTES + 64 * 1024) throw new ProblemError(413, 'A document may be at most 20 MB');
  if (!/^multipart\/form-data/i.test(c.req.header('content-type') ?? '')) {
    throw new ProblemError(415, 'Upload the document as multipart/form-data with the field "file"');
  }
  await next();
});

const uploadRoute = createRoute({
  method: 'post',
  path: '/api/agreements/{id}/documents',
  middleware: [authorize('agreement', 'update'), uploadGuard] as const,
  tags,
  summary: 'Upload a signed document (PDF, at most 20 MB) as multipart/form-data field "file"',
  
  request: {
    params: idParamsSchema,
    body: { content: { 'multipart/form-data': { schema: z.object({ file: z.any().meta({ type: 'string', format: 'binary' }) }) } }, required: true },
  },
  responses: {
    201: { description: 'Stored', content: jsonContent(agreementDocumentSchema.meta({ id: 'AgreementDocument' })) },
    400: problemResponses[400],
    404: problemResponses[404],
    413: { description: 'Over 20 MB', content: problemResponses[400].content },
    415: problemResponses[415],
  },
});

const downloadRoute = createRoute({
  method: 'get',
  path: '/api/agreements/{id}/documents/{documentId}',
  middleware: [authorize('agreement', 'read'), calendarFirst] as const,
  tags,
  summary: 'Download a document of the agreement',
  request: { params: documentParams },
  responses: { 200: { description: 'The PDF', content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } } }, 404: problemResponses[404] },
});

const removeDocumentRoute = createRoute({
  method: 'delete',
  path: '/api/agreements/{id}/documents/{documentId}',
  middleware: [authorize('agreement', 'delete'), calendarFirst] as const,
  tags,
  summary: 'Remove a document of the agreement',
  request: { params: documentParams },
  responses: { 204: { description: 'Removed' }, 404: problemResponses[404] },
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
  .openapi(listRoute, async (c) => c.json(await listAgreements(c.var.deps.db, await scopeOf(c), c.req.valid('query')), 200))
  // Before /api/agreements/{id}, so "export" is not read as an id.
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
    // Sent to the parties: each that has to accept is told, once per round (a mail that fails is logged, the move stands).
    if (request.to === 'negotiating') {
      const round = Number(answer.headers.get('ETag')?.replace(/\D/g, '') ?? 0);
      await mailAcceptanceAsked(c.var.deps, id, round).catch((error: unknown) => c.var.deps.logger.error({ err: error, id }, 'acceptance mails failed'));
    }
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
  .openapi(amendRoute, (c) =>
    changeRecord(c, ({ db, scope, change }, version) => proposeAmendment(db, scope, c.req.valid('param').id, c.req.valid('json'), version, change)),
  )
  .openapi(acceptAmendmentRoute, (c) => {
    const { id, amendmentId, actorId } = c.req.valid('param');
    return changeRecord(c, ({ db, scope, change }, version) => acceptAmendment(db, scope, id, amendmentId, actorId, version, change));
  })
  .openapi(pendingRoute, async (c) => c.json(await listPendingAcceptances(c.var.deps.db, await scopeOf(c)), 200))
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
    const document = await addAgreementDocument(c.var.deps.db, scope, c.var.deps.config.documentsDir, c.req.valid('param').id, file, change);
    return c.json(document, 201);
  })
  .openapi(downloadRoute, async (c) => {
    const { id, documentId } = c.req.valid('param');
    const document = await readAgreementDocument(c.var.deps.db, await scopeOf(c), c.var.deps.config.documentsDir, id, documentId);
    return c.body(new Uint8Array(document.bytes), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${document.filename.replace(/"/g, '')}"`,
      'Cache-Control': 'private, no-store',
    });
  })
  .openapi(removeDocumentRoute, async (c) => {
    const { id, documentId } = c.req.valid('param');
    const { scope, change } = await accessOf(c);
    await removeAgreementDocument(c.var.deps.db, scope, c.var.deps.config.documentsDir, id, documentId, change);
    return c.body(null, 204);
  });
