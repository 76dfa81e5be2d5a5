import { sql, type SqlBool } from 'kysely';
import {
  computeCoverage,
  computeRegionCoverage,
  hasActorId,
  todayInNorway,
  type AgreementStatus,
  type Coverage,
  type CoverageAgreementInput,
  type IsoDate,
  type RegionCoverages,
} from '@kompetansebro/domain';
import { DomainRuleError, domainErrorCodes, NotFoundError } from '@kompetansebro/domain';
import { requireVisible, requireWritable, type Scope } from '../auth/visibility';
import type { Executor } from '../persistence/executor';
import { auditedAction, nextVersion, type ExpectedVersion, assertVersionMatches } from '../persistence/versioned-change';
import { groupedBy, oneOfPlannedOnce, publicLibraryKindLiterals } from '../persistence/repository-helpers';
import { unknownMunicipalityErrors } from '../reference/reference.repository';

async function catchmentOf(db: Executor, studyCentreIds: readonly string[]): Promise<string[]> {
  if (studyCentreIds.length === 0) return [];
  const rows = await db.selectFrom('catchment_area').select('municipality_number').where('study_centre_id', 'in', studyCentreIds).execute();
  return [...new Set(rows.map((r) => r.municipality_number))];
}

/** Up to this many values, a list is looked up value by value in the column's index. */
const LOOKED_UP_VALUES = 64;

/**
 * A list of ids or municipality numbers as one array parameter, so planning does not grow with the
 * list. A long one is joined (hashed), `column in (select unnest($1))`, rather than compared
 * element by element on every row: the national overview asks with every municipality
 * (`= any($1)` compared ~1,350 libraries with 357 numbers each: 20 ms on PGlite). A short one
 * (one region's or catchment area's) is looked up in the column's index (oneOfPlannedOnce),
 * instead of reading every library or service to hash them against it (a centre's libraries:
 * PostgreSQL 0.35 → 0.1 ms), with one plan for every such list.
 */
const anyOf = (column: string, values: readonly string[], type: 'uuid' | 'bpchar') =>
  values.length <= LOOKED_UP_VALUES ? oneOfPlannedOnce(column, values, type) : sql<SqlBool>`${sql.ref(column)} in (select unnest(${values}::${sql.raw(type)}[]))`;

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
  const [facts] = await coverageFactsOf(db, [scoped(scope, await unscopedQuestionOf(db, filter))], asOf, { detail: true });
  return computeCoverage(facts as NonNullable<typeof facts>);
}

/** Every region's coverage in short (its figures and gaps), as far as the scope reaches, in the regions' order. */
export async function getRegionCoverages(db: Executor, scope: Scope, filter: { asOf?: IsoDate | undefined }): Promise<RegionCoverages> {
  const asOf = filter.asOf ?? todayInNorway();
  const [regions, municipalities] = await Promise.all([
    db.selectFrom('region').select(['id', 'name']).orderBy(sql`sort_key collate "C"`).execute(),
    db.selectFrom('municipality').select(['number', 'name', 'region_id']).orderBy(sql`sort_key collate "C"`).execute(),
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
  const facts = await coverageFactsOf(db, questions, asOf, { detail: false, municipalities });
  return { asOf, items: regions.map((region, index) => computeRegionCoverage(region, facts[index] as NonNullable<(typeof facts)[number]>)) };
}

/** The libraries of a question (a branch also through its main library): the parties that can cover them. */
const partiesOfLibraries = (libraries: ReadonlyArray<{ id: string; kind: string; parent_id: string | null }>) => [
  ...new Set([...libraries.map((l) => l.id), ...libraries.flatMap((l) => (l.kind === 'library_branch' && l.parent_id ? [l.parent_id] : []))]),
];

/** Each question's parties as (question, actor) pairs: its libraries and main libraries, its centres. */
interface AskedParties {
  libraryQuestion: number[];
  library: string[];
  centreQuestion: number[];
  centre: string[];
}

/**
 * The agreements that may be in force on the day (the domain's inForceOn decides, by dates and
 * status) between one of a question's libraries and one of its centres, in title order: one row
 * per question, agreement and such pair of parties. The libraries' parties and the centres'
 * parties are each read from the index of parties apart, then joined on the question and the
 * agreement (a region: PostgreSQL 1.9 → 0.3 ms). Apart, because the planner, knowing the arrays'
 * lengths, otherwise paired every library of a region with every agreement of the region's centres
 * first: for every region at once 560,000 rows, 220 ms on the embedded database (whose one thread
 * every other request waits for) against 45–70 ms. One question keeps each side materialised; for
 * many, each side is a fenced subquery (`offset 0`), which the embedded database reads faster than
 * materialised tens of thousands of rows (67 → 45 ms).
 */
function agreementPairsOf(db: Executor, asked: AskedParties, asOf: IsoDate, options: { detail: boolean; oneQuestion: boolean }) {
  const libraries = sql`unnest(${asked.libraryQuestion}::int4[], ${asked.library}::uuid[]) as lp(q, actor_id)`;
  const centres = sql`unnest(${asked.centreQuestion}::int4[], ${asked.centre}::uuid[]) as cq(q, actor_id)`;
  const columns = sql`l.q, ag.id, ${options.detail ? sql`ag.title, ` : sql``}ag.status, ag.start_date, ag.end_date, l.actor_id as library_id, c.actor_id as centre_id`;
  const librariesParties = sql`select lp.q, p.agreement_id, p.actor_id from ${libraries} join agreement_party p on p.actor_id = lp.actor_id`;
  const centresParties = sql`select cq.q, p.agreement_id, p.actor_id from ${centres} join agreement_party p on p.actor_id = cq.actor_id`;
  const pairs = options.oneQuestion
    ? sql`with l as materialized (${librariesParties}), c as materialized (${centresParties})
          select ${columns} from l join c on c.q = l.q and c.agreement_id = l.agreement_id`
    : sql`select ${columns} from (${librariesParties} offset 0) as l
          join (${centresParties} offset 0) as c on c.q = l.q and c.agreement_id = l.agreement_id`;
  return sql<{ q: number; id: string; title: string | undefined; status: AgreementStatus; start_date: IsoDate | null; end_date: IsoDate | null; library_id: string; centre_id: string }>`
      ${pairs}
      join agreement ag on ag.id = l.agreement_id
      where ag.status in ('signed', 'active', 'expiring', 'expired')
        and (ag.start_date is null or ag.start_date <= ${asOf}::date)
        and (ag.end_date is null or ag.end_date >= ${asOf}::date)
      order by ag.sort_key collate "C", ag.id`
    .execute(db)
    .then((r) => r.rows);
}

/**
 * What the domain's rule needs to answer each question, read in one round for all of them: the
 * municipalities and libraries, and each question's own agreements — those that may be in force
 * on the day with one of its study centres and one of its libraries (or a branch's main library)
 * as parties. SQL pairs them per question, so a national overview reads the few hundred
 * agreements that matter to a region's own centres, not every agreement in force with every
 * party. `detail` adds what the full answer shows: titles, committed and offered services.
 */
async function coverageFactsOf(
  db: Executor,
  questions: readonly Question[],
  asOf: IsoDate,
  options: { detail: boolean; /** Every municipality in order, when already read. */ municipalities?: ReadonlyArray<{ number: string; name: string }> },
) {
  const { detail } = options;
  const allNumbers = [...new Set(questions.flatMap((q) => q.municipalityNumbers))];
  const [municipalities, libraries] = allNumbers.length
    ? await Promise.all([
        options.municipalities ??
          db
            .selectFrom('municipality')
            .select(['number', 'name'])
            .where(anyOf('number', allNumbers, 'bpchar'))
            .orderBy(sql`sort_key collate "C"`)
            .execute(),
        db
          .selectFrom('actor')
          .select(['id', 'name', 'kind', 'municipality_number', 'parent_id'])
          .where('kind', 'in', publicLibraryKindLiterals)
          .where('archived_at', 'is', null)
          .where(anyOf('municipality_number', allNumbers, 'bpchar'))
          // The full answer lists each municipality's libraries, main library first; figures need no order.
          .$if(detail, (qb) => qb.orderBy('kind', 'desc').orderBy(sql`sort_key collate "C"`))
          .execute(),
      ])
    : [[], []];
  // Each question's municipalities in their order, and its libraries (grouped by municipality, as the rule reads them).
  const municipalitiesOf = questions.map((question) => {
    const numbers = new Set(question.municipalityNumbers);
    return municipalities.filter((m) => numbers.has(m.number));
  });
  const librariesIn = groupedBy(libraries, (l) => l.municipality_number);
  const ownLibraries = municipalitiesOf.map((own) => own.flatMap((m) => librariesIn.get(m.number) ?? []));
  const asked: AskedParties = { libraryQuestion: [], library: [], centreQuestion: [], centre: [] };
  questions.forEach((question, index) => {
    if (question.studyCentres.length === 0) return;
    for (const id of partiesOfLibraries(ownLibraries[index] ?? [])) {
      asked.libraryQuestion.push(index);
      asked.library.push(id);
    }
    for (const centre of question.studyCentres) {
      asked.centreQuestion.push(index);
      asked.centre.push(centre.id);
    }
  });
  const libraryIds = libraries.map((l) => l.id);
  const [offered, agreementRows] = await Promise.all([
    detail && libraryIds.length
      ? db.selectFrom('service').select(['actor_id', 'type']).where(anyOf('actor_id', libraryIds, 'uuid')).where('archived_at', 'is', null).execute()
      : [],
    asked.library.length ? agreementPairsOf(db, asked, asOf, { detail, oneQuestion: questions.length === 1 }) : [],
  ]);
  const agreementIds = [...new Set(agreementRows.map((a) => a.id))];
  const committed =
    detail && agreementIds.length
      ? await db
          .selectFrom('agreement_service as s')
          .innerJoin('service as sv', 'sv.id', 's.service_id')
          .select(['s.agreement_id', 's.actor_id', 'sv.type'])
          .where(anyOf('s.agreement_id', agreementIds, 'uuid'))
          .execute()
      : [];
  const offeredBy = groupedBy(offered, (s) => s.actor_id);
  const committedIn = groupedBy(committed, (s) => s.agreement_id);
  const coverageLibraryOf = (l: (typeof libraries)[number]) => ({
    id: l.id,
    name: l.name,
    kind: l.kind as 'public_library' | 'library_branch',
    municipalityNumber: l.municipality_number ?? '',
    parentId: l.parent_id,
    offeredServices: (offeredBy.get(l.id) ?? []).map((s) => s.type),
  });
  // Each question's agreements, in title order, each with the parties that matter to the question.
  const agreementsOf = questions.map(() => new Map<string, CoverageAgreementInput & { partyActorIds: string[] }>());
  for (const row of agreementRows) {
    const own = agreementsOf[row.q] as Map<string, CoverageAgreementInput & { partyActorIds: string[] }>;
    const agreement = own.get(row.id);
    if (agreement) agreement.partyActorIds.push(row.library_id, row.centre_id);
    else
      own.set(row.id, {
        id: row.id,
        title: row.title ?? '',
        status: row.status,
        startDate: row.start_date,
        endDate: row.end_date,
        partyActorIds: [row.library_id, row.centre_id],
        committedServices: (committedIn.get(row.id) ?? []).map((s) => ({ actorId: s.actor_id, type: s.type })),
      });
  }
  return questions.map((question, index) => ({
    studyCentres: question.studyCentres,
    municipalities: municipalitiesOf[index] ?? [],
    libraries: (ownLibraries[index] ?? []).map(coverageLibraryOf),
    agreements: [...(agreementsOf[index]?.values() ?? [])],
    asOf,
  }));
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
