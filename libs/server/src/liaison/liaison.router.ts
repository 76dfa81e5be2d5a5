import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  digestSubscriptionSchema,
  keyStudentServices,
  liaisonActivityQuerySchema,
  liaisonActivitySchema,
  liaisonLibrarySchema,
  liaisonNoteSchema,
  libraryListQuerySchema,
  needsSchema,
  noteCreateSchema,
  noteListQuerySchema,
  noteThreadSchema,
  noteUpdateSchema,
  pageSchema,
  studentCountPeriodSchema,
  studentCountQuerySchema,
  studentCountSetSchema,
  studentCountsUpdateSchema,
  type LiaisonLibrary,
} from '@kompetansebro/domain';
import { authorize } from '../auth/access-control';
import { accessOf, scopeOf } from '../auth/visibility';
import { versionedJson } from '../http/etag';
import { changeRecord } from '../http/record-handlers';
import { exportFormatSchema, exportResponse, MAX_EXPORT_ROWS, type ExportColumn } from '../http/export';
import { createRouter, idParamsSchema, ifMatchHeaderSchema, jsonContent, problemResponses } from '../http/openapi';
import { versionedWriteResponses, withEtag } from '../http/versioned';
import { listLibraries } from './library.repository';
import { getNeeds, getStudentCounts, saveStudentCounts } from './needs.repository';
import { createNote, getDigestSubscription, getNote, listNotes, listThreads, setDigestSubscription, updateNote } from './note.repository';
import { joinActivity, listLiaisonActivities } from './liaison-activity.repository';
import { principalOf } from '../auth/access-control';

// The university-library liaison view's API (issue 8), under /api/liaison.

const Library = liaisonLibrarySchema.meta({ id: 'LiaisonLibrary' });
const LibraryPage = pageSchema(Library).meta({ id: 'LiaisonLibraryPage' });
const StudentCounts = studentCountSetSchema.meta({ id: 'StudentCounts' });
const Needs = needsSchema.meta({ id: 'LiaisonNeeds' });
const Note = liaisonNoteSchema.meta({ id: 'LiaisonNote' });
const NotePage = pageSchema(Note).meta({ id: 'LiaisonNotePage' });
const Thread = noteThreadSchema.meta({ id: 'LiaisonThread' });
const Activity = liaisonActivitySchema.meta({ id: 'LiaisonActivity' });
const tags = ['Liaison'];

const librariesRoute = createRoute({
  method: 'get',
  path: '/api/liaison/libraries',
  middleware: [authorize('service', 'read')] as const,
  tags,
  summary: 'Public libraries and branches with the services that matter to students; filter by service and region, search by name or municipality',
  request: { query: libraryListQuerySchema },
  responses: { 200: { description: 'A page of libraries', content: jsonContent(LibraryPage) }, 400: problemResponses[400] },
});

const librariesExportRoute = createRoute({
  method: 'get',
  path: '/api/liaison/libraries/export',
  middleware: [authorize('service', 'export')] as const,
  tags,
  summary: 'Every library the filters select, with its key student services, as CSV or XLSX',
  request: { query: libraryListQuerySchema.omit({ page: true, pageSize: true }).extend({ format: exportFormatSchema }) },
  responses: {
    200: {
      description: 'The file',
      content: { 'text/csv': { schema: z.string() }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() } },
    },
    400: problemResponses[400],
  },
});

const serviceHeaders: Record<(typeof keyStudentServices)[number], string> = {
  interlibrary_loan: 'Fjernlån',
  university_loan_pickup: 'Henting av universitetslån',
  exam_invigilation: 'Eksamensavvikling',
  study_places: 'Studieplasser',
  self_service_hours: 'Meråpent',
};

const libraryColumns: ExportColumn<LiaisonLibrary>[] = [
  { header: 'Bibliotek', value: (l) => l.name },
  { header: 'Hovedbibliotek', value: (l) => l.parentName },
  { header: 'Kommune', value: (l) => l.municipalityName },
  { header: 'Region', value: (l) => l.regionName },
  ...keyStudentServices.map((type) => ({ header: serviceHeaders[type], value: (l: LiaisonLibrary) => (l.services.some((s) => s.type === type) ? 'ja' : 'nei') })),
];

const countsQuery = studentCountQuerySchema;

const getCountsRoute = createRoute({
  method: 'get',
  path: '/api/liaison/student-counts',
  middleware: [authorize('student_count', 'read')] as const,
  tags,
  summary: 'How many of a university organisation’s distance students live in each municipality (a liaison: its own; the county names the organisation)',
  request: { query: countsQuery },
  responses: { 200: { description: 'The counts (version 0: none saved yet)', content: jsonContent(StudentCounts), ...withEtag }, 400: problemResponses[400], 404: problemResponses[404] },
});

const putCountsRoute = createRoute({
  method: 'put',
  path: '/api/liaison/student-counts',
  middleware: [authorize('student_count', 'update')] as const,
  tags,
  summary: 'Replace the liaison’s own counts for a period (If-Match required; "0" for the first save)',
  request: {
    query: z.object({ period: studentCountPeriodSchema.default('current') }),
    headers: ifMatchHeaderSchema,
    body: { content: jsonContent(studentCountsUpdateSchema.meta({ id: 'StudentCountsUpdate' })), required: true },
  },
  responses: versionedWriteResponses(StudentCounts),
});

const needsRoute = createRoute({
  method: 'get',
  path: '/api/liaison/needs',
  middleware: [authorize('student_count', 'read')] as const,
  tags,
  summary: 'Every municipality: the university’s students living there and how many libraries offer each key student service',
  request: { query: countsQuery },
  responses: { 200: { description: 'Needs and offer', content: jsonContent(Needs) }, 400: problemResponses[400], 404: problemResponses[404] },
});

const threadsRoute = createRoute({
  method: 'get',
  path: '/api/liaison/threads',
  middleware: [authorize('liaison_note', 'read')] as const,
  tags,
  summary: 'The cooperation channels the caller is a party to',
  responses: { 200: { description: 'The channels', content: jsonContent(z.object({ items: z.array(Thread) })) } },
});

const notesRoute = createRoute({
  method: 'get',
  path: '/api/liaison/notes',
  middleware: [authorize('liaison_note', 'read')] as const,
  tags,
  summary: 'Notes of the channels the caller is a party to, newest first; filter by university library, library or region',
  request: { query: noteListQuerySchema },
  responses: { 200: { description: 'A page of notes', content: jsonContent(NotePage) }, 400: problemResponses[400] },
});

const createNoteRoute = createRoute({
  method: 'post',
  path: '/api/liaison/notes',
  middleware: [authorize('liaison_note', 'create')] as const,
  tags,
  summary: 'Write a note in a channel with a public library or a region',
  request: { body: { content: jsonContent(noteCreateSchema.meta({ id: 'LiaisonNoteCreate' })), required: true } },
  responses: { 201: { description: 'Written', content: jsonContent(Note), ...withEtag }, 400: problemResponses[400], 415: problemResponses[415] },
});

const getNoteRoute = createRoute({
  method: 'get',
  path: '/api/liaison/notes/{id}',
  middleware: [authorize('liaison_note', 'read')] as const,
  tags,
  summary: 'One note with its earlier wordings',
  request: { params: idParamsSchema },
  responses: { 200: { description: 'The note', content: jsonContent(Note), ...withEtag }, 400: problemResponses[400], 404: problemResponses[404] },
});

const updateNoteRoute = createRoute({
  method: 'patch',
  path: '/api/liaison/notes/{id}',
  middleware: [authorize('liaison_note', 'update')] as const,
  tags,
  summary: 'Edit one’s own note; the earlier text is kept (If-Match required)',
  request: { params: idParamsSchema, headers: ifMatchHeaderSchema, body: { content: jsonContent(noteUpdateSchema.meta({ id: 'LiaisonNoteUpdate' })), required: true } },
  responses: versionedWriteResponses(Note),
});

const getDigestRoute = createRoute({
  method: 'get',
  path: '/api/liaison/digest-subscription',
  middleware: [authorize('liaison_note', 'read')] as const,
  tags,
  summary: 'Whether the caller gets the e-mail digest of new notes',
  responses: { 200: { description: 'The choice', content: jsonContent(digestSubscriptionSchema) } },
});

const putDigestRoute = createRoute({
  method: 'put',
  path: '/api/liaison/digest-subscription',
  middleware: [authorize('liaison_note', 'read')] as const,
  tags,
  summary: 'Ask for (or stop) the e-mail digest of new notes; counts from now',
  request: { body: { content: jsonContent(digestSubscriptionSchema.strict()), required: true } },
  responses: { 200: { description: 'The choice', content: jsonContent(digestSubscriptionSchema) }, 400: problemResponses[400] },
});

const activitiesRoute = createRoute({
  method: 'get',
  path: '/api/liaison/activities',
  middleware: [authorize('activity', 'read')] as const,
  tags,
  summary: 'Past: activities the caller’s library or university took part in; upcoming: those and the county’s coming activities, open to join',
  request: { query: liaisonActivityQuerySchema },
  responses: { 200: { description: 'The activities', content: jsonContent(z.object({ items: z.array(Activity) })) }, 400: problemResponses[400] },
});

const joinRoute = createRoute({
  method: 'put',
  path: '/api/liaison/activities/{id}/participation',
  middleware: [authorize('participation', 'create')] as const,
  tags,
  summary: 'Register the caller’s own library as a participant of a coming activity (idempotent)',
  request: { params: idParamsSchema },
  responses: { 200: { description: 'Registered', content: jsonContent(Activity) }, 400: problemResponses[400], 404: problemResponses[404], 409: problemResponses[409] },
});

export const liaisonRouter = createRouter()
  .openapi(librariesRoute, async (c) => c.json(await listLibraries(c.var.deps.db, await scopeOf(c), c.req.valid('query')), 200))
  .openapi(librariesExportRoute, async (c) => {
    const { format, ...filters } = c.req.valid('query');
    const page = await listLibraries(c.var.deps.db, await scopeOf(c), { ...filters, page: 1, pageSize: MAX_EXPORT_ROWS });
    return exportResponse(c, { name: 'bibliotek', format, columns: libraryColumns, rows: page.items });
  })
  .openapi(getCountsRoute, async (c) => {
    const { organisation, period } = c.req.valid('query');
    const counts = await getStudentCounts(c.var.deps.db, await scopeOf(c), organisation, period);
    return versionedJson(c, counts, 200);
  })
  .openapi(putCountsRoute, (c) =>
    changeRecord(c, ({ db, scope, change }, version) => saveStudentCounts(db, scope, c.req.valid('query').period, c.req.valid('json'), version, change)),
  )
  .openapi(needsRoute, async (c) => {
    const { organisation, period } = c.req.valid('query');
    return c.json(await getNeeds(c.var.deps.db, await scopeOf(c), organisation, period), 200);
  })
  .openapi(threadsRoute, async (c) => c.json({ items: await listThreads(c.var.deps.db, await scopeOf(c)) }, 200))
  .openapi(notesRoute, async (c) => c.json(await listNotes(c.var.deps.db, await scopeOf(c), c.req.valid('query')), 200))
  .openapi(createNoteRoute, async (c) => {
    const { scope, change } = await accessOf(c);
    const note = await createNote(c.var.deps.db, scope, c.req.valid('json'), change);
    c.header('Location', `/api/liaison/notes/${note.id}`);
    return versionedJson(c, note, 201);
  })
  .openapi(getNoteRoute, async (c) => {
    const note = await getNote(c.var.deps.db, await scopeOf(c), c.req.valid('param').id);
    return versionedJson(c, note, 200);
  })
  .openapi(updateNoteRoute, (c) =>
    changeRecord(c, ({ db, scope, change }, version) => updateNote(db, scope, c.req.valid('param').id, c.req.valid('json').body, version, change)),
  )
  .openapi(getDigestRoute, async (c) => c.json({ subscribed: await getDigestSubscription(c.var.deps.db, principalOf(c).userId) }, 200))
  .openapi(putDigestRoute, async (c) => {
    const scope = await scopeOf(c);
    const subscribed = await setDigestSubscription(c.var.deps.db, scope, principalOf(c).userId, c.req.valid('json').subscribed);
    return c.json({ subscribed }, 200);
  })
  .openapi(activitiesRoute, async (c) => c.json({ items: await listLiaisonActivities(c.var.deps.db, await scopeOf(c), c.req.valid('query').when) }, 200))
  .openapi(joinRoute, async (c) => {
    const { scope, change } = await accessOf(c);
    return c.json(await joinActivity(c.var.deps.db, scope, c.req.valid('param').id, change), 200);
  });
