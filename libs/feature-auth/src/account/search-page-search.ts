/** `?q=` of the search page: the words, trimmed; empty when there are none (in the route's chunk: no API client). */
export function parseSearchPageSearch(search: Record<string, unknown>): { q?: string } {
  const q = typeof search['q'] === 'string' ? search['q'].trim().slice(0, 200) : '';
  return q ? { q } : {};
}
