import { initiativeDetailSchema, type InitiativeDetail, type MobilityCount } from '@kompetansebro/domain';
import { idSequence, sequentialUuid, TIMESTAMP } from './ids';

/** A fresh id for an initiative in a test. */
export const nextInitiativeId = idSequence(20);

/**
 * An initiative as `GET /api/initiatives/{id}` answers: the NB-funded project of the county
 * library (1 500 000 kr granted, 1 085 400 spent; a granted extension to 30 June 2026 and one
 * asked for to 30 June 2027), unless told otherwise. Derived figures (current end, remaining
 * funds, plan item count) follow the overrides. Parsed with the domain's schema, so a mock cannot drift.
 */
export function buildInitiativeDetail(overrides: Partial<InitiativeDetail> = {}): InitiativeDetail {
  const base = {
    id: nextInitiativeId(),
    kind: 'project',
    title: 'Regionale kompetanseaktører og folkebibliotekenes rolle',
    description: null,
    parentId: null,
    ownerId: null,
    funderId: null,
    budget: { granted: 1_500_000, spent: 1_085_400 },
    startDate: '2023-08-01',
    plannedEndDate: '2025-12-31',
    extensions: [
      { id: sequentialUuid(21, 1), askedOn: '2025-08-15', requestedEnd: '2026-06-30', status: 'granted', decidedOn: '2025-10-01', note: null },
      { id: sequentialUuid(21, 2), askedOn: '2026-02-10', requestedEnd: '2027-06-30', status: 'asked', decidedOn: null, note: null },
    ],
    goals: [],
    policyAnchors: [],
    themes: ['library_services_for_students'],
    levels: [],
    maturityLevel: null,
    societalEffect: null,
    sampleData: false,
    version: 1,
    createdAt: TIMESTAMP,
    updatedAt: TIMESTAMP,
    parentTitle: null,
    ownerName: 'Trøndelag fylkesbibliotek',
    funderName: 'Nasjonalbiblioteket',
    planItems: [],
    children: [],
    ...overrides,
  } satisfies Partial<InitiativeDetail>;
  const granted = base.extensions.filter((e) => e.status === 'granted').map((e) => e.requestedEnd);
  const currentEndDate = [base.plannedEndDate, ...granted].filter((d): d is string => d !== null).sort().at(-1) ?? null;
  return initiativeDetailSchema.parse({
    currentEndDate,
    remainingFunds: base.budget === null ? null : Math.round((base.budget.granted - base.budget.spent) * 100) / 100,
    planItemCount: base.planItems.length,
    ...base,
  });
}

let mobilityCount = 0;

/** A mobility count (counts only): 12 apprentices abroad in 2024/25, unless told otherwise. */
export function buildMobilityCount(overrides: Partial<MobilityCount> = {}): MobilityCount {
  mobilityCount += 1;
  return {
    id: sequentialUuid(22, mobilityCount),
    actorId: sequentialUuid(1, 1),
    actorName: 'Ole Vig videregående skole',
    schoolYear: '2024/25',
    category: 'apprentice',
    count: 12,
    initiativeId: null,
    initiativeTitle: null,
    sampleData: false,
    ...overrides,
  };
}
