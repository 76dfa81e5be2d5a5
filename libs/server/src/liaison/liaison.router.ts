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
  noteThreadListQuerySchema,
  noteThreadSchema,
  noteUpdateSchema,
  pageSchema,
  studentCountPeriodSchema,
  studentCountQuerySchema,
  studentCountSetSchema,
  studentCountsUpdateSchema,
  type LiaisonLibrary,
} from '@kompetansebro/domain';
import { accessOf, scopeOf } from '../auth/visibility';
import { changeRecord, createRecord, exportRows, readRecord } from '../http/record-handlers';
import { exportAnswer, exportFormatSchema, type ExportColumn } from '../http/export';
import { ifMatch, jsonAnswer, jsonBody, routesTagged, versionedAnswer } from '../http/api-route';
import { createRouter, idParamsSchema } from '../http/openapi';
import { versionedWriteResponses } from '../http/versioned';
import { everyMunicipality } from '../reference/reference.repository';
import { listLibraries } from './library.repository';
import { getNeeds, getStudentCounts, saveStudentCounts } from './needs.repository';
import { createNote, getDigestSubscription, getNote, listNotes, listThreads, listUniversityLibraries, setDigestSubscription, updateNote } from './note.repository';
import { joinActivity, leaveActivity, listLiaisonActivities } from './liaison-activity.repository';
import { markNotesRead, unreadNoteCount } from './note-read.repository';
import { principalOf } from '../auth/access-control';

// The university-library liaison view's API (issue 8), under /api/liaison.

const Library = liaisonLibrarySchema.meta({ id: 'LiaisonLibrary' });
const LibraryPage = pageSchema(Library).meta({ id: 'LiaisonLibraryPage' });
const StudentCounts = studentCountSetSchema.meta({ id: 'StudentCounts' });
const Needs = needsSchema.meta({ id: 'LiaisonNeeds' });
const Note = liaisonNoteSchema.meta({ id: 'LiaisonNote' });
const NotePage = pageSchema(Note).meta({ id: 'LiaisonNotePage' });
const Thread = noteThreadSchema.meta({ id: 'LiaisonThread' });
const ThreadPage = pageSchema(Thread).meta({ id: 'LiaisonThreadPage' });
const Activity = liaisonActivitySchema.meta({ id: 'LiaisonActivity' });
const ActivityPage = pageSchema(Activity).meta({ id: 'LiaisonActivityPage' });

const route = routesTagged('Liaison');

const librariesRoute = route('get', '/api/liaison/libraries', ['service', 'read'], {
  summary: 'Public libraries and branches with the services that matter to students; filter by service and region, search by name or municipality',
  request: { query: libraryListQuerySchema },
  answers: { 200: jsonAnswer('A page of libraries', LibraryPage) },
  problems: [400],
});

const librariesExportRoute = route('get', '/api/liaison/libraries/export', ['service', 'export'], {
  summary: 'Every library the filters select, with its key student services, as CSV or XLSX',
  request: { query: libraryListQuerySchema.omit({ page: true, pageSize: true }).extend({ format: exportFormatSchema }) },
  answers: { 200: exportAnswer },
  problems: [400],
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

const getCountsRoute = route('get', '/api/liaison/student-counts', ['student_count', 'read'], {
  summary: 'How many of a university organisation’s distance students live in each municipality (a liaison: its own; the county names the organisation)',
  request: { query: countsQuery },
  answers: { 200: versionedAnswer('The counts (version 0: none saved yet)', StudentCounts) },
  problems: [400, 404],
});

const putCountsRoute = route('put', '/api/liaison/student-counts', ['student_count', 'update'], {
  summary: 'Replace the liaison’s own counts for a period (If-Match required; "0" for the first save)',
  request: {
    query: z.object({ period: studentCountPeriodSchema.default('current') }),
    ...ifMatch,
    body: jsonBody(studentCountsUpdateSchema.meta({ id: 'StudentCountsUpdate' })),
  },
  answers: versionedWriteResponses(StudentCounts),
});

const needsRoute = route('get', '/api/liaison/needs', ['student_count', 'read'], {
  summary: 'Every municipality: the university’s students living there and how many libraries offer each key student service',
  request: { query: countsQuery },
  answers: { 200: jsonAnswer('Needs and offer', Needs) },
  problems: [400, 404],
});

const threadsRoute = route('get', '/api/liaison/threads', ['liaison_note', 'read'], {
  summary: 'The cooperation channels the caller is a party to, latest note first; search by the name of the university library, library or region',
  request: { query: noteThreadListQuerySchema },
  answers: { 200: jsonAnswer('A page of channels', ThreadPage) },
  problems: [400],
});

const universitiesRoute = route('get', '/api/liaison/universities', ['liaison_note', 'read'], {
  summary: 'The university libraries a channel may be with (id and name): whom a library or the county starts a note to',
  answers: { 200: jsonAnswer('The university libraries', z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string() })) }).meta({ id: 'LiaisonUniversities' })) },
});

const Unread = z.object({ count: z.number().int().min(0) }).meta({ id: 'LiaisonUnread' });

const unreadRoute = route('get', '/api/liaison/unread', ['liaison_note', 'read'], {
  summary: 'How many notes in the caller’s channels its organisation has not opened yet (its own are never unread)',
  answers: { 200: jsonAnswer('The count', Unread) },
});

const markReadRoute = route('post', '/api/liaison/notes/read', ['liaison_note', 'read'], {
  summary: 'The caller’s organisation has opened these notes (ones it cannot see are ignored); answers how many stay unread',
  request: { body: jsonBody(z.object({ ids: z.array(z.uuid()).max(200) }).strict()) },
  answers: { 200: jsonAnswer('What stays unread', Unread) },
  problems: [400, 415],
});

const notesRoute = route('get', '/api/liaison/notes', ['liaison_note', 'read'], {
  summary: 'Notes of the channels the caller is a party to, newest first; filter by university library, library or region',
  request: { query: noteListQuerySchema },
  answers: { 200: jsonAnswer('A page of notes', NotePage) },
  problems: [400],
});

const createNoteRoute = route('post', '/api/liaison/notes', ['liaison_note', 'create'], {
  summary: 'Write a note in a channel with a public library or a region',
  request: { body: jsonBody(noteCreateSchema.meta({ id: 'LiaisonNoteCreate' })) },
  answers: { 201: versionedAnswer('Written', Note) },
  problems: [400, 415],
});

const getNoteRoute = route('get', '/api/liaison/notes/{id}', ['liaison_note', 'read'], {
  summary: 'One note with its earlier wordings',
  request: { params: idParamsSchema },
  answers: { 200: versionedAnswer('The note', Note) },
  problems: [400, 404],
});

const updateNoteRoute = route('patch', '/api/liaison/notes/{id}', ['liaison_note', 'update'], {
  summary: 'Edit one’s own note; the earlier text is kept (If-Match required)',
  request: { params: idParamsSchema, ...ifMatch, body: jsonBody(noteUpdateSchema.meta({ id: 'LiaisonNoteUpdate' })) },
  answers: versionedWriteResponses(Note),
});

const getDigestRoute = route('get', '/api/liaison/digest-subscription', ['liaison_note', 'read'], {
  summary: 'Whether the caller gets the e-mail digest of new notes',
  answers: { 200: jsonAnswer('The choice', digestSubscriptionSchema) },
});

const putDigestRoute = route('put', '/api/liaison/digest-subscription', ['liaison_note', 'read'], {
  summary: 'Ask for (or stop) the e-mail digest of new notes; counts from now',
  request: { body: jsonBody(digestSubscriptionSchema.strict()) },
  answers: { 200: jsonAnswer('The choice', digestSubscriptionSchema) },
  problems: [400],
});

const activitiesRoute = route('get', '/api/liaison/activities', ['activity', 'read'], {
  summary: 'Past: the ended activities the caller’s library or university took part in; upcoming: those not ended yet (coming or running, running first) and the county’s, open to join',
  request: { query: liaisonActivityQuerySchema },
  answers: { 200: jsonAnswer('A page of the activities', ActivityPage) },
  problems: [400],
});

const joinRoute = route('put', '/api/liaison/activities/{id}/participation', ['participation', 'create'], {
  summary: 'Register the caller’s own library (university or public) as a participant of a coming activity (idempotent)',
  request: { params: idParamsSchema },
  answers: { 200: jsonAnswer('Registered', Activity) },
  problems: [400, 404, 409],
});

const leaveRoute = route('delete', '/api/liaison/activities/{id}/participation', ['participation', 'delete'], {
  summary: 'Cancel the caller’s own library’s registration for a coming activity (idempotent; other participants stay)',
  request: { params: idParamsSchema },
  answers: { 200: jsonAnswer('Not registered', Activity) },
  problems: [400, 404, 409],
});

export const liaisonRouter = createRouter()
  .openapi(librariesRoute, async (c) => c.json(await listLibraries(c.get('deps').db, await scopeOf(c), c.req.valid('query')), 200))
  .openapi(librariesExportRoute, (c) =>
    exportRows(c, c.req.valid('query'), { name: 'bibliotek', columns: libraryColumns }, async (db, scope, query) => (await listLibraries(db, scope, query)).items),
  )
  .openapi(getCountsRoute, (c) => {
    const { organisation, period } = c.req.valid('query');
    return readRecord(c, (db, scope) => getStudentCounts(db, scope, organisation, period));
  })
  .openapi(putCountsRoute, (c) =>
    changeRecord(c, ({ db, scope, change }, version) => saveStudentCounts(db, scope, c.req.valid('query').period, c.req.valid('json'), version, change)),
  )
  .openapi(needsRoute, async (c) => {
    const { organisation, period } = c.req.valid('query');
    const { db, readReuse } = c.get('deps');
    return c.json(await getNeeds(db, await scopeOf(c), organisation, period, () => everyMunicipality(db, readReuse)), 200);
  })
  .openapi(universitiesRoute, async (c) => c.json({ items: await listUniversityLibraries(c.get('deps').db) }, 200))
  .openapi(threadsRoute, async (c) => c.json(await listThreads(c.get('deps').db, await scopeOf(c), c.req.valid('query')), 200))
  .openapi(notesRoute, async (c) => c.json(await listNotes(c.get('deps').db, await scopeOf(c), c.req.valid('query')), 200))
  .openapi(unreadRoute, async (c) => c.json({ count: await unreadNoteCount(c.get('deps').db, await scopeOf(c)) }, 200))
  .openapi(markReadRoute, async (c) => c.json({ count: await markNotesRead(c.get('deps').db, await scopeOf(c), c.req.valid('json').ids) }, 200))
  .openapi(createNoteRoute, (c) =>
    createRecord(c, ({ db, scope, change }) => createNote(db, scope, c.req.valid('json'), change), (note) => `/api/liaison/notes/${note.id}`),
  )
  .openapi(getNoteRoute, (c) => readRecord(c, (db, scope) => getNote(db, scope, c.req.valid('param').id)))
  .openapi(updateNoteRoute, (c) =>
    changeRecord(c, ({ db, scope, change }, version) => updateNote(db, scope, c.req.valid('param').id, c.req.valid('json').body, version, change)),
  )
  .openapi(getDigestRoute, async (c) => c.json({ subscribed: await getDigestSubscription(c.get('deps').db, principalOf(c).userId) }, 200))
  .openapi(putDigestRoute, async (c) => {
    const scope = await scopeOf(c);
    const subscribed = await setDigestSubscription(c.get('deps').db, scope, principalOf(c).userId, c.req.valid('json').subscribed);
    return c.json({ subscribed }, 200);
  })
  .openapi(activitiesRoute, async (c) => c.json(await listLiaisonActivities(c.get('deps').db, await scopeOf(c), c.req.valid('query')), 200))
  .openapi(joinRoute, async (c) => {
    const { scope, change } = await accessOf(c);
    return c.json(await joinActivity(c.get('deps').db, scope, c.req.valid('param').id, change), 200);
  })
  .openapi(leaveRoute, async (c) => {
    const { scope, change } = await accessOf(c);
    return c.json(await leaveActivity(c.get('deps').db, scope, c.req.valid('param').id, change), 200);
  });
