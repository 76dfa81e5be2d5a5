import { z } from 'zod';
import { scopeOf } from '../auth/visibility';
import { actorCreateSchema, actorDetailSchema, actorListQuerySchema, actorSummarySchema, actorUpdateSchema, pageSchema } from '@kompetansebro/domain';
import { formatOrganisationNumber, toIsil, type ActorSummary } from '@kompetansebro/domain';
import { ifMatch, jsonBody, routesTagged, versionedAnswer } from '../http/api-route';
import { idParamsSchema } from '../http/openapi';
import { mergeActors } from './actor-merge.repository';
import type { ExportColumn } from '../http/export';
import { changeRecord, createRecord, exportRows, readRecord } from '../http/record-handlers';
import { createRouter } from '../http/openapi';
import { recordRoutes } from '../http/record-routes';
import { createActor, getActor, listActors, setActorArchived, updateActor } from './actor.repository';

const ActorDetail = actorDetailSchema.meta({ id: 'ActorDetail' });
const ActorPage = pageSchema(actorSummarySchema.meta({ id: 'ActorSummary' })).meta({ id: 'ActorPage' });
const ActorCreate = actorCreateSchema.meta({ id: 'ActorCreate' });
const ActorUpdate = actorUpdateSchema.meta({ id: 'ActorUpdate' });
const actorRoutes = recordRoutes({ path: '/api/actors', policy: 'actor', tags: ['Actors'], record: ActorDetail });

const listRoute = actorRoutes.list(
  actorListQuerySchema,
  ActorPage,
  'List actors: search, filter by kind, municipality, region or parent, sort in Norwegian order',
  'A page of actors',
);
const exportRoute = actorRoutes.export(actorListQuerySchema, 'Every actor the filters select, as CSV or XLSX');
const getRoute = actorRoutes.get('One actor with its parent, municipality, region and children', 'The actor');
const createActorRoute = actorRoutes.create(ActorCreate, 'Create an actor');
const updateRoute = actorRoutes.update(ActorUpdate, 'Change some fields of an actor (If-Match required)');
const archiveRoute = actorRoutes.stateChange('archive', 'Archive an actor: hidden from lists, kept with its history (If-Match required)');
const restoreRoute = actorRoutes.stateChange('restore', 'Bring an archived actor back (If-Match required)');

const ActorMerge = z.object({ duplicateId: z.uuid().meta({ description: 'The actor registered twice: its references move to this one, and it is archived' }) }).strict().meta({ id: 'ActorMerge' });
const mergeRoute = routesTagged('Actors')('post', '/api/actors/{id}/merge', ['actor', 'delete'], {
  summary: 'Merge a duplicate into this actor (If-Match: this actor\'s version): every reference moves here, the duplicate is archived; both histories say so',
  request: { params: idParamsSchema, ...ifMatch, body: jsonBody(ActorMerge) },
  answers: { 200: versionedAnswer('The kept actor', ActorDetail) },
  problems: [400, 404, 409, 412, 415, 428],
});

const exportColumns: ExportColumn<ActorSummary>[] = [
  { header: 'Navn', value: (a) => a.name },
  { header: 'Kortnavn', value: (a) => a.shortName },
  { header: 'Type', value: (a) => a.kind },
  { header: 'Organisasjonsnummer', value: (a) => (a.organisationNumber ? formatOrganisationNumber(a.organisationNumber) : null) },
  { header: 'Biblioteknummer', value: (a) => a.libraryNumber },
  { header: 'ISIL', value: (a) => (a.libraryNumber ? toIsil(a.libraryNumber) : null) },
  { header: 'Kommunenummer', value: (a) => a.municipalityNumber },
  { header: 'Kommune', value: (a) => a.municipalityName },
  { header: 'Region', value: (a) => a.regionName },
  { header: 'Tilhører', value: (a) => a.parentName },
  { header: 'Adresse', value: (a) => a.address },
  { header: 'Nettsted', value: (a) => a.website },
  { header: 'E-post', value: (a) => a.email },
  { header: 'Telefon', value: (a) => a.phone },
  { header: 'Arkivert', value: (a) => a.archivedAt },
  { header: 'Sist endret', value: (a) => a.updatedAt },
];

export const actorsRouter = createRouter()
  .openapi(listRoute, async (c) => {
    const page = await listActors(c.get('deps').db, await scopeOf(c), c.req.valid('query'));
    return c.json(page, 200);
  })
  // Before /api/actors/{id}, so "export" is not read as an id.
  .openapi(exportRoute, (c) =>
    exportRows(c, c.req.valid('query'), { name: 'aktorer', columns: exportColumns }, async (db, scope, query) => (await listActors(db, scope, query)).items),
  )
  .openapi(getRoute, (c) => readRecord(c, (db, scope) => getActor(db, scope, c.req.valid('param').id)))
  .openapi(createActorRoute, (c) =>
    createRecord(c, ({ db, scope, change }) => createActor(db, scope, c.req.valid('json'), change), (actor) => `/api/actors/${actor.id}`),
  )
  .openapi(updateRoute, (c) =>
    changeRecord(c, ({ db, scope, change }, version) => updateActor(db, scope, c.req.valid('param').id, c.req.valid('json'), version, change)),
  )
  .openapi(archiveRoute, (c) =>
    changeRecord(c, ({ db, scope, change }, version) => setActorArchived(db, scope, c.req.valid('param').id, true, version, change)),
  )
  .openapi(restoreRoute, (c) =>
    changeRecord(c, ({ db, scope, change }, version) => setActorArchived(db, scope, c.req.valid('param').id, false, version, change)),
  )
  .openapi(mergeRoute, (c) =>
    changeRecord(c, ({ db, scope, change }, version) => mergeActors(db, scope, c.req.valid('param').id, c.req.valid('json').duplicateId, version, change)),
  );
