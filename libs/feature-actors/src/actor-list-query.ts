import {
  actorKindSchema,
  actorSortSchema,
  DEFAULT_PAGE_SIZE,
  municipalityNumberSchema,
  type ActorKind,
  type ActorListQuery,
  type ActorSort,
} from '@kompetansebro/domain';
import { z } from 'zod';
import type { ActorListSearch } from './actor-list-search';

export const DEFAULT_ACTOR_SORT: ActorSort = 'name';

const regionIdSchema = z.uuid();

/** What the URL's filters mean: unknown kinds, sort keys and malformed numbers are ignored. */
export interface ActorListView {
  q: string | undefined;
  kind: ActorKind | undefined;
  municipality: string | undefined;
  region: string | undefined;
  sort: ActorSort;
  page: number;
}

export function actorListView(search: ActorListSearch): ActorListView {
  const valid = <T>(schema: z.ZodType<T>, value: string | undefined): T | undefined => {
    const parsed = schema.safeParse(value);
    return value !== undefined && parsed.success ? parsed.data : undefined;
  };
  return {
    q: search.q,
    kind: valid(actorKindSchema, search.kind),
    municipality: valid(municipalityNumberSchema, search.municipality),
    region: valid(regionIdSchema, search.region),
    sort: valid(actorSortSchema, search.sort) ?? DEFAULT_ACTOR_SORT,
    page: search.page ?? 1,
  };
}

/** The API query for a view of the list. */
export function toActorListQuery(view: ActorListView, pageSize = DEFAULT_PAGE_SIZE): Partial<ActorListQuery> {
  return { q: view.q, kind: view.kind, municipality: view.municipality, region: view.region, sort: view.sort, page: view.page, pageSize };
}

/** The column a sort key orders by, and its direction. */
export function sortColumn(sort: ActorSort): { column: string; direction: 'ascending' | 'descending' } {
  return sort.startsWith('-') ? { column: sort.slice(1), direction: 'descending' } : { column: sort, direction: 'ascending' };
}

/** Pressing a column's header: ascending first, then the other way. */
export function nextSort(current: ActorSort, column: string): ActorSort {
  const { column: currentColumn, direction } = sortColumn(current);
  const parsed = actorSortSchema.safeParse(currentColumn === column && direction === 'ascending' ? `-${column}` : column);
  return parsed.success ? parsed.data : DEFAULT_ACTOR_SORT;
}
