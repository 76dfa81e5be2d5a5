import { ownPlanItemSchema, planItemDetailSchema, type OwnPlanItem, type PlanItemDetail } from '@kompetansebro/domain';
import { idSequence, sequentialUuid, TIMESTAMP } from './ids';

/** A fresh id for a plan item in a test. */
export const nextPlanItemId = idSequence(8);

/**
 * A plan item as `GET /api/plan-items` lists it: a planned step of the county library's project,
 * due 1 March 2026, unless told otherwise. Parsed with the domain's schema, so a mock cannot drift.
 */
export function buildPlanItemDetail(overrides: Partial<PlanItemDetail> = {}): PlanItemDetail {
  return planItemDetailSchema.parse({
    id: nextPlanItemId(),
    initiativeId: sequentialUuid(9, 1),
    position: 0,
    title: 'Samarbeidsavtale mellom Namdal studiesenter og bibliotekene',
    description: null,
    responsibleActorId: null,
    dueDate: '2026-03-01',
    status: 'planned',
    resultText: null,
    activityIds: [],
    agreementIds: [],
    version: 1,
    createdAt: TIMESTAMP,
    updatedAt: TIMESTAMP,
    initiativeTitle: 'Regionale kompetanseaktører og folkebibliotekenes rolle',
    responsibleActorName: null,
    activities: [],
    agreements: [],
    ...overrides,
  });
}

/**
 * A plan item as its owner sees it (`GET /api/own-plan-items`): Namdal studiesenter's planned
 * agreement with the libraries, due 31 December 2026, unless told otherwise.
 */
export function buildOwnPlanItem(overrides: Partial<OwnPlanItem> = {}): OwnPlanItem {
  return ownPlanItemSchema.parse({
    id: nextPlanItemId(),
    position: 0,
    title: 'Samarbeidsavtale mellom Namdal studiesenter og folkebibliotekene',
    description: null,
    responsibleActorId: sequentialUuid(1, 2),
    dueDate: '2026-12-31',
    status: 'planned',
    resultText: null,
    version: 1,
    createdAt: TIMESTAMP,
    updatedAt: TIMESTAMP,
    initiativeTitle: 'Regionale kompetanseaktører og folkebibliotekenes rolle',
    ...overrides,
  });
}
