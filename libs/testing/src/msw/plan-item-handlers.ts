import type { RequestHandler } from 'msw';
import type { PlanItemDetail } from '@kompetansebro/domain';
import { listHandler, ResourceStore } from './resource';

/** Plan items across initiatives (`GET /api/plan-items`), served in the order given; `listFor` says what a filter finds. */
export class PlanItemStore extends ResourceStore<PlanItemDetail> {}

export function planItemHandlers(store = new PlanItemStore()): RequestHandler[] {
  return [listHandler('/plan-items', store)];
}
