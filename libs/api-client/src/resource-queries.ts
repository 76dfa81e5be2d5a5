import { keepPreviousData, queryOptions, useQueryClient, type QueryKey } from '@tanstack/react-query';

interface ListOptions {
  /** Keep the last page on screen while the next loads, so the layout stays still (paged tables). */
  keepPreviousPage?: boolean;
}

/**
 * The query keys and options of a list the API filters: `all` ['actors'] ⊃ `lists()`
 * ['actors', 'list'] ⊃ `list(filters)` ['actors', 'list', filters], so one key refetches every
 * filtered list after a write.
 *
 *   listQueries('actors', (filters: ActorListFilters) => readJson(api().api.actors.$get({ query: toQueryStrings(filters) })))
 */
export function listQueries<const Name extends string, Filters, List>(
  name: Name,
  readList: (filters: Filters) => Promise<List>,
  { keepPreviousPage = true }: ListOptions = {},
) {
  const all = [name] as const;
  const lists = () => [...all, 'list'] as const;
  return {
    all,
    lists,
    list: (filters: Filters) =>
      queryOptions({
        queryKey: [...lists(), filters] as const,
        queryFn: () => readList(filters),
        placeholderData: keepPreviousPage ? keepPreviousData : undefined,
      }),
  };
}

/**
 * `listQueries` plus the record read by id: `details()` ['actors', 'detail'] ⊃ `detail(id)`
 * ['actors', 'detail', id]. The resource's file adds what only it has (exports, counts).
 */
export function resourceQueries<const Name extends string, Filters, List, Detail>(
  name: Name,
  read: { list: (filters: Filters) => Promise<List>; detail: (id: string) => Promise<Detail> },
  options?: ListOptions,
) {
  const lists = listQueries(name, read.list, options);
  const details = () => [...lists.all, 'detail'] as const;
  return {
    ...lists,
    details,
    detail: (id: string) => queryOptions({ queryKey: [...details(), id] as const, queryFn: () => read.detail(id) }),
  };
}

/**
 * After a write the API answers with the record: that record becomes the detail's data (no
 * refetch), and every list of the resource refetches, with whatever else shows the record
 * (`alsoStale`: counts, a parent, coverage). A hook: call it unconditionally.
 */
export function useSavedRecordInCache<Saved extends { id: string }>(
  queries: { lists: () => QueryKey; detail: (id: string) => { queryKey: QueryKey } },
  alsoStale: (saved: Saved) => (QueryKey | undefined)[] = () => [],
) {
  const queryClient = useQueryClient();
  return async (saved: Saved) => {
    queryClient.setQueryData(queries.detail(saved.id).queryKey, saved);
    const stale = [queries.lists(), ...alsoStale(saved)].filter((queryKey) => queryKey !== undefined);
    await Promise.all(stale.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  };
}
