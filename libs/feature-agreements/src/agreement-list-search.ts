/**
 * The agreement list's state in the URL (`?q=namdal&status=active&page=2`), so a link shows
 * the same view. The router's plain parse (strings and a page number); which values mean
 * something the page decides with the domain's schemas (agreement-list-query.ts).
 */
export interface AgreementListSearch {
  q?: string;
  status?: string;
  kind?: string;
  party?: string;
  region?: string;
  sort?: string;
  page?: number;
}

const MAX_TEXT = 200;

function text(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const trimmed = String(value).trim();
  return trimmed === '' || trimmed.length > MAX_TEXT ? undefined : trimmed;
}

function pageNumber(value: unknown): number | undefined {
  const page = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isInteger(page) && page > 1 && page <= 100_000 ? page : undefined;
}

/** The router's `validateSearch`: never throws; what does not parse is left out. */
export function parseAgreementListSearch(search: Record<string, unknown>): AgreementListSearch {
  const result: AgreementListSearch = {};
  for (const key of ['q', 'status', 'kind', 'party', 'region', 'sort'] as const) {
    const value = text(search[key]);
    if (value !== undefined) result[key] = value;
  }
  const page = pageNumber(search['page']);
  if (page !== undefined) result.page = page;
  return result;
}

/** Has the user narrowed the list (search or filter)? */
export function isFiltered(search: AgreementListSearch): boolean {
  return Boolean(search.q || search.status || search.kind || search.party || search.region);
}

/** The coverage screen's state in the URL: the region shown. */
export interface CoverageSearch {
  region?: string;
}

export function parseCoverageSearch(search: Record<string, unknown>): CoverageSearch {
  const region = text(search['region']);
  return region === undefined ? {} : { region };
}

/** The create form's state in the URL: a party to start with (`?part=<actorId>`, e.g. from an actor's page). */
export interface AgreementCreateSearch {
  part?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseAgreementCreateSearch(search: Record<string, unknown>): AgreementCreateSearch {
  const part = text(search['part']);
  return part !== undefined && UUID.test(part) ? { part } : {};
}
