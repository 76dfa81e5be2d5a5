import { sql } from 'kysely';
import {
  publicLibraryKinds,
  DomainRuleError,
  keyStudentServices,
  liaisonErrorCodes,
  StaleVersionError,
  type KeyStudentService,
  type Municipality,
  type Needs,
  type StudentCountPeriod,
  type StudentCountSet,
  type StudentCountsUpdate,
} from '@kompetansebro/domain';
import { holdsEveryActorOf, requireVisible, requireWritable, type Scope } from '../auth/visibility';
import { writeAudit } from '../audit/audit.repository';
import type { Executor } from '../persistence/executor';
import { iso, type ChangeContext } from '../persistence/repository-helpers';
import { lockVersion, nextVersion, type ExpectedVersion, assertVersionMatches } from '../persistence/versioned-change';
import { unknownMunicipalityErrors } from '../reference/reference.repository';

// The university-library liaison (issue 8): the student counts of its own organisation (the
// county: any), and the needs they add up to. Every function takes the caller's Scope.

/**
 * Whose counts a request is about: a liaison's own organisation (asking for another's is
 * answered as if there were none: 404); the county names the organisation (400 without one).
 */
export function countsOwner(scope: Scope, organisation: string | undefined): string {
  if (scope.everything) {
    if (!organisation) throw new DomainRuleError([{ path: 'organisation', code: 'required', message: 'Name the university organisation whose counts you want' }]);
    return organisation;
  }
  const owner = organisation ?? scope.organisationId;
  requireVisible(owner === scope.organisationId, 'student counts');
  return owner;
}

export async function getStudentCounts(db: Executor, scope: Scope, organisation: string | undefined, period: StudentCountPeriod): Promise<StudentCountSet> {
  const organisationId = countsOwner(scope, organisation);
  const set = await db
    .selectFrom('student_count_set')
    .select(['id', 'version', 'updated_at'])
    .where('organisation_id', '=', organisationId)
    .where('period', '=', period)
    .executeTakeFirst();
  if (!set) return { organisationId, period, counts: [], version: 0, updatedAt: null };
  const counts = await db
    .selectFrom('student_count as c')
    .innerJoin('municipality as m', 'm.number', 'c.municipality_number')
    .select(['c.municipality_number', 'c.count'])
    .where('c.set_id', '=', set.id)
    .orderBy(sql`m.sort_key collate "C"`)
    .execute();
  return {
    organisationId,
    period,
    counts: counts.map((c) => ({ municipalityNumber: c.municipality_number, count: c.count })),
    version: set.version,
    updatedAt: iso(set.updated_at),
  };
}

/**
 * Replaces the liaison's own counts for a period. Version 0 (If-Match "0") creates the set;
 * a stale version is 412 and nothing is written.
 */
export async function saveStudentCounts(
  db: Executor,
  scope: Scope,
  period: StudentCountPeriod,
  input: StudentCountsUpdate,
  expectedVersion: ExpectedVersion,
  context: ChangeContext,
): Promise<StudentCountSet> {
  return db.transaction().execute(async (trx) => {
    const organisationId = scope.organisationId;
    requireWritable(scope.role === 'university_liaison', 'Only a university library enters its student counts');
    const numbers = input.counts.map((c) => c.municipalityNumber);
    const unknown = await unknownMunicipalityErrors(trx, numbers, liaisonErrorCodes.unknownMunicipality, (index) => `counts.${index}.municipalityNumber`);
    if (unknown.length > 0) throw new DomainRuleError(unknown);

    const before = await getStudentCounts(trx, scope, organisationId, period);
    let setId: string;
    const existing = await trx.selectFrom('student_count_set').select('id').where('organisation_id', '=', organisationId).where('period', '=', period).executeTakeFirst();
    if (existing) {
      await lockVersion(trx, 'student_count_set', existing.id, expectedVersion, 'student counts', async () => undefined);
      await trx.updateTable('student_count_set').set(nextVersion).where('id', '=', existing.id).execute();
      await trx.deleteFrom('student_count').where('set_id', '=', existing.id).execute();
      setId = existing.id;
    } else {
      assertVersionMatches('student counts', 0, expectedVersion);
      // Two first saves at once: the unique key lets one in; the other is stale.
      const inserted = await trx
        .insertInto('student_count_set')
        .values({ organisation_id: organisationId, period })
        .onConflict((oc) => oc.columns(['organisation_id', 'period']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) throw new StaleVersionError('Someone saved these student counts first. Load them again.');
      setId = inserted.id;
    }
    const rows = input.counts.filter((c) => c.count > 0);
    if (rows.length > 0) {
      await trx
        .insertInto('student_count')
        .values(rows.map((c) => ({ set_id: setId, municipality_number: c.municipalityNumber, count: c.count })))
        .execute();
    }
    const after = await getStudentCounts(trx, scope, organisationId, period);
    await writeAudit(trx, { userId: context.userId, entity: 'student_counts', entityId: setId, action: existing ? 'update' : 'create', before: existing ? before : null, after });
    return after;
  });
}

const noLibraries = () => Object.fromEntries(keyStudentServices.map((service) => [service, 0])) as Record<KeyStudentService, number>;

/**
 * Every municipality with the students living there and how many libraries offer each key service.
 * `everyMunicipality` gives the municipalities in order (reference.repository.ts: reused reference data).
 */
export async function getNeeds(
  db: Executor,
  scope: Scope,
  organisation: string | undefined,
  period: StudentCountPeriod,
  everyMunicipality: () => Promise<Municipality[]>,
): Promise<Needs> {
  // The tally counts every library; a role that reads needs sees them all (county, university libraries).
  requireVisible(holdsEveryActorOf(scope.actorRecords.read, publicLibraryKinds), 'needs');
  const [counts, municipalities, offers] = await Promise.all([
    getStudentCounts(db, scope, organisation, period),
    everyMunicipality(),
    // Kept by the database (library_service_tally).
    db.selectFrom('library_service_tally').select(['municipality_number', 'service_type', 'libraries']).where('service_type', 'in', keyStudentServices).execute(),
  ]);
  const students = new Map(counts.counts.map((c) => [c.municipalityNumber, c.count]));
  // One record per municipality, filled in one pass over the counts (a key per pair and an
  // object built from entries for each of ~400 municipalities cost a millisecond per request).
  const offered = new Map<string, Record<KeyStudentService, number>>();
  for (const o of offers) {
    let libraries = offered.get(o.municipality_number);
    if (!libraries) offered.set(o.municipality_number, (libraries = noLibraries()));
    libraries[o.service_type as KeyStudentService] = o.libraries;
  }
  // The municipalities no library serves share one record of zeros (it is only serialised).
  const none = noLibraries();
  return {
    organisationId: counts.organisationId,
    period,
    municipalities: municipalities.map((m) => ({
      municipalityNumber: m.number,
      municipalityName: m.name,
      regionId: m.regionId,
      regionName: m.regionName,
      students: students.get(m.number) ?? 0,
      libraries: offered.get(m.number) ?? none,
    })),
  };
}

