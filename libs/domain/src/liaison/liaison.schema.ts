import { z } from 'zod';
import { listQuerySchema } from '../common/list.schema';
import { isoDateSchema, timestampSchema } from '../common/date.schema';
import { plainTextSchema } from '../common/text';
import { activityKindSchema } from '../activity/activity.schema';
import { municipalityNumberSchema } from '../municipality/municipality.schema';
import { serviceHoursSchema, serviceTypeSchema, type ServiceType } from '../service/service.schema';
import { versionedRecordFields, versionSchema } from '../common/record.schema';

// The university-library liaison (issue 8): the public libraries that serve a university's
// distance students, the students' municipalities set against what is offered there, the notes
// between the university library and a library or the county, and the activities it joins.

/** The services that matter to distance students, in the order the liaison view shows them. */
export const keyStudentServices = [
  'interlibrary_loan',
  'university_loan_pickup',
  'exam_invigilation',
  'study_places',
  'self_service_hours',
] as const satisfies readonly ServiceType[];
const keyStudentServiceSchema = z.enum(keyStudentServices);
export type KeyStudentService = z.infer<typeof keyStudentServiceSchema>;

/** Codes of the liaison rules, beside the shared domain error codes. */
export const liaisonErrorCodes = {
  duplicateMunicipality: 'duplicate_municipality',
  unknownMunicipality: 'unknown_municipality',
  targetRequired: 'target_required',
  targetNotFound: 'target_not_found',
  universityNotFound: 'university_not_found',
  notAuthor: 'not_author',
  activityNotUpcoming: 'activity_not_upcoming',
} as const;

// ------------------------------------------------------------------------------ libraries

export const libraryListQuerySchema = listQuerySchema.extend({
  service: keyStudentServiceSchema.optional(),
  region: z.uuid().optional(),
  /** By region, each main library with its branches (the list), or by name alone (a picker). */
  sort: z.enum(['region', 'name']).default('region'),
});
export type LibraryListQuery = z.infer<typeof libraryListQuerySchema>;

const libraryServiceBriefSchema = z.object({
  id: z.uuid(),
  type: serviceTypeSchema,
  hours: serviceHoursSchema.nullable(),
  weeklyHours: z.number().nullable(),
});

/** A public library or branch with the key student services it offers (not archived). */
export const liaisonLibrarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(['public_library', 'library_branch']),
  parentId: z.uuid().nullable(),
  parentName: z.string().nullable(),
  municipalityNumber: z.string().nullable(),
  municipalityName: z.string().nullable(),
  regionId: z.uuid().nullable(),
  regionName: z.string().nullable(),
  services: z.array(libraryServiceBriefSchema),
});
export type LiaisonLibrary = z.infer<typeof liaisonLibrarySchema>;

/** The libraries of a page grouped by region (libraries without a region last), in list order. */
export function groupLibrariesByRegion(libraries: readonly LiaisonLibrary[]): Array<{ regionId: string | null; regionName: string | null; libraries: LiaisonLibrary[] }> {
  const groups = new Map<string | null, { regionId: string | null; regionName: string | null; libraries: LiaisonLibrary[] }>();
  for (const library of libraries) {
    const group = groups.get(library.regionId) ?? { regionId: library.regionId, regionName: library.regionName, libraries: [] };
    group.libraries.push(library);
    groups.set(library.regionId, group);
  }
  return [...groups.values()].sort((a, b) => (a.regionId === null ? 1 : b.regionId === null ? -1 : (a.regionName ?? '').localeCompare(b.regionName ?? '', 'nb')));
}

// ------------------------------------------------------------------------------ student counts

/** A year ("2026") or "current": the counts the university keeps up to date. */
export const studentCountPeriodSchema = z.union([z.literal('current'), z.string().regex(/^20\d\d$/, 'A year such as 2026, or current')]);
export type StudentCountPeriod = z.infer<typeof studentCountPeriodSchema>;

/** The most students a university may count in one municipality (the form checks the same). */
export const MAX_STUDENT_COUNT = 1_000_000;

const studentCountSchema = z.object({
  municipalityNumber: municipalityNumberSchema,
  count: z.number().int().min(0).max(MAX_STUDENT_COUNT),
});

/** One university organisation's counts for a period; version 0 before the first save. */
export const studentCountSetSchema = z.object({
  organisationId: z.uuid(),
  period: studentCountPeriodSchema,
  counts: z.array(studentCountSchema),
  version: z.number().int().min(0),
  updatedAt: timestampSchema.nullable(),
});
export type StudentCountSet = z.infer<typeof studentCountSetSchema>;

export const studentCountQuerySchema = z.object({
  period: studentCountPeriodSchema.default('current'),
  /** Whose counts; the liaison's own organisation when left out (the county must name one). */
  organisation: z.uuid().optional(),
});

/** Saving replaces the whole set: municipalities left out have no students. */
export const studentCountsUpdateSchema = z
  .object({
    counts: z.array(studentCountSchema).max(400),
  })
  .strict()
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.counts.forEach((row, index) => {
      if (seen.has(row.municipalityNumber)) {
        ctx.addIssue({
          code: 'custom',
          path: ['counts', index, 'municipalityNumber'],
          message: 'Name each municipality once',
          params: { code: liaisonErrorCodes.duplicateMunicipality },
        });
      }
      seen.add(row.municipalityNumber);
    });
  });
export type StudentCountsUpdate = z.infer<typeof studentCountsUpdateSchema>;

/** One municipality: how many of the university's students live there, and who offers what. */
const needsRowSchema = z.object({
  municipalityNumber: z.string(),
  municipalityName: z.string(),
  regionId: z.uuid().nullable(),
  regionName: z.string().nullable(),
  students: z.number().int().min(0),
  /** How many libraries in the municipality offer each key service. */
  libraries: z.record(keyStudentServiceSchema, z.number().int().min(0)),
});
export type NeedsRow = z.infer<typeof needsRowSchema>;

export const needsSchema = z.object({
  organisationId: z.uuid(),
  period: studentCountPeriodSchema,
  municipalities: z.array(needsRowSchema),
});
export type Needs = z.infer<typeof needsSchema>;

/** The key services no library in the municipality offers — a gap only where students live. */
export function serviceGaps(row: Pick<NeedsRow, 'students' | 'libraries'>): KeyStudentService[] {
  if (row.students <= 0) return [];
  return keyStudentServices.filter((service) => (row.libraries[service] ?? 0) === 0);
}

/** Students living where no library offers the service, per key service. */
export function studentsWithoutService(rows: ReadonlyArray<Pick<NeedsRow, 'students' | 'libraries'>>): Record<KeyStudentService, number> {
  const totals = Object.fromEntries(keyStudentServices.map((s) => [s, 0])) as Record<KeyStudentService, number>;
  for (const row of rows) for (const service of serviceGaps(row)) totals[service] += row.students;
  return totals;
}

// ------------------------------------------------------------------------------ notes

/**
 * A thread is between a university library and one public library, or a region (the county);
 * or between a public library and the county itself (no university library: `universityId` null).
 */
const noteTargetSchema = z.union([
  z.object({ actorId: z.uuid() }).strict(),
  z.object({ regionId: z.uuid() }).strict(),
]);

const noteBodySchema = plainTextSchema(4000, 1);

const noteEditSchema = z.object({
  version: versionSchema(),
  body: z.string(),
  editedAt: timestampSchema,
  editedBy: z.string().nullable(),
});

export const liaisonNoteSchema = z.object({
  id: z.uuid(),
  /** Null: the channel is between the library and the county. */
  universityId: z.uuid().nullable(),
  universityName: z.string().nullable(),
  targetActorId: z.uuid().nullable(),
  targetRegionId: z.uuid().nullable(),
  targetName: z.string(),
  authorName: z.string().nullable(),
  authorOrganisationName: z.string().nullable(),
  /** Whether the reader wrote it (and so may edit it). */
  mine: z.boolean(),
  body: z.string(),
  ...versionedRecordFields(),
  /** Earlier wordings, oldest first: every edit keeps the text it replaced. */
  history: z.array(noteEditSchema),
});
export type LiaisonNote = z.infer<typeof liaisonNoteSchema>;

export const noteListQuerySchema = listQuerySchema.extend({
  university: z.uuid().optional(),
  /** "true": only the channels between a library and the county (no university library). */
  county: z.enum(['true', 'false']).optional(),
  actor: z.uuid().optional(),
  region: z.uuid().optional(),
});
export type NoteListQuery = z.infer<typeof noteListQuerySchema>;

export const noteCreateSchema = z
  .object({
    target: noteTargetSchema,
    /**
     * The university library the thread is with; a liaison writes for its own and may leave it
     * out. Null: the channel between a public library and the county (a library or the county writes there).
     */
    universityId: z.uuid().nullable().optional(),
    body: noteBodySchema,
  })
  .strict();
export type NoteCreate = z.infer<typeof noteCreateSchema>;

export const noteUpdateSchema = z.object({ body: noteBodySchema }).strict();

/** A thread as the channel list shows it. */
export const noteThreadSchema = z.object({
  /** Null: the channel between the library and the county. */
  universityId: z.uuid().nullable(),
  universityName: z.string().nullable(),
  targetActorId: z.uuid().nullable(),
  targetRegionId: z.uuid().nullable(),
  targetName: z.string(),
  notes: z.number().int().min(0),
  lastNoteAt: timestampSchema,
});
export type NoteThread = z.infer<typeof noteThreadSchema>;

/** The channel list: a page, latest activity first; `q` finds a channel by the name of the university library, library or region. */
export const noteThreadListQuerySchema = listQuerySchema;
export type NoteThreadListQuery = z.infer<typeof noteThreadListQuerySchema>;

export const digestSubscriptionSchema = z.object({ subscribed: z.boolean() });

// ------------------------------------------------------------------------------ activities

/** Coming or ended activities, a page at a time (a library's past grows every term). */
export const liaisonActivityQuerySchema = listQuerySchema.pick({ page: true, pageSize: true }).extend({ when: z.enum(['upcoming', 'past']).default('upcoming') });
export type LiaisonActivityQuery = z.infer<typeof liaisonActivityQuerySchema>;

export const liaisonActivitySchema = z.object({
  id: z.uuid(),
  kind: activityKindSchema,
  title: z.string(),
  startDate: isoDateSchema,
  endDate: isoDateSchema.nullable(),
  /** "HH:MM" in Norway, when the activity has set times. */
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  place: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  organiserName: z.string().nullable(),
  /** The liaison's library or university takes part. */
  participating: z.boolean(),
  participants: z.number().int().min(0),
});
export type LiaisonActivity = z.infer<typeof liaisonActivitySchema>;
