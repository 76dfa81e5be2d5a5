import { ConflictError, funderReportSchema, reportFileName, reportFileRequestSchema, reportFileSchema, reportQuerySchema } from '@kompetansebro/domain';
import { principalOf } from '../auth/access-control';
import { scopeOf } from '../auth/visibility';
import { fileAnswer, jsonAnswer, jsonBody, routesTagged } from '../http/api-route';
import { downloadHeaders } from '../http/export';
import { createRouter, idParamsSchema } from '../http/openapi';
import { renderReportDocx } from './report-docx';
import { renderReportPdf } from './report-pdf';
import { getFunderReport } from './report.repository';
import { findReportFile, queueReportFile, recordReportFile, reportFileBytes } from './report-file.repository';

const FunderReport = funderReportSchema.meta({ id: 'FunderReport' });
const ReportFile = reportFileSchema.meta({ id: 'ReportFile' });
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const CONTENT_TYPES = { docx: DOCX, pdf: 'application/pdf' } as const;

const route = routesTagged('Initiatives');

/** The funder report of an initiative for a period (query), answered at `…/{id}/<file>` as `answer`. */
const reportAs = <F extends string, A extends ReturnType<typeof jsonAnswer | typeof fileAnswer>>(file: F, action: 'read' | 'export', summary: string, answer: A) =>
  route('get', `/api/initiatives/{id}/${file}`, ['initiative', action], {
    summary,
    request: { params: idParamsSchema, query: reportQuerySchema },
    answers: { 200: answer },
    problems: [400, 404],
  });

const reportRoute = reportAs(
  'report',
  'read',
  "A report to the initiative's funder for a period (default: from its start to today), in bokmål: results, plan ahead, funds, period and asked extension",
  jsonAnswer('The report', FunderReport),
);
const docxRoute = reportAs('report.docx', 'export', 'The funder report as a Word document (DOCX)', fileAnswer('The DOCX', DOCX));
const pdfRoute = reportAs('report.pdf', 'export', 'The funder report as a PDF', fileAnswer('The PDF', 'application/pdf'));

const askFileRoute = route('post', '/api/initiatives/{id}/report-files', ['initiative', 'export'], {
  summary: 'Write the funder report as DOCX or PDF on the job queue (202); follow it at /api/report-files/{id} and download it when done',
  request: { params: idParamsSchema, body: jsonBody(reportFileRequestSchema) },
  answers: { 202: jsonAnswer('The file asked for (done already where jobs run at once)', ReportFile) },
  problems: [400, 404],
});
const fileStatusRoute = route('get', '/api/report-files/{id}', ['initiative', 'export'], {
  summary: 'A report file the caller’s organisation asked for: queued, running, done or failed (and why)',
  request: { params: idParamsSchema },
  answers: { 200: jsonAnswer('The file', ReportFile) },
  problems: [404],
});
const fileDownloadRoute = route('get', '/api/report-files/{id}/download', ['initiative', 'export'], {
  summary: 'The written report file (409 while it is not written)',
  request: { params: idParamsSchema },
  answers: { 200: fileAnswer('The DOCX or PDF', 'application/octet-stream') },
  problems: [404, 409],
});

export const reportsRouter = createRouter()
  .openapi(askFileRoute, async (c) => {
    const principal = principalOf(c);
    const file = await recordReportFile(c.get('deps').db, await scopeOf(c), principal, c.req.valid('param').id, c.req.valid('json'));
    // Queued after the record is committed (never inside a transaction).
    await queueReportFile(c.get('deps'), { reportFileId: file.id, userId: principal.userId, organisationId: principal.organisationId });
    c.header('Location', `/api/report-files/${file.id}`);
    return c.json(await findReportFile(c.get('deps').db, principal.organisationId, file.id), 202);
  })
  .openapi(fileStatusRoute, async (c) => c.json(await findReportFile(c.get('deps').db, principalOf(c).organisationId, c.req.valid('param').id), 200))
  .openapi(fileDownloadRoute, async (c) => {
    const { file, bytes } = await reportFileBytes(c.get('deps').db, principalOf(c).organisationId, c.req.valid('param').id);
    if (!bytes || !file.fileName) throw new ConflictError('The report file is not written yet: follow /api/report-files/{id} until it is done');
    return c.body(new Uint8Array(bytes), 200, downloadHeaders(CONTENT_TYPES[file.format], file.fileName));
  })
  .openapi(reportRoute, async (c) => {
    const report = await getFunderReport(c.get('deps').db, await scopeOf(c), c.req.valid('param').id, c.req.valid('query'));
    c.header('Cache-Control', 'private, no-store');
    return c.json(report, 200);
  })
  .openapi(docxRoute, async (c) => {
    const report = await getFunderReport(c.get('deps').db, await scopeOf(c), c.req.valid('param').id, c.req.valid('query'));
    return c.body(new Uint8Array(await renderReportDocx(report)), 200, downloadHeaders(DOCX, reportFileName(report, 'docx')));
  })
  .openapi(pdfRoute, async (c) => {
    const report = await getFunderReport(c.get('deps').db, await scopeOf(c), c.req.valid('param').id, c.req.valid('query'));
    return c.body(new Uint8Array(await renderReportPdf(report)), 200, downloadHeaders('application/pdf', reportFileName(report, 'pdf')));
  });
