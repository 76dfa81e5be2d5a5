import { scopeOf } from '../auth/visibility';
import {
  pageSchema,
  serviceConfirmSchema,
  serviceCreateSchema,
  serviceListQuerySchema,
  serviceSummarySchema,
  serviceUpdateSchema,
  type ServiceSummary,
} from '@kompetansebro/domain';
import { changeRecord, createRecord, exportRows, readRecord } from '../http/record-handlers';
import type { ExportColumn } from '../http/export';
import { recordRoutes } from '../http/record-routes';
import { ifMatch, jsonBody, routesTagged } from '../http/api-route';
import { createRouter, idParamsSchema } from '../http/openapi';
import { versionedWriteResponses } from '../http/versioned';
import { confirmService, createService, getService, listServices, setServiceArchived, updateService } from './service.repository';

const Service = serviceSummarySchema.meta({ id: 'Service' });
const ServicePage = pageSchema(Service).meta({ id: 'ServicePage' });
const ServiceCreate = serviceCreateSchema.meta({ id: 'ServiceCreate' });
const ServiceUpdate = serviceUpdateSchema.meta({ id: 'ServiceUpdate' });
const ServiceConfirm = serviceConfirmSchema.meta({ id: 'ServiceConfirm' });
const tags = ['Services'];

const serviceRoutes = recordRoutes({ path: '/api/services', policy: 'service', tags, record: Service });
const listRoute = serviceRoutes.list(
  serviceListQuerySchema,
  ServicePage,
  'List services: filter by actor (with its branches), type, audience, municipality or region; sort by actor in Norwegian order',
  'A page of services',
);
const exportRoute = serviceRoutes.export(serviceListQuerySchema, 'Every service the filters select, as CSV or XLSX');
const getRoute = serviceRoutes.get('One service with its actor, municipality and region', 'The service');
const createServiceRoute = serviceRoutes.create(ServiceCreate, 'Create a service of an actor');
const updateRoute = serviceRoutes.update(ServiceUpdate, 'Change some fields of a service; `conditions` is merged (If-Match required)');
const archiveRoute = serviceRoutes.stateChange(
  'archive',
  'Archive a service: hidden from lists, kept with its history (If-Match required)',
);
const restoreRoute = serviceRoutes.stateChange('restore', 'Bring an archived service back (If-Match required)');

const yesNo = (value: boolean) => (value ? 'ja' : 'nei');

const exportColumns: ExportColumn<ServiceSummary>[] = [
  { header: 'Aktør', value: (s) => s.actorName },
  { header: 'Kommune', value: (s) => s.municipalityName },
  { header: 'Region', value: (s) => s.regionName },
  { header: 'Tjeneste', value: (s) => s.type },
  { header: 'Målgrupper', value: (s) => s.audiences.join(', ') },
  { header: 'Beskrivelse', value: (s) => s.description },
  { header: 'Timer per uke', value: (s) => s.weeklyHours },
  { header: 'Aldersgrense', value: (s) => s.conditions.ageLimit },
  { header: 'Krever avtale', value: (s) => yesNo(s.conditions.contractRequired) },
  { header: 'Bestilling dager før', value: (s) => s.conditions.bookingLeadTimeDays },
  { header: 'Kapasitet', value: (s) => s.conditions.capacity },
  { header: 'Åpningstid', value: (s) => s.conditions.hours },
  { header: 'Merknad', value: (s) => s.conditions.note },
  { header: 'Sist bekreftet', value: (s) => s.confirmedAt },
  { header: 'Bekreftet av', value: (s) => s.confirmedBy },
  { header: 'Eksempeldata', value: (s) => yesNo(s.sampleData) },
  { header: 'Arkivert', value: (s) => s.archivedAt },
  { header: 'Sist endret', value: (s) => s.updatedAt },
];

const confirmRoute = routesTagged(...tags)('post', '/api/services/{id}/confirm', ['service', 'update'], {
  summary: 'Confirm the service is offered as described: sets confirmedAt to today (Norway) and confirmedBy (If-Match required)',
  request: { params: idParamsSchema, ...ifMatch, body: jsonBody(ServiceConfirm) },
  answers: versionedWriteResponses(Service),
});

export const servicesRouter = createRouter()
  .openapi(listRoute, async (c) => {
    return c.json(await listServices(c.get('deps').db, await scopeOf(c), c.req.valid('query')), 200);
  })
  // Before /api/services/{id}, so "export" is not read as an id.
  .openapi(exportRoute, (c) =>
    exportRows(c, c.req.valid('query'), { name: 'tjenester', columns: exportColumns }, async (db, scope, query) => (await listServices(db, scope, query)).items),
  )
  .openapi(getRoute, (c) => readRecord(c, (db, scope) => getService(db, scope, c.req.valid('param').id)))
  .openapi(createServiceRoute, (c) =>
    createRecord(c, ({ db, scope, change }) => createService(db, scope, c.req.valid('json'), change), (service) => `/api/services/${service.id}`),
  )
  .openapi(updateRoute, (c) =>
    changeRecord(c, ({ db, scope, change }, version) => updateService(db, scope, c.req.valid('param').id, c.req.valid('json'), version, change)),
  )
  .openapi(confirmRoute, (c) =>
    changeRecord(c, ({ db, scope, change }, version) => confirmService(db, scope, c.req.valid('param').id, c.req.valid('json').confirmedBy, version, change)),
  )
  .openapi(archiveRoute, (c) =>
    changeRecord(c, ({ db, scope, change }, version) => setServiceArchived(db, scope, c.req.valid('param').id, true, version, change)),
  )
  .openapi(restoreRoute, (c) =>
    changeRecord(c, ({ db, scope, change }, version) => setServiceArchived(db, scope, c.req.valid('param').id, false, version, change)),
  );
