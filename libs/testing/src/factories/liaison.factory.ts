import {
  keyStudentServices,
  liaisonActivitySchema,
  liaisonLibrarySchema,
  liaisonNoteSchema,
  type KeyStudentService,
  type LiaisonActivity,
  type LiaisonLibrary,
  type LiaisonNote,
} from '@kompetansebro/domain';
import { sequentialUuid } from './ids';
import { testMunicipalities } from './reference.factory';

// Liaison view records (issue 8), parsed through the domain's schemas so mocks cannot drift.

let libraryCounter = 0;
let noteCounter = 0;
let activityCounter = 0;

/** A public library in a test municipality offering the given key services. */
export function buildLiaisonLibrary(name: string, municipalityNumber: string, services: readonly KeyStudentService[], overrides: Partial<LiaisonLibrary> = {}): LiaisonLibrary {
  libraryCounter += 1;
  const municipality = testMunicipalities.find((m) => m.number === municipalityNumber);
  return liaisonLibrarySchema.parse({
    id: sequentialUuid(40, libraryCounter),
    name,
    kind: 'public_library',
    parentId: null,
    parentName: null,
    municipalityNumber,
    municipalityName: municipality?.name ?? null,
    regionId: municipality?.regionId ?? null,
    regionName: municipality?.regionName ?? null,
    services: services.map((type, index) => ({ id: sequentialUuid(41, libraryCounter * 10 + index), type, hours: null, weeklyHours: null })),
    ...overrides,
  });
}

export function buildLiaisonNote(overrides: Partial<LiaisonNote> = {}): LiaisonNote {
  noteCounter += 1;
  const at = new Date(Date.UTC(2026, 10, 1, 9, noteCounter)).toISOString();
  return liaisonNoteSchema.parse({
    id: sequentialUuid(42, noteCounter),
    universityId: sequentialUuid(43, 1),
    universityName: 'NTNU Universitetsbiblioteket',
    targetActorId: sequentialUuid(40, 1),
    targetRegionId: null,
    targetName: 'Namsos bibliotek',
    authorName: 'Per Berg',
    authorOrganisationName: 'NTNU Universitetsbiblioteket',
    mine: true,
    body: `Notat ${noteCounter}`,
    version: 1,
    createdAt: at,
    updatedAt: at,
    history: [],
    ...overrides,
  });
}

export function buildLiaisonActivity(overrides: Partial<LiaisonActivity> = {}): LiaisonActivity {
  activityCounter += 1;
  return liaisonActivitySchema.parse({
    id: sequentialUuid(44, activityCounter),
    kind: 'webinar',
    title: `Webinar ${activityCounter}`,
    startDate: '2027-02-02',
    endDate: null,
    startTime: null,
    endTime: null,
    place: null,
    onlineUrl: null,
    organiserName: 'Trøndelag fylkesbibliotek',
    participating: false,
    participants: 2,
    ...overrides,
  });
}

export const allKeyServices: readonly KeyStudentService[] = keyStudentServices;
