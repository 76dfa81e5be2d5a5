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
  ownPlanItemListQuerySchema,
  ownPlanItemSchema,
  ownPlanItemUpdateSchema,
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
import { ifMatch, jsonAnswer, jsonBody, routesTagged, versionedAnswer } from '../http/api-route';
import { createRouter, idParamsSchema } from '../http/openapi';
import { createInitiative, getInitiative, listInitiatives, updateInitiative } from './initiative.repository';
import { listMobilityCounts, upsertMobilityCount } from './mobility-count.repository';
import { createPlanItem, deletePlanItem, getOwnPlanItem, listOwnPlanItems, listPlanItems, updateOwnPlanItem, updatePlanItem } from './plan-item.repository';

const InitiativeDetail = initiativeDetailSchema.meta({ id: 'InitiativeDetail' });
const InitiativePage = pageSchema(initiativeSummarySchema.meta({ id: 'InitiativeSummary' })).meta({ id: 'InitiativePage' });
const InitiativeCreate = initiativeCreateSchema.meta({ id: 'InitiativeCreate' });
const InitiativeUpdate = initiativeUpdateSchema.meta({ id: 'InitiativeUpdate' });
const PlanItemDetail = planItemDetailSchema.meta({ id: 'PlanItemDetail' });
const PlanItemPage = pageSchema(PlanItemDetail).meta({ id: 'PlanItemPage' });
const PlanItemCreate = planItemCreateSchema.meta({ id: 'PlanItemCreate' });
const PlanItemUpdate = planItemUpdateSchema.meta({ id: 'PlanItemUpdate' });
const OwnPlanItem = ownPlanItemSchema.meta({ id: 'OwnPlanItem' });
const OwnPlanItemPage = pageSchema(OwnPlanItem).meta({ id: 'OwnPlanItemPage' });
const OwnPlanItemUpdate = ownPlanItemUpdateSchema.meta({ id: 'OwnPlanItemUpdate' });
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
  { header: 'Planpunkter', value: (i) => i.planItemCount },
  { header: 'Politisk forankring', value: (i) => i.policyAnchors.length },
  { header: 'Eksempeldata', value: (i) => (i.sampleData ? 'ja' : 'nei') },
  { header: 'Sist endret', value: (i) => i.updatedAt },
];

const route = routesTagged(...tags);

const createPlanItemRoute = route('post', '/api/initiatives/{id}/plan-items', ['initiative', 'create'], {
  summary: "Add a plan item (at the end of the plan unless a position is given)",
  request: { params: idParamsSchema, body: jsonBody(PlanItemCreate) },
  answers: { 201: versionedAnswer('Created', PlanItemDetail) },
  problems: [400, 404, 415],
});

const updatePlanItemRoute = route('patch', '/api/initiatives/{id}/plan-items/{itemId}', ['initiative', 'update'], {
  summary: "Change a plan item (If-Match with the plan item's own version)",
  request: { params: planItemParamsSchema, ...ifMatch, body: jsonBody(PlanItemUpdate) },
  answers: { 200: versionedAnswer('Updated', PlanItemDetail) },
  problems: [400, 404, 412, 415, 428],
});

const deletePlanItemRoute = route('delete', '/api/initiatives/{id}/plan-items/{itemId}', ['initiative', 'delete'], {
  summary: "Remove a plan item (If-Match with the plan item's own version)",
  request: { params: planItemParamsSchema, ...ifMatch },
  answers: { 204: { description: 'Deleted' } },
  problems: [400, 404, 412, 428],
});

const planItemsRoute = route('get', '/api/plan-items', ['initiative', 'read'], {
  summary: 'Plan items across initiatives: by status, open ones, those due on or before a date; soonest due first',
  request: { query: planItemListQuerySchema },
  answers: { 200: jsonAnswer('A page of plan items', PlanItemPage) },
  problems: [400],
});

const ownPlanItemsRoute = route('get', '/api/own-plan-items', ['plan_item', 'read'], {
  summary: "The plan items the user's organisation is responsible for (without the results linked to them); soonest due first",
  request: { query: ownPlanItemListQuerySchema },
  answers: { 200: jsonAnswer('A page of plan items', OwnPlanItemPage) },
  problems: [400],
});

const ownPlanItemRoute = route('get', '/api/own-plan-items/{id}', ['plan_item', 'read'], {
  summary: "One plan item the user's organisation is responsible for (without the results linked to them); another's answers 404",
  request: { params: idParamsSchema },
  answers: { 200: versionedAnswer('The plan item', OwnPlanItem) },
  problems: [400, 404],
});

const updateOwnPlanItemRoute = route('patch', '/api/own-plan-items/{id}', ['plan_item', 'update'], {
  summary: "Move on a plan item the user's organisation is responsible for: its status and result text only (If-Match)",
  request: { params: idParamsSchema, ...ifMatch, body: jsonBody(OwnPlanItemUpdate) },
  answers: { 200: versionedAnswer('Updated', OwnPlanItem) },
  problems: [400, 404, 412, 415, 428],
});

const mobilityCountsRoute = route('get', '/api/mobility-counts', ['initiative', 'read'], {
  summary: 'Mobility counts (counts only, never persons) by initiative, actor, school year or category',
  request: { query: mobilityCountQuerySchema },
  answers: { 200: jsonAnswer('A page of counts', MobilityCountPage) },
  problems: [400],
});

const putMobilityCountRoute = route('put', '/api/mobility-counts', ['initiative', 'update'], {
  summary: 'Set the count for an actor, school year and category (inserted, or replacing the one there)',
  request: { body: jsonBody(MobilityCountInput) },
  answers: { 200: jsonAnswer('Replaced', MobilityCount), 201: jsonAnswer('Created', MobilityCount) },
  problems: [400, 415],
});

export const initiativesRouter = createRouter()
  .openapi(listRoute, async (c) => {
    const page = await listInitiatives(c.get('deps').db, await scopeOf(c), c.req.valid('query'));
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
    const page = await listPlanItems(c.get('deps').db, await scopeOf(c), c.req.valid('query'));
    return c.json(page, 200);
  })
  .openapi(ownPlanItemsRoute, async (c) => {
    const page = await listOwnPlanItems(c.get('deps').db, await scopeOf(c), c.req.valid('query'));
    return c.json(page, 200);
  })
  .openapi(ownPlanItemRoute, (c) => readRecord(c, (db, scope) => getOwnPlanItem(db, scope, c.req.valid('param').id)))
  .openapi(updateOwnPlanItemRoute, (c) =>
    changeRecord(c, ({ db, scope, change }, version) => updateOwnPlanItem(db, scope, c.req.valid('param').id, c.req.valid('json'), version, change)),
  )
  .openapi(mobilityCountsRoute, async (c) => {
    const page = await listMobilityCounts(c.get('deps').db, await scopeOf(c), c.req.valid('query'));
    return c.json(page, 200);
  })
  .openapi(putMobilityCountRoute, async (c) => {
    const { scope, change } = await accessOf(c);
    const { count, created } = await upsertMobilityCount(c.get('deps').db, scope, c.req.valid('json'), change);
    return created ? c.json(count, 201) : c.json(count, 200);
  });
