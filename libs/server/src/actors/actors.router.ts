import { accessOf, scopeOf } from '../auth/visibility';
import { actorCreateSchema, actorDetailSchema, actorListQuerySchema, actorSummarySchema, actorUpdateSchema, pageSchema } from '@kompetansebro/domain';
import { formatOrganisationNumber, type ActorSummary } from '@kompetansebro/domain';
import { expectedVersion, versionedJson } from '../http/etag';
import { exportResponse, MAX_EXPORT_ROWS, type ExportColumn } from '../http/export';
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
