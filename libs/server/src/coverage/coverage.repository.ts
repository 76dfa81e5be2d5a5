import { sql } from 'kysely';
import { computeCoverage, hasActorId, todayInNorway, type Coverage, type IsoDate } from '@kompetansebro/domain';
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
 * The study centres and municipalities a coverage question is about, as far as the scope reaches:
 * a study centre answers only about itself (its own catchment area), whatever region it names.
 */
async function questionOf(db: Executor, scope: Scope, filter: { region?: string | undefined; studyCentre?: string | undefined }) {
  const question = await unscopedQuestionOf(db, filter);
  const reach = scope.coverageMunicipalities;
  return {
    studyCentres: question.studyCentres.filter((c) => hasActorId(scope.studyCentres, c.id)),
    municipalityNumbers: reach === null ? question.municipalityNumbers : question.municipalityNumbers.filter((n) => reach.includes(n)),
  };
}

async function unscopedQuestionOf(db: Executor, filter: { region?: string | undefined; studyCentre?: string | undefined }) {
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
    const studyCentres = numbers.length
      ? await db
          .selectFrom('actor as a')
          .select(['a.id', 'a.name'])
          .where('a.kind', '=', 'study_centre')
          .where('a.archived_at', 'is', null)
          .where((eb) =>
            eb.exists(eb.selectFrom('catchment_area as c').select('c.study_centre_id').whereRef('c.study_centre_id', '=', 'a.id').where('c.municipality_number', 'in', numbers)),
          )
          .orderBy(sql`a.sort_key collate "C"`)
          .execute()
      : [];
    return { studyCentres, municipalityNumbers: numbers };
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
  const { studyCentres, municipalityNumbers } = await questionOf(db, scope, filter);
  if (municipalityNumbers.length === 0) return computeCoverage({ studyCentres, municipalities: [], libraries: [], agreements: [], asOf });

  const [municipalities, libraries] = await Promise.all([
    db
      .selectFrom('municipality')
      .select(['number', 'name'])
      .where('number', 'in', municipalityNumbers)
      .orderBy(sql`sort_key collate "C"`)
      .execute(),
    db
      .selectFrom('actor')
      .select(['id', 'name', 'kind', 'municipality_number', 'parent_id'])
      .where('kind', 'in', ['public_library', 'library_branch'])
      .where('archived_at', 'is', null)
      .where('municipality_number', 'in', municipalityNumbers)
      .orderBy('kind', 'desc')
      .orderBy(sql`sort_key collate "C"`)
      .execute(),
  ]);

  const libraryIds = libraries.map((l) => l.id);
  // Coverage is about these libraries (a branch also through its main library): an agreement of
  // the study centre that has none of them as a party changes nothing in the answer.
  const partiesAsked = [...new Set([...libraryIds, ...libraries.flatMap((l) => (l.kind === 'library_branch' && l.parent_id ? [l.parent_id] : []))])];
  const centreIds = studyCentres.map((c) => c.id);
  const [offered, agreementRows] = await Promise.all([
    libraryIds.length
      ? db.selectFrom('service').select(['actor_id', 'type']).where('actor_id', 'in', libraryIds).where('archived_at', 'is', null).execute()
      : [],
    centreIds.length && partiesAsked.length
      ? db
          .selectFrom('agreement as ag')
          .select(['ag.id', 'ag.title', 'ag.status', 'ag.start_date', 'ag.end_date'])
          // Those that may be in force on the day (the domain's inForceOn decides, by dates and status).
          .where('ag.status', 'in', ['signed', 'active', 'expiring', 'expired'])
          .where((eb) => eb.or([eb('ag.start_date', 'is', null), eb('ag.start_date', '<=', asOf)]))
          .where((eb) => eb.or([eb('ag.end_date', 'is', null), eb('ag.end_date', '>=', asOf)]))
          .where('ag.id', 'in', (eb) => eb.selectFrom('agreement_party as l').select('l.agreement_id').where('l.actor_id', 'in', partiesAsked))
          .where((eb) =>
            eb.exists(eb.selectFrom('agreement_party as p').select('p.actor_id').whereRef('p.agreement_id', '=', 'ag.id').where('p.actor_id', 'in', centreIds)),
          )
          .execute()
      : [],
  ]);
  const agreementIds = agreementRows.map((a) => a.id);
  const [parties, committed] = agreementIds.length
    ? await Promise.all([
        db.selectFrom('agreement_party').select(['agreement_id', 'actor_id']).where('agreement_id', 'in', agreementIds).execute(),
        db
          .selectFrom('agreement_service as s')
          .innerJoin('service as sv', 'sv.id', 's.service_id')
          .select(['s.agreement_id', 's.actor_id', 'sv.type'])
          .where('s.agreement_id', 'in', agreementIds)
          .execute(),
      ])
    : [[], []];
  const offeredBy = groupedBy(offered, (s) => s.actor_id);
  const partiesOf = groupedBy(parties, (p) => p.agreement_id);
  const committedIn = groupedBy(committed, (s) => s.agreement_id);

  return computeCoverage({
    studyCentres,
    municipalities,
    libraries: libraries.map((l) => ({
      id: l.id,
      name: l.name,
      kind: l.kind as 'public_library' | 'library_branch',
      municipalityNumber: l.municipality_number ?? '',
      parentId: l.parent_id,
      offeredServices: (offeredBy.get(l.id) ?? []).map((s) => s.type),
    })),
    agreements: agreementRows.map((a) => ({
      id: a.id,
      title: a.title,
      status: a.status,
      startDate: a.start_date,
      endDate: a.end_date,
      partyActorIds: (partiesOf.get(a.id) ?? []).map((p) => p.actor_id),
      committedServices: (committedIn.get(a.id) ?? []).map((s) => ({ actorId: s.actor_id, type: s.type })),
    })),
    asOf,
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
