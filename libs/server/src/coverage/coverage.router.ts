import { createRoute } from '@hono/zod-openapi';
import { authorize } from '../auth/access-control';
import { accessOf, scopeOf } from '../auth/visibility';
import { z } from 'zod';
import { coverageSchema, isoDateSchema, municipalityNumberSchema } from '@kompetansebro/domain';
import { calendarFirst } from '../agreements/agreements.router';
import { etagOf, expectedVersion } from '../http/etag';
import { createRouter, idParamsSchema, ifMatchHeaderSchema, jsonContent, problemResponses } from '../http/openapi';
import { getCatchmentArea, getCoverage, setCatchmentArea } from './coverage.repository';

const Coverage = coverageSchema.meta({ id: 'Coverage' });
const CatchmentArea = z
  .object({ studyCentreId: z.uuid(), municipalityNumbers: z.array(municipalityNumberSchema) })
  .meta({ id: 'CatchmentArea' });
const tags = ['Coverage'];

const coverageRoute = createRoute({
  method: 'get',
  path: '/api/coverage',
  middleware: [authorize('coverage', 'read'), calendarFirst] as const,
  tags,
  summary: "For every municipality of a region or a study centre's catchment area: its libraries, which are covered by a binding agreement with the study centre, the services committed, and the gaps",
  request: {
    query: z.object({
      region: z.uuid().optional(),
      studyCentre: z.uuid().optional(),
      /** The day to answer for (past or planned): agreements in force on it, by their dates and status. Default: today. */
      asOf: isoDateSchema.optional(),
    }),
  },
  responses: { 200: { description: 'Coverage and gaps', content: jsonContent(Coverage) }, 400: problemResponses[400], 404: problemResponses[404] },
});

const getCatchmentRoute = createRoute({
  method: 'get',
  path: '/api/study-centres/{id}/catchment-area',
  middleware: [authorize('coverage', 'read')] as const,
  tags,
  summary: "A study centre's catchment area (nedslagsfelt): the municipalities it serves",
  request: { params: idParamsSchema },
  responses: { 200: { description: 'The catchment area', content: jsonContent(CatchmentArea) }, 404: problemResponses[404] },
});

const putCatchmentRoute = createRoute({
  method: 'put',
  path: '/api/study-centres/{id}/catchment-area',
  middleware: [authorize('coverage', 'update')] as const,
  tags,
  summary: "Set a study centre's catchment area (If-Match: the study centre's ETag)",
  request: {
    params: idParamsSchema,
    headers: ifMatchHeaderSchema,
    body: { content: jsonContent(z.object({ municipalityNumbers: z.array(municipalityNumberSchema).max(400) }).strict()), required: true },
  },
  responses: {
    200: { description: 'The new catchment area', content: jsonContent(CatchmentArea) },
    400: problemResponses[400],
    404: problemResponses[404],
    412: problemResponses[412],
    428: problemResponses[428],
  },
});

export const coverageRouter = createRouter()
  .openapi(coverageRoute, async (c) => c.json(await getCoverage(c.var.deps.db, await scopeOf(c), c.req.valid('query')), 200))
  .openapi(getCatchmentRoute, async (c) => c.json(await getCatchmentArea(c.var.deps.db, await scopeOf(c), c.req.valid('param').id), 200))
  .openapi(putCatchmentRoute, async (c) => {
    const version = expectedVersion(c);
    const { scope, change } = await accessOf(c);
    const result = await setCatchmentArea(c.var.deps.db, scope, c.req.valid('param').id, c.req.valid('json').municipalityNumbers, version, change);
    c.header('ETag', etagOf(result.version));
    return c.json({ studyCentreId: result.studyCentreId, municipalityNumbers: result.municipalityNumbers }, 200);
  });
