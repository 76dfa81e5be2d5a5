import { describe, expect, it } from 'vitest';
import { inForceOn } from '../agreement/agreement-lifecycle';
import { computeCoverage, computeRegionCoverage, regionCoverageOf, serviceMatrix, type CoverageAgreementInput } from './coverage';

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

/** The rule as it was first written (every library filters every agreement): the indexed rule must answer the same. */
function coverageByFiltering(input: Parameters<typeof computeCoverage>[0]) {
  const centreIds = new Set(input.studyCentres.map((c) => c.id));
  const binding = input.agreements.filter(
    (a) => inForceOn({ status: a.status, startDate: a.startDate ?? null, endDate: a.endDate ?? null }, input.asOf as string) && a.partyActorIds.some((id) => centreIds.has(id)),
  );
  const agreementsOf = (libraryId: string) => binding.filter((a) => a.partyActorIds.includes(libraryId));
  const municipalities = input.municipalities.map((municipality) => {
    const libraries = input.libraries
      .filter((l) => l.municipalityNumber === municipality.number)
      .map((library) => {
        const own = agreementsOf(library.id);
        const viaMain = library.kind === 'library_branch' && library.parentId ? agreementsOf(library.parentId) : [];
        const agreements = [...own, ...viaMain.filter((a) => !own.includes(a))];
        return {
          id: library.id,
          covered: agreements.length > 0,
          coveredThroughMainLibrary: own.length === 0 && viaMain.length > 0,
          agreements: agreements.map((a) => a.id),
        };
      });
    const mainLibraries = input.libraries.filter((l) => l.municipalityNumber === municipality.number && l.kind === 'public_library');
    return { number: municipality.number, covered: libraries.some((l) => l.covered && mainLibraries.some((main) => main.id === l.id)), libraries };
  });
  return municipalities;
}

/** A region with many municipalities, libraries, branches and agreements of every status, drawn from a fixed seed. */
function generatedRegion(seed: number) {
  let state = seed;
  const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  let next = 1000;
  const centres = [0, 1, 2].map(() => ({ id: id(next++), name: 'Senter' }));
  const municipalities = Array.from({ length: 20 }, (_, i) => ({ number: String(5000 + i), name: `Kommune ${i}` }));
  const libraries: Array<Parameters<typeof computeCoverage>[0]['libraries'][number]> = [];
  for (const m of municipalities) {
    const main = { id: id(next++), name: 'Hovedbibliotek', kind: 'public_library' as const, municipalityNumber: m.number, parentId: null };
    libraries.push(main);
    for (let b = Math.floor(random() * 3); b > 0; b--) {
      // Now and then a branch of a main library in another municipality.
      const parent = random() < 0.2 ? pick(libraries.filter((l) => l.kind === 'public_library')).id : main.id;
      libraries.push({ id: id(next++), name: 'Filial', kind: 'library_branch', municipalityNumber: m.number, parentId: parent });
    }
  }
  const days = ['2024-01-01', '2025-06-30', '2026-12-31', null] as const;
  const agreements: CoverageAgreementInput[] = Array.from({ length: 150 }, () => {
    const parties = new Set([pick([...centres.map((c) => c.id), id(999)]), pick(libraries).id]);
    if (random() < 0.3) parties.add(pick(libraries).id);
    return {
      id: id(next++),
      title: 'Avtale',
      status: pick(['draft', 'negotiating', 'signed', 'active', 'expiring', 'expired', 'terminated'] as const),
      startDate: pick(days),
      endDate: pick([...days, '2099-01-01']),
      partyActorIds: [...parties],
      committedServices: [],
    };
  });
  return { studyCentres: centres.slice(0, 2), municipalities, libraries, agreements, asOf: '2025-06-30' };
}

describe('coverage at scale', () => {
  it('answers as every library filtering every agreement would, for generated regions', () => {
    for (const seed of [1, 7, 42, 2026]) {
      const input = generatedRegion(seed);
      const result = computeCoverage(input);
      expect(
        result.municipalities.map((m) => ({
          number: m.number,
          covered: m.covered,
          libraries: m.libraries.map((l) => ({ id: l.id, covered: l.covered, coveredThroughMainLibrary: l.coveredThroughMainLibrary, agreements: l.agreements.map((a) => a.id) })),
        })),
      ).toEqual(coverageByFiltering(input));
      expect(result.summary.coveredLibraries).toBeGreaterThan(0);
      expect(result.gaps.libraries.length).toBeGreaterThan(0);
    }
  });

  it("gives a region's figures and gaps from the agreements' facts as the full coverage gives them", () => {
    const region = { id: '00000000-0000-4000-8000-0000000000f1', name: 'Namdal' };
    for (const seed of [3, 11, 99]) {
      const input = generatedRegion(seed);
      const facts = input.agreements.map(({ id, status, startDate, endDate, partyActorIds }) => ({ id, status, startDate, endDate, partyActorIds }));
      expect(computeRegionCoverage(region, { ...input, agreements: facts })).toEqual(regionCoverageOf(region, computeCoverage(input)));
    }
  });
});
