import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { funderReportSchema, reportFileName, reportQuerySchema } from '@kompetansebro/domain';
import { authorize } from '../auth/access-control';
import { scopeOf } from '../auth/visibility';
import { createRouter, idParamsSchema, jsonContent, problemResponses } from '../http/openapi';
import { renderReportDocx } from './report-docx';
import { renderReportPdf } from './report-pdf';
import { getFunderReport } from './report.repository';

const FunderReport = funderReportSchema.meta({ id: 'FunderReport' });
const tags = ['Initiatives'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const binary = z.string().meta({ format: 'binary' });

const reportRoute = createRoute({
  method: 'get',
  path: '/api/initiatives/{id}/report',
  middleware: [authorize('initiative', 'read')] as const,
  tags,
  summary: "A report to the initiative's funder for a period (default: from its start to today), in bokmål: results, plan ahead, funds, period and asked extension",
  request: { params: idParamsSchema, query: reportQuerySchema },
  responses: { 200: { description: 'The report', content: jsonContent(FunderReport) }, 400: problemResponses[400], 404: problemResponses[404] },
});

const docxRoute = createRoute({
  method: 'get',
  path: '/api/initiatives/{id}/report.docx',
  middleware: [authorize('initiative', 'export')] as const,
  tags,
  summary: 'The funder report as a Word document (DOCX)',
  request: { params: idParamsSchema, query: reportQuerySchema },
  responses: { 200: { description: 'The DOCX', content: { [DOCX]: { schema: binary } } }, 400: problemResponses[400], 404: problemResponses[404] },
});

const pdfRoute = createRoute({
  method: 'get',
  path: '/api/initiatives/{id}/report.pdf',
  middleware: [authorize('initiative', 'export')] as const,
  tags,
  summary: 'The funder report as a PDF',
  request: { params: idParamsSchema, query: reportQuerySchema },
  responses: { 200: { description: 'The PDF', content: { 'application/pdf': { schema: binary } } }, 400: problemResponses[400], 404: problemResponses[404] },
});

const fileHeaders = (type: string, name: string) => ({
  'Content-Type': type,
  'Content-Disposition': `attachment; filename="${name}"`,
  'Cache-Control': 'private, no-store',
});

export const reportsRouter = createRouter()
  .openapi(reportRoute, async (c) => {
    const report = await getFunderReport(c.var.deps.db, await scopeOf(c), c.req.valid('param').id, c.req.valid('query'));
    c.header('Cache-Control', 'private, no-store');
    return c.json(report, 200);
  })
  .openapi(docxRoute, async (c) => {
    const report = await getFunderReport(c.var.deps.db, await scopeOf(c), c.req.valid('param').id, c.req.valid('query'));
    return c.body(new Uint8Array(await renderReportDocx(report)), 200, fileHeaders(DOCX, reportFileName(report, 'docx')));
  })
  .openapi(pdfRoute, async (c) => {
    const report = await getFunderReport(c.var.deps.db, await scopeOf(c), c.req.valid('param').id, c.req.valid('query'));
    return c.body(new Uint8Array(await renderReportPdf(report)), 200, fileHeaders('application/pdf', reportFileName(report, 'pdf')));
  });
