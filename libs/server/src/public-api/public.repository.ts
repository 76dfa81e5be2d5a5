import { sql } from 'kysely';
import {
  addDays,
  hoursOfWeek,
  hasOpeningHours,
  mergeServiceConditions,
  nextOpening,
  offersSelfService,
  openingHoursInputSchema,
  periodsOn,
  photoSizes,
  stateAt,
  toOsm,
  todayInNorway,
  weekdayOf,
  type IsoDate,
  type OpeningHoursInput,
  type Photo,
  type PhotoSize,
  type Weekday,
  withFields,
} from '@kompetansebro/domain';
import type { Executor } from '../persistence/executor';
import { groupedBy, publicLibraryKindLiterals } from '../persistence/repository-helpers';
import { publishedPhotosOf } from '../photos/photo.repository';
import { norwegianPublicHolidays } from '../opening-hours/norwegian-holidays';
import type { LibrarySearch, PublicHours, PublicLibrary, PublicPhoto, PublicService, PublicStudyCentre } from './public.schema';

// What anyone may read (issue 15): the libraries and branches that are not archived, their
// services for students that are not archived, and their opening hours. Published data, so
// these functions take no Scope (auth/visibility.unit.test.ts names them); the columns they
// select are the published ones, never a contact person or who confirmed what.

// Every library page finds its library by slug among all 1,350 names: worked out once per name,
// not on every request (it was a third of a library page's CPU).
const slugs = new Map<string, string>();
const MAX_SLUGS = 10_000;

/** "Grong bibliotek" → "grong-bibliotek": a library's readable address in the finder. */
export function slugOf(name: string): string {
  let slug = slugs.get(name);
  if (slug === undefined) {
    slug = slugFrom(name);
    if (slugs.size >= MAX_SLUGS) slugs.clear();
    slugs.set(name, slug);
  }
  return slug;
}

function slugFrom(name: string): string {
  return name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The meaning of a library's opening hours at `now`: state, next opening, today and this week. */
export function publicHoursOf(hours: OpeningHoursInput, now: Date): PublicHours {
  const today = todayInNorway(now);
  const next = nextOpening(hours, now, norwegianPublicHolidays);
  return {
    now: { state: stateAt(hours, now, norwegianPublicHolidays), nextOpening: next ? next.toISOString() : null },
    today: { date: today, ...periodsOn(hours, today, norwegianPublicHolidays) },
    thisWeek: hoursOfWeek(hours, today, norwegianPublicHolidays),
    offersSelfService: offersSelfService(hours, today),
    osm: toOsm(hours),
  };
}

/** The next date (today included) that falls on `weekday`. */
export function nextDateOn(weekday: Weekday, now: Date): IsoDate {
  const today = todayInNorway(now);
  for (let day = 0; day < 7; day++) if (weekdayOf(addDays(today, day)) === weekday) return addDays(today, day);
  return today;
}

interface LibraryRow {
  id: string;
  name: string;
  kind: string;
  parent_id: string | null;
  municipality_number: string | null;
  municipality_name: string | null;
  region_id: string | null;
  region_name: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
}

/** The published libraries (those in a municipality), with every published column or only the ids in `only`. */
function libraryRows(db: Executor, only: readonly string[] | null): Promise<LibraryRow[]> {
  return db
    .selectFrom('actor as a')
    .innerJoin('municipality as m', 'm.number', 'a.municipality_number')
    .leftJoin('region as r', 'r.id', 'm.region_id')
    .select(['a.id', 'a.name', 'a.kind', 'a.parent_id', 'a.municipality_number', 'm.name as municipality_name', 'r.id as region_id', 'r.name as region_name', 'a.address', 'a.phone', 'a.email', 'a.website'])
    .where('a.kind', 'in', publicLibraryKindLiterals)
    .where('a.archived_at', 'is', null)
    .$if(only !== null, (qb) => qb.where('a.id', 'in', only ?? []))
    .orderBy(sql`a.sort_key collate "C"`)
    .execute();
}

/**
 * The published libraries with their services, hours and study centres, in Norwegian order; with
 * `idOrSlug`, only that one is built (its slug needs every name, the rest only its own rows).
 */
async function loadLibraries(db: Executor, now: Date, idOrSlug?: string): Promise<Array<PublicLibrary & { timetable: OpeningHoursInput | null }>> {
  // One library's page reads only the names of the others (for its slug), not all their columns:
  // parsing 1,350 full rows and collecting them after was most of the page's CPU.
  const all = idOrSlug === undefined ? await libraryRows(db, null) : null;
  const named =
    all ??
    (await db
      .selectFrom('actor as a')
      .innerJoin('municipality as m', 'm.number', 'a.municipality_number')
      .select(['a.id', 'a.name', 'a.municipality_number'])
      .where('a.kind', 'in', publicLibraryKindLiterals)
      .where('a.archived_at', 'is', null)
      .execute());
  const slugCount = new Map<string, number>();
  for (const row of named) {
    const slug = slugOf(row.name);
    slugCount.set(slug, (slugCount.get(slug) ?? 0) + 1);
  }
  // Two libraries of one name (none today) would share a slug: those are reached by id.
  const slugFor = (row: { id: string; name: string }) => {
    const slug = slugOf(row.name);
    return slugCount.get(slug) === 1 ? slug : row.id;
  };
  const matching = idOrSlug === undefined ? named : named.filter((row) => row.id === idOrSlug || slugFor(row) === idOrSlug);
  if (matching.length === 0) return [];
  const only = idOrSlug === undefined ? null : matching.map((row) => row.id);
  const municipalities = [...new Set(matching.flatMap((row) => (row.municipality_number === null ? [] : [row.municipality_number])))];
  const [wanted, services, hours, centres, photos] = await Promise.all([
    all ?? libraryRows(db, only),
    // Joined to the same libraries rather than sent 1,350 ids as parameters.
    db
      .selectFrom('service as s')
      .innerJoin('actor as a', 'a.id', 's.actor_id')
      .innerJoin('municipality as m', 'm.number', 'a.municipality_number')
      .select(['s.id', 's.actor_id', 's.type', 's.description', 's.conditions', 's.weekly_hours'])
      .where('a.kind', 'in', publicLibraryKindLiterals)
      .where('a.archived_at', 'is', null)
      .where('s.archived_at', 'is', null)
      .where(sql<boolean>`s.audiences @> '["students"]'::jsonb`)
      .$if(only !== null, (qb) => qb.where('a.id', 'in', only ?? []))
      .orderBy('s.type')
      .execute(),
    db
      .selectFrom('opening_hours as h')
      .innerJoin('actor as a', 'a.id', 'h.id')
      .select(['h.id', 'h.weekly', 'h.seasons', 'h.exceptions', 'h.open_on_public_holidays'])
      .where('a.kind', 'in', publicLibraryKindLiterals)
      .where('a.archived_at', 'is', null)
      .$if(only !== null, (qb) => qb.where('a.id', 'in', only ?? []))
      .execute(),
    db
      .selectFrom('catchment_area as c')
      .innerJoin('actor as s', 's.id', 'c.study_centre_id')
      .select(['c.municipality_number', 's.id', 's.name'])
      .where('s.archived_at', 'is', null)
      // One library's page needs the centres of its own municipality, not every catchment area.
      .$if(only !== null, (qb) => qb.where('c.municipality_number', 'in', municipalities.length ? municipalities : ['']))
      .orderBy(sql`s.sort_key collate "C"`)
      .execute(),
    publishedPhotosOf(db, matching.map((row) => row.id)),
  ]);
  const names = new Map(named.map((row) => [row.id, row.name]));
  const timetables = new Map(hours.map((row) => [row.id, timetableOf(row)]));
  // Each library's centres, services and photos looked up by key: filtering every list for each
  // of 1,350 libraries compared a million pairs per request at national scale.
  const centresIn = groupedBy(centres, (c) => c.municipality_number);
  const servicesOf = groupedBy(services, (s) => s.actor_id);
  const photosOf = groupedBy(photos, (photo) => photo.actorId);
  return wanted.map((row) => {
    const slug = slugFor(row);
    const timetable = timetables.get(row.id) ?? null;
    return {
      id: row.id,
      slug,
      name: row.name,
      kind: row.kind === 'library_branch' ? 'library_branch' : 'public_library',
      mainLibrary: row.parent_id && names.has(row.parent_id) ? { id: row.parent_id, name: names.get(row.parent_id) ?? '' } : null,
      municipality: { number: row.municipality_number ?? '', name: row.municipality_name ?? '' },
      region: row.region_id ? { id: row.region_id, name: row.region_name ?? '' } : null,
      address: row.address,
      phone: row.phone,
      email: row.email,
      website: row.website,
      studyCentres: (row.municipality_number === null ? [] : (centresIn.get(row.municipality_number) ?? [])).map((c) => ({ id: c.id, name: c.name })),
      services: (servicesOf.get(row.id) ?? []).map(
          (s): PublicService => ({
            id: s.id,
            type: s.type,
            description: s.description,
            descriptionLanguage: 'nb',
            conditions: mergeServiceConditions(s.conditions as Record<string, unknown>),
            // Stored, kept equal to the timetable on every write (storedWeeklyHours): one number on every screen.
            weeklyHours: s.weekly_hours === null ? null : Number(s.weekly_hours),
          }),
        ),
      photos: (photosOf.get(row.id) ?? []).map(publicPhotoOf),
      hours: timetable && hasOpeningHours(timetable) ? publicHoursOf(timetable, now) : null,
      url: `/finn/bibliotek/${slug}`,
      timetable,
    };
  });
}

/** Where the open data serves a web size of a published photo. */
export const publicPhotoPath = (id: string, size: PhotoSize) => `/api/public/v1/photos/${id}/${size}`;

/** A published photo as the open data shows it: never whose consent it was, nor the Mediebank link or the staff's URLs. */
function publicPhotoOf(photo: Photo): PublicPhoto {
  const smallWidth = Math.min(photoSizes.small, photo.width);
  return {
    id: photo.id,
    url: publicPhotoPath(photo.id, 'large'),
    width: photo.width,
    height: photo.height,
    thumbnailUrl: publicPhotoPath(photo.id, 'small'),
    thumbnailWidth: smallWidth,
    thumbnailHeight: Math.round((photo.height * smallWidth) / photo.width),
    alt: photo.altText,
    altLanguage: 'nb',
    photographer: photo.photographer,
    licence: photo.rights === 'licence' ? photo.rightsDetail : null,
  };
}

/** The timetables the libraries of `ids` (every library's without `ids`) have entered: the brochure prints them, services' hours a week follow them. */
export async function publishedTimetables(db: Executor, ids?: readonly string[]): Promise<Map<string, OpeningHoursInput>> {
  if (ids?.length === 0) return new Map();
  let query = db.selectFrom('opening_hours').select(['id', 'weekly', 'seasons', 'exceptions', 'open_on_public_holidays']);
  if (ids) query = query.where('id', 'in', [...ids]);
  return new Map((await query.execute()).map((row) => [row.id, timetableOf(row)]));
}

function timetableOf(row: { weekly: unknown; seasons: unknown; exceptions: unknown; open_on_public_holidays: boolean }): OpeningHoursInput {
  return openingHoursInputSchema.parse({ weekly: row.weekly, seasons: row.seasons, exceptions: row.exceptions, openOnPublicHolidays: row.open_on_public_holidays });
}

/** Lower case without accents, so "trondelag" finds "Trøndelag" and "grong" finds "Grong bibliotek". */
const folded = (text: string) => slugOf(text).replace(/-/g, ' ');

/** The published libraries a search finds (every filter optional), in Norwegian order. */
export async function searchPublicLibraries(db: Executor, search: LibrarySearch, now = new Date()): Promise<PublicLibrary[]> {
  const libraries = await loadLibraries(db, now);
  const place = search.q ? folded(search.q) : '';
  const day = search.openOn ? nextDateOn(search.openOn, now) : null;
  return libraries
    .filter((library) => {
      if (search.municipality && library.municipality.number !== search.municipality) return false;
      if (search.region && library.region?.id !== search.region) return false;
      if (place && ![library.name, library.municipality.name, library.region?.name ?? ''].some((name) => folded(name).includes(place))) return false;
      if (search.service && !library.services.some((service) => service.type === search.service)) return false;
      if (search.openNow && (library.hours === null || library.hours.now.state === 'closed')) return false;
      if (day && (library.timetable === null || periodsOn(library.timetable, day, norwegianPublicHolidays).periods.length === 0)) return false;
      return true;
    })
    .map(({ timetable: _timetable, ...library }) => library);
}

/** One published library by id or slug; null when there is none (or it is archived). */
export async function findPublicLibrary(db: Executor, idOrSlug: string, now = new Date()): Promise<PublicLibrary | null> {
  const found = (await loadLibraries(db, now, idOrSlug)).find((library) => library.id === idOrSlug || library.slug === idOrSlug);
  if (!found) return null;
  const { timetable: _timetable, ...library } = found;
  return library;
}

/** The study centres that are not archived, with their catchment municipalities and regions. */
export async function listPublicStudyCentres(db: Executor): Promise<PublicStudyCentre[]> {
  const centres = await db
    .selectFrom('actor')
    .select(['id', 'name', 'address', 'phone', 'email', 'website'])
    .where('kind', '=', 'study_centre')
    .where('archived_at', 'is', null)
    .orderBy(sql`sort_key collate "C"`)
    .execute();
  const areas = await db
    .selectFrom('catchment_area as c')
    .innerJoin('municipality as m', 'm.number', 'c.municipality_number')
    .leftJoin('region as r', 'r.id', 'm.region_id')
    .select(['c.study_centre_id', 'm.number', 'm.name', 'r.id as region_id', 'r.name as region_name'])
    .orderBy(sql`m.sort_key collate "C"`)
    .execute();
  // By key, not each centre filtering every catchment area (the front page asks on every visit).
  const areasOf = groupedBy(areas, (a) => a.study_centre_id);
  return centres.map((centre) => {
    const area = areasOf.get(centre.id) ?? [];
    const regions = new Map(area.filter((a) => a.region_id).map((a) => [a.region_id ?? '', a.region_name ?? '']));
    return withFields(centre, {
      municipalities: area.map((a) => ({ number: a.number, name: a.name })),
      regions: [...regions].map(([id, name]) => ({ id, name })),
      url: `/finn/studiesenter/${centre.id}`,
    });
  });
}
