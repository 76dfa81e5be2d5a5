import { createRoute } from '@hono/zod-openapi';
import { authorize } from '../auth/access-control';
import { accessOf, scopeOf } from '../auth/visibility';
import { z } from 'zod';
import {
  initiativeCreateSchema,
  initiativeDetailSchema,
  initiativeListQuerySchema,
  initiativeSummarySchema,
  initiativeUpdateSchema,
  mobilityCountInputSchema,
  mobilityCountQuerySchema,
  mobilityCountSchema,
  pageSchema,
  planItemCreateSchema,
  planItemDetailSchema,
  planItemListQuerySchema,
  planItemUpdateSchema,
  type InitiativeSummary,
} from '@kompetansebro/domain';
import { changeRecord, createRecord, exportRows, readRecord, removeRecord } from '../http/record-handlers';
import type { ExportColumn } from '../http/export';
import { recordRoutes } from '../http/record-routes';
import { createRouter, idParamsSchema, ifMatchHeaderSchema, jsonContent, problemResponses } from '../http/openapi';
import { withEtag } from '../http/versioned';
import { createInitiative, getInitiative, listInitiatives, updateInitiative } from './initiative.repository';
import { listMobilityCounts, upsertMobilityCount } from './mobility-count.repository';
import { createPlanItem, deletePlanItem, listPlanItems, updatePlanItem } from './plan-item.repository';

const InitiativeDetail = initiativeDetailSchema.meta({ id: 'InitiativeDetail' });
const InitiativePage = pageSchema(initiativeSummarySchema.meta({ id: 'InitiativeSummary' })).meta({ id: 'InitiativePage' });
const InitiativeCreate = initiativeCreateSchema.meta({ id: 'InitiativeCreate' });
const InitiativeUpdate = initiativeUpdateSchema.meta({ id: 'InitiativeUpdate' });
const PlanItemDetail = planItemDetailSchema.meta({ id: 'PlanItemDetail' });
const PlanItemPage = pageSchema(PlanItemDetail).meta({ id: 'PlanItemPage' });
const PlanItemCreate = planItemCreateSchema.meta({ id: 'PlanItemCreate' });
const PlanItemUpdate = planItemUpdateSchema.meta({ id: 'PlanItemUpdate' });
const MobilityCount = mobilityCountSchema.meta({ id: 'MobilityCount' });
const MobilityCountPage = pageSchema(MobilityCount).meta({ id: 'MobilityCountPage' });
const MobilityCountInput = mobilityCountInputSchema.meta({ id: 'MobilityCountInput' });
const tags = ['Initiatives'];

const initiativeRoutes = recordRoutes({ path: '/api/initiatives', policy: 'initiative', tags, record: InitiativeDetail });
const listRoute = initiativeRoutes.list(
  initiativeListQuerySchema,
  InitiativePage,
  'List projects, programmes, measures and pilots: search, filter by kind, owner or parent programme',
  'A page of initiatives',
);
const exportRoute = initiativeRoutes.export(initiativeListQuerySchema, 'Every initiative the filters select, as CSV or XLSX');
const getRoute = initiativeRoutes.get(
  'One initiative with its names, current end, remaining funds, plan items (with their results) and measures',
  'The initiative; the ETag versions its own fields (plan items carry their own versions)',
);
const createInitiativeRoute = initiativeRoutes.create(InitiativeCreate, 'Create an initiative, optionally with its first plan items');
const updateRoute = initiativeRoutes.update(
  InitiativeUpdate,
  "Change some of the initiative's own fields; lists given replace the stored ones (If-Match required)",
);

const planItemParamsSchema = idParamsSchema.extend({
  itemId: z.uuid().meta({ param: { name: 'itemId', in: 'path' } }),
});

const exportColumns: ExportColumn<InitiativeSummary>[] = [
  { header: 'Tittel', value: (i) => i.title },
  { header: 'Type', value: (i) => i.kind },
  { header: 'Del av', value: (i) => i.parentTitle },
  { header: 'Eier', value: (i) => i.ownerName },
  { header: 'Finansiert av', value: (i) => i.funderName },
  { header: 'Start', value: (i) => i.startDate },
  { header: 'Planlagt slutt', value: (i) => i.plannedEndDate },
  { header: 'Gjeldende slutt', value: (i) => i.currentEndDate },
  {
    header: 'Forlengelser',
    value: (i) => i.extensions.map((e) => `${e.requestedEnd} (${e.status}, søkt ${e.askedOn})`).join(', '),
  },
  { header: 'Bevilget', value: (i) => i.budget?.granted },
  { header: 'Brukt', value: (i) => i.budget?.spent },
  { header: 'Gjenstående midler', value: (i) => i.remainingFunds },
  { header: 'Mål', value: (i) => i.goals.map((g) => g.text).join(' | ') },
  { header: 'Temaer', value: (i) => i.themes.join(', ') },
  { header: 'Samarbeidsnivåer', value: (i) => i.levels.join(', ') },
  { header: 'Modenhetsnivå', value: (i) => i.maturityLevel },
  { header: 'Plantiltak', value: (i) => i.planItemCount },
  { header: 'Politisk forankring', value: (i) => i.policyAnchors.length },
  { header: 'Eksempeldata', value: (i) => (i.sampleData ? 'ja' : 'nei') },
  { header: 'Sist endret', value: (i) => i.updatedAt },
];

const createPlanItemRoute = createRoute({
  method: 'post',
  path: '/api/initiatives/{id}/plan-items',
  middleware: [authorize('initiative', 'create')] as const,
  tags,
  summary: "Add a plan item (at the end of the plan unless a position is given)",
  request: { params: idParamsSchema, body: { content: jsonContent(PlanItemCreate), required: true } },
  responses: {
    201: { description: 'Created', content: jsonContent(PlanItemDetail), ...withEtag },
    400: problemResponses[400],
    404: problemResponses[404],
    415: problemResponses[415],
  },
});

const updatePlanItemRoute = createRoute({
  method: 'patch',
  path: '/api/initiatives/{id}/plan-items/{itemId}',
  middleware: [authorize('initiative', 'update')] as const,
  tags,
  summary: "Change a plan item (If-Match with the plan item's own version)",
  request: { params: planItemParamsSchema, headers: ifMatchHeaderSchema, body: { content: jsonContent(PlanItemUpdate), required: true } },
  responses: {
    200: { description: 'Updated', content: jsonContent(PlanItemDetail), ...withEtag },
    400: problemResponses[400],
    404: problemResponses[404],
    412: problemResponses[412],
    415: problemResponses[415],
    428: problemResponses[428],
  },
});

const deletePlanItemRoute = createRoute({
  method: 'delete',
  path: '/api/initiatives/{id}/plan-items/{itemId}',
  middleware: [authorize('initiative', 'delete')] as const,
  tags,
  summary: "Remove a plan item (If-Match with the plan item's own version)",
  request: { params: planItemParamsSchema, headers: ifMatchHeaderSchema },
  responses: {
    204: { description: 'Deleted' },
    400: problemResponses[400],
    404: problemResponses[404],
    412: problemResponses[412],
    428: problemResponses[428],
  },
});

const planItemsRoute = createRoute({
  method: 'get',
  path: '/api/plan-items',
  middleware: [authorize('initiative', 'read')] as const,
  tags,
  summary: 'Plan items across initiatives: by status, open ones, those due on or before a date; soonest due first',
  request: { query: planItemListQuerySchema },
  responses: { 200: { description: 'A page of plan items', content: jsonContent(PlanItemPage) }, 400: problemResponses[400] },
});

const mobilityCountsRoute = createRoute({
  method: 'get',
  path: '/api/mobility-counts',
  middleware: [authorize('initiative', 'read')] as const,
  tags,
  summary: 'Mobility counts (counts only, never persons) by initiative, actor, school year or category',
  request: { query: mobilityCountQuerySchema },
  responses: { 200: { description: 'A page of counts', content: jsonContent(MobilityCountPage) }, 400: problemResponses[400] },
});

const putMobilityCountRoute = createRoute({
  method: 'put',
  path: '/api/mobility-counts',
  middleware: [authorize('initiative', 'update')] as const,
  tags,
  summary: 'Set the count for an actor, school year and category (inserted, or replacing the one there)',
  request: { body: { content: jsonContent(MobilityCountInput), required: true } },
  responses: {
    200: { description: 'Replaced', content: jsonContent(MobilityCount) },
    201: { description: 'Created', content: jsonContent(MobilityCount) },
    400: problemResponses[400],
    415: problemResponses[415],
  },
});

export const initiativesRouter = createRouter()
  .openapi(listRoute, async (c) => {
    const page = await listInitiatives(c.var.deps.db, await scopeOf(c), c.req.valid('query'));
    return c.json(page, 200);
  })
  // Before /api/initiatives/{id}, so "export" is not read as an id.
  .openapi(exportRoute, (c) =>
    exportRows(c, c.req.valid('query'), { name: 'initiativer', columns: exportColumns }, async (db, scope, query) => (await listInitiatives(db, scope, query)).items),
  )
  .openapi(getRoute, (c) => readRecord(c, (db, scope) => getInitiative(db, scope, c.req.valid('param').id)))
  .openapi(createInitiativeRoute, (c) =>
    createRecord(c, ({ db, scope, change }) => createInitiative(db, scope, c.req.valid('json'), change), (initiative) => `/api/initiatives/${initiative.id}`),
  )
  .openapi(updateRoute, (c) =>
    changeRecord(c, ({ db, scope, change }, version) => updateInitiative(db, scope, c.req.valid('param').id, c.req.valid('json'), version, change)),
  )
  .openapi(createPlanItemRoute, (c) => {
    const { id } = c.req.valid('param');
    return createRecord(
      c,
      ({ db, scope, change }) => createPlanItem(db, scope, id, c.req.valid('json'), change),
      (item) => `/api/initiatives/${id}/plan-items/${item.id}`,
    );
  })
  .openapi(updatePlanItemRoute, (c) => {
    const { id, itemId } = c.req.valid('param');
    return changeRecord(c, ({ db, scope, change }, version) => updatePlanItem(db, scope, id, itemId, c.req.valid('json'), version, change));
  })
  .openapi(deletePlanItemRoute, (c) => {
    const { id, itemId } = c.req.valid('param');
    return removeRecord(c, ({ db, scope, change }, version) => deletePlanItem(db, scope, id, itemId, version, change));
  })
  .openapi(planItemsRoute, async (c) => {
    const page = await listPlanItems(c.var.deps.db, await scopeOf(c), c.req.valid('query'));
    return c.json(page, 200);
  })
  .openapi(mobilityCountsRoute, async (c) => {
    const page = await listMobilityCounts(c.var.deps.db, await scopeOf(c), c.req.valid('query'));
    return c.json(page, 200);
  })
  .openapi(putMobilityCountRoute, async (c) => {
    const { scope, change } = await accessOf(c);
    const { count, created } = await upsertMobilityCount(c.var.deps.db, scope, c.req.valid('json'), change);
    return created ? c.json(count, 201) : c.json(count, 200);
  });
