import { coverageSchema, serviceSummarySchema, type Coverage, type ServiceSummary } from '@kompetansebro/domain';
import { sequentialUuid } from './ids';

let serviceCount = 0;
const TIMESTAMP = '2026-02-03T09:30:00.000Z';

/** A service an actor offers, as `GET /services` lists it (a library's study places unless told otherwise). */
export function buildPartyService(actor: { id: string; name: string }, overrides: Partial<ServiceSummary> = {}): ServiceSummary {
  serviceCount += 1;
  return serviceSummarySchema.parse({
    id: sequentialUuid(7, serviceCount),
    actorId: actor.id,
    type: 'study_places',
    audiences: ['students'],
    description: null,
    conditions: { ageLimit: null, contractRequired: false, bookingLeadTimeDays: null, capacity: null, hours: null, note: null },
    weeklyHours: null,
    confirmedAt: null,
    confirmedBy: null,
    sampleData: false,
    archivedAt: null,
    version: 1,
    createdAt: TIMESTAMP,
    updatedAt: TIMESTAMP,
    actorName: actor.name,
    actorKind: 'public_library',
    actorParentId: null,
    municipalityNumber: null,
    municipalityName: null,
    regionId: null,
    regionName: null,
    ...overrides,
  });
}

/** A coverage answer, parsed with the domain's schema so a mock cannot drift. */
export function buildCoverage(overrides: Partial<Coverage> = {}): Coverage {
  return coverageSchema.parse({
    studyCentres: [],
    municipalities: [],
    gaps: { municipalities: [], libraries: [] },
    summary: { municipalities: 0, coveredMunicipalities: 0, libraries: 0, coveredLibraries: 0, share: 0 },
    ...overrides,
  });
}
