/**
 * Every screen route's `validateSearch` (see list-search.ts for the whole recipe). It lives
 * alone, free of zod and hooks, because route definitions are in each app's first chunk.
 */

const MAX_TEXT = 200;
const MAX_PAGE = 100_000;

/**
 * The values the URL may hold for a screen: text, and numbers. Text that reads as a number
 * ("2024") is kept as the number the router parsed it to, so writing the search back does not
 * quote it (`?q=%222024%22`); `searchView` reads it as text where the schema wants text.
 */
export type PlainSearch = Record<string, string | number>;

function text(value: unknown): string | number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' || trimmed.length > MAX_TEXT ? undefined : trimmed;
}

function pageNumber(value: unknown): number | undefined {
  const page = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isInteger(page) && page > 1 && page <= MAX_PAGE ? page : undefined;
}

/**
 * Any route's `validateSearch`: keeps each value that is text (trimmed, at most 200
 * characters) or a number, and a page after the first; leaves out the rest. Never throws.
 */
export function plainSearch(search: Record<string, unknown>): PlainSearch {
  const result: PlainSearch = {};
  for (const [key, value] of Object.entries(search)) {
    const parsed = key === 'page' ? pageNumber(value) : text(value);
    if (parsed !== undefined) result[key] = parsed;
  }
  return result;
}

