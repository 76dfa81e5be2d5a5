import { planItemListQuerySchema, type Page, type PlanItemDetail } from '@kompetansebro/domain';
import { fieldErrorsFromIssues } from '@kompetansebro/domain';
import { http, HttpResponse } from 'msw';
import { problemResponse } from './problem';

const api = (path: string) => `*/api${path}`;

/**
 * Plan items across initiatives behind msw, answering as `GET /api/plan-items` does: status,
 * open (not done or dropped), due on or before a date (undated left out), initiative and
 * responsible filters; soonest due first (undated last); pages.
 */
export class PlanItemStore {
  private readonly items: PlanItemDetail[];
  readonly queries: URLSearchParams[] = [];

  constructor(items: readonly PlanItemDetail[] = []) {
    this.items = [...items];
  }

  list(search: URLSearchParams): Response {
    this.queries.push(search);
    const parsed = planItemListQuerySchema.safeParse(Object.fromEntries(search));
    if (!parsed.success) return problemResponse(400, fieldErrorsFromIssues(parsed.error.issues));
    const query = parsed.data;
    const matches = this.items.filter(
      (item) =>
        (!query.status || item.status === query.status) &&
        (query.open !== 'true' || (item.status !== 'done' && item.status !== 'dropped')) &&
        (!query.dueBefore || (item.dueDate !== null && item.dueDate <= query.dueBefore)) &&
        (!query.initiative || item.initiativeId === query.initiative) &&
        (!query.responsible || item.responsibleActorId === query.responsible),
    );
    const direction = query.sort.startsWith('-') ? -1 : 1;
    matches.sort((a, b) => {
      if (query.sort.endsWith('updated')) return a.updatedAt.localeCompare(b.updatedAt) * direction;
      if (a.dueDate === b.dueDate) return a.position - b.position;
      if (a.dueDate === null) return 1;
      if (b.dueDate === null) return -1;
      return a.dueDate.localeCompare(b.dueDate) * direction;
    });
    const start = (query.page - 1) * query.pageSize;
    const body: Page<PlanItemDetail> = { items: matches.slice(start, start + query.pageSize), total: matches.length, page: query.page, pageSize: query.pageSize };
    return HttpResponse.json(body);
  }
}

export function planItemHandlers(store = new PlanItemStore()) {
  return [http.get(api('/plan-items'), ({ request }) => store.list(new URL(request.url).searchParams))];
}
