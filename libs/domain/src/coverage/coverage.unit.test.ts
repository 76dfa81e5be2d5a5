import { describe, expect, it } from 'vitest';
import { computeCoverage, serviceMatrix, type CoverageAgreementInput } from './coverage';

const CENTRE = { id: '00000000-0000-4000-8000-0000000000c1', name: 'Namdal studiesenter' };
const OTHER_CENTRE = '00000000-0000-4000-8000-0000000000c2';
const NAMSOS = { id: '00000000-0000-4000-8000-000000000001', name: 'Namsos bibliotek', kind: 'public_library' as const, municipalityNumber: '5007', parentId: null };
const BRANCH = { id: '00000000-0000-4000-8000-000000000002', name: 'Namdalseid bibliotek', kind: 'library_branch' as const, municipalityNumber: '5007', parentId: NAMSOS.id };
const GRONG = { id: '00000000-0000-4000-8000-000000000003', name: 'Grong bibliotek', kind: 'public_library' as const, municipalityNumber: '5045', parentId: null };

const municipalities = [
  { number: '5007', name: 'Namsos' },
  { number: '5045', name: 'Grong' },
];

function agreement(status: CoverageAgreementInput['status'], parties: string[]): CoverageAgreementInput {
  return {
    id: '00000000-0000-4000-8000-0000000000a1',
    title: 'Samarbeidsavtale',
    status,
    partyActorIds: parties,
    committedServices: [{ actorId: NAMSOS.id, type: 'study_places' }, { actorId: NAMSOS.id, type: 'exam_invigilation' }],
  };
}

const coverage = (agreements: CoverageAgreementInput[]) =>
  computeCoverage({ studyCentres: [CENTRE], municipalities, libraries: [NAMSOS, BRANCH, GRONG], agreements });

describe('coverage of a catchment area', () => {
  it('has every municipality and library as a gap without agreements', () => {
    const result = coverage([]);
    expect(result.gaps.municipalities.map((m) => m.name)).toEqual(['Namsos', 'Grong']);
    expect(result.summary).toEqual({ municipalities: 2, coveredMunicipalities: 0, libraries: 3, coveredLibraries: 0, share: 0 });
  });

  it('covers a library party to an active agreement with the study centre, its branches through it', () => {
    const result = coverage([agreement('active', [CENTRE.id, NAMSOS.id])]);
    const namsos = result.municipalities.find((m) => m.number === '5007');
    expect(namsos?.covered).toBe(true);
    expect(namsos?.libraries.find((l) => l.id === NAMSOS.id)).toMatchObject({ covered: true, committedServices: ['study_places', 'exam_invigilation'] });
    expect(namsos?.libraries.find((l) => l.id === BRANCH.id)).toMatchObject({ covered: true, coveredThroughMainLibrary: true });
    expect(result.gaps.municipalities.map((m) => m.name)).toEqual(['Grong']);
    expect(result.summary.share).toBe(0.5);
  });

  it('counts only binding agreements (active, expiring), and only with this study centre', () => {
    for (const status of ['draft', 'negotiating', 'signed', 'expired', 'terminated'] as const) {
      expect(coverage([agreement(status, [CENTRE.id, NAMSOS.id])]).summary.coveredLibraries).toBe(0);
    }
    expect(coverage([agreement('expiring', [CENTRE.id, NAMSOS.id])]).summary.coveredLibraries).toBe(2);
    expect(coverage([agreement('active', [OTHER_CENTRE, NAMSOS.id])]).summary.coveredLibraries).toBe(0);
  });
});

describe('the municipality × service matrix', () => {
  const withOffers = (agreements: CoverageAgreementInput[]) =>
    computeCoverage({
      studyCentres: [CENTRE],
      municipalities,
      libraries: [
        { ...NAMSOS, offeredServices: ['study_places', 'exam_invigilation', 'printing_scanning'] },
        { ...BRANCH, offeredServices: ['study_places'] },
        { ...GRONG, offeredServices: ['interlibrary_loan'] },
      ],
      agreements,
    });

  it('names the agreement a committed service is given under, and the library that only offers one', () => {
    const rows = serviceMatrix(withOffers([agreement('active', [CENTRE.id, NAMSOS.id])]), ['study_places', 'printing_scanning', 'group_rooms', 'interlibrary_loan']);
    const [namsos, grong] = rows;
    expect(namsos?.cells.map((c) => c.status)).toEqual(['committed', 'offered', 'none', 'none']);
    // The main library's commitment first; the branch offers study places too, without agreement.
    expect(namsos?.cells[0]?.providers).toEqual([
      { libraryId: NAMSOS.id, libraryName: 'Namsos bibliotek', agreements: [{ id: '00000000-0000-4000-8000-0000000000a1', title: 'Samarbeidsavtale' }] },
      { libraryId: BRANCH.id, libraryName: 'Namdalseid bibliotek', agreements: [] },
    ]);
    expect(namsos?.cells[1]?.providers).toEqual([{ libraryId: NAMSOS.id, libraryName: 'Namsos bibliotek', agreements: [] }]);
    expect(grong?.cells.map((c) => c.status)).toEqual(['none', 'none', 'none', 'offered']);
  });

  it('counts a commitment only while its agreement binds', () => {
    const rows = serviceMatrix(withOffers([agreement('signed', [CENTRE.id, NAMSOS.id])]), ['study_places', 'exam_invigilation']);
    expect(rows[0]?.cells.map((c) => c.status)).toEqual(['offered', 'offered']);
    expect(rows[0]?.cells[1]?.providers[0]?.agreements).toEqual([]);
  });
});
