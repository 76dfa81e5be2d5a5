import { describe, expect, it } from 'vitest';
import { computeCoverage, type CoverageAgreementInput } from './coverage';

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
