import { z } from 'zod';
import {
  publicLibraryKinds,
  dayPeriodSchema,
  municipalityNumberSchema,
  openingStateSchema,
  openingWeekSchema,
  serviceConditionsSchema,
  serviceTypeSchema,
  weekdaySchema,
} from '@kompetansebro/domain';

// The open data's shapes (issue 15): only what a library publishes for anyone — the library's
// own address and switchboard contact, its opening hours and its services for students. Never a
// contact person, who confirmed a service, versions, sample-data flags or descriptions written
// for the county. Each is a zod schema, so the OpenAPI document and the answers agree.

/** The needs a student searches by: the services that matter most to one away from campus. */
export const finderNeeds = ['study_places', 'exam_invigilation', 'university_loan_pickup', 'group_rooms', 'video_meeting_room'] as const;

export const publicServiceSchema = z
  .object({
    id: z.uuid(),
    type: serviceTypeSchema,
    /** As the library wrote it, in bokmål: the only language it is kept in. */
    description: z.string().nullable(),
    descriptionLanguage: z.literal('nb'),
    conditions: serviceConditionsSchema,
    weeklyHours: z.number().nullable(),
  })
  .meta({ id: 'PublicService' });
export type PublicService = z.infer<typeof publicServiceSchema>;

export const publicHoursSchema = z
  .object({
    now: z.object({ state: openingStateSchema, nextOpening: z.iso.datetime({ offset: true }).nullable() }),
    today: z.object({ date: z.iso.date(), periods: z.array(dayPeriodSchema), reason: z.string().nullable() }),
    thisWeek: openingWeekSchema,
    /** Whether the library offers self-service (from today on): without it, no "self-service: closed" to show. */
    offersSelfService: z.boolean(),
    /** The weekly timetable in OpenStreetMap's `opening_hours` syntax: staffed, and self-service. */
    osm: z.object({ openingHours: z.string(), selfService: z.string() }),
  })
  .meta({ id: 'PublicOpeningHours' });
export type PublicHours = z.infer<typeof publicHoursSchema>;

const reference = z.object({ id: z.uuid(), name: z.string() });

/**
 * A photo the library published: its web sizes (WebP), what it shows (in bokmål, as the library
 * wrote it), who took it and the licence. A photo used with the consent of those shown has no
 * licence here: whose consent it was stays with the library.
 */
export const publicPhotoSchema = z
  .object({
    id: z.uuid(),
    /** The large web size (at most 1280 pixels wide). */
    url: z.string(),
    width: z.number().int(),
    height: z.number().int(),
    /** The small web size (at most 480 pixels wide), for lists and phones. */
    thumbnailUrl: z.string(),
    thumbnailWidth: z.number().int(),
    thumbnailHeight: z.number().int(),
    alt: z.string(),
    altLanguage: z.literal('nb'),
    photographer: z.string(),
    /** The licence's name ("CC BY 4.0"); null when the photo is used with the consent of those shown. */
    licence: z.string().nullable(),
  })
  .meta({ id: 'PublicPhoto' });
export type PublicPhoto = z.infer<typeof publicPhotoSchema>;

export const publicLibrarySchema = z
  .object({
    id: z.uuid(),
    /** The readable part of the library's address in the finder: /finn/bibliotek/{slug}. */
    slug: z.string(),
    name: z.string(),
    kind: z.enum(publicLibraryKinds),
    mainLibrary: reference.nullable(),
    municipality: z.object({ number: municipalityNumberSchema, name: z.string() }),
    region: reference.nullable(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    website: z.string().nullable(),
    studyCentres: z.array(reference),
    services: z.array(publicServiceSchema),
    /** The photos the library published, newest first. */
    photos: z.array(publicPhotoSchema),
    /** Null while the library has published no opening hours. */
    hours: publicHoursSchema.nullable(),
    /** The library's page in the finder. */
    url: z.string(),
  })
  .meta({ id: 'PublicLibrary' });
export type PublicLibrary = z.infer<typeof publicLibrarySchema>;

export const publicStudyCentreSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    website: z.string().nullable(),
    municipalities: z.array(z.object({ number: municipalityNumberSchema, name: z.string() })),
    regions: z.array(reference),
    url: z.string(),
  })
  .meta({ id: 'PublicStudyCentre' });
export type PublicStudyCentre = z.infer<typeof publicStudyCentreSchema>;

export const publicMunicipalitySchema = z
  .object({ number: municipalityNumberSchema, name: z.string(), region: reference.nullable() })
  .meta({ id: 'PublicMunicipality' });

const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

/** What a finder search narrows by; every field optional, each named in a 400 when malformed. */
export const librarySearchSchema = z
  .object({
    q: z.string().trim().max(100).optional().meta({ description: 'A place: part of a municipality, region or library name' }),
    municipality: municipalityNumberSchema.optional(),
    region: z.uuid().optional(),
    service: serviceTypeSchema.optional().meta({ description: 'Only libraries that offer this service to students' }),
    openNow: flag.optional().meta({ description: 'Only libraries open now (staffed or self-service)' }),
    openOn: weekdaySchema.optional().meta({ description: 'Only libraries open on this weekday in the coming seven days (mo … su)' }),
  })
  .strict();
export type LibrarySearch = z.output<typeof librarySearchSchema>;

export const listOf = <T extends z.ZodType>(item: T, id: string) => z.object({ items: z.array(item), total: z.number().int() }).meta({ id });
