import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '@kompetansebro/db';
import {
  keyStudentServices,
  liaisonErrorCodes,
  todayInNorway,
  type KeyStudentService,
  type LiaisonActivity,
  type LiaisonLibrary,
  type LiaisonNote,
  type LibraryListQuery,
  type Needs,
  type NoteCreate,
  type NoteListQuery,
  type NoteThread,
  type Page,
  type ServiceHours,
  type ServiceType,
  type StudentCountPeriod,
  type StudentCountSet,
  type StudentCountsUpdate,
  type ActivityKind,
} from '@kompetansebro/domain';
import { ConflictError, DomainRuleError, NotFoundError, StaleVersionError } from '@kompetansebro/domain';
import {
  actorIdInSet,
  requireVisible,
  requireWritable,
  visibleActivities,
  visibleActorRecords,
  visibleActors,
  visibleLiaisonNotes,
  type Scope,
} from '../auth/visibility';
import { writeAudit, type Executor } from './audit.repository';
import { auditedCreate, iso, likePattern, lockVersion, nextVersion, versionedChange, type ChangeContext } from './repository-helpers';

// The university-library liaison (issue 8). Every function takes the caller's Scope: the
// libraries it may see, the student counts of its own organisation (the county: any), the
// notes of the channels it is a party to, the activities it may join.

const LIBRARY_KINDS = ['public_library', 'library_branch'] as const;

// ------------------------------------------------------------------------------ libraries

export async function listLibraries(db: Executor, scope: Scope, query: LibraryListQuery): Promise<Page<LiaisonLibrary>> {
  let base = db
    .selectFrom('actor as a')
    .leftJoin('actor as p', 'p.id', 'a.parent_id')
    .leftJoin('municipality as m', 'm.number', 'a.municipality_number')
    .leftJoin('region as r', 'r.id', 'm.region_id')
    .where('a.kind', 'in', LIBRARY_KINDS)
    .where('a.archived_at', 'is', null)
    .where(visibleActors(scope, 'a'));
  if (query.q) {
    const pattern = likePattern(query.q);
    base = base.where((eb) =>
      eb.or([
        eb(sql`a.search_vector`, '@@', sql`websearch_to_tsquery('norwegian', ${query.q})`),
        eb('a.name', 'ilike', pattern),
        eb('m.name', 'ilike', pattern),
      ]),
    );
  }
  if (query.region) base = base.where('m.region_id', '=', query.region);
  if (query.service) {
    const type = query.service;
    base = base.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('service as s')
          .select('s.id')
          .whereRef('s.actor_id', '=', 'a.id')
          .where('s.type', '=', type)
          .where('s.archived_at', 'is', null),
      ),
    );
  }
  const countRow = await base.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .select([
      'a.id',
      'a.name',
      'a.kind',
      'a.parent_id',
      'p.name as parent_name',
      'a.municipality_number',
      'm.name as municipality_name',
      'r.id as region_id',
      'r.name as region_name',
    ])
    .orderBy(sql`r.sort_key collate "C"`, (ob) => ob.asc().nullsLast())
    .orderBy(sql`coalesce(p.sort_key, a.sort_key) collate "C"`)
    // A main library before its branches.
    .orderBy(sql`a.parent_id is not null`)
    .orderBy(sql`a.sort_key collate "C"`)
    .orderBy('a.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();

  const ids = rows.map((r) => r.id);
  const services =
    ids.length === 0
      ? []
      : await db
          .selectFrom('service as s')
          .innerJoin('actor as a', 'a.id', 's.actor_id')
          .select(['s.id', 's.actor_id', 's.type', 's.conditions', 's.weekly_hours'])
          .where('s.actor_id', 'in', ids)
          .where('s.type', 'in', keyStudentServices)
          .where('s.archived_at', 'is', null)
          .where(visibleActorRecords(scope, 'a'))
          .execute();
  const order = (type: string) => keyStudentServices.indexOf(type as KeyStudentService);
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind as LiaisonLibrary['kind'],
      parentId: r.parent_id,
      parentName: r.parent_name,
      municipalityNumber: r.municipality_number,
      municipalityName: r.municipality_name,
      regionId: r.region_id,
      regionName: r.region_name,
      services: services
        .filter((s) => s.actor_id === r.id)
        .sort((x, y) => order(x.type) - order(y.type))
        .map((s) => ({
          id: s.id,
          type: s.type as ServiceType,
          hours: ((s.conditions as { hours?: ServiceHours | null } | null)?.hours ?? null) as ServiceHours | null,
          weeklyHours: s.weekly_hours === null ? null : Number(s.weekly_hours),
        })),
    })),
    total: Number(countRow.total),
    page: query.page,
    pageSize: query.pageSize,
  };
}

// ------------------------------------------------------------------------------ student counts

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
  expectedVersion: number,
  context: ChangeContext,
): Promise<StudentCountSet> {
  return db.transaction().execute(async (trx) => {
    const organisationId = scope.organisationId;
    requireWritable(scope.role === 'university_liaison', 'Only a university library enters its student counts');
    const known = new Set(
      input.counts.length === 0
        ? []
        : (await trx.selectFrom('municipality').select('number').where('number', 'in', input.counts.map((c) => c.municipalityNumber)).execute()).map((m) => m.number),
    );
    const unknown = input.counts.flatMap((c, index) =>
      known.has(c.municipalityNumber)
        ? []
        : [{ path: `counts.${index}.municipalityNumber`, code: liaisonErrorCodes.unknownMunicipality, message: 'No municipality has this number' }],
    );
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
      if (expectedVersion !== 0) {
        throw new StaleVersionError(`The student counts are at version 0; you changed version ${expectedVersion}. Load them again.`);
      }
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

/** Every municipality with the students living there and how many libraries offer each key service. */
export async function getNeeds(db: Executor, scope: Scope, organisation: string | undefined, period: StudentCountPeriod): Promise<Needs> {
  const counts = await getStudentCounts(db, scope, organisation, period);
  const students = new Map(counts.counts.map((c) => [c.municipalityNumber, c.count]));
  const municipalities = await db
    .selectFrom('municipality as m')
    .leftJoin('region as r', 'r.id', 'm.region_id')
    .select(['m.number', 'm.name', 'r.id as region_id', 'r.name as region_name'])
    .orderBy(sql`m.sort_key collate "C"`)
    .execute();
  const offers = await db
    .selectFrom('service as s')
    .innerJoin('actor as a', 'a.id', 's.actor_id')
    .select(['a.municipality_number', 's.type', (eb) => eb.fn.count<string>('a.id').distinct().as('libraries')])
    .where('a.kind', 'in', LIBRARY_KINDS)
    .where('a.archived_at', 'is', null)
    .where('s.archived_at', 'is', null)
    .where('s.type', 'in', keyStudentServices)
    .where(visibleActorRecords(scope, 'a'))
    .groupBy(['a.municipality_number', 's.type'])
    .execute();
  const offered = new Map(offers.map((o) => [`${o.municipality_number}:${o.type}`, Number(o.libraries)]));
  return {
    organisationId: counts.organisationId,
    period,
    municipalities: municipalities.map((m) => ({
      municipalityNumber: m.number,
      municipalityName: m.name,
      regionId: m.region_id,
      regionName: m.region_name,
      students: students.get(m.number) ?? 0,
      libraries: Object.fromEntries(keyStudentServices.map((service) => [service, offered.get(`${m.number}:${service}`) ?? 0])) as Record<
        KeyStudentService,
        number
      >,
    })),
  };
}

// ------------------------------------------------------------------------------ notes

function notesWithContext(db: Executor) {
  return db
    .selectFrom('liaison_note as n')
    .innerJoin('actor as u', 'u.id', 'n.university_id')
    .leftJoin('actor as t', 't.id', 'n.target_actor_id')
    .leftJoin('region as g', 'g.id', 'n.target_region_id')
    .leftJoin('app_user as w', 'w.id', 'n.author_user_id')
    .leftJoin('actor as o', 'o.id', 'n.author_organisation_id')
    .select([
      'n.id',
      'n.university_id',
      'u.name as university_name',
      'n.target_actor_id',
      'n.target_region_id',
      't.name as target_actor_name',
      'g.name as target_region_name',
      'n.author_user_id',
      'w.name as author_name',
      'o.name as author_organisation_name',
      'n.body',
      'n.version',
      'n.created_at',
      'n.updated_at',
    ]);
}

async function withHistory(db: Executor, scope: Scope, rows: Awaited<ReturnType<ReturnType<typeof notesWithContext>['execute']>>): Promise<LiaisonNote[]> {
  const ids = rows.map((r) => r.id);
  const versions =
    ids.length === 0
      ? []
      : await db
          .selectFrom('liaison_note_version as v')
          .leftJoin('app_user as e', 'e.id', 'v.edited_by')
          .select(['v.note_id', 'v.version', 'v.body', 'v.edited_at', 'e.name as edited_by'])
          .where('v.note_id', 'in', ids)
          .orderBy('v.version')
          .execute();
  return rows.map((r) => ({
    id: r.id,
    universityId: r.university_id,
    universityName: r.university_name,
    targetActorId: r.target_actor_id,
    targetRegionId: r.target_region_id,
    targetName: r.target_actor_name ?? r.target_region_name ?? '',
    authorName: r.author_name,
    authorOrganisationName: r.author_organisation_name,
    mine: r.author_user_id !== null && r.author_user_id === scope.userId,
    body: r.body,
    version: r.version,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    history: versions.filter((v) => v.note_id === r.id).map((v) => ({ version: v.version, body: v.body, editedAt: iso(v.edited_at), editedBy: v.edited_by })),
  }));
}

type NoteFilterBuilder = ExpressionBuilder<Database & { n: Database['liaison_note'] }, 'n'>;

function noteFilters(query: NoteListQuery) {
  return (eb: NoteFilterBuilder): Expression<SqlBool> => {
    const parts: Expression<SqlBool>[] = [];
    if (query.university) parts.push(eb('n.university_id', '=', query.university));
    if (query.actor) parts.push(eb('n.target_actor_id', '=', query.actor));
    if (query.region) parts.push(eb('n.target_region_id', '=', query.region));
    if (query.q) parts.push(eb('n.body', 'ilike', likePattern(query.q)));
    return eb.and(parts);
  };
}

export async function listNotes(db: Executor, scope: Scope, query: NoteListQuery): Promise<Page<LiaisonNote>> {
  const count = await db
    .selectFrom('liaison_note as n')
    .where(visibleLiaisonNotes(scope, 'n'))
    .where(noteFilters(query))
    .select((eb) => eb.fn.countAll<string>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await notesWithContext(db)
    .where(visibleLiaisonNotes(scope, 'n'))
    .where((eb) => noteFilters(query)(eb as unknown as NoteFilterBuilder))
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { items: await withHistory(db, scope, rows), total: Number(count.total), page: query.page, pageSize: query.pageSize };
}

export async function getNote(db: Executor, scope: Scope, id: string): Promise<LiaisonNote> {
  const row = await notesWithContext(db).where('n.id', '=', id).where(visibleLiaisonNotes(scope, 'n')).executeTakeFirst();
  if (!row) throw new NotFoundError('note');
  const [note] = await withHistory(db, scope, [row]);
  if (!note) throw new NotFoundError('note');
  return note;
}

/** The channels the scope is a party to, latest activity first. */
export async function listThreads(db: Executor, scope: Scope): Promise<NoteThread[]> {
  const rows = await db
    .selectFrom('liaison_note as n')
    .innerJoin('actor as u', 'u.id', 'n.university_id')
    .leftJoin('actor as t', 't.id', 'n.target_actor_id')
    .leftJoin('region as g', 'g.id', 'n.target_region_id')
    .where(visibleLiaisonNotes(scope, 'n'))
    .select((eb) => [
      'n.university_id',
      'u.name as university_name',
      'n.target_actor_id',
      'n.target_region_id',
      't.name as target_actor_name',
      'g.name as target_region_name',
      eb.fn.countAll<string>().as('notes'),
      eb.fn.max('n.created_at').as('last_note_at'),
    ])
    .groupBy(['n.university_id', 'u.name', 'n.target_actor_id', 'n.target_region_id', 't.name', 'g.name'])
    .orderBy('last_note_at', 'desc')
    .execute();
  return rows.map((r) => ({
    universityId: r.university_id,
    universityName: r.university_name,
    targetActorId: r.target_actor_id,
    targetRegionId: r.target_region_id,
    targetName: r.target_actor_name ?? r.target_region_name ?? '',
    notes: Number(r.notes),
    lastNoteAt: iso(r.last_note_at as Date | string),
  }));
}

/**
 * A new note. Who may write where: a liaison in its own library's channels (with any public
 * library or region); a library editor in its library's channels (naming the university
 * library); the county in any channel (naming it).
 */
export async function createNote(db: Executor, scope: Scope, input: NoteCreate, context: ChangeContext): Promise<LiaisonNote> {
  return auditedCreate(db, {
    entity: 'liaison_note',
    context,
    read: (trx, id) => getNote(trx, scope, id),
    insert: async (trx) => {
      let universityId: string;
      if (scope.role === 'university_liaison') {
        universityId = scope.organisationId;
      } else {
        const named = input.universityId
          ? await trx.selectFrom('actor').select('id').where('id', '=', input.universityId).where('kind', '=', 'university_library').executeTakeFirst()
          : undefined;
        if (!named) throw new DomainRuleError([{ path: 'universityId', code: liaisonErrorCodes.universityNotFound, message: 'Name the university library the channel is with' }]);
        universityId = named.id;
      }
      if ('actorId' in input.target) {
        const actorId = input.target.actorId;
        const target = await trx
          .selectFrom('actor as a')
          .select('a.id')
          .where('a.id', '=', actorId)
          .where('a.kind', 'in', LIBRARY_KINDS)
          .where(visibleActors(scope, 'a'))
          .executeTakeFirst();
        if (!target) throw new DomainRuleError([{ path: 'target.actorId', code: liaisonErrorCodes.targetNotFound, message: 'No public library has this id' }]);
        if (scope.role === 'library_editor') {
          const own = await trx.selectFrom('actor as a').select('a.id').where('a.id', '=', actorId).where(actorIdInSet(scope.actors.update, 'a.id')).executeTakeFirst();
          requireWritable(own !== undefined, 'You write only in the channels of your own library');
        }
      } else {
        requireWritable(scope.role !== 'library_editor', 'A channel with a region is between the university library and the county');
        const region = await trx.selectFrom('region').select('id').where('id', '=', input.target.regionId).executeTakeFirst();
        if (!region) throw new DomainRuleError([{ path: 'target.regionId', code: liaisonErrorCodes.targetNotFound, message: 'No region has this id' }]);
      }
      const inserted = await trx
        .insertInto('liaison_note')
        .values({
          university_id: universityId,
          target_actor_id: 'actorId' in input.target ? input.target.actorId : null,
          target_region_id: 'regionId' in input.target ? input.target.regionId : null,
          author_user_id: context.userId,
          author_organisation_id: scope.organisationId,
          body: input.body,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return inserted.id;
    },
  });
}

/** Only the author edits a note; the text it replaces is kept as a version. */
export async function updateNote(db: Executor, scope: Scope, id: string, body: string, expectedVersion: number, context: ChangeContext): Promise<LiaisonNote> {
  return versionedChange(db, {
    table: 'liaison_note',
    id,
    entity: 'liaison_note',
    label: 'note',
    checkReach: async (trx) => {
      const row = await trx.selectFrom('liaison_note as n').select(['n.author_user_id']).where('n.id', '=', id).where(visibleLiaisonNotes(scope, 'n')).executeTakeFirst();
      requireVisible(row !== undefined, 'note');
      requireWritable(row?.author_user_id === context.userId && context.userId !== null, 'Only the author edits a note');
    },
    read: (trx) => getNote(trx, scope, id),
    expectedVersion,
    context,
    action: 'update',
    write: async (trx, before) => {
      // The text it replaces is kept as a version.
      await trx
        .insertInto('liaison_note_version')
        .values({ note_id: id, version: before.version, body: before.body, edited_at: new Date(), edited_by: context.userId })
        .execute();
      await trx.updateTable('liaison_note').set({ body, ...nextVersion }).where('id', '=', id).execute();
    },
  });
}

export async function getDigestSubscription(db: Executor, userId: string): Promise<boolean> {
  const row = await db.selectFrom('liaison_digest_subscription').select('user_id').where('user_id', '=', userId).executeTakeFirst();
  return row !== undefined;
}

/**
 * Opting in counts from now: notes written before are marked delivered, so the first digest
 * holds only what is new.
 */
export async function setDigestSubscription(db: Executor, scope: Scope, userId: string, subscribed: boolean): Promise<boolean> {
  await db.transaction().execute(async (trx) => {
    if (!subscribed) {
      await trx.deleteFrom('liaison_digest_subscription').where('user_id', '=', userId).execute();
      return;
    }
    const added = await trx.insertInto('liaison_digest_subscription').values({ user_id: userId }).onConflict((oc) => oc.doNothing()).returning('user_id').execute();
    if (added.length === 0) return;
    await trx
      .insertInto('liaison_digest_delivery')
      .columns(['user_id', 'note_id'])
      .expression(trx.selectFrom('liaison_note as n').select([sql<string>`${userId}::uuid`.as('user_id'), 'n.id as note_id']).where(visibleLiaisonNotes(scope, 'n')))
      .onConflict((oc) => oc.doNothing())
      .execute();
  });
  return subscribed;
}

// ------------------------------------------------------------------------------ activities

/**
 * Past: the activities the scope's organisations took part in or organised. Upcoming: those,
 * and, for a university library, every coming activity the county organises (open to join).
 */
export async function listLiaisonActivities(db: Executor, scope: Scope, when: 'upcoming' | 'past', today = todayInNorway()): Promise<LiaisonActivity[]> {
  let query = db
    .selectFrom('activity as x')
    .leftJoin('actor as o', 'o.id', 'x.organiser_id')
    .select((eb) => [
      'x.id',
      'x.kind',
      'x.title',
      'x.start_date',
      'x.end_date',
      'o.name as organiser_name',
      eb.selectFrom('activity_participant as p').whereRef('p.activity_id', '=', 'x.id').select((e) => e.fn.countAll<string>().as('n')).as('participants'),
      eb
        .exists(eb.selectFrom('activity_participant as p').select('p.actor_id').whereRef('p.activity_id', '=', 'x.id').where(actorIdInSet(scope.activities.read, 'p.actor_id')))
        .as('participating'),
    ]);
  if (when === 'past') {
    query = query.where('x.start_date', '<', today).where(visibleActivities(scope, 'x')).orderBy('x.start_date', 'desc');
  } else {
    // Only a university library is offered the county's coming activities to join (issue 8).
    const open = scope.role === 'university_liaison';
    query = query
      .where('x.start_date', '>=', today)
      .where((eb) => (open ? eb.or([visibleActivities(scope, 'x'), eb('o.kind', 'in', ['county_library', 'county_authority'])]) : visibleActivities(scope, 'x')))
      .orderBy('x.start_date', 'asc');
  }
  const rows = await query.orderBy('x.id').limit(200).execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as ActivityKind,
    title: r.title,
    startDate: r.start_date,
    endDate: r.end_date,
    organiserName: r.organiser_name,
    participating: Boolean(r.participating),
    participants: Number(r.participants ?? 0),
  }));
}

/** The liaison's own library joins a coming activity it can see (idempotent). */
export async function joinActivity(db: Executor, scope: Scope, activityId: string, context: ChangeContext, today = todayInNorway()): Promise<LiaisonActivity> {
  return db.transaction().execute(async (trx) => {
    const upcoming = await listLiaisonActivities(trx, scope, 'upcoming', today);
    const activity = upcoming.find((a) => a.id === activityId);
    if (!activity) {
      const exists = await trx.selectFrom('activity as x').select('x.id').where('x.id', '=', activityId).where(visibleActivities(scope, 'x')).executeTakeFirst();
      if (exists) throw new ConflictError('The activity has taken place; only coming activities take registrations');
      throw new NotFoundError('activity');
    }
    const added = await trx
      .insertInto('activity_participant')
      .values({ activity_id: activityId, actor_id: scope.organisationId, head_count: null })
      .onConflict((oc) => oc.doNothing())
      .returning('actor_id')
      .execute();
    if (added.length > 0) {
      await trx.updateTable('activity').set(nextVersion).where('id', '=', activityId).execute();
      await writeAudit(trx, {
        userId: context.userId,
        entity: 'activity',
        entityId: activityId,
        action: 'update',
        before: null,
        after: { participantAdded: scope.organisationId },
      });
    }
    return { ...activity, participating: true, participants: activity.participants + added.length };
  });
}

export const keyServiceOrder = (type: KeyStudentService) => keyStudentServices.indexOf(type);
