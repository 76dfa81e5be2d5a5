import type { PendingAcceptanceListQuery } from '@kompetansebro/domain';

/** How many tasks a home page shows; the rest are on the list of every task. */
export const HOME_TASKS = 5;

/** What a home page asks of the tasks (the same key for its first data and its section): the newest few, of one kind or both. */
export function homeTaskFilters(kind?: PendingAcceptanceListQuery['kind']): { pageSize: number; kind?: PendingAcceptanceListQuery['kind'] } {
  return kind ? { pageSize: HOME_TASKS, kind } : { pageSize: HOME_TASKS };
}
