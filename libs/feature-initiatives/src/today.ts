/** Today's date in Norway as "YYYY-MM-DD" (due dates and periods are Norwegian calendar dates). */
export function todayInNorway(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** An open plan item (planned or in progress) past its due date. */
export function isOverdue(item: { status: string; dueDate: string | null }, today: string): boolean {
  return item.dueDate !== null && item.dueDate < today && (item.status === 'planned' || item.status === 'in_progress');
}
