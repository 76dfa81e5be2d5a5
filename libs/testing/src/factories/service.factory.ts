import { serviceSummarySchema, type ServiceSummary } from '@kompetansebro/domain';
import { idSequence, sequentialUuid, TIMESTAMP } from './ids';
import { municipalityByNumber } from './reference.factory';

/** A fresh id for a service in a test. */
export const nextServiceId = idSequence(16);

/**
 * A service as the API sends it: study places for students at a Trondheim library, staffed,
 * unless told otherwise. Conditions given in part are completed. Parsed with the domain's
 * schema, so a mock cannot drift from what the API sends.
 */
export function buildService(overrides: Partial<Omit<ServiceSummary, 'conditions'>> & { conditions?: Partial<ServiceSummary['conditions']> } = {}): ServiceSummary {
  const { conditions, ...rest } = overrides;
  const municipality = municipalityByNumber(rest.municipalityNumber === undefined ? '5001' : rest.municipalityNumber);
  return serviceSummarySchema.parse({
    id: nextServiceId(),
    actorId: sequentialUuid(2, 999),
    type: 'study_places',
    audiences: ['students'],
    description: null,
    conditions: { ageLimit: null, contractRequired: false, bookingLeadTimeDays: null, capacity: null, hours: 'staffed', note: null, ...conditions },
    weeklyHours: null,
    confirmedAt: null,
    confirmedBy: null,
    sampleData: false,
    archivedAt: null,
    version: 1,
    createdAt: TIMESTAMP,
    updatedAt: TIMESTAMP,
    actorName: 'Trondheim folkebibliotek',
    actorKind: 'public_library',
    actorParentId: null,
    municipalityNumber: municipality?.number ?? null,
    municipalityName: municipality?.name ?? null,
    regionId: municipality?.regionId ?? null,
    regionName: municipality?.regionName ?? null,
    ...rest,
  });
}
