import { createRoute } from '@hono/zod-openapi';
import { authorize } from '../auth/access-control';
import { accessOf, scopeOf } from '../auth/visibility';
import { actorCreateSchema, actorDetailSchema, actorListQuerySchema, actorSummarySchema, actorUpdateSchema, pageSchema } from '@kompetansebro/domain';
import { z } from 'zod';
import { formatOrganisationNumber, type ActorSummary } from '@kompetansebro/domain';
import { expectedVersion, versionedJson } from '../http/etag';
import { exportFormatSchema, exportResponse, MAX_EXPORT_ROWS, type ExportColumn } from '../http/export';
import { createRouter, idParamsSchema, ifMatchHeaderSchema, jsonContent, problemResponses } from '../http/openapi';
import { createActor, getActor, listActors, setActorArchived, updateActor } from './actor.repository';

const ActorDetail = actorDetailSchema.meta({ id: 'ActorDetail' });
const ActorPage = pageSchema(actorSummarySchema.meta({ id: 'ActorSummary' })).meta({ id: 'ActorPage' });
const ActorCreate = actorCreateSchema.meta({ id: 'ActorCreate' });
const ActorUpdate = actorUpdateSchema.meta({ id: 'ActorUpdate' });
const tags = ['Actors'];
const withEtag = { headers: { ETag: { schema: { type: 'string' as const }, description: 'The version, for If-Match' } } };

const listRoute = createRoute({
  method: 'get',
  path: '/api/actors',
  middleware: [authorize('actor', 'read')] as const,
  tags,
  summary: 'List actors: search, filter by kind, municipality, region or parent, sort in Norwegian order',
  request: { query: actorListQuerySchema },
  responses: { 200: { description: 'A page of actors', content: jsonContent(ActorPage) }, 400: problemResponses[400] },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/api/actors/export',
  middleware: [authorize('actor', 'export')] as const,
  tags,
  summary: 'Every actor the filters select, as CSV or XLSX',
  request: { query: actorListQuerySchema.omit({ page: true, pageSize: true }).extend({ format: exportFormatSchema }) },
  responses: {
    200: {
      description: 'The file',
      content: { 'text/csv': { schema: z.string() }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() } },
    },
    400: problemResponses[400],
  },
});

const exportColumns: ExportColumn<ActorSummary>[] = [
  { header: 'Navn', value: (a) => a.name },
  { header: 'Kortnavn', value: (a) => a.shortName },
  { header: 'Type', value: (a) => a.kind },
  { header: 'Organisasjonsnummer', value: (a) => (a.organisationNumber ? formatOrganisationNumber(a.organisationNumber) : null) },
  { header: 'Biblioteknummer', value: (a) => a.libraryNumber },
  { header: 'Kommunenummer', value: (a) => a.municipalityNumber },
  { header: 'Kommune', value: (a) => a.municipalityName },
  { header: 'Region', value: (a) => a.regionName },
  { header: 'Tilhører', value: (a) => a.parentName },
  { header: 'Adresse', value: (a) => a.address },
  { header: 'Nettside', value: (a) => a.website },
  { header: 'E-post', value: (a) => a.email },
  { header: 'Telefon', value: (a) => a.phone },
  { header: 'Arkivert', value: (a) => a.archivedAt },
  { header: 'Sist endret', value: (a) => a.updatedAt },
];

const getRoute = createRoute({
  method: 'get',
  path: '/api/actors/{id}',
  middleware: [authorize('actor', 'read')] as const,
  tags,
  summary: 'One actor with its parent, municipality, region and children',
  request: { params: idParamsSchema },
  responses: {
    200: { description: 'The actor', content: jsonContent(ActorDetail), ...withEtag },
    400: problemResponses[400],
    404: problemResponses[404],
  },
});

const createActorRoute = createRoute({
  method: 'post',
  path: '/api/actors',
  middleware: [authorize('actor', 'create')] as const,
  tags,
  summary: 'Create an actor',
  request: { body: { content: jsonContent(ActorCreate), required: true } },
  responses: {
    201: { description: 'Created', content: jsonContent(ActorDetail), ...withEtag },
    400: problemResponses[400],
    415: problemResponses[415],
  },
});

const updateRoute = createRoute({
  method: 'patch',
  path: '/api/actors/{id}',
  middleware: [authorize('actor', 'update')] as const,
  tags,
  summary: 'Change some fields of an actor (If-Match required)',
  request: { params: idParamsSchema, headers: ifMatchHeaderSchema, body: { content: jsonContent(ActorUpdate), required: true } },
  responses: {
    200: { description: 'Updated', content: jsonContent(ActorDetail), ...withEtag },
    400: problemResponses[400],
    404: problemResponses[404],
    412: problemResponses[412],
    415: problemResponses[415],
    428: problemResponses[428],
  },
});

const archiveResponses = {
  200: { description: 'Done', content: jsonContent(ActorDetail), ...withEtag },
  404: problemResponses[404],
  409: problemResponses[409],
  412: problemResponses[412],
  428: problemResponses[428],
};

const archiveRoute = createRoute({
  method: 'post',
  path: '/api/actors/{id}/archive',
  middleware: [authorize('actor', 'delete')] as const,
  tags,
  summary: 'Archive an actor: hidden from lists, kept with its history (If-Match required)',
  request: { params: idParamsSchema, headers: ifMatchHeaderSchema },
  responses: archiveResponses,
});

const restoreRoute = createRoute({
  method: 'post',
  path: '/api/actors/{id}/restore',
  middleware: [authorize('actor', 'delete')] as const,
  tags,
  summary: 'Bring an archived actor back (If-Match required)',
  request: { params: idParamsSchema, headers: ifMatchHeaderSchema },
  responses: archiveResponses,
});

export const actorsRouter = createRouter()
  .openapi(listRoute, async (c) => {
    const page = await listActors(c.var.deps.db, await scopeOf(c), c.req.valid('query'));
    return c.json(page, 200);
  })
  // Before /api/actors/{id}, so "export" is not read as an id.
  .openapi(exportRoute, async (c) => {
    const { format, ...filters } = c.req.valid('query');
    const page = await listActors(c.var.deps.db, await scopeOf(c), { ...filters, page: 1, pageSize: MAX_EXPORT_ROWS });
    return exportResponse(c, { name: 'aktorer', format, columns: exportColumns, rows: page.items });
  })
  .openapi(getRoute, async (c) => {
    const actor = await getActor(c.var.deps.db, await scopeOf(c), c.req.valid('param').id);
    return versionedJson(c, actor, 200);
  })
  .openapi(createActorRoute, async (c) => {
    const { scope, change } = await accessOf(c);
    const actor = await createActor(c.var.deps.db, scope, c.req.valid('json'), change);
    c.header('Location', `/api/actors/${actor.id}`);
    return versionedJson(c, actor, 201);
  })
  .openapi(updateRoute, async (c) => {
    const version = expectedVersion(c);
    const { scope, change } = await accessOf(c);
    const actor = await updateActor(c.var.deps.db, scope, c.req.valid('param').id, c.req.valid('json'), version, change);
    return versionedJson(c, actor, 200);
  })
  .openapi(archiveRoute, async (c) => {
    const version = expectedVersion(c);
    const { scope, change } = await accessOf(c);
    const actor = await setActorArchived(c.var.deps.db, scope, c.req.valid('param').id, true, version, change);
    return versionedJson(c, actor, 200);
  })
  .openapi(restoreRoute, async (c) => {
    const version = expectedVersion(c);
    const { scope, change } = await accessOf(c);
    const actor = await setActorArchived(c.var.deps.db, scope, c.req.valid('param').id, false, version, change);
    return versionedJson(c, actor, 200);
  });
