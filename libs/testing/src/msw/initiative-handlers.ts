import {
  fieldErrorsFromIssues,
  initiativeListQuerySchema,
  initiativeUpdateSchema,
  mobilityCountQuerySchema,
  planItemCreateSchema,
  planItemUpdateSchema,
  type InitiativeDetail,
  type InitiativeSummary,
  type MobilityCount,
  type Page,
  type PlanItemDetail,
} from '@kompetansebro/domain';
import { http, HttpResponse } from 'msw';
import { nextPlanItemId } from '../factories/plan-item.factory';
import { problemResponse } from './problem';

const api = (path: string) => `*/api${path}`;

const versionOf = (request: Request) => {
  const header = request.headers.get('if-match');
  return header === null ? null : Number(header.replace(/"/g, ''));
};

/**
 * Initiatives behind msw, answering as the API does: the list (text, kind and theme filters,
 * title order, pages), one initiative with its plan items, plan-item create and change (with
 * If-Match: 412 when stale, 428 when missing) and mobility counts by initiative.
 */
export class InitiativeStore {
  private readonly initiatives = new Map<string, InitiativeDetail>();
  readonly mobility: MobilityCount[];
  readonly listQueries: URLSearchParams[] = [];
  /** The plan-item changes received (the bodies), for tests to check what the board sent. */
  readonly planItemChanges: unknown[] = [];
  /** The initiative changes received (the bodies). */
  readonly initiativeChanges: unknown[] = [];

  constructor(initiatives: readonly InitiativeDetail[] = [], mobility: readonly MobilityCount[] = []) {
    for (const initiative of initiatives) this.initiatives.set(initiative.id, initiative);
    this.mobility = [...mobility];
  }

  get(id: string): InitiativeDetail | undefined {
    return this.initiatives.get(id);
  }

  /** Someone else saves a plan item (its version goes up), so the next change with the old version is stale. */
  changeBehindTheScenes(initiativeId: string, itemId: string, changes: Partial<PlanItemDetail>): void {
    const initiative = this.initiatives.get(initiativeId);
    if (!initiative) return;
    this.setItems(initiative, initiative.planItems.map((item) => (item.id === itemId ? { ...item, ...changes, version: item.version + 1 } : item)));
  }

  /** Someone else saves the initiative (its version goes up), so the next save with the old version is stale. */
  changeInitiativeBehindTheScenes(id: string, changes: Partial<InitiativeDetail>): void {
    const initiative = this.initiatives.get(id);
    if (initiative) this.initiatives.set(id, { ...initiative, ...changes, version: initiative.version + 1 });
  }

  /** The initiative's own fields (the lists given replace the stored ones), with If-Match; the derived figures follow. */
  updateInitiative(id: string, request: Request, body: unknown): Response {
    this.initiativeChanges.push(body);
    const initiative = this.initiatives.get(id);
    if (!initiative) return problemResponse(404);
    const version = versionOf(request);
    if (version === null) return problemResponse(428);
    if (version !== initiative.version) return problemResponse(412);
    const parsed = initiativeUpdateSchema.safeParse(body);
    if (!parsed.success) return problemResponse(400, fieldErrorsFromIssues(parsed.error.issues));
    const { extensions, goals, policyAnchors, ...own } = parsed.data;
    const changes = Object.fromEntries(Object.entries(own).filter(([, value]) => value !== undefined));
    const updated: InitiativeDetail = {
      ...initiative,
      ...changes,
      ...(extensions ? { extensions: extensions.map((e, i) => ({ id: e.id ?? `00000000-0000-4000-8021-${String(900 + i).padStart(12, '0')}`, decidedOn: null, note: null, ...e })) } : {}),
      ...(goals ? { goals: goals.map((g, i) => ({ id: g.id ?? `00000000-0000-4000-8024-${String(900 + i).padStart(12, '0')}`, ...g })) } : {}),
      ...(policyAnchors
        ? { policyAnchors: policyAnchors.map((a, i) => ({ id: a.id ?? `00000000-0000-4000-8023-${String(900 + i).padStart(12, '0')}`, period: null, url: null, ...a })) }
        : {}),
      version: initiative.version + 1,
      updatedAt: new Date().toISOString(),
    };
    const budget = updated.budget;
    const granted = updated.extensions.filter((e) => e.status === 'granted').map((e) => e.requestedEnd);
    const withFigures: InitiativeDetail = {
      ...updated,
      remainingFunds: budget === null ? null : Math.round((budget.granted - budget.spent) * 100) / 100,
      currentEndDate: [updated.plannedEndDate, ...granted].filter((d): d is string => d !== null).sort().at(-1) ?? null,
    };
    this.initiatives.set(id, withFigures);
    return HttpResponse.json(withFigures, { headers: { ETag: `"${withFigures.version}"` } });
  }

  list(search: URLSearchParams): Response {
    this.listQueries.push(search);
    const parsed = initiativeListQuerySchema.safeParse(Object.fromEntries(search));
    if (!parsed.success) return problemResponse(400, fieldErrorsFromIssues(parsed.error.issues));
    const query = parsed.data;
    const text = query.q?.toLocaleLowerCase('nb');
    const matches: InitiativeSummary[] = [...this.initiatives.values()]
      .filter(
        (i) =>
          (!text || i.title.toLocaleLowerCase('nb').includes(text)) &&
          (!query.kind || i.kind === query.kind) &&
          (!query.theme || i.themes.includes(query.theme)),
      )
      .sort((a, b) => a.title.localeCompare(b.title, 'nb') * (query.sort === '-title' ? -1 : 1))
      .map(({ planItems: _planItems, children: _children, ...summary }) => summary);
    const start = (query.page - 1) * query.pageSize;
    const body: Page<InitiativeSummary> = { items: matches.slice(start, start + query.pageSize), total: matches.length, page: query.page, pageSize: query.pageSize };
    return HttpResponse.json(body);
  }

  detail(id: string): Response {
    const initiative = this.initiatives.get(id);
    return initiative ? HttpResponse.json(initiative, { headers: { ETag: `"${initiative.version}"` } }) : problemResponse(404);
  }

  createPlanItem(initiativeId: string, body: unknown): Response {
    const initiative = this.initiatives.get(initiativeId);
    if (!initiative) return problemResponse(404);
    const parsed = planItemCreateSchema.safeParse(body);
    if (!parsed.success) return problemResponse(400, fieldErrorsFromIssues(parsed.error.issues));
    const now = new Date().toISOString();
    const item: PlanItemDetail = {
      id: nextPlanItemId(),
      initiativeId,
      position: initiative.planItems.length,
      title: parsed.data.title,
      description: parsed.data.description ?? null,
      responsibleActorId: parsed.data.responsibleActorId ?? null,
      dueDate: parsed.data.dueDate ?? null,
      status: parsed.data.status ?? 'planned',
      activityIds: [],
      agreementIds: [],
      version: 1,
      createdAt: now,
      updatedAt: now,
      initiativeTitle: initiative.title,
      responsibleActorName: null,
      activities: [],
      agreements: [],
    };
    this.setItems(initiative, [...initiative.planItems, item]);
    return HttpResponse.json(item, { status: 201, headers: { ETag: '"1"' } });
  }

  updatePlanItem(initiativeId: string, itemId: string, request: Request, body: unknown): Response {
    this.planItemChanges.push(body);
    const initiative = this.initiatives.get(initiativeId);
    const item = initiative?.planItems.find((candidate) => candidate.id === itemId);
    if (!initiative || !item) return problemResponse(404);
    const version = versionOf(request);
    if (version === null) return problemResponse(428);
    if (version !== item.version) return problemResponse(412);
    const parsed = planItemUpdateSchema.safeParse(body);
    if (!parsed.success) return problemResponse(400, fieldErrorsFromIssues(parsed.error.issues));
    const changes = Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => value !== undefined));
    const updated: PlanItemDetail = { ...item, ...changes, version: item.version + 1, updatedAt: new Date().toISOString() };
    this.setItems(initiative, initiative.planItems.map((candidate) => (candidate.id === itemId ? updated : candidate)));
    return HttpResponse.json(updated, { headers: { ETag: `"${updated.version}"` } });
  }

  mobilityCounts(search: URLSearchParams): Response {
    const parsed = mobilityCountQuerySchema.safeParse(Object.fromEntries(search));
    if (!parsed.success) return problemResponse(400, fieldErrorsFromIssues(parsed.error.issues));
    const items = this.mobility.filter((count) => !parsed.data.initiative || count.initiativeId === parsed.data.initiative);
    const body: Page<MobilityCount> = { items, total: items.length, page: 1, pageSize: parsed.data.pageSize };
    return HttpResponse.json(body);
  }

  private setItems(initiative: InitiativeDetail, planItems: PlanItemDetail[]) {
    this.initiatives.set(initiative.id, { ...initiative, planItems, planItemCount: planItems.length });
  }
}

export function initiativeHandlers(store = new InitiativeStore()) {
  return [
    http.get(api('/initiatives'), ({ request }) => store.list(new URL(request.url).searchParams)),
    http.get(api('/initiatives/:id'), ({ params }) => store.detail(String(params['id']))),
    http.patch(api('/initiatives/:id'), async ({ params, request }) => store.updateInitiative(String(params['id']), request, await request.json())),
    http.post(api('/initiatives/:id/plan-items'), async ({ params, request }) => store.createPlanItem(String(params['id']), await request.json())),
    http.patch(api('/initiatives/:id/plan-items/:itemId'), async ({ params, request }) =>
      store.updatePlanItem(String(params['id']), String(params['itemId']), request, await request.json()),
    ),
    http.get(api('/mobility-counts'), ({ request }) => store.mobilityCounts(new URL(request.url).searchParams)),
  ];
}
