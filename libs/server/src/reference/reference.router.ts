import { createRoute } from '@hono/zod-openapi';
import { authorize, publicAccess } from '../auth/access-control';
import { z } from 'zod';
import { municipalityListQuerySchema, municipalitySchema, pageSchema, regionSchema } from '@kompetansebro/domain';
import { createRouter, jsonContent, problemResponses } from '../http/openapi';
import { listMunicipalities, listRegions } from './reference.repository';

const MunicipalityPage = pageSchema(municipalitySchema.meta({ id: 'Municipality' })).meta({ id: 'MunicipalityPage' });
const RegionPage = pageSchema(regionSchema.meta({ id: 'Region' })).meta({ id: 'RegionPage' });

const municipalitiesRoute = createRoute({
  method: 'get',
  path: '/api/municipalities',
  middleware: [authorize('reference', 'read')] as const,
  tags: ['Reference data'],
  summary: 'Every municipality of the county in Norwegian order, optionally of one region',
  request: { query: municipalityListQuerySchema },
  responses: { 200: { description: 'All municipalities (one page)', content: jsonContent(MunicipalityPage) }, 400: problemResponses[400] },
});

const regionsRoute = createRoute({
  method: 'get',
  path: '/api/regions',
  middleware: [authorize('reference', 'read')] as const,
  tags: ['Reference data'],
  summary: 'The regions municipalities are grouped into',
  responses: { 200: { description: 'All regions (one page)', content: jsonContent(RegionPage) } },
});

const healthRoute = createRoute({
  method: 'get',
  path: '/api/health',
  middleware: [publicAccess()] as const,
  tags: ['Operations'],
  summary: 'Whether the server and its database answer',
  responses: {
    200: {
      description: 'Healthy',
      content: jsonContent(z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), version: z.string() })),
    },
  },
});

/** A whole collection answered as one page, in the list envelope. */
function onePage<T>(items: T[]) {
  return { items, total: items.length, page: 1, pageSize: Math.max(items.length, 1) };
}

export const referenceRouter = createRouter()
  .openapi(healthRoute, async (c) => {
    const { db, config } = c.var.deps;
    await db.selectFrom('region').select('id').limit(1).execute();
    return c.json({ status: 'ok' as const, database: config.databaseKind, version: config.version }, 200);
  })
  .openapi(municipalitiesRoute, async (c) => {
    return c.json(onePage(await listMunicipalities(c.var.deps.db, c.req.valid('query'))), 200);
  })
  .openapi(regionsRoute, async (c) => {
    return c.json(onePage(await listRegions(c.var.deps.db)), 200);
  });
