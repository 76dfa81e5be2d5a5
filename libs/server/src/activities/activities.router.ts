import { createRoute } from '@hono/zod-openapi';
import { authorize } from '../auth/access-control';
import { accessOf, scopeOf } from '../auth/visibility';
import {
  activityCountQuerySchema,
  activityCountsSchema,
  activityCreateSchema,
  activityDetailSchema,
  activityListQuerySchema,
  activitySummarySchema,
  activityUpdateSchema,
  pageSchema,
  type ActivityParticipant,
  type ActivitySummary,
} from '@kompetansebro/domain';
import { expectedVersion, versionedJson } from '../http/etag';
import { exportResponse, MAX_EXPORT_ROWS, type ExportColumn } from '../http/export';
import { recordRoutes } from '../http/record-routes';
import { createRouter, jsonContent, problemResponses } from '../http/openapi';
import {
  countActivities,
  createActivity,
  deleteActivity,
  getActivity,
  listActivities,
  listActivitiesWithParticipants,
  updateActivity,
} from './activity.repository';

const ActivityDetail = activityDetailSchema.meta({ id: 'ActivityDetail' });
const ActivityPage = pageSchema(activitySummarySchema.meta({ id: 'ActivitySummary' })).meta({ id: 'ActivityPage' });
const ActivityCreate = activityCreateSchema.meta({ id: 'ActivityCreate' });
const ActivityUpdate = activityUpdateSchema.meta({ id: 'ActivityUpdate' });
const ActivityCounts = activityCountsSchema.meta({ id: 'ActivityCounts' });
const tags = ['Activities'];

const activityRoutes = recordRoutes({ path: '/api/activities', policy: 'activity', tags, record: ActivityDetail });
const listRoute = activityRoutes.list(
  activityListQuerySchema,
  ActivityPage,
  'List activities: search, filter by period (from/to; a period counts when it overlaps), kind, organiser or participant',
  'A page of activities',
);
const exportRoute = activityRoutes.export(activityListQuerySchema, 'Every activity the filters select, as CSV or XLSX');
const getRoute = activityRoutes.get('One activity with its organiser and participants (with head counts)', 'The activity');
const createActivityRoute = activityRoutes.create(ActivityCreate, 'Record an activity');
const updateRoute = activityRoutes.update(
  ActivityUpdate,
  'Change some fields of an activity; participants, when given, replace the list (If-Match required)',
);
const deleteRoute = activityRoutes.remove('Delete an activity; plan items that list it as a result drop it (If-Match required)');

const countsRoute = createRoute({
  method: 'get',
  path: '/api/activities/counts',
  middleware: [authorize('activity', 'read')] as const,
  tags,
  summary: 'How many activities the filters select, per month, half year (2023-H2) or year, by start date',
  request: { query: activityCountQuerySchema },
  responses: { 200: { description: 'Counts in time order; periods without activity are left out', content: jsonContent(ActivityCounts) }, 400: problemResponses[400] },
});

type ExportRow = ActivitySummary & { participants: ActivityParticipant[] };

const exportColumns: ExportColumn<ExportRow>[] = [
  { header: 'Tittel', value: (a) => a.title },
  { header: 'Type', value: (a) => a.kind },
  { header: 'Fra dato', value: (a) => a.startDate },
  { header: 'Til dato', value: (a) => a.endDate },
  { header: 'Arrangør', value: (a) => a.organiserName },
  {
    header: 'Deltakere',
    value: (a) => a.participants.map((p) => (p.headCount === null ? p.actorName : `${p.actorName} (${p.headCount})`)).join(', '),
  },
  { header: 'Antall deltakende aktører', value: (a) => a.participantCount },
  { header: 'Antall personer', value: (a) => a.totalHeadCount },
  { header: 'Temaer', value: (a) => a.topics.join(', ') },
  { header: 'Resultat', value: (a) => a.outcome },
  { header: 'Lenker', value: (a) => a.links.map((l) => `${l.label}: ${l.url}`).join(', ') },
  { header: 'Beskrivelse', value: (a) => a.description },
  { header: 'Eksempeldata', value: (a) => (a.sampleData ? 'ja' : 'nei') },
  { header: 'Sist endret', value: (a) => a.updatedAt },
];

export const activitiesRouter = createRouter()
  .openapi(listRoute, async (c) => {
    const page = await listActivities(c.var.deps.db, await scopeOf(c), c.req.valid('query'));
    return c.json(page, 200);
  })
  // Before /api/activities/{id}, so "counts" and "export" are not read as ids.
  .openapi(countsRoute, async (c) => {
    const items = await countActivities(c.var.deps.db, await scopeOf(c), c.req.valid('query'));
    return c.json({ items }, 200);
  })
  .openapi(exportRoute, async (c) => {
    const { format, ...filters } = c.req.valid('query');
    const rows = await listActivitiesWithParticipants(c.var.deps.db, await scopeOf(c), { ...filters, page: 1, pageSize: MAX_EXPORT_ROWS });
    return exportResponse(c, { name: 'aktiviteter', format, columns: exportColumns, rows });
  })
  .openapi(getRoute, async (c) => {
    const activity = await getActivity(c.var.deps.db, await scopeOf(c), c.req.valid('param').id);
    return versionedJson(c, activity, 200);
  })
  .openapi(createActivityRoute, async (c) => {
    const { scope, change } = await accessOf(c);
    const activity = await createActivity(c.var.deps.db, scope, c.req.valid('json'), change);
    c.header('Location', `/api/activities/${activity.id}`);
    return versionedJson(c, activity, 201);
  })
  .openapi(updateRoute, async (c) => {
    const version = expectedVersion(c);
    const { scope, change } = await accessOf(c);
    const activity = await updateActivity(c.var.deps.db, scope, c.req.valid('param').id, c.req.valid('json'), version, change);
    return versionedJson(c, activity, 200);
  })
  .openapi(deleteRoute, async (c) => {
    const version = expectedVersion(c);
    const { scope, change } = await accessOf(c);
    await deleteActivity(c.var.deps.db, scope, c.req.valid('param').id, version, change);
    return c.body(null, 204);
  });
