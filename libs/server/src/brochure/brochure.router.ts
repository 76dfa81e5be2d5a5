import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { brochureAreaName, brochureLanguageSchema, brochureSchema, brochureText } from '@kompetansebro/domain';
import { authorize } from '../auth/access-control';
import { scopeOf } from '../auth/visibility';
import { createRouter, idParamsSchema, jsonContent, problemResponses } from '../http/openapi';
import { getBrochure } from './brochure.repository';
import { renderBrochurePdf } from './brochure-pdf';

const Brochure = brochureSchema.meta({ id: 'Brochure' });
const tags = ['Coverage'];

const brochureRoute = createRoute({
  method: 'get',
  path: '/api/study-centres/{id}/brochure',
  middleware: [authorize('coverage', 'read')] as const,
  tags,
  summary: "The students' brochure of a study centre as data: per catchment municipality its libraries, their student services, conditions and contact",
  request: { params: idParamsSchema },
  responses: { 200: { description: 'The brochure', content: jsonContent(Brochure) }, 400: problemResponses[400], 404: problemResponses[404] },
});

const brochurePdfRoute = createRoute({
  method: 'get',
  path: '/api/study-centres/{id}/brochure.pdf',
  middleware: [authorize('coverage', 'read')] as const,
  tags,
  summary: "The students' brochure of a study centre as a PDF, in bokmål, nynorsk or English, from the service records as they are now",
  request: { params: idParamsSchema, query: z.object({ lang: brochureLanguageSchema.default('nb') }) },
  responses: {
    200: { description: 'The PDF', content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } } },
    400: problemResponses[400],
    404: problemResponses[404],
  },
});

/** A file name of plain letters: "bibliotektjenester-for-studenter-i-namdal-nb.pdf". */
function fileNameOf(title: string, language: string): string {
  const plain = title
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${plain}-${language}.pdf`;
}

export const brochureRouter = createRouter()
  .openapi(brochureRoute, async (c) => c.json(await getBrochure(c.var.deps.db, await scopeOf(c), c.req.valid('param').id), 200))
  .openapi(brochurePdfRoute, async (c) => {
    const { lang } = c.req.valid('query');
    const brochure = await getBrochure(c.var.deps.db, await scopeOf(c), c.req.valid('param').id);
    const bytes = await renderBrochurePdf(brochure, lang);
    const text = brochureText[lang];
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${fileNameOf(text.title(brochureAreaName(brochure, text.and)), lang)}"`,
      'Cache-Control': 'private, no-store',
    });
  });
