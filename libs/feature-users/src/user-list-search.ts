/**
 * The users list's state in the URL (`?q=namdal&page=2`), so a link shows the same view: the
 * router's plain parse, which never throws; what does not parse is left out.
 */
export interface UserListSearch {
  q?: string;
  page?: number;
}

const MAX_TEXT = 200;

export function parseUserListSearch(search: Record<string, unknown>): UserListSearch {
  const result: UserListSearch = {};
  const raw = search['q'];
  if (typeof raw === 'string' || typeof raw === 'number') {
    const q = String(raw).trim();
    if (q !== '' && q.length <= MAX_TEXT) result.q = q;
  }
  const pageValue = search['page'];
  const page = typeof pageValue === 'number' ? pageValue : typeof pageValue === 'string' ? Number(pageValue) : Number.NaN;
  if (Number.isInteger(page) && page > 1 && page <= 100_000) result.page = page;
  return result;
}
