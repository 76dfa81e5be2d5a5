import { actorQueries } from '@kompetansebro/api-client';
import { compareNorwegian, MAX_PAGE_SIZE, type ActorKind } from '@kompetansebro/domain';
import { keepPreviousData, useQueries } from '@tanstack/react-query';

/** Who organises activities: the county, its library, study centres and university libraries. */
export const organiserKinds: readonly ActorKind[] = ['county_library', 'county_authority', 'study_centre', 'university_library'];
/** Who takes part: libraries of every kind and the study centres. */
export const participantKinds: readonly ActorKind[] = ['public_library', 'library_branch', 'university_library', 'study_centre', 'county_library'];

export interface ActorOption {
  id: string;
  name: string;
  kind: ActorKind;
}

/**
 * The actors of some kinds, by name (for filters and choices), with a text search when given: the
 * first `pageSize` of each kind but the `excluded` ones (those already chosen), and how many of
 * how many match (`matches`, once every kind has answered): what is offered, of all that could be.
 * While a new search loads, the last answer stays.
 */
export function useActorOptions(kinds: readonly ActorKind[], query = '', pageSize = MAX_PAGE_SIZE, excluded: readonly string[] = []) {
  return useQueries({
    queries: kinds.map((kind) => ({ ...actorQueries.list({ kind, q: query || undefined, pageSize, sort: 'name' }), placeholderData: keepPreviousData })),
    combine: (results) => {
      const byId = new Map<string, ActorOption>();
      for (const result of results) for (const actor of result.data?.items ?? []) byId.set(actor.id, { id: actor.id, name: actor.name, kind: actor.kind });
      // An excluded actor among the answers is also among the server's total: neither is offered.
      const found = byId.size;
      for (const id of excluded) byId.delete(id);
      return {
        options: [...byId.values()].sort((a, b) => compareNorwegian(a.name, b.name)),
        matches: results.every((result) => result.data)
          ? { shown: byId.size, total: results.reduce((sum, result) => sum + (result.data?.total ?? 0), 0) - (found - byId.size) }
          : undefined,
        isFetching: results.some((result) => result.isFetching),
        isError: results.some((result) => result.isError),
      };
    },
  });
}
