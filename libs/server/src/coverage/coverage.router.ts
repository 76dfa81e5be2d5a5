import { principalOf } from '../auth/access-control';
import { accessOf, scopeOf } from '../auth/visibility';
import { z } from 'zod';
import { coverageSchema, isoDateSchema, municipalityNumberSchema, regionCoveragesSchema, todayInNorway } from '@kompetansebro/domain';
import { calendarFirst } from '../agreements/agreements.router';
import { etagOf, expectedVersion } from '../http/etag';
import { ifMatch, jsonAnswer, jsonBody, routesTagged } from '../http/api-route';
import { createRouter, idParamsSchema } from '../http/openapi';
import { getCatchmentArea, getCoverage, getRegionCoverages, setCatchmentArea } from './coverage.repository';

const Coverage = coverageSchema.meta({ id: 'Coverage' });
const CatchmentArea = z
  .object({ studyCentreId: z.uuid(), municipalityNumbers: z.array(municipalityNumberSchema) })
  .meta({ id: 'CatchmentArea' });

const route = routesTagged('Coverage');

const coverageRoute = route('get', '/api/coverage', ['coverage', 'read'], {
  summary: "For every municipality of a region or a study centre's catchment area: its libraries, which are covered by a binding agreement with the study centre, the services committed, and the gaps",
  request: {
    query: z.object({
      region: z.uuid().optional(),
      studyCentre: z.uuid().optional(),
      /** The day to answer for (past or planned): agreements in force on it, by their dates and status. Default: today. */
      asOf: isoDateSchema.optional(),
    }),
  },
  answers: { 200: jsonAnswer('Coverage and gaps', Coverage) },
  problems: [400, 404],
  prepare: calendarFirst,
});

// Its own path, not `/api/coverage?region=all`: it answers with another shape (each region's
// figures and gaps, not every library), so the spec says one shape per route.
const regionsRoute = route('get', '/api/coverage/regions', ['coverage', 'read'], {
  summary: "Every region's coverage in short: its share of municipalities whose main library a binding agreement covers, and the municipalities without",
  request: { query: z.object({ asOf: isoDateSchema.optional() }) },
  answers: { 200: jsonAnswer('Each region in order, with its figures and gaps', regionCoveragesSchema.meta({ id: 'RegionCoverages' })) },
  problems: [400],
  prepare: calendarFirst,
});

const getCatchmentRoute = route('get', '/api/study-centres/{id}/catchment-area', ['coverage', 'read'], {
  summary: "A study centre's catchment area (nedslagsfelt): the municipalities it serves",
  request: { params: idParamsSchema },
  answers: { 200: jsonAnswer('The catchment area', CatchmentArea) },
  problems: [404],
});

const putCatchmentRoute = route('put', '/api/study-centres/{id}/catchment-area', ['coverage', 'update'], {
  summary: "Set a study centre's catchment area (If-Match: the study centre's ETag)",
  request: { params: idParamsSchema, ...ifMatch, body: jsonBody(z.object({ municipalityNumbers: z.array(municipalityNumberSchema).max(400) }).strict()) },
  answers: { 200: jsonAnswer('The new catchment area', CatchmentArea) },
  problems: [400, 404, 412, 428],
});

export const coverageRouter = createRouter()
  .openapi(coverageRoute, async (c) => c.json(await getCoverage(c.get('deps').db, await scopeOf(c), c.req.valid('query')), 200))
  .openapi(regionsRoute, async (c) => {
    const query = c.req.valid('query');
    const scope = await scopeOf(c);
    const { userId, organisationId } = principalOf(c);
    // Every region's coverage (53 at national scale) costs far more than the request: a user who opens
    // the overview again within the reuse time gets the answer they were just given (http/read-reuse.ts).
    const key = ['coverage/regions', userId, organisationId, query.asOf ?? todayInNorway()].join('\n');
    return c.json(await c.get('deps').readReuse.answerOf(key, () => getRegionCoverages(c.get('deps').db, scope, query)), 200);
  })
  .openapi(getCatchmentRoute, async (c) => c.json(await getCatchmentArea(c.get('deps').db, await scopeOf(c), c.req.valid('param').id), 200))
  .openapi(putCatchmentRoute, async (c) => {
    const version = expectedVersion(c);
    const { scope, change } = await accessOf(c);
    const result = await setCatchmentArea(c.get('deps').db, scope, c.req.valid('param').id, c.req.valid('json').municipalityNumbers, version, change);
    c.header('ETag', etagOf(result.version));
    return c.json({ studyCentreId: result.studyCentreId, municipalityNumbers: result.municipalityNumbers }, 200);
  });
