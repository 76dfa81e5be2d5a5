import { ConflictError, NotFoundError, todayInNorway, type LiaisonActivity } from '@kompetansebro/domain';
import { actorIdInSet, visibleActivities, type Scope } from '../auth/visibility';
import type { Executor } from '../persistence/executor';
import type { ChangeContext } from '../persistence/repository-helpers';
import { auditedAction, nextVersion } from '../persistence/versioned-change';

// The university-library liaison (issue 8): the activities it took part in and those it may
// join. Every function takes the caller's Scope.

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
    kind: r.kind,
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
  return auditedAction(db, { entity: 'activity', entityId: activityId, action: 'update' }, context, async (trx) => {
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
    if (added.length > 0) await trx.updateTable('activity').set(nextVersion).where('id', '=', activityId).execute();
    const result = { ...activity, participating: true, participants: activity.participants + added.length };
    // Already a participant: nothing changed, nothing to audit.
    return { result, audit: added.length > 0 ? { before: null, after: { participantAdded: scope.organisationId } } : null };
  });
}
