import {
  activityCountQuerySchema,
  activityCreateSchema,
  activityDetailSchema,
  activityListQuerySchema,
  activityRuleViolations,
  activityUpdateSchema,
  compareNorwegian,
  countByPeriod,
  fieldErrorsFromIssues,
  totalHeadCount,
  type ActivityDetail,
  type ActivityParticipantInput,
  type ActivitySummary,
  type FieldError,
  type Page,
} from '@kompetansebro/domain';
import { http, HttpResponse } from 'msw';
import { buildActivityDetail, nextActivityId } from '../factories/activity.factory';
import { problemResponse } from './problem';

const api = (path: string) => `*/api${path}`;

/** An actor the store knows by name, so participants and organisers get theirs as the API's joins do. */
export interface KnownActor {
  id: string;
  name: string;
  kind: string;
}

/**
 * An in-memory activity register behind msw, answering as the API does: filters (a period
 * counts when it overlaps), sort and pages for the list; counts per period; ETag/If-Match
 * versions for writes (412 when stale); 404 for unknown ids; 400 problem+json with field
 * errors from the domain's schemas and rules.
 */
export class ActivityStore {
  private readonly activities = new Map<string, ActivityDetail>();
  private readonly actors = new Map<string, KnownActor>();
  /** Bodies of the writes received, for tests to check what the form sent. */
  readonly received: Array<{ method: string; path: string; body: unknown; ifMatch: string | null }> = [];
  /** The query strings of the list requests, for tests to check what the screens asked for. */
  readonly listRequests: URLSearchParams[] = [];

  constructor(activities: readonly ActivityDetail[] = [], actors: readonly KnownActor[] = []) {
    for (const activity of activities) this.activities.set(activity.id, activity);
    for (const actor of actors) this.actors.set(actor.id, actor);
  }

  get(id: string): ActivityDetail | undefined {
    return this.activities.get(id);
  }

  all(): ActivityDetail[] {
    return [...this.activities.values()];
  }

  /** Replaces an activity as if someone else saved it (its version goes up). */
  saveBySomeoneElse(id: string, changes: Partial<ActivityDetail>): ActivityDetail {
    const current = this.require(id);
    const next = activityDetailSchema.parse({ ...current, ...changes, version: current.version + 1, updatedAt: new Date().toISOString() });
    this.activities.set(id, next);
    return next;
  }

  private filtered(search: URLSearchParams) {
    const query = activityListQuerySchema.parse(Object.fromEntries(search));
    const text = query.q?.toLocaleLowerCase('nb');
    const matches = this.all().filter(
      (activity) =>
        (!text || [activity.title, activity.description].some((field) => field?.toLocaleLowerCase('nb').includes(text))) &&
        (!query.kind || activity.kind === query.kind) &&
        (!query.organiser || activity.organiserId === query.organiser) &&
        (!query.participant || activity.participants.some((participant) => participant.actorId === query.participant)) &&
        (!query.from || (activity.endDate ?? activity.startDate) >= query.from) &&
        (!query.to || activity.startDate <= query.to),
    );
    return { query, matches };
  }

  list(search: URLSearchParams): Page<ActivitySummary> {
    this.listRequests.push(search);
    const { query, matches } = this.filtered(search);
    const descending = query.sort.startsWith('-');
    const key = query.sort.replace(/^-/, '');
    const sortValue = (activity: ActivitySummary) =>
      key === 'title' ? activity.title : key === 'kind' ? activity.kind : key === 'updated' ? activity.updatedAt : activity.startDate;
    matches.sort((a, b) => (descending ? -1 : 1) * (compareNorwegian(sortValue(a), sortValue(b)) || compareNorwegian(a.title, b.title)));
    const start = (query.page - 1) * query.pageSize;
    const items = matches.slice(start, start + query.pageSize).map(({ participants: _participants, ...summary }) => summary);
    return { items, total: matches.length, page: query.page, pageSize: query.pageSize };
  }

  counts(search: URLSearchParams) {
    const query = activityCountQuerySchema.parse(Object.fromEntries(search));
    const { matches } = this.filtered(search);
    return { items: countByPeriod(matches.map((activity) => activity.startDate), query.per) };
  }

  create(body: unknown): ActivityDetail | FieldError[] {
    const parsed = activityCreateSchema.safeParse(body);
    if (!parsed.success) return fieldErrorsFromIssues(parsed.error.issues);
    const participants = parsed.data.participants ?? [];
    const violations = this.violations(parsed.data.startDate, parsed.data.endDate ?? null, participants);
    if (violations.length > 0) return violations;
    const id = nextActivityId();
    const now = new Date().toISOString();
    const activity = this.withNames(
      buildActivityDetail({ ...emptyFields, ...parsed.data, id, version: 1, createdAt: now, updatedAt: now, participants: [] }),
      participants,
    );
    this.activities.set(id, activity);
    return activity;
  }

  update(id: string, body: unknown): ActivityDetail | FieldError[] {
    const parsed = activityUpdateSchema.safeParse(body);
    if (!parsed.success) return fieldErrorsFromIssues(parsed.error.issues);
    const current = this.require(id);
    const { participants: given, ...fields } = parsed.data;
    const participants = given ?? current.participants;
    const next = { ...current, ...fields };
    const violations = this.violations(next.startDate, next.endDate, participants);
    if (violations.length > 0) return violations;
    const saved = this.withNames({ ...next, version: current.version + 1, updatedAt: new Date().toISOString() }, participants);
    this.activities.set(id, saved);
    return saved;
  }

  delete(id: string): void {
    this.activities.delete(id);
  }

  private violations(startDate: string, endDate: string | null, participants: ReadonlyArray<{ actorId: string }>): FieldError[] {
    return activityRuleViolations({ startDate, endDate, participants });
  }

  private require(id: string): ActivityDetail {
    const activity = this.activities.get(id);
    if (!activity) throw new Error(`No activity ${id} in the store`);
    return activity;
  }

  /** Names and counts follow the ids, as the API's joins do. */
  private withNames(activity: ActivityDetail, participants: ReadonlyArray<ActivityParticipantInput & { actorName?: string; actorKind?: string }>): ActivityDetail {
    const rows = participants.map((participant) => {
      const actor = this.actors.get(participant.actorId);
      return {
        actorId: participant.actorId,
        actorName: actor?.name ?? participant.actorName ?? participant.actorId,
        actorKind: actor?.kind ?? participant.actorKind ?? 'public_library',
        headCount: participant.headCount ?? null,
      };
    });
    const organiser = activity.organiserId ? this.actors.get(activity.organiserId) : undefined;
    return activityDetailSchema.parse({
      ...activity,
      organiserName: activity.organiserId ? (organiser?.name ?? activity.organiserName) : null,
      participants: rows,
      participantCount: rows.length,
      totalHeadCount: totalHeadCount(rows),
    });
  }
}

const emptyFields = { description: null, endDate: null, organiserId: null, organiserName: null, topics: [], outcome: null, links: [] };

const etag = (activity: ActivityDetail) => ({ ETag: `"${activity.version}"` });

function expectedVersion(header: string | null): number | null {
  const match = header ? /^"(\d+)"$/.exec(header.trim()) : null;
  return match ? Number(match[1]) : null;
}

/** Handlers for /api/activities over a store (pass one to inspect or change it in a test). */
export function activityHandlers(store = new ActivityStore()) {
  const stale = (activity: ActivityDetail, request: Request) => {
    const version = expectedVersion(request.headers.get('If-Match'));
    if (version === null) return problemResponse(428);
    return version === activity.version ? null : problemResponse(412);
  };

  return [
    http.get(api('/activities'), ({ request }) => HttpResponse.json(store.list(new URL(request.url).searchParams))),
    http.get(api('/activities/counts'), ({ request }) => HttpResponse.json(store.counts(new URL(request.url).searchParams))),
    http.get(api('/activities/:id'), ({ params }) => {
      const activity = store.get(String(params['id']));
      return activity ? HttpResponse.json(activity, { headers: etag(activity) }) : problemResponse(404);
    }),
    http.post(api('/activities'), async ({ request }) => {
      const body: unknown = await request.json();
      store.received.push({ method: 'POST', path: '/api/activities', body, ifMatch: null });
      const result = store.create(body);
      return Array.isArray(result) ? problemResponse(400, result) : HttpResponse.json(result, { status: 201, headers: etag(result) });
    }),
    http.patch(api('/activities/:id'), async ({ request, params }) => {
      const id = String(params['id']);
      const body: unknown = await request.json();
      store.received.push({ method: 'PATCH', path: `/api/activities/${id}`, body, ifMatch: request.headers.get('If-Match') });
      const activity = store.get(id);
      if (!activity) return problemResponse(404);
      const refusal = stale(activity, request);
      if (refusal) return refusal;
      const result = store.update(id, body);
      return Array.isArray(result) ? problemResponse(400, result) : HttpResponse.json(result, { headers: etag(result) });
    }),
    http.delete(api('/activities/:id'), ({ request, params }) => {
      const id = String(params['id']);
      store.received.push({ method: 'DELETE', path: `/api/activities/${id}`, body: null, ifMatch: request.headers.get('If-Match') });
      const activity = store.get(id);
      if (!activity) return problemResponse(404);
      const refusal = stale(activity, request);
      if (refusal) return refusal;
      store.delete(id);
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}
