import { z } from 'zod';
import type { Context } from 'hono';
import { brochureAreaName, brochureLanguageSchema, brochureSchema, brochureText, type Brochure, type BrochureLanguage } from '@kompetansebro/domain';
import type { Executor } from '../persistence/executor';
import { scopeOf } from '../auth/visibility';
import { fileAnswer, jsonAnswer, routesTagged } from '../http/api-route';
import { downloadHeaders } from '../http/export';
import { createRouter, idParamsSchema } from '../http/openapi';
import { getBrochure } from './brochure.repository';
import { renderBrochurePdf, type BrochureHours } from './brochure-pdf';
import { publishedTimetables, slugOf } from '../public-api/public.repository';

const Brochure = brochureSchema.meta({ id: 'Brochure' });

const route = routesTagged('Coverage');

const brochureRoute = route('get', '/api/study-centres/{id}/brochure', ['coverage', 'read'], {
  summary: "The students' brochure of a study centre as data: per catchment municipality its libraries, their student services, conditions and contact",
  request: { params: idParamsSchema },
  answers: { 200: jsonAnswer('The brochure', Brochure) },
  problems: [400, 404],
});

const brochurePdfRoute = route('get', '/api/study-centres/{id}/brochure.pdf', ['coverage', 'read'], {
  summary: "The students' brochure of a study centre as a PDF, in bokmål, nynorsk or English, from the service records as they are now",
  request: { params: idParamsSchema, query: z.object({ lang: brochureLanguageSchema.default('nb') }) },
  answers: { 200: fileAnswer('The PDF', 'application/pdf') },
  problems: [400, 404],
});

/** A file name of plain letters: "bibliotektjenester-for-studenter-i-namdal-nb.pdf". */
function fileNameOf(title: string, language: string): string {
  return `${slugOf(title)}-${language}.pdf`;
}

export const brochureRouter = createRouter()
  .openapi(brochureRoute, async (c) => c.json(await getBrochure(c.get('deps').db, await scopeOf(c), c.req.valid('param').id), 200))
  .openapi(brochurePdfRoute, async (c) => {
    const { lang } = c.req.valid('query');
    const brochure = await getBrochure(c.get('deps').db, await scopeOf(c), c.req.valid('param').id);
    return brochurePdfResponse(c, brochure, lang, await brochureTimetables(c.get('deps').db, brochure));
  });

/** The published timetables of the brochure's libraries. */
export const brochureTimetables = (db: Executor, brochure: Brochure) =>
  publishedTimetables(
    db,
    brochure.municipalities.flatMap((m) => m.libraries.map((l) => l.id)),
  );

/** The brochure as a PDF download named after its title and language. */
export async function brochurePdfResponse(c: Context, brochure: Brochure, lang: BrochureLanguage, hours: BrochureHours, cacheControl?: string): Promise<Response> {
  const bytes = await renderBrochurePdf(brochure, lang, hours);
  const text = brochureText[lang];
  return c.body(new Uint8Array(bytes), 200, downloadHeaders('application/pdf', fileNameOf(text.title(brochureAreaName(brochure, text.and)), lang), cacheControl));
}
