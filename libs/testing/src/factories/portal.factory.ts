import { brochureSchema, catchmentRequestSchema, type Brochure, type CatchmentRequest } from '@kompetansebro/domain';
import { sequentialUuid } from './ids';
import { testOrganisations } from './user.factory';

const TIMESTAMP = '2026-02-03T09:30:00.000Z';
let requestCount = 0;

const noConditions = { ageLimit: null, contractRequired: false, bookingLeadTimeDays: null, capacity: null, hours: null, note: null };

/**
 * Namdal studiesenter's brochure: Namsos (main library with self-service study places, and a
 * branch) and Grong (a library without student services) — unless told otherwise.
 */
export function buildBrochure(overrides: Partial<Brochure> = {}): Brochure {
  const namsos = testOrganisations.namsosLibrary;
  return brochureSchema.parse({
    studyCentre: { id: testOrganisations.namdal.id, name: 'Namdal studiesenter', address: null, email: null, phone: null, website: null },
    regionNames: ['Namdal'],
    generatedAt: TIMESTAMP,
    municipalities: [
      {
        number: '5045',
        name: 'Grong',
        libraries: [
          { id: sequentialUuid(8, 1), name: 'Grong bibliotek', kind: 'public_library', parentId: null, address: 'Skolegata 2, 7870 Grong', email: 'bibliotek@grong.kommune.no', phone: '+47 74 31 20 00', website: null, services: [] },
        ],
      },
      {
        number: '5007',
        name: 'Namsos',
        libraries: [
          {
            id: namsos.id,
            name: namsos.name,
            kind: 'public_library',
            parentId: null,
            address: null,
            email: null,
            phone: null,
            website: null,
            services: [
              {
                id: sequentialUuid(8, 101),
                type: 'study_places',
                description: 'Stille lesesal',
                conditions: { ...noConditions, hours: 'self_service', capacity: 40 },
                weeklyHours: 60,
                confirmedAt: '2026-01-15',
              },
            ],
          },
          { id: sequentialUuid(8, 2), name: 'Namdalseid bibliotek', kind: 'library_branch', parentId: namsos.id, address: null, email: null, phone: null, website: null, services: [] },
        ],
      },
    ],
    ...overrides,
  });
}

/** A pending request of Namdal studiesenter to add Steinkjer, unless told otherwise. */
export function buildCatchmentRequest(overrides: Partial<CatchmentRequest> = {}): CatchmentRequest {
  requestCount += 1;
  return catchmentRequestSchema.parse({
    id: sequentialUuid(9, requestCount),
    studyCentreId: testOrganisations.namdal.id,
    studyCentreName: 'Namdal studiesenter',
    add: ['5006'],
    remove: [],
    reason: 'Studentene i Steinkjer bruker oss.',
    status: 'pending',
    decisionNote: null,
    decidedAt: null,
    version: 1,
    createdAt: TIMESTAMP,
    updatedAt: TIMESTAMP,
    ...overrides,
  });
}
