import type { RequestHandler } from 'msw';
import type { OwnPlanItem, PlanItemDetail } from '@kompetansebro/domain';
import { listHandler, ResourceStore, resourceHandlers } from './resource';

/** Plan items across initiatives (`GET /api/plan-items`), served in the order given; `listFor` says what a filter finds. */
export class PlanItemStore extends ResourceStore<PlanItemDetail> {}

export function planItemHandlers(store = new PlanItemStore()): RequestHandler[] {
  return [listHandler('/plan-items', store)];
}

/** The plan items the user's organisation owns (`/api/own-plan-items`): list, one by id, and the owner's change (status, result). */
export class OwnPlanItemStore extends ResourceStore<OwnPlanItem> {}

export function ownPlanItemHandlers(store = new OwnPlanItemStore()): RequestHandler[] {
  return resourceHandlers('/own-plan-items', store);
}
