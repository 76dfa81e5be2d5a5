import { openingHoursInputSchema, openingHoursOsmImportSchema, openingHoursSchema } from '@kompetansebro/domain';
import { ifMatch, jsonBody, routesTagged } from '../http/api-route';
import { changeRecord, readRecord } from '../http/record-handlers';
import { recordRoutes } from '../http/record-routes';
import { createRouter, idParamsSchema } from '../http/openapi';
import { versionedWriteResponses } from '../http/versioned';
import { getOpeningHours, importOpeningHoursFromOsm, saveOpeningHours } from './opening-hours.repository';

const OpeningHours = openingHoursSchema.meta({ id: 'OpeningHours' });
const OpeningHoursInput = openingHoursInputSchema.meta({ id: 'OpeningHoursInput' });
const OpeningHoursOsmImport = openingHoursOsmImportSchema.meta({ id: 'OpeningHoursOsmImport' });
const tags = ['Opening hours'];

// {id} is the library's or branch's actor id: one record of opening hours each.
const routes = recordRoutes({ path: '/api/opening-hours', policy: 'opening_hours', tags, record: OpeningHours });
const getRoute = routes.get(
  "A library's or branch's opening hours: weekly timetable, seasons, exceptions; as OSM strings; open now and this week (Europe/Oslo). Version 0 until first saved",
  'The opening hours',
);
const updateRoute = routes.update(OpeningHoursInput, 'Replace the opening hours (If-Match required; "0" when none are stored yet)');
const importRoute = routesTagged(...tags)('put', '/api/opening-hours/{id}/osm', ['opening_hours', 'update'], {
  summary: "Take over the weekly timetable from OSM opening_hours strings (staffed; self-service), keeping seasons and exceptions (If-Match required)",
  request: { params: idParamsSchema, ...ifMatch, body: jsonBody(OpeningHoursOsmImport) },
  answers: versionedWriteResponses(OpeningHours),
});

export const openingHoursRouter = createRouter()
  .openapi(getRoute, (c) => readRecord(c, (db, scope) => getOpeningHours(db, scope, c.req.valid('param').id)))
  .openapi(updateRoute, (c) =>
    changeRecord(c, ({ db, scope, change }, version) => saveOpeningHours(db, scope, c.req.valid('param').id, c.req.valid('json'), version, change)),
  )
  .openapi(importRoute, (c) =>
    changeRecord(c, ({ db, scope, change }, version) => importOpeningHoursFromOsm(db, scope, c.req.valid('param').id, c.req.valid('json'), version, change)),
  );
