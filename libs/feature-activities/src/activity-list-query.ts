import {
  activityKindSchema,
  activityListQuerySchema,
  countPeriods,
  isoDateSchema,
  type ActivityKind,
  type ActivityListQuery,
  type CountPeriod,
} from '@kompetansebro/domain';
import { z } from 'zod';
import type { ActivityCountsSearch, ActivityListSearch } from './activity-search';

type ActivitySort = ActivityListQuery['sort'];
const sortSchema = activityListQuerySchema.shape.sort.unwrap();
export const DEFAULT_ACTIVITY_SORT: ActivitySort = '-date';

const idSchema = z.uuid();

const valid = <T>(schema: z.ZodType<T>, value: string | undefined): T | undefined => {
  const parsed = schema.safeParse(value);
  return value !== undefined && parsed.success ? parsed.data : undefined;
};

/** What the URL's filters mean: unknown kinds, dates, sort keys and ids are ignored. */
export interface ActivityListView {
  q: string | undefined;
  kind: ActivityKind | undefined;
  from: string | undefined;
  to: string | undefined;
  participant: string | undefined;
  organiser: string | undefined;
  sort: ActivitySort;
  page: number;
}

export function activityListView(search: ActivityListSearch): ActivityListView {
  return {
    q: search.q,
    kind: valid(activityKindSchema, search.kind),
    from: valid(isoDateSchema, search.from),
    to: valid(isoDateSchema, search.to),
    participant: valid(idSchema, search.participant),
    organiser: valid(idSchema, search.organiser),
    sort: valid(sortSchema, search.sort) ?? DEFAULT_ACTIVITY_SORT,
    page: search.page ?? 1,
  };
}

export function toActivityListQuery(view: ActivityListView, pageSize: number): Partial<ActivityListQuery> {
  return { ...view, pageSize };
}

export function sortColumn(sort: ActivitySort): { column: string; direction: 'ascending' | 'descending' } {
  return sort.startsWith('-') ? { column: sort.slice(1), direction: 'descending' } : { column: sort, direction: 'ascending' };
}

/** Pressing a column's header: ascending first, then the other way. */
export function nextSort(current: ActivitySort, column: string): ActivitySort {
  const { column: currentColumn, direction } = sortColumn(current);
  const parsed = sortSchema.safeParse(currentColumn === column && direction === 'ascending' ? `-${column}` : column);
  return parsed.success ? parsed.data : DEFAULT_ACTIVITY_SORT;
}

export interface ActivityCountsView {
  kind: ActivityKind | undefined;
  from: string | undefined;
  to: string | undefined;
  organiser: string | undefined;
  participant: string | undefined;
  per: CountPeriod;
}

const perSchema = z.enum(countPeriods);

export function activityCountsView(search: ActivityCountsSearch): ActivityCountsView {
  return {
    kind: valid(activityKindSchema, search.kind),
    from: valid(isoDateSchema, search.from),
    to: valid(isoDateSchema, search.to),
    organiser: valid(idSchema, search.organiser),
    participant: valid(idSchema, search.participant),
    per: valid(perSchema, search.per) ?? 'half_year',
  };
}
