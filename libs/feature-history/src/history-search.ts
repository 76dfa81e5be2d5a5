/** The history screens' state in the URL: `?page=2`, and on the log `?entity=actor`. */
export interface HistorySearch {
  entity?: string;
  page?: number;
}

function pageNumber(value: unknown): number | undefined {
  const page = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isInteger(page) && page > 1 && page <= 100_000 ? page : undefined;
}

/** The router's `validateSearch`: never throws; what does not parse is left out. */
export function parseHistorySearch(search: Record<string, unknown>): HistorySearch {
  const result: HistorySearch = {};
  const entity = search['entity'];
  if (typeof entity === 'string' && /^[a-z][a-z0-9_-]{0,49}$/.test(entity)) result.entity = entity;
  const page = pageNumber(search['page']);
  if (page !== undefined) result.page = page;
  return result;
}
