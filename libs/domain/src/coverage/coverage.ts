import { z } from 'zod';
import { serviceTypeSchema, type ServiceType } from '../service/service.schema';
import { inForceOn, isBinding, type AgreementStatus } from '../agreement/agreement-lifecycle';
import { agreementStatusSchema } from '../agreement/agreement-lifecycle.schema';
import { isoDateSchema } from '../common/date.schema';
import { type IsoDate } from '../common/dates';

interface CoverageLibraryInput {
  id: string;
  name: string;
  kind: 'public_library' | 'library_branch';
  municipalityNumber: string;
  parentId: string | null;
  /** The types of the services the library has registered (offered, with or without agreement). */
  offeredServices?: readonly ServiceType[];
}

/** What the rule for "covered" reads of an agreement: its status, dates and parties. */
export interface CoverageAgreementFacts {
  id: string;
  status: AgreementStatus;
  startDate?: IsoDate | null;
  endDate?: IsoDate | null;
  partyActorIds: readonly string[];
}

export interface CoverageAgreementInput extends CoverageAgreementFacts {
  title: string;
  committedServices: ReadonlyArray<{ actorId: string; type: ServiceType }>;
}

const coveringAgreementSchema = z.object({ id: z.uuid(), title: z.string(), status: agreementStatusSchema });

const coverageLibrarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(['public_library', 'library_branch']),
  covered: z.boolean(),
  /** Covered because its main library is party, not itself. */
  coveredThroughMainLibrary: z.boolean(),
  agreements: z.array(coveringAgreementSchema),
  committedServices: z.array(serviceTypeSchema),
  /** The service types the library has registered, agreement or not. */
  offeredServices: z.array(serviceTypeSchema),
  /** Each committed service type with the binding agreement it is committed under. */
  commitments: z.array(z.object({ type: serviceTypeSchema, agreementId: z.uuid(), agreementTitle: z.string() })),
});

const coverageMunicipalitySchema = z.object({
  number: z.string(),
  name: z.string(),
  covered: z.boolean(),
  libraries: z.array(coverageLibrarySchema),
});

export const coverageSchema = z.object({
  /** The day the coverage is for: agreements in force on it count (today unless asked). */
  asOf: isoDateSchema.nullable().optional(),
  studyCentres: z.array(z.object({ id: z.uuid(), name: z.string() })),
  municipalities: z.array(coverageMunicipalitySchema),
  gaps: z.object({
    municipalities: z.array(z.object({ number: z.string(), name: z.string() })),
    libraries: z.array(z.object({ id: z.uuid(), name: z.string(), municipalityNumber: z.string() })),
  }),
  summary: z.object({
    municipalities: z.number().int(),
    coveredMunicipalities: z.number().int(),
    libraries: z.number().int(),
    coveredLibraries: z.number().int(),
    /** Share of municipalities whose main library is covered, 0–1. */
    share: z.number().min(0).max(1),
  }),
});
export type Coverage = z.infer<typeof coverageSchema>;
type CoverageMunicipality = z.infer<typeof coverageMunicipalitySchema>;

/** A region's coverage in short: its figures and the municipalities without agreement (the county's overview). */
export const regionCoverageSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  summary: coverageSchema.shape.summary,
  gaps: z.object({ municipalities: coverageSchema.shape.gaps.shape.municipalities }),
});
export type RegionCoverage = z.infer<typeof regionCoverageSchema>;

/** Every region's coverage in short, in the regions' order, on one day. */
export const regionCoveragesSchema = z.object({
  asOf: isoDateSchema.nullable().optional(),
  items: z.array(regionCoverageSchema),
});
export type RegionCoverages = z.infer<typeof regionCoveragesSchema>;

/** The short form of a region's coverage: what an overview shows of it. */
export function regionCoverageOf(region: { id: string; name: string }, coverage: Coverage): RegionCoverage {
  return { id: region.id, name: region.name, summary: coverage.summary, gaps: { municipalities: coverage.gaps.municipalities } };
}

/** What a coverage question is about, and the agreements that may answer it. */
interface CoverageQuestionInput<A extends CoverageAgreementFacts> {
  studyCentres: ReadonlyArray<{ id: string; name: string }>;
  municipalities: ReadonlyArray<{ number: string; name: string }>;
  libraries: readonly CoverageLibraryInput[];
  agreements: readonly A[];
  /** Count the agreements in force on this day by their dates and status; absent: those binding now (by status). */
  asOf?: IsoDate;
}

/**
 * What "covered" means: a library is covered when it — or, for a branch, its main library — is
 * party to a binding (active or expiring) agreement with the study centre. A municipality is
 * covered when its main library is; a gap is a municipality or library that is not.
 *
 * Each municipality with its libraries (in the input's order), and for each library the binding
 * agreements it is party to itself (`own`) and through its main library (`viaMain`). The
 * agreements are indexed by party once, so a national question is libraries + parties, not
 * libraries × agreements.
 */
function coveringAgreements<A extends CoverageAgreementFacts>(input: CoverageQuestionInput<A>) {
  const centreIds = new Set(input.studyCentres.map((c) => c.id));
  const { asOf } = input;
  const inForce = (a: A) =>
    asOf === undefined ? isBinding(a.status) : inForceOn({ status: a.status, startDate: a.startDate ?? null, endDate: a.endDate ?? null }, asOf);
  const bindingOf = new Map<string, A[]>();
  for (const agreement of input.agreements) {
    if (!inForce(agreement) || !agreement.partyActorIds.some((id) => centreIds.has(id))) continue;
    for (const party of new Set(agreement.partyActorIds)) {
      const list = bindingOf.get(party);
      if (list) list.push(agreement);
      else bindingOf.set(party, [agreement]);
    }
  }
  const agreementsOf = (actorId: string): readonly A[] => bindingOf.get(actorId) ?? [];
  const librariesIn = new Map<string, CoverageLibraryInput[]>();
  for (const library of input.libraries) {
    const list = librariesIn.get(library.municipalityNumber);
    if (list) list.push(library);
    else librariesIn.set(library.municipalityNumber, [library]);
  }
  return input.municipalities.map((municipality) => ({
    municipality,
    libraries: (librariesIn.get(municipality.number) ?? []).map((library) => {
      const own = agreementsOf(library.id);
      const viaMain = library.kind === 'library_branch' && library.parentId ? agreementsOf(library.parentId) : [];
      return { library, own, viaMain, covered: own.length > 0 || viaMain.length > 0 };
    }),
  }));
}

/** A municipality is covered when one of its main libraries is. */
const municipalityCovered = (libraries: ReadonlyArray<{ kind: CoverageLibraryInput['kind']; covered: boolean }>) =>
  libraries.some((l) => l.kind === 'public_library' && l.covered);

/** The figures and gaps of municipalities whose libraries are each covered or not. */
function gapsAndSummary(
  municipalities: ReadonlyArray<{ number: string; name: string; covered: boolean; libraries: ReadonlyArray<{ id: string; name: string; covered: boolean }> }>,
): Pick<Coverage, 'gaps' | 'summary'> {
  const gapLibraries: Array<{ id: string; name: string; municipalityNumber: string }> = [];
  let libraries = 0;
  for (const m of municipalities) {
    for (const l of m.libraries) {
      libraries += 1;
      if (!l.covered) gapLibraries.push({ id: l.id, name: l.name, municipalityNumber: m.number });
    }
  }
  const coveredMunicipalities = municipalities.filter((m) => m.covered).length;
  return {
    gaps: { municipalities: municipalities.filter((m) => !m.covered).map((m) => ({ number: m.number, name: m.name })), libraries: gapLibraries },
    summary: {
      municipalities: municipalities.length,
      coveredMunicipalities,
      libraries,
      coveredLibraries: libraries - gapLibraries.length,
      share: municipalities.length === 0 ? 0 : coveredMunicipalities / municipalities.length,
    },
  };
}

/** The coverage of a catchment area or region: every municipality and library, covered or not (see `coveringAgreements`), with the agreements and services. */
export function computeCoverage(input: CoverageQuestionInput<CoverageAgreementInput>): Coverage {
  const servicesOf = (libraryId: string, agreements: readonly CoverageAgreementInput[]) => [
    ...new Set(agreements.flatMap((a) => a.committedServices.filter((s) => s.actorId === libraryId).map((s) => s.type))),
  ];

  const municipalities: CoverageMunicipality[] = coveringAgreements(input).map(({ municipality, libraries: covering }) => {
    const libraries = covering.map(({ library, own, viaMain, covered }) => {
      const agreements = [...own, ...viaMain.filter((a) => !own.includes(a))];
      return {
        id: library.id,
        name: library.name,
        kind: library.kind,
        covered,
        coveredThroughMainLibrary: own.length === 0 && viaMain.length > 0,
        agreements: agreements.map((a) => ({ id: a.id, title: a.title, status: a.status })),
        committedServices: servicesOf(library.id, own),
        offeredServices: [...new Set(library.offeredServices ?? [])],
        commitments: own.flatMap((a) =>
          [...new Set(a.committedServices.filter((s) => s.actorId === library.id).map((s) => s.type))].map((type) => ({
            type,
            agreementId: a.id,
            agreementTitle: a.title,
          })),
        ),
      };
    });
    return { number: municipality.number, name: municipality.name, covered: municipalityCovered(libraries), libraries };
  });

  return {
    asOf: input.asOf ?? null,
    studyCentres: input.studyCentres.map((c) => ({ id: c.id, name: c.name })),
    municipalities,
    ...gapsAndSummary(municipalities),
  };
}

/**
 * A region's coverage in short, by the same rule as `computeCoverage` (the same answer as
 * `regionCoverageOf(region, computeCoverage(input))`), from the agreements' facts alone: no
 * titles or committed services are needed for figures and gaps.
 */
export function computeRegionCoverage(region: { id: string; name: string }, input: CoverageQuestionInput<CoverageAgreementFacts>): RegionCoverage {
  const municipalities = coveringAgreements(input).map(({ municipality, libraries }) => {
    const covered = libraries.map(({ library, covered }) => ({ id: library.id, name: library.name, kind: library.kind, covered }));
    return { number: municipality.number, name: municipality.name, covered: municipalityCovered(covered), libraries: covered };
  });
  const { summary, gaps } = gapsAndSummary(municipalities);
  return { id: region.id, name: region.name, summary, gaps: { municipalities: gaps.municipalities } };
}

/** The services that matter most to students, in the order the municipality × service matrix shows them. */
const studentServiceTypes: readonly ServiceType[] = [
  'study_places',
  'exam_invigilation',
  'interlibrary_loan',
  'university_loan_pickup',
  'group_rooms',
  'printing_scanning',
  'video_meeting_room',
  'self_service_hours',
];

/** committed: a library gives it under a binding agreement; offered: registered, but under no agreement; none: no library gives it. */
export type ServiceCellStatus = 'committed' | 'offered' | 'none';

interface ServiceCellProvider {
  libraryId: string;
  libraryName: string;
  /** The binding agreements it is committed under; empty when offered without agreement. */
  agreements: ReadonlyArray<{ id: string; title: string }>;
}

interface ServiceCell {
  type: ServiceType;
  status: ServiceCellStatus;
  providers: ServiceCellProvider[];
}

interface ServiceMatrixRow {
  number: string;
  name: string;
  cells: ServiceCell[];
}

/**
 * The municipality × service matrix of a coverage answer: for each municipality and service
 * type, which libraries give it and under which agreement. A cell is "committed" when at least
 * one library there has committed the service in a binding agreement with the study centre,
 * "offered" when a library only offers it, "none" otherwise. Committed providers come first.
 */
export function serviceMatrix(coverage: Pick<Coverage, 'municipalities'>, types: readonly ServiceType[] = studentServiceTypes): ServiceMatrixRow[] {
  return coverage.municipalities.map((municipality) => ({
    number: municipality.number,
    name: municipality.name,
    cells: types.map((type) => {
      const providers: ServiceCellProvider[] = municipality.libraries
        .map((library) => {
          const agreements = library.commitments.filter((c) => c.type === type).map((c) => ({ id: c.agreementId, title: c.agreementTitle }));
          const gives = agreements.length > 0 || library.offeredServices.includes(type) || library.committedServices.includes(type);
          return gives ? { libraryId: library.id, libraryName: library.name, agreements } : null;
        })
        .filter((provider) => provider !== null)
        .sort((a, b) => Number(b.agreements.length > 0) - Number(a.agreements.length > 0));
      const status: ServiceCellStatus = providers.some((p) => p.agreements.length > 0) ? 'committed' : providers.length > 0 ? 'offered' : 'none';
      return { type, status, providers };
    }),
  }));
}
