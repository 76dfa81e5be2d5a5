/**
 * The initiative screens' state in the URL (`?q=bibliotek&kind=project&page=2`,
 * `?effekt=3&kostnad=2&modenhet=1`), so a link shows the same view. Plain parsing here (no zod:
 * this runs in the router, in the app's first chunk); the pages check the values.
 */
export interface InitiativeListSearch {
  q?: string;
  kind?: string;
  period?: string;
  theme?: string;
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

export function parseInitiativeListSearch(search: Record<string, unknown>): InitiativeListSearch {
  const result: InitiativeListSearch = {};
  for (const key of ['q', 'kind', 'period', 'theme', 'sort'] as const) {
    const value = text(search[key]);
    if (value !== undefined) result[key] = value;
  }
  const page = pageNumber(search['page']);
  if (page !== undefined) result.page = page;
  return result;
}

export function isFiltered(search: InitiativeListSearch): boolean {
  return Boolean(search.q || search.kind || search.period || search.theme);
}

/** The portfolio's weights in the URL, Norwegian as the user sees them: effekt, kostnad, modenhet (0–5). */
export interface PortfolioSearch {
  effekt?: number;
  kostnad?: number;
  modenhet?: number;
}

function weight(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  return Number.isInteger(number) && number >= 0 && number <= 5 ? number : undefined;
}

export function parsePortfolioSearch(search: Record<string, unknown>): PortfolioSearch {
  const result: PortfolioSearch = {};
  for (const key of ['effekt', 'kostnad', 'modenhet'] as const) {
    const value = weight(search[key]);
    if (value !== undefined) result[key] = value;
  }
  return result;
}
