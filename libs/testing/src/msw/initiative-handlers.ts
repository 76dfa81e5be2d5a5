import type { RequestHandler } from 'msw';
import type { InitiativeDetail, MobilityCount, PlanItemDetail } from '@kompetansebro/domain';
import { http, HttpResponse } from 'msw';
import { buildInitiativeDetail } from '../factories/initiative.factory';
import { buildPlanItemDetail } from '../factories/plan-item.factory';
import { idSequence } from '../factories/ids';
import { problemResponse } from './problem';
import { answerWrite, api, everything, ResourceStore, resourceHandlers, versioned } from './resource';

const planItemPath = /\/plan-items\/[^/]+$/;

/** The initiatives of a scenario with their plan items, and its mobility counts, served as given. */
export class InitiativeStore extends ResourceStore<InitiativeDetail> {
  readonly mobility: MobilityCount[];

  constructor(initiatives: readonly InitiativeDetail[] = [], mobility: readonly MobilityCount[] = []) {
    super(initiatives);
    this.mobility = [...mobility];
  }

  get listQueries(): URLSearchParams[] {
    return this.queries;
  }

  /** The plan-item changes received (the bodies). */
  get planItemChanges(): unknown[] {
    return this.received.filter((request) => request.method === 'PATCH' && planItemPath.test(request.path)).map((request) => request.body);
  }

  /** The initiative changes received (the bodies). */
  get initiativeChanges(): unknown[] {
    return this.received.filter((request) => request.method === 'PATCH' && !planItemPath.test(request.path)).map((request) => request.body);
  }

  /** Someone else saves a plan item: its data and version change (pair with `staleOnce` for the 412). */
  changeBehindTheScenes(initiativeId: string, itemId: string, changes: Partial<PlanItemDetail>): void {
    const initiative = this.get(initiativeId);
    if (initiative) this.setItems(initiative, initiative.planItems.map((item) => (item.id === itemId ? { ...item, ...changes, version: item.version + 1 } : item)));
  }

  /** Someone else saves the initiative: its data and version change (pair with `staleOnce` for the 412). */
  changeInitiativeBehindTheScenes(id: string, changes: Partial<InitiativeDetail>): void {
    this.saveBySomeoneElse(id, changes);
  }

  setItems(initiative: InitiativeDetail, planItems: PlanItemDetail[]): InitiativeDetail {
    return this.put({ ...initiative, planItems, planItemCount: planItems.length });
  }
}

export function initiativeHandlers(store = new InitiativeStore()): RequestHandler[] {
  return [
    http.get(api('/mobility-counts'), () => HttpResponse.json(everything(store.mobility))),
    http.post(api('/initiatives/:id/plan-items'), ({ request, params }) =>
      answerWrite(store, request, String(params['id']), (body, initiative) => {
        const item = { ...buildPlanItemDetail({ initiativeId: initiative.id, initiativeTitle: initiative.title }), ...body } as PlanItemDetail;
        store.setItems(initiative, [...initiative.planItems, item]);
        return versioned(item, 201);
      }),
    ),
    http.patch(api('/initiatives/:id/plan-items/:itemId'), ({ request, params }) =>
      answerWrite(store, request, String(params['id']), (body, initiative) => {
        const item = initiative.planItems.find((candidate) => candidate.id === params['itemId']);
        if (!item) return problemResponse(404);
        const updated = { ...item, ...body, version: item.version + 1 } as PlanItemDetail;
        store.setItems(initiative, initiative.planItems.map((candidate) => (candidate.id === item.id ? updated : candidate)));
        return versioned(updated);
      }),
    ),
    ...resourceHandlers('/initiatives', store, {
      summary: ({ planItems: _planItems, children: _children, ...summary }) => summary,
      create: (body) => createdInitiative(body),
    }),
  ];
}

/** Ids for the goals and extensions of initiatives created in a test. */
const nextListEntryId = idSequence(24);

/** The initiative a create makes of its body, as the API answers it: nothing but what was sent, with ids for its goals and extensions. */
function createdInitiative(body: Record<string, unknown>): InitiativeDetail {
  const withIds = (rows: unknown) =>
    ((rows as Array<Record<string, unknown>> | undefined) ?? []).map((row) => ({ id: nextListEntryId(), ...row }));
  return buildInitiativeDetail({
    budget: null,
    startDate: null,
    plannedEndDate: null,
    themes: [],
    ownerName: null,
    funderName: null,
    ...(body as Partial<InitiativeDetail>),
    extensions: withIds(body['extensions']) as InitiativeDetail['extensions'],
    goals: withIds(body['goals']) as InitiativeDetail['goals'],
  });
}
