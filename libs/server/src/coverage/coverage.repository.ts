import { sql, type SqlBool } from 'kysely';
import { computeCoverage, hasActorId, regionCoverageOf, todayInNorway, type Coverage, type IsoDate, type RegionCoverages } from '@kompetansebro/domain';
import { DomainRuleError, domainErrorCodes, NotFoundError } from '@kompetansebro/domain';
import { requireVisible, requireWritable, type Scope } from '../auth/visibility';
import type { Executor } from '../persistence/executor';
import { auditedAction, nextVersion, type ExpectedVersion, assertVersionMatches } from '../persistence/versioned-change';
import { groupedBy } from '../persistence/repository-helpers';
import { unknownMunicipalityErrors } from '../reference/reference.repository';

async function catchmentOf(db: Executor, studyCentreIds: readonly string[]): Promise<string[]> {
  if (studyCentreIds.length === 0) return [];
  const rows = await db.selectFrom('catchment_area').select('municipality_number').where('study_centre_id', 'in', studyCentreIds).execute();
  return [...new Set(rows.map((r) => r.municipality_number))];
}

/**
 * `column = any($1)`: a list of ids or municipality numbers as one array parameter, so planning
 * does not grow with the list (every region at national scale asks with thousands).
 */
const anyOf = (column: string, values: readonly string[], type: 'uuid' | 'bpchar') => sql<SqlBool>`${sql.ref(column)} = any(${values}::${sql.raw(type)}[])`;

/** What a coverage question is about: the study centres and the municipalities (their numbers). */
interface Question {
  studyCentres: ReadonlyArray<{ id: string; name: string }>;
  municipalityNumbers: readonly string[];
}

/** The question as far as the scope reaches: a study centre answers only about itself (its own catchment area), whatever region it names. */
function scoped(scope: Scope, question: Question): Question {
  const reach = scope.coverageMunicipalities;
  return {
    studyCentres: question.studyCentres.filter((c) => hasActorId(scope.studyCentres, c.id)),
    municipalityNumbers: reach === null ? question.municipalityNumbers : question.municipalityNumbers.filter((n) => reach.includes(n)),
  };
}

/** The study centres whose catchment area reaches any of the municipalities, in name order. */
function centresReaching(db: Executor, numbers: readonly string[]) {
  return db
    .selectFrom('actor as a')
    .select(['a.id', 'a.name'])
    .where('a.kind', '=', 'study_centre')
    .where('a.archived_at', 'is', null)
    .where((eb) =>
      eb.exists(eb.selectFrom('catchment_area as c').select('c.study_centre_id').whereRef('c.study_centre_id', '=', 'a.id').where('c.municipality_number', 'in', numbers)),
    )
    .orderBy(sql`a.sort_key collate "C"`)
    .execute();
}

async function unscopedQuestionOf(db: Executor, filter: { region?: string | undefined; studyCentre?: string | undefined }): Promise<Question> {
  if (filter.studyCentre) {
    const centre = await db
      .selectFrom('actor')
      .select(['id', 'name'])
      .where('id', '=', filter.studyCentre)
      .where('kind', '=', 'study_centre')
      .executeTakeFirst();
    if (!centre) throw new NotFoundError('study centre');
    return { studyCentres: [centre], municipalityNumbers: await catchmentOf(db, [centre.id]) };
  }
  if (filter.region) {
    const municipalities = await db.selectFrom('municipality').select('number').where('region_id', '=', filter.region).execute();
    if (municipalities.length === 0) {
      const region = await db.selectFrom('region').select('id').where('id', '=', filter.region).executeTakeFirst();
      if (!region) throw new NotFoundError('region');
    }
    const numbers = municipalities.map((m) => m.number);
    return { studyCentres: numbers.length ? await centresReaching(db, numbers) : [], municipalityNumbers: numbers };
  }
  throw new DomainRuleError([{ path: 'query.region', code: 'region_or_study_centre_required', message: 'Name a region or a study centre' }]);
}

/** Coverage of a catchment area: which libraries have a binding agreement with its study centre, and the gaps. */
export async function getCoverage(
  db: Executor,
  scope: Scope,
  filter: { region?: string | undefined; studyCentre?: string | undefined; asOf?: IsoDate | undefined },
): Promise<Coverage> {
  const asOf = filter.asOf ?? todayInNorway();
  // A study centre the scope does not reach is answered as one that does not exist.
  if (filter.studyCentre) requireVisible(hasActorId(scope.studyCentres, filter.studyCentre), 'study centre');
  const [coverage] = await coveragesOf(db, [scoped(scope, await unscopedQuestionOf(db, filter))], asOf);
  return coverage as Coverage;
}

/** Every region's coverage in short (its figures and gaps), as far as the scope reaches, in the regions' order. */
export async function getRegionCoverages(db: Executor, scope: Scope, filter: { asOf?: IsoDate | undefined }): Promise<RegionCoverages> {
  const asOf = filter.asOf ?? todayInNorway();
  const [regions, municipalities] = await Promise.all([
    db.selectFrom('region').select(['id', 'name']).orderBy(sql`sort_key collate "C"`).execute(),
    db.selectFrom('municipality').select(['number', 'region_id']).execute(),
  ]);
  const numbersIn = groupedBy(municipalities, (m) => m.region_id);
  // The centres of every region at once, each with the municipalities its catchment area reaches.
  const reaching = await db
    .selectFrom('actor as a')
    .innerJoin('catchment_area as c', 'c.study_centre_id', 'a.id')
    .select(['a.id', 'a.name', 'c.municipality_number'])
    .where('a.kind', '=', 'study_centre')
    .where('a.archived_at', 'is', null)
    .orderBy(sql`a.sort_key collate "C"`)
    .execute();
  const questions = regions.map((region): Question => {
    const numbers = (numbersIn.get(region.id) ?? []).map((m) => m.number);
    const inRegion = new Set(numbers);
    const centres = new Map<string, { id: string; name: string }>();
    for (const row of reaching) if (inRegion.has(row.municipality_number) && !centres.has(row.id)) centres.set(row.id, { id: row.id, name: row.name });
    return scoped(scope, { studyCentres: [...centres.values()], municipalityNumbers: numbers });
  });
  const coverages = await coveragesOf(db, questions, asOf);
  return { asOf, items: regions.map((region, index) => regionCoverageOf(region, coverages[index] as Coverage)) };
}

/**
 * The coverage answering each question, read in one round for all of them (the rows of every
 * question at once), then each computed by the domain's rule from its own rows.
 */
async function coveragesOf(db: Executor, questions: readonly Question[], asOf: IsoDate): Promise<Coverage[]> {
  const allNumbers = [...new Set(questions.flatMap((q) => q.municipalityNumbers))];
  const allCentreIds = [...new Set(questions.flatMap((q) => q.studyCentres.map((c) => c.id)))];
  const [municipalities, libraries] = allNumbers.length
    ? await Promise.all([
        db
          .selectFrom('municipality')
          .select(['number', 'name'])
          .where(anyOf('number', allNumbers, 'bpchar'))
          .orderBy(sql`sort_key collate "C"`)
          .execute(),
        db
          .selectFrom('actor')
          .select(['id', 'name', 'kind', 'municipality_number', 'parent_id'])
          .where('kind', 'in', ['public_library', 'library_branch'])
          .where('archived_at', 'is', null)
          .where(anyOf('municipality_number', allNumbers, 'bpchar'))
          .orderBy('kind', 'desc')
          .orderBy(sql`sort_key collate "C"`)
          .execute(),
      ])
    : [[], []];

  const libraryIds = libraries.map((l) => l.id);
  // Coverage is about these libraries (a branch also through its main library): an agreement of
  // the study centre that has none of them as a party changes nothing in the answer.
  const partiesOfLibraries = (rows: typeof libraries) => [
    ...new Set([...rows.map((l) => l.id), ...rows.flatMap((l) => (l.kind === 'library_branch' && l.parent_id ? [l.parent_id] : []))]),
  ];
  const partiesAsked = partiesOfLibraries(libraries);
  const [offered, agreementRows] = await Promise.all([
    libraryIds.length
      ? db.selectFrom('service').select(['actor_id', 'type']).where(anyOf('actor_id', libraryIds, 'uuid')).where('archived_at', 'is', null).execute()
      : [],
    allCentreIds.length && partiesAsked.length
      ? db
          .selectFrom('agreement as ag')
          .select(['ag.id', 'ag.title', 'ag.status', 'ag.start_date', 'ag.end_date'])
          // Those that may be in force on the day (the domain's inForceOn decides, by dates and status).
          .where('ag.status', 'in', ['signed', 'active', 'expiring', 'expired'])
          .where((eb) => eb.or([eb('ag.start_date', 'is', null), eb('ag.start_date', '<=', asOf)]))
          .where((eb) => eb.or([eb('ag.end_date', 'is', null), eb('ag.end_date', '>=', asOf)]))
          .where('ag.id', 'in', (eb) => eb.selectFrom('agreement_party as l').select('l.agreement_id').where(anyOf('l.actor_id', partiesAsked, 'uuid')))
          .where((eb) =>
            eb.exists(eb.selectFrom('agreement_party as p').select('p.actor_id').whereRef('p.agreement_id', '=', 'ag.id').where(anyOf('p.actor_id', allCentreIds, 'uuid'))),
          )
          .execute()
      : [],
  ]);
  const agreementIds = agreementRows.map((a) => a.id);
  const [parties, committed] = agreementIds.length
    ? await Promise.all([
        db.selectFrom('agreement_party').select(['agreement_id', 'actor_id']).where(anyOf('agreement_id', agreementIds, 'uuid')).execute(),
        db
          .selectFrom('agreement_service as s')
          .innerJoin('service as sv', 'sv.id', 's.service_id')
          .select(['s.agreement_id', 's.actor_id', 'sv.type'])
          .where(anyOf('s.agreement_id', agreementIds, 'uuid'))
          .execute(),
      ])
    : [[], []];
  const offeredBy = groupedBy(offered, (s) => s.actor_id);
  const partiesOf = groupedBy(parties, (p) => p.agreement_id);
  const committedIn = groupedBy(committed, (s) => s.agreement_id);
  const coverageLibraries = libraries.map((l) => ({
    id: l.id,
    name: l.name,
    kind: l.kind as 'public_library' | 'library_branch',
    municipalityNumber: l.municipality_number ?? '',
    parentId: l.parent_id,
    offeredServices: (offeredBy.get(l.id) ?? []).map((s) => s.type),
  }));
  const coverageAgreements = agreementRows.map((a) => ({
    id: a.id,
    title: a.title,
    status: a.status,
    startDate: a.start_date,
    endDate: a.end_date,
    partyActorIds: (partiesOf.get(a.id) ?? []).map((p) => p.actor_id),
    committedServices: (committedIn.get(a.id) ?? []).map((s) => ({ actorId: s.actor_id, type: s.type })),
  }));

  return questions.map((question) => {
    const numbers = new Set(question.municipalityNumbers);
    const own = libraries.filter((l) => l.municipality_number !== null && numbers.has(l.municipality_number));
    const asked = new Set(partiesOfLibraries(own));
    const centreIds = new Set(question.studyCentres.map((c) => c.id));
    return computeCoverage({
      studyCentres: question.studyCentres,
      municipalities: municipalities.filter((m) => numbers.has(m.number)),
      libraries: coverageLibraries.filter((l) => numbers.has(l.municipalityNumber)),
      // The question's own agreements: with one of its centres and one of its libraries as parties.
      agreements: coverageAgreements.filter((a) => a.partyActorIds.some((id) => asked.has(id)) && a.partyActorIds.some((id) => centreIds.has(id))),
      asOf,
    });
  });
}

export async function getCatchmentArea(db: Executor, scope: Scope, studyCentreId: string): Promise<{ studyCentreId: string; municipalityNumbers: string[] }> {
  requireVisible(hasActorId(scope.studyCentres, studyCentreId), 'study centre');
  const centre = await db.selectFrom('actor').select('id').where('id', '=', studyCentreId).where('kind', '=', 'study_centre').executeTakeFirst();
  if (!centre) throw new NotFoundError('study centre');
  const numbers = await catchmentOf(db, [studyCentreId]);
  return { studyCentreId, municipalityNumbers: numbers.sort() };
}

/** The county sets a study centre's catchment area; it is part of the centre's record (its version moves). */
export async function setCatchmentArea(
  db: Executor,
  scope: Scope,
  studyCentreId: string,
  municipalityNumbers: readonly string[],
  expectedVersion: ExpectedVersion,
  context: { userId: string | null },
): Promise<{ studyCentreId: string; municipalityNumbers: string[]; version: number }> {
  requireVisible(hasActorId(scope.studyCentres, studyCentreId), 'study centre');
  // A catchment area decides what a study centre sees: only the county sets it.
  requireWritable(scope.everything && scope.actors.update.all, 'Only the county sets catchment areas');
  return auditedAction(db, { entity: 'actor', entityId: studyCentreId, action: 'update' }, context, async (trx) => {
    const centre = await trx
      .selectFrom('actor')
      .select(['id', 'version'])
      .where('id', '=', studyCentreId)
      .where('kind', '=', 'study_centre')
      .forUpdate()
      .executeTakeFirst();
    if (!centre) throw new NotFoundError('study centre');
    assertVersionMatches('study centre', centre.version, expectedVersion);
    const wanted = [...new Set(municipalityNumbers)];
    const errors = await unknownMunicipalityErrors(trx, wanted, domainErrorCodes.municipalityNotFound, (index) => `municipalityNumbers.${index}`);
    if (errors.length > 0) throw new DomainRuleError(errors);
    const before = await catchmentOf(trx, [studyCentreId]);
    await trx.deleteFrom('catchment_area').where('study_centre_id', '=', studyCentreId).execute();
    if (wanted.length > 0) {
      await trx.insertInto('catchment_area').values(wanted.map((n) => ({ study_centre_id: studyCentreId, municipality_number: n }))).execute();
    }
    const updated = await trx
      .updateTable('actor')
      .set(nextVersion)
      .where('id', '=', studyCentreId)
      .returning('version')
      .executeTakeFirstOrThrow();
    return {
      result: { studyCentreId, municipalityNumbers: wanted.sort(), version: updated.version },
      audit: { before: { catchmentArea: before.sort() }, after: { catchmentArea: wanted.sort() } },
    };
  });
}
