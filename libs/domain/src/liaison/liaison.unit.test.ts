import { describe, expect, it } from 'vitest';
import {
  groupLibrariesByRegion,
  noteCreateSchema,
  serviceGaps,
  studentCountPeriodSchema,
  studentCountsUpdateSchema,
  studentsWithoutService,
  type LiaisonLibrary,
} from './liaison.schema';

const offer = (services: Partial<Record<string, number>>) => ({
  interlibrary_loan: 0,
  university_loan_pickup: 0,
  exam_invigilation: 0,
  study_places: 0,
  self_service_hours: 0,
  ...services,
});

describe('needs and offer', () => {
  it('finds the key services no library offers where students live', () => {
    expect(serviceGaps({ students: 3, libraries: offer({ interlibrary_loan: 1, study_places: 2 }) })).toEqual([
      'university_loan_pickup',
      'exam_invigilation',
      'self_service_hours',
    ]);
  });

  it('sees no gap where no students live, and none where everything is offered', () => {
    expect(serviceGaps({ students: 0, libraries: offer({}) })).toEqual([]);
    const all = offer({ interlibrary_loan: 1, university_loan_pickup: 1, exam_invigilation: 1, study_places: 1, self_service_hours: 1 });
    expect(serviceGaps({ students: 40, libraries: all })).toEqual([]);
  });

  it('adds up the students without each service', () => {
    const totals = studentsWithoutService([
      { students: 3, libraries: offer({ interlibrary_loan: 1 }) },
      { students: 7, libraries: offer({ university_loan_pickup: 1 }) },
      { students: 100, libraries: offer({}) },
    ]);
    expect(totals).toEqual({ interlibrary_loan: 107, university_loan_pickup: 103, exam_invigilation: 110, study_places: 110, self_service_hours: 110 });
  });
});

describe('student counts', () => {
  it('takes whole numbers of 0 or more, each municipality once', () => {
    expect(studentCountsUpdateSchema.safeParse({ counts: [{ municipalityNumber: '5007', count: 0 }] }).success).toBe(true);
    expect(studentCountsUpdateSchema.safeParse({ counts: [{ municipalityNumber: '5007', count: -1 }] }).success).toBe(false);
    expect(studentCountsUpdateSchema.safeParse({ counts: [{ municipalityNumber: '5007', count: 1.5 }] }).success).toBe(false);
    const duplicate = studentCountsUpdateSchema.safeParse({
      counts: [
        { municipalityNumber: '5007', count: 1 },
        { municipalityNumber: '5007', count: 2 },
      ],
    });
    expect(duplicate.error?.issues[0]?.path).toEqual(['counts', 1, 'municipalityNumber']);
  });

  it('is kept per year or as "current"', () => {
    expect(studentCountPeriodSchema.safeParse('current').success).toBe(true);
    expect(studentCountPeriodSchema.safeParse('2026').success).toBe(true);
    expect(studentCountPeriodSchema.safeParse('neste').success).toBe(false);
    expect(studentCountPeriodSchema.safeParse('1999').success).toBe(false);
  });
});

describe('notes', () => {
  it('are to a library or a region, never both, and never empty', () => {
    const library = '00000000-0000-4000-8000-000000000001';
    expect(noteCreateSchema.safeParse({ target: { actorId: library }, body: 'Hei' }).success).toBe(true);
    expect(noteCreateSchema.safeParse({ target: { actorId: library, regionId: library }, body: 'Hei' }).success).toBe(false);
    expect(noteCreateSchema.safeParse({ target: { actorId: library }, body: '   ' }).success).toBe(false);
  });
});

describe('libraries by region', () => {
  const library = (name: string, regionId: string | null, regionName: string | null): LiaisonLibrary => ({
    id: `00000000-0000-4000-8000-${String(name.length).padStart(12, '0')}`,
    name,
    kind: 'public_library',
    parentId: null,
    parentName: null,
    municipalityNumber: null,
    municipalityName: null,
    regionId,
    regionName,
    services: [],
  });

  it('groups in Norwegian order of the regions, keeping list order inside, those without a region last', () => {
    const groups = groupLibrariesByRegion([
      library('Ørland', 'r-fosen', 'Fosen'),
      library('Utenfor', null, null),
      library('Namsos', 'r-namdal', 'Namdal'),
      library('Åfjord', 'r-fosen', 'Fosen'),
    ]);
    expect(groups.map((g) => [g.regionName, g.libraries.map((l) => l.name)])).toEqual([
      ['Fosen', ['Ørland', 'Åfjord']],
      ['Namdal', ['Namsos']],
      [null, ['Utenfor']],
    ]);
  });
});
