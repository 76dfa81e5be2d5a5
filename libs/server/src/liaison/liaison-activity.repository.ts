import { activitySignUpCancellable, activityTakesSignUps, ConflictError, NotFoundError, todayInNorway, type LiaisonActivity, type LiaisonActivityQuery, type Page } from '@kompetansebro/domain';
import { activityAmongInvolving, actorIdInSet, visibleActivities, type Scope } from '../auth/visibility';
import { activityLastDay } from '../activities/activity.repository';
import type { Executor } from '../persistence/executor';
import { dayPlannedOnce, literalsOf, pageCountedWithRowsOf, pageOf, type ChangeContext } from '../persistence/repository-helpers';
import { auditedAction, nextVersion } from '../persistence/versioned-change';

// The activities a university library (issue 8) or a public library (issue 14) took part in,
// and the county's coming ones it may sign up for and cancel. Every function takes the caller's Scope.

/**
 * Past: the activities the scope's organisations took part in or organised that have ended, the newest ended first.
 * Upcoming: those not ended (coming or running, as activityHasEnded; the running first), and, for
 * a university library or a public library, every such activity the county organises (open to join).
 */
export async function listLiaisonActivities(db: Executor, scope: Scope, query: LiaisonActivityQuery, today = todayInNorway()): Promise<Page<LiaisonActivity>> {
  let selected = liaisonActivities(db, scope);
  if (query.when === 'past') {
    // From the organisation's own activities (a few hundred at most), not the index of end dates: walking every ended activity to find them cost 5 ms (issue 18).
    selected = selected.where(activityLastDay('x'), '<', dayPlannedOnce(today)).where(activityAmongInvolving(scope.activities.read, 'x'));
  } else {
    selected = openToScope(selected, scope).where(activityLastDay('x'), '>=', dayPlannedOnce(today));
  }
  if (query.when === 'past') {
    // The newest ended first (a long course that ended last week before short ones that ended earlier);
    // every one of the organisation's activities is read to sort them, so the same statement counts them.
    const ordered = selected.orderBy(activityLastDay('x'), 'desc').orderBy('x.start_date', 'desc').orderBy('x.id');
    return pageCountedWithRowsOf(query, db.selectFrom(selected.as('selected')), ordered, toLiaisonActivity);
  }
  return pageOf(query, db.selectFrom(selected.as('selected')), selected.orderBy('x.start_date', 'asc').orderBy('x.id'), toLiaisonActivity);
}

function liaisonActivities(db: Executor, scope: Scope) {
  return db
    .selectFrom('activity as x')
    .leftJoin('actor as o', 'o.id', 'x.organiser_id')
    .select((eb) => [
      'x.id',
      'x.kind',
      'x.title',
      'x.start_date',
      'x.end_date',
      'x.start_time',
      'x.end_time',
      'x.place',
      'x.online_url',
      'o.name as organiser_name',
      eb.selectFrom('activity_participant as p').whereRef('p.activity_id', '=', 'x.id').select((e) => e.fn.countAll<string>().as('n')).as('participants'),
      eb
        .exists(eb.selectFrom('activity_participant as p').select('p.actor_id').whereRef('p.activity_id', '=', 'x.id').where(actorIdInSet(scope.activities.read, 'p.actor_id')))
        .as('participating'),
    ]);
}

type LiaisonActivitySelect = ReturnType<typeof liaisonActivities>;
type LiaisonActivityRow = Awaited<ReturnType<LiaisonActivitySelect['executeTakeFirstOrThrow']>>;

/** The activities the scope sees, and for university libraries (issue 8) and public libraries (issue 14) every one the county organises, open to join. */
function openToScope(query: LiaisonActivitySelect, scope: Scope): LiaisonActivitySelect {
  const open = scope.role === 'university_liaison' || scope.role === 'library_editor';
  return query.where((eb) => (open ? eb.or([visibleActivities(scope, 'x'), eb('o.kind', 'in', literalsOf(['county_library', 'county_authority'] as const))]) : visibleActivities(scope, 'x')));
}

function toLiaisonActivity(r: LiaisonActivityRow): LiaisonActivity {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    startDate: r.start_date,
    endDate: r.end_date,
    startTime: r.start_time,
    endTime: r.end_time,
    place: r.place,
    onlineUrl: r.online_url,
    organiserName: r.organiser_name,
    participating: Boolean(r.participating),
    participants: Number(r.participants ?? 0),
  };
}

/**
 * The activity by id, if the scope sees it or may join it, when it still takes the registration:
 * a sign-up until it has ended, a cancellation only before it starts (404, 409).
 */
async function activityToRegister(trx: Executor, scope: Scope, activityId: string, today: string, change: 'join' | 'leave'): Promise<LiaisonActivity> {
  const row = await openToScope(liaisonActivities(trx, scope), scope).where('x.id', '=', activityId).executeTakeFirst();
  if (!row) throw new NotFoundError('activity');
  const activity = toLiaisonActivity(row);
  if (change === 'join' && !activityTakesSignUps(activity, today)) throw new ConflictError('The activity has taken place; only coming or running activities take sign-ups');
  if (change === 'leave' && !activitySignUpCancellable(activity, today)) throw new ConflictError('The activity has started; a sign-up can only be cancelled before its start date');
  return activity;
}

/** The caller's own library (university or public) signs up for a coming or running activity it can see (idempotent). */
export async function joinActivity(db: Executor, scope: Scope, activityId: string, context: ChangeContext, today = todayInNorway()): Promise<LiaisonActivity> {
  return auditedAction(db, { entity: 'activity', entityId: activityId, action: 'update' }, context, async (trx) => {
    const activity = await activityToRegister(trx, scope, activityId, today, 'join');
    const added = await trx
      .insertInto('activity_participant')
      .values({ activity_id: activityId, actor_id: scope.organisationId, head_count: null })
      .onConflict((oc) => oc.doNothing())
      .returning('actor_id')
      .execute();
    if (added.length > 0) await trx.updateTable('activity').set(nextVersion).where('id', '=', activityId).execute();
    const result = { ...activity, participating: true, participants: activity.participants + added.length };
    // Already a participant: nothing changed, nothing to audit.
    return { result, audit: added.length > 0 ? { before: null, after: { participantAdded: scope.organisationId } } : null };
  });
}

/**
 * The caller's own library cancels its sign-up for an activity that has not started (idempotent). Only its own
 * organisation's registration goes; its branches' and other participants' stay.
 */
export async function leaveActivity(db: Executor, scope: Scope, activityId: string, context: ChangeContext, today = todayInNorway()): Promise<LiaisonActivity> {
  return auditedAction(db, { entity: 'activity', entityId: activityId, action: 'update' }, context, async (trx) => {
    const activity = await activityToRegister(trx, scope, activityId, today, 'leave');
    const removed = await trx
      .deleteFrom('activity_participant')
      .where('activity_id', '=', activityId)
      .where('actor_id', '=', scope.organisationId)
      .returning('actor_id')
      .execute();
    if (removed.length > 0) await trx.updateTable('activity').set(nextVersion).where('id', '=', activityId).execute();
    const result = { ...activity, participating: false, participants: activity.participants - removed.length };
    return { result, audit: removed.length > 0 ? { before: { participantRemoved: scope.organisationId }, after: null } : null };
  });
}
