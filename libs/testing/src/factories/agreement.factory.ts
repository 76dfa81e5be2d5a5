import { agreementDetailSchema, allowedTransitions, type AgreementDetail } from '@kompetansebro/domain';
import { idSequence, sequentialUuid, TIMESTAMP } from './ids';

/** A fresh id for an agreement in a test. */
export const nextAgreementId = idSequence(5);

/**
 * An agreement as its page shows it: an active cooperation between a study centre and a
 * library unless told otherwise; `allowedTransitions` follows the status (the domain's state
 * machine) unless given. Parsed with the domain's schema, so a mock cannot drift.
 */
export function buildAgreementDetail(overrides: Partial<AgreementDetail> = {}): AgreementDetail {
  const status = overrides.status ?? 'active';
  return agreementDetailSchema.parse({
    id: nextAgreementId(),
    title: 'Samarbeidsavtale Namdal',
    kind: 'cooperation',
    status,
    description: null,
    levels: ['practical'],
    themes: ['library_services_for_students'],
    startDate: '2026-01-01',
    endDate: '2027-12-31',
    renewsId: null,
    renewedById: null,
    amendments: [],
    sampleData: false,
    version: 1,
    createdAt: TIMESTAMP,
    updatedAt: TIMESTAMP,
    parties: [
      {
        actorId: sequentialUuid(2, 9001),
        actorName: 'Namdal studiesenter',
        actorKind: 'study_centre',
        role: 'coordinator',
        acceptedAt: null,
        declinedAt: null,
        decisionComment: null,
        services: [],
      },
      {
        actorId: sequentialUuid(2, 9002),
        actorName: 'Namsos bibliotek',
        actorKind: 'public_library',
        role: 'service_provider',
        acceptedAt: null,
        declinedAt: null,
        decisionComment: null,
        services: [
          { serviceId: sequentialUuid(6, 1), type: 'study_places', actorId: sequentialUuid(2, 9002), actorName: 'Namsos bibliotek', fulfilment: 'met' },
          { serviceId: sequentialUuid(6, 2), type: 'interlibrary_loan', actorId: sequentialUuid(2, 9002), actorName: 'Namsos bibliotek', fulfilment: 'met' },
        ],
      },
    ],
    documents: [],
    transitions: [],
    allowedTransitions: [...allowedTransitions(status)],
    ...overrides,
  });
}
