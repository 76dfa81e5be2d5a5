/**
 * The actor list's state in the URL (`?q=bibliotek&kind=public_library&page=2`), so a link
 * shows the same view. This is the router's plain, structural parse (strings and a page
 * number; defaults left out of the URL). Which values mean something — a known kind, a sort
 * key — the page decides with the domain's schemas (see actor-list-query.ts), so this module
 * and the router's main chunk stay free of them.
 */
export interface ActorListSearch {
  q?: string;
  kind?: string;
  municipality?: string;
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
export function parseActorListSearch(search: Record<string, unknown>): ActorListSearch {
  const result: ActorListSearch = {};
  for (const key of ['q', 'kind', 'municipality', 'region', 'sort'] as const) {
    const value = text(search[key]);
    if (value !== undefined) result[key] = value;
  }
  const page = pageNumber(search['page']);
  if (page !== undefined) result.page = page;
  return result;
}

/** Has the user narrowed the list (search or filter)? */
export function isFiltered(search: ActorListSearch): boolean {
  return Boolean(search.q || search.kind || search.municipality || search.region);
}
