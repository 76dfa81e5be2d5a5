import { scopeOf } from '../auth/visibility';
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
import { changeRecord, createRecord, exportRows, readRecord, removeRecord } from '../http/record-handlers';
import type { ExportColumn } from '../http/export';
import { recordRoutes } from '../http/record-routes';
import { fileAnswer, jsonAnswer, routesTagged } from '../http/api-route';
import { downloadHeaders } from '../http/export';
import { idParamsSchema } from '../http/openapi';
import { activityCalendar } from './activity-calendar';
import { createRouter } from '../http/openapi';
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

const countsRoute = routesTagged(...tags)('get', '/api/activities/counts', ['activity', 'read'], {
  summary: 'How many activities the filters select, per month, half year (2023-H2) or year, by start date',
  request: { query: activityCountQuerySchema },
  answers: { 200: jsonAnswer('Counts in time order, over the periods from the first activity (or from) to the last (or to); periods without an activity count 0, none at all is an empty list', ActivityCounts) },
  problems: [400],
});

const calendarRoute = routesTagged(...tags)('get', '/api/activities/{id}/calendar.ics', ['activity', 'read'], {
  summary: 'The activity as an iCalendar file (one event; times in Europe/Oslo, the place as LOCATION, the online link as URL)',
  request: { params: idParamsSchema },
  answers: { 200: fileAnswer('The iCalendar file', 'text/calendar') },
  problems: [404],
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
  { header: 'Fra klokken', value: (a) => a.startTime },
  { header: 'Til klokken', value: (a) => a.endTime },
  { header: 'Sted', value: (a) => a.place },
  { header: 'Nettlenke', value: (a) => a.onlineUrl },
  { header: 'Temaer', value: (a) => a.topics.join(', ') },
  { header: 'Resultat', value: (a) => a.outcome },
  { header: 'Lenker', value: (a) => a.links.map((l) => `${l.label}: ${l.url}`).join(', ') },
  { header: 'Beskrivelse', value: (a) => a.description },
  { header: 'Eksempeldata', value: (a) => (a.sampleData ? 'ja' : 'nei') },
  { header: 'Sist endret', value: (a) => a.updatedAt },
];

export const activitiesRouter = createRouter()
  .openapi(listRoute, async (c) => {
    const page = await listActivities(c.get('deps').db, await scopeOf(c), c.req.valid('query'));
    return c.json(page, 200);
  })
  // Before /api/activities/{id}, so "counts" and "export" are not read as ids.
  .openapi(countsRoute, async (c) => {
    const items = await countActivities(c.get('deps').db, await scopeOf(c), c.req.valid('query'));
    return c.json({ items }, 200);
  })
  .openapi(exportRoute, (c) =>
    exportRows(c, c.req.valid('query'), { name: 'aktiviteter', columns: exportColumns }, listActivitiesWithParticipants),
  )
  .openapi(calendarRoute, async (c) => {
    const activity = await getActivity(c.get('deps').db, await scopeOf(c), c.req.valid('param').id);
    return c.body(activityCalendar(activity), 200, downloadHeaders('text/calendar; charset=utf-8', `aktivitet-${activity.startDate}.ics`));
  })
  .openapi(getRoute, (c) => readRecord(c, (db, scope) => getActivity(db, scope, c.req.valid('param').id)))
  .openapi(createActivityRoute, (c) =>
    createRecord(c, ({ db, scope, change }) => createActivity(db, scope, c.req.valid('json'), change), (activity) => `/api/activities/${activity.id}`),
  )
  .openapi(updateRoute, (c) =>
    changeRecord(c, ({ db, scope, change }, version) => updateActivity(db, scope, c.req.valid('param').id, c.req.valid('json'), version, change)),
  )
  .openapi(deleteRoute, (c) => removeRecord(c, ({ db, scope, change }, version) => deleteActivity(db, scope, c.req.valid('param').id, version, change)));
