import { accountPaths } from './account-paths';

/** The kinds of hits, in the order their groups are shown (on the search page and under the header's field). */
export const searchKinds = ['actor', 'agreement', 'activity', 'initiative', 'note'] as const;
export type SearchKind = (typeof searchKinds)[number];

/** Where a hit is shown in this app; null where it has no page for it (then the hit is text). */
export function targetOf(kind: SearchKind, id: string): { to: string; id?: string } | null {
  const paths = accountPaths();
  if (kind === 'note') return paths.notes ? { to: paths.notes } : null;
  const path = paths[kind];
  return path ? { to: path, id } : null;
}

/** The hits grouped by kind, in `searchKinds` order, each group at most `perKind`; empty groups left out. */
export function groupedHits<H extends { type: string }>(items: readonly H[], perKind = Infinity): Array<{ kind: SearchKind; hits: H[] }> {
  return searchKinds.map((kind) => ({ kind, hits: items.filter((item) => item.type === kind).slice(0, perKind) })).filter(({ hits }) => hits.length > 0);
}
