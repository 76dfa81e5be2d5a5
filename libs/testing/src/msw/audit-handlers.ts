import type { Page } from '@kompetansebro/domain';
import { http, HttpResponse } from 'msw';
import type { AuditListEntry } from '../factories/audit.factory';
import { problemResponse } from './problem';

const api = (path: string) => `*/api${path}`;

/**
 * The audit log behind msw, answering as `GET /api/audit` does: newest first, filtered by
 * entity type and record id, in pages (default 25, at most 100; 400 beyond).
 */
export class AuditStore {
  private readonly entries: AuditListEntry[];
  /** The queries received, for tests to check what the page asked for. */
  readonly queries: URLSearchParams[] = [];

  constructor(entries: readonly AuditListEntry[] = []) {
    this.entries = [...entries];
  }

  list(search: URLSearchParams): Response {
    this.queries.push(search);
    const page = Number(search.get('page') ?? '1');
    const pageSize = Number(search.get('pageSize') ?? '25');
    if (!Number.isInteger(page) || page < 1) return problemResponse(400, [{ path: 'page', code: 'too_small', message: 'At least 1' }]);
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
      return problemResponse(400, [{ path: 'pageSize', code: 'too_big', message: 'At most 100' }]);
    }
    const entity = search.get('entity');
    const id = search.get('id');
    const matches = this.entries
      .filter((entry) => (!entity || entry.entity === entity) && (!id || entry.entityId === id))
      .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || Number(b.id) - Number(a.id));
    const start = (page - 1) * pageSize;
    const body: Page<AuditListEntry> = { items: matches.slice(start, start + pageSize), total: matches.length, page, pageSize };
    return HttpResponse.json(body);
  }
}

export function auditHandlers(store = new AuditStore()) {
  return [http.get(api('/audit'), ({ request }) => store.list(new URL(request.url).searchParams))];
}
