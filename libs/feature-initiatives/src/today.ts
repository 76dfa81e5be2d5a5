// Due dates and periods are Norwegian calendar dates.
export { todayInNorway } from '@kompetansebro/domain';

/** An open plan item (planned or in progress) past its due date. */
export function isOverdue(item: { status: string; dueDate: string | null }, today: string): boolean {
  return item.dueDate !== null && item.dueDate < today && (item.status === 'planned' || item.status === 'in_progress');
}
