import { useNavigate, useSearch } from '@tanstack/react-router';
import type { z } from 'zod';
import { plainSearch } from './plain-search';
import type { TableSort } from './table';

/**
 * A screen's state in the URL (`?q=bibliotek&kind=public_library&page=2`), read through the
 * domain's list-query schema, so a link shows the same view and no screen writes its own parser.
 *
 * Two halves, because the route definitions sit in the app's first chunk and must stay free of
 * zod and the domain's schemas:
 * - `plainSearch` is every route's `validateSearch`: a structural parse (text values and a
 *   page number) that never throws;
 * - `useListSearch(schema, to)` runs in the lazy screen: it gives each URL value meaning with
 *   the schema's field (unknown kinds, malformed ids and sort keys fall back to the field's
 *   default), and writes changes back to the URL, leaving defaults out of it. It serves any
 *   screen whose state is in the URL (a calendar's month, a pre-filled form), not only lists.
 *
 * Recipe:
 *   // routes:  createRoute({ path: '/', validateSearch: plainSearch, component: lazyRouteComponent(...) })
 *   // screen:  const searchSchema = userListQuerySchema.pick({ q: true, organisation: true, sort: true, page: true });
 *   const list = useListSearch(searchSchema, paths.list);
 *   const users = useQuery(userQueries.list({ ...list.view, pageSize: DEFAULT_PAGE_SIZE }));
 *   <Select value={list.view.organisation ?? ''} onChange={(e) => list.update({ organisation: e.target.value || undefined })} />
 */

/** The object schemas a URL can be read with: each field parses one URL value. */
export type SearchSchema = z.ZodObject<z.ZodRawShape>;

/** Keys that order, page or lay out a list (`view`: as a table or grouped) rather than narrow it. */
const NOT_FILTERS = new Set(['sort', 'page', 'pageSize', 'view']);

/** Each of the schema's fields from the URL; a value that does not parse counts as absent. */
export function searchView<S extends SearchSchema>(schema: S, search: Record<string, unknown>): z.output<S> {
  const view: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape) as Array<[string, z.ZodType]>) {
    const value = search[key];
    // The URL holds "2024" as a number (see plainSearch); a text field reads it as its text.
    let parsed = field.safeParse(value);
    if (!parsed.success && typeof value === 'number') parsed = field.safeParse(String(value));
    view[key] = parsed.success ? parsed.data : field.safeParse(undefined).data;
  }
  return view as z.output<S>;
}

/** A sort key ("name", "-updated") as the table's column and direction. */
export function tableSortOf(sort: string): TableSort {
  return sort.startsWith('-') ? { column: sort.slice(1), direction: 'descending' } : { column: sort, direction: 'ascending' };
}

/** How a change is written to the URL. */
export interface UpdateOptions {
  /** Back to page 1 (the default): a narrower list starts at its first page. */
  resetPage?: boolean;
  /** Replace the current history entry instead of adding one, e.g. while the user types. */
  replace?: boolean;
}

export interface ListSearch<View> {
  /** What the URL means: every field of the schema, parsed, defaults filled in. */
  view: View;
  /** Has the user narrowed the list (search or a filter, not sort or page)? */
  isFiltered: boolean;
  /** Changes some values; a change goes back to page 1 unless `resetPage: false`. */
  update: (changes: Partial<View>, options?: UpdateOptions) => void;
  /** Removes search and filters, keeping the order, the page size and what the schema does not read. */
  clearFilters: () => void;
  /** The table's sort, when the schema has a `sort` field. */
  sort: TableSort | undefined;
  /** A sortable header was pressed: ascending first, then the other way. */
  toggleSort: (column: string) => void;
  setPage: (page: number) => void;
}

/**
 * A URL value as the router should write it. The router writes a string that reads as a number
 * JSON-quoted (`?q=%222024%22`), so such text goes as the number it spells (`?q=2024`);
 * `plainSearch` reads it back as the same text. Text that would not survive the round trip
 * ("007", "1e3") stays text.
 */
function urlValue(value: unknown): unknown {
  if (typeof value !== 'string' || value.trim() === '') return value;
  const number = Number(value);
  return Number.isFinite(number) && String(number) === value ? number : value;
}

/**
 * The URL's search after `changes`: defaults (page 1, the default order) and empty values stay
 * out of it, so it is short and shareable.
 */
export function nextSearch(
  previous: Record<string, unknown>,
  changes: Record<string, unknown>,
  defaults: Record<string, unknown>,
  { resetPage = true }: Pick<UpdateOptions, 'resetPage'> = {},
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...plainSearch(previous), ...changes };
  if (resetPage) delete merged['page'];
  const next: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === '' || value === defaults[key]) continue;
    next[key] = urlValue(value);
  }
  return next;
}

/** The URL's search without the schema's filters and without the page: what "clear filters" leaves. */
export function searchWithoutFilters(schema: SearchSchema, previous: Record<string, unknown>): Record<string, unknown> {
  const filters = new Set(Object.keys(schema.shape).filter((key) => !NOT_FILTERS.has(key)));
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(plainSearch(previous))) {
    if (!filters.has(key) && key !== 'page') kept[key] = urlValue(value);
  }
  return kept;
}

/**
 * The URL's search state of a screen, read with `schema` (pick the fields the URL holds from
 * the domain's list-query schema). `to` is the screen's own path, e.g. `paths.list`.
 */
export function useListSearch<S extends SearchSchema>(schema: S, to: string): ListSearch<z.output<S>> {
  type View = z.output<S>;
  const navigate = useNavigate();
  const search = plainSearch(useSearch({ strict: false }));
  const view = searchView(schema, search);
  const sortField = schema.shape['sort'] as z.ZodType | undefined;
  const defaults: Record<string, unknown> = searchView(schema, {});

  // From the URL as it is when the change lands, so two quick changes both count.
  const update = (changes: Partial<View>, { resetPage = true, replace = false }: UpdateOptions = {}) =>
    void navigate({
      to,
      replace,
      search: (previous: Record<string, unknown>) => nextSearch(previous, changes as Record<string, unknown>, defaults, { resetPage }),
    });

  const currentSort = typeof view['sort'] === 'string' ? (view['sort'] as string) : undefined;
  const sort = currentSort === undefined ? undefined : tableSortOf(currentSort);

  return {
    view,
    isFiltered: Object.keys(schema.shape).some((key) => !NOT_FILTERS.has(key) && search[key] !== undefined),
    update,
    clearFilters: () => void navigate({ to, search: (previous: Record<string, unknown>) => searchWithoutFilters(schema, previous) }),
    sort,
    toggleSort: (column) => {
      const wanted = sort?.column === column && sort.direction === 'ascending' ? `-${column}` : column;
      const valid = sortField?.safeParse(wanted).success ?? false;
      update({ sort: valid ? wanted : undefined } as unknown as Partial<View>);
    },
    setPage: (page) => update({ page } as unknown as Partial<View>, { resetPage: false }),
  };
}
