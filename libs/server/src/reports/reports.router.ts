import { funderReportSchema, reportFileName, reportQuerySchema } from '@kompetansebro/domain';
import { scopeOf } from '../auth/visibility';
import { fileAnswer, jsonAnswer, routesTagged } from '../http/api-route';
import { downloadHeaders } from '../http/export';
import { createRouter, idParamsSchema } from '../http/openapi';
import { renderReportDocx } from './report-docx';
import { renderReportPdf } from './report-pdf';
import { getFunderReport } from './report.repository';

const FunderReport = funderReportSchema.meta({ id: 'FunderReport' });
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

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

export const reportsRouter = createRouter()
  .openapi(reportRoute, async (c) => {
    const report = await getFunderReport(c.var.deps.db, await scopeOf(c), c.req.valid('param').id, c.req.valid('query'));
    c.header('Cache-Control', 'private, no-store');
    return c.json(report, 200);
  })
  .openapi(docxRoute, async (c) => {
    const report = await getFunderReport(c.var.deps.db, await scopeOf(c), c.req.valid('param').id, c.req.valid('query'));
    return c.body(new Uint8Array(await renderReportDocx(report)), 200, downloadHeaders(DOCX, reportFileName(report, 'docx')));
  })
  .openapi(pdfRoute, async (c) => {
    const report = await getFunderReport(c.var.deps.db, await scopeOf(c), c.req.valid('param').id, c.req.valid('query'));
    return c.body(new Uint8Array(await renderReportPdf(report)), 200, downloadHeaders('application/pdf', reportFileName(report, 'pdf')));
  });
