import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '@kompetansebro/db';
import {
  DomainRuleError,
  liaisonErrorCodes,
  NotFoundError,
  type LiaisonNote,
  type NoteCreate,
  type NoteListQuery,
  type NoteThread,
  type NoteThreadListQuery,
  type Page,
} from '@kompetansebro/domain';
import { actorIdInSet, requireVisible, requireWritable, visibleActors, visibleLiaisonNotes, type Scope } from '../auth/visibility';
import type { Executor } from '../persistence/executor';
import { actorNameOf, iso, likePattern, nameOf, pageOf, pageRows, publicLibraryKindLiterals, type ChangeContext } from '../persistence/repository-helpers';
import { auditedCreate, nextVersion, versionedChange, type ExpectedVersion } from '../persistence/versioned-change';

// The university-library liaison (issue 8): the notes of the channels (threads) it is a party
// to, and the subscription to their digest. Every function takes the caller's Scope.

/**
 * The channel of rows aliased `alias` (notes, or their groups) with the region joined as `g`: the
 * university and the library or region it talks with. The actors' names are looked up by key for
 * the rows read; the regions are joined, as a lookup per row scanned them each time (measured
 * with --compare, issue 18).
 */
function channelColumns(alias: 'n' | 'c') {
  const column = <Name extends string>(name: Name) => sql<string | null>`${sql.ref(`${alias}.${name}`)}`.as(name);
  return [
    column('university_id'),
    actorNameOf(`${alias}.university_id`).as('university_name'),
    column('target_actor_id'),
    column('target_region_id'),
    actorNameOf(`${alias}.target_actor_id`).as('target_actor_name'),
    sql<string | null>`g.name`.as('target_region_name'),
  ] as const;
}

/** The channel's fields of an answer (a note, a channel), from its row (channelColumns). */
function channelOf(row: {
  university_id: string | null;
  university_name: string | null;
  target_actor_id: string | null;
  target_region_id: string | null;
  target_actor_name: string | null;
  target_region_name: string | null;
}) {
  return {
    universityId: row.university_id,
    universityName: row.university_name,
    targetActorId: row.target_actor_id,
    targetRegionId: row.target_region_id,
    targetName: row.target_actor_name ?? row.target_region_name ?? '',
  };
}

/** The notes with the names of their channel and author, each looked up by key for the rows read. */
function notesWithContext(db: Executor) {
  return db
    .selectFrom('liaison_note as n')
    .leftJoin('region as g', 'g.id', 'n.target_region_id')
    .select([
      'n.id',
      ...channelColumns('n'),
      'n.author_user_id',
      nameOf('app_user', 'n.author_user_id').as('author_name'),
      actorNameOf('n.author_organisation_id').as('author_organisation_name'),
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
    ...channelOf(r),
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
    if (query.county === 'true') parts.push(eb('n.university_id', 'is', null));
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
  const rows = await pageRows(notesWithContext(db).where(visibleLiaisonNotes(scope, 'n')).where(noteFilters(query)).orderBy('n.created_at', 'desc').orderBy('n.id'), query).execute();
  return { items: await withHistory(db, scope, rows), total: Number(count.total), page: query.page, pageSize: query.pageSize };
}

export async function getNote(db: Executor, scope: Scope, id: string): Promise<LiaisonNote> {
  const row = await notesWithContext(db).where('n.id', '=', id).where(visibleLiaisonNotes(scope, 'n')).executeTakeFirst();
  if (!row) throw new NotFoundError('note');
  const [note] = await withHistory(db, scope, [row]);
  if (!note) throw new NotFoundError('note');
  return note;
}

/**
 * A page of the channels the scope is a party to, latest note first; `q` finds a channel by the
 * name of its university library, library or region.
 */
export async function listThreads(db: Executor, scope: Scope, query: NoteThreadListQuery): Promise<Page<NoteThread>> {
  // The notes are grouped first and the names added to the page's groups after (channelColumns):
  // joining the actors hashed every actor twice, even for a library's two channels.
  const channels = db
    .selectFrom((eb) =>
      eb
        .selectFrom('liaison_note as n')
        .where(visibleLiaisonNotes(scope, 'n'))
        .select((inner) => ['n.university_id', 'n.target_actor_id', 'n.target_region_id', inner.fn.countAll<string>().as('notes'), inner.fn.max('n.created_at').as('last_note_at')])
        .groupBy(['n.university_id', 'n.target_actor_id', 'n.target_region_id'])
        .as('c'),
    )
    .leftJoin('region as g', 'g.id', 'c.target_region_id');
  const pattern = query.q ? likePattern(query.q) : null;
  const filtered = pattern
    ? channels.where((eb) =>
        eb.or([eb(actorNameOf('c.target_actor_id'), 'ilike', pattern), eb('g.name', 'ilike', pattern), eb(actorNameOf('c.university_id'), 'ilike', pattern)]),
      )
    : channels;
  const ordered = filtered
    .select([...channelColumns('c'), 'c.notes', 'c.last_note_at'])
    .orderBy('c.last_note_at', 'desc')
    .orderBy('c.university_id')
    .orderBy('c.target_actor_id')
    .orderBy('c.target_region_id');
  return pageOf(query, filtered, ordered, (r) => ({
    ...channelOf(r),
    notes: Number(r.notes),
    lastNoteAt: iso(r.last_note_at as Date | string),
  }));
}

/**
 * A new note. Who may write where: a liaison in its own library's channels (with any public
 * library or region); a library editor in its library's channels, with a university library it
 * names or with the county (`universityId: null`); the county in any channel (naming it). A
 * channel with the county is always with a library, and no university library writes in it.
 */
export async function createNote(db: Executor, scope: Scope, input: NoteCreate, context: ChangeContext): Promise<LiaisonNote> {
  return auditedCreate(db, {
    entity: 'liaison_note',
    context,
    read: (trx, id) => getNote(trx, scope, id),
    insert: async (trx) => {
      let universityId: string | null;
      if (scope.role === 'university_liaison') {
        requireWritable(input.universityId !== null, 'A channel between a library and the county is theirs alone');
        universityId = scope.organisationId;
      } else if (input.universityId === null) {
        if (!('actorId' in input.target)) {
          throw new DomainRuleError([{ path: 'universityId', code: liaisonErrorCodes.universityNotFound, message: 'A channel with a region is with a university library' }]);
        }
        universityId = null;
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
          .where('a.kind', 'in', publicLibraryKindLiterals)
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

/**
 * The university libraries a channel may be with, by name: whom a library or the county may start
 * a note to. Names only (public facts), for every role that writes notes.
 */
export async function listUniversityLibraries(db: Executor): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('actor').select(['id', 'name']).where('kind', '=', 'university_library').where('archived_at', 'is', null).orderBy('name').execute();
}

/** Only the author edits a note; the text it replaces is kept as a version. */
export async function updateNote(db: Executor, scope: Scope, id: string, body: string, expectedVersion: ExpectedVersion, context: ChangeContext): Promise<LiaisonNote> {
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

