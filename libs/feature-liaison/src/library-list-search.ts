import type { KeyStudentService } from '@kompetansebro/domain';

// Parsed by hand rather than with the domain's zod schema so this stays out of the app's
// initial chunk (the route's validateSearch runs there); the API validates again.

/** The key student services (the domain's keyStudentServices; a type-checked copy, kept here for the chunk's sake). */
const SERVICES: readonly KeyStudentService[] = ['interlibrary_loan', 'university_loan_pickup', 'exam_invigilation', 'study_places', 'self_service_hours'];

export interface LibraryListSearch {
  q?: string;
  service?: KeyStudentService;
  region?: string;
  view?: 'regions';
  page?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseLibraryListSearch(search: Record<string, unknown>): LibraryListSearch {
  const result: LibraryListSearch = {};
  if (typeof search['q'] === 'string' && search['q'].trim() !== '') result.q = search['q'].trim().slice(0, 200);
  const service = search['service'];
  if (typeof service === 'string' && (SERVICES as readonly string[]).includes(service)) result.service = service as KeyStudentService;
  if (typeof search['region'] === 'string' && UUID.test(search['region'])) result.region = search['region'];
  if (search['view'] === 'regions') result.view = 'regions';
  const page = Number(search['page']);
  if (Number.isInteger(page) && page > 1 && page <= 100_000) result.page = page;
  return result;
}

export function isLibraryListFiltered(search: LibraryListSearch): boolean {
  return Boolean(search.q || search.service || search.region);
}
