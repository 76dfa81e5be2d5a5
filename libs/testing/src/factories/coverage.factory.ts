import { coverageSchema, type Coverage, type ServiceSummary } from '@kompetansebro/domain';
import { buildService } from './service.factory';

/** A service an actor offers, as `GET /services` lists it (a library's study places unless told otherwise). */
export function buildPartyService(actor: { id: string; name: string }, overrides: Partial<ServiceSummary> = {}): ServiceSummary {
  return buildService({ actorId: actor.id, actorName: actor.name, municipalityNumber: null, ...overrides, conditions: { hours: null, ...overrides.conditions } });
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
