/**
 * The activity screens' state in the URL (`?kind=webinar&from=2023-07-01`, `?maaned=2026-02`),
 * so a link shows the same view. The router's plain parse (strings and a page number): this
 * runs in the app's first chunk, so no zod; which values mean something the lazy pages decide
 * with the domain's schemas (activity-list-query.ts).
 */
export interface ActivityListSearch {
  q?: string;
  kind?: string;
  from?: string;
  to?: string;
  participant?: string;
  organiser?: string;
  sort?: string;
  page?: number;
}

export interface ActivityCalendarSearch {
  /** The month shown, "2026-02". */
  maaned?: string;
  kind?: string;
}

export interface ActivityCountsSearch {
  kind?: string;
  from?: string;
  to?: string;
  organiser?: string;
  participant?: string;
  per?: string;
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

function pick<K extends string>(search: Record<string, unknown>, keys: readonly K[]): Partial<Record<K, string>> {
  const result: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const value = text(search[key]);
    if (value !== undefined) result[key] = value;
  }
  return result;
}

/** The router's `validateSearch` for the list: never throws; what does not parse is left out. */
export function parseActivityListSearch(search: Record<string, unknown>): ActivityListSearch {
  const result: ActivityListSearch = pick(search, ['q', 'kind', 'from', 'to', 'participant', 'organiser', 'sort'] as const);
  const page = pageNumber(search['page']);
  if (page !== undefined) result.page = page;
  return result;
}

export function parseActivityCalendarSearch(search: Record<string, unknown>): ActivityCalendarSearch {
  const result: ActivityCalendarSearch = pick(search, ['kind'] as const);
  const month = text(search['maaned']);
  if (month !== undefined && /^\d{4}-(0[1-9]|1[0-2])$/.test(month)) result.maaned = month;
  return result;
}

export function parseActivityCountsSearch(search: Record<string, unknown>): ActivityCountsSearch {
  return pick(search, ['kind', 'from', 'to', 'organiser', 'participant', 'per'] as const);
}

/** Has the user narrowed the list (search or filter)? */
export function isFiltered(search: ActivityListSearch): boolean {
  return Boolean(search.q || search.kind || search.from || search.to || search.participant || search.organiser);
}
