import { z } from 'zod';
import { municipalityListQuerySchema, municipalitySchema, pageSchema, regionSchema } from '@kompetansebro/domain';
import { jsonAnswer, routesTagged } from '../http/api-route';
import { createRouter } from '../http/openapi';
import { everyMunicipality, listRegions } from './reference.repository';

const MunicipalityPage = pageSchema(municipalitySchema.meta({ id: 'Municipality' })).meta({ id: 'MunicipalityPage' });
const RegionPage = pageSchema(regionSchema.meta({ id: 'Region' })).meta({ id: 'RegionPage' });

const referenceRoute = routesTagged('Reference data');
const municipalitiesRoute = referenceRoute('get', '/api/municipalities', ['reference', 'read'], {
  summary: 'Every municipality of the county in Norwegian order, optionally of one region',
  request: { query: municipalityListQuerySchema },
  answers: { 200: jsonAnswer('All municipalities (one page)', MunicipalityPage) },
  problems: [400],
});

const regionsRoute = referenceRoute('get', '/api/regions', ['reference', 'read'], {
  summary: 'The regions municipalities are grouped into',
  answers: { 200: jsonAnswer('All regions (one page)', RegionPage) },
});

const Health = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), version: z.string() });
const healthRoute = routesTagged('Operations')('get', '/api/health', 'public', {
  summary: 'Whether the server and its database answer',
  answers: { 200: jsonAnswer('Healthy', Health) },
});

/** A whole collection answered as one page, in the list envelope. */
function onePage<T>(items: T[]) {
  return { items, total: items.length, page: 1, pageSize: Math.max(items.length, 1) };
}

export const referenceRouter = createRouter()
  .openapi(healthRoute, async (c) => {
    const { db, config } = c.get('deps');
    await db.selectFrom('region').select('id').limit(1).execute();
    return c.json({ status: 'ok' as const, database: config.databaseKind, version: config.version }, 200);
  })
  .openapi(municipalitiesRoute, async (c) => {
    const { region } = c.req.valid('query');
    const every = await everyMunicipality(c.get('deps').db, c.get('deps').readReuse);
    return c.json(onePage(region ? every.filter((m) => m.regionId === region) : every), 200);
  })
  .openapi(regionsRoute, async (c) => {
    return c.json(onePage(await listRegions(c.get('deps').db)), 200);
  });
