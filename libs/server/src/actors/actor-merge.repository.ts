import { sql, type Transaction } from 'kysely';
import type { Database } from '@kompetansebro/db';
import { ConflictError, DomainRuleError, NotFoundError, domainErrorCodes, type ActorDetail } from '@kompetansebro/domain';
import { requireWritable, type Scope } from '../auth/visibility';
import { writeAudit } from '../audit/audit.repository';
import type { Executor } from '../persistence/executor';
import type { ChangeContext } from '../persistence/repository-helpers';
import { nextVersion, versionedChange, type ExpectedVersion } from '../persistence/versioned-change';
import { getActor } from './actor.repository';

/**
 * Every column that refers to an actor, and — where the column is part of a key — the other
 * columns of that key: a row of the duplicate whose key the kept actor has already (both are
 * party to the same agreement, members of the same user, …) is the same fact twice and goes;
 * every other row moves. `actor-merge.int.test.ts` checks this list against the database's
 * foreign keys, so a new reference cannot be forgotten.
 */
export const actorReferences: readonly { table: keyof Database; column: string; key?: readonly string[] }[] = [
  { table: 'actor', column: 'parent_id' },
  { table: 'service', column: 'actor_id' },
  { table: 'contact', column: 'actor_id' },
  { table: 'agreement_party', column: 'actor_id', key: ['agreement_id'] },
  { table: 'agreement_service', column: 'actor_id' },
  { table: 'activity', column: 'organiser_id' },
  { table: 'activity_participant', column: 'actor_id', key: ['activity_id'] },
  { table: 'initiative', column: 'owner_id' },
  { table: 'initiative', column: 'funder_id' },
  { table: 'plan_item', column: 'responsible_actor_id' },
  { table: 'mobility_count', column: 'actor_id', key: ['school_year', 'category'] },
  { table: 'catchment_area', column: 'study_centre_id', key: ['municipality_number'] },
  { table: 'catchment_request', column: 'study_centre_id' },
  { table: 'membership', column: 'organisation_id', key: ['user_id'] },
  { table: 'user_session', column: 'organisation_id' },
  { table: 'student_count_set', column: 'organisation_id', key: ['period'] },
  { table: 'liaison_note', column: 'university_id' },
  { table: 'liaison_note', column: 'target_actor_id' },
  { table: 'liaison_note', column: 'author_organisation_id' },
  { table: 'survey_recipient', column: 'actor_id', key: ['survey_id'] },
  { table: 'agreement_amendment_party', column: 'actor_id', key: ['amendment_id'] },
  { table: 'liaison_note_read', column: 'organisation_id', key: ['note_id'] },
  { table: 'photo', column: 'actor_id' },
  // One timetable per actor, keyed by the actor's id: the kept actor's own hours win.
  { table: 'opening_hours', column: 'id', key: [] },
  // One calendar feed per organisation: the kept actor's own link wins.
  { table: 'calendar_feed', column: 'organisation_id', key: [] },
];

/** How many rows of each table.column moved to the kept actor, and how many were the same fact twice. */
export interface MergeCounts {
  moved: Record<string, number>;
  droppedAsDuplicates: Record<string, number>;
}

async function moveReferences(trx: Transaction<Database>, keepId: string, duplicateId: string): Promise<MergeCounts> {
  const counts: MergeCounts = { moved: {}, droppedAsDuplicates: {} };
  await moveSurveyRecipients(trx, keepId, duplicateId, counts);
  for (const reference of actorReferences) {
    if (reference.table === 'survey_recipient') continue;
    const name = `${reference.table}.${reference.column}`;
    const table = sql.table(reference.table);
    const column = sql.ref(reference.column);
    if (reference.key) {
      const sameKey =
        reference.key.length === 0
          ? sql`true`
          : sql.join(
              reference.key.map((k) => sql`k.${sql.ref(k)} = d.${sql.ref(k)}`),
              sql` and `,
            );
      const dropped = await sql`
        delete from ${table} d where d.${column} = ${duplicateId}
        and exists (select 1 from ${table} k where k.${column} = ${keepId} and ${sameKey})`.execute(trx);
      if (Number(dropped.numAffectedRows ?? 0) > 0) counts.droppedAsDuplicates[name] = Number(dropped.numAffectedRows);
    }
    const moved = await sql`update ${table} set ${column} = ${keepId} where ${column} = ${duplicateId}`.execute(trx);
    if (Number(moved.numAffectedRows ?? 0) > 0) counts.moved[name] = Number(moved.numAffectedRows);
  }
  return counts;
}

/**
 * A survey recipient's tokens refer to it by (survey, actor), so its row is copied rather than
 * changed: the kept actor gets the duplicate's recipient rows of the surveys it was not sent, the
 * tokens follow, and the duplicate's rows go (with the tokens of surveys both were sent).
 */
async function moveSurveyRecipients(trx: Transaction<Database>, keepId: string, duplicateId: string, counts: MergeCounts): Promise<void> {
  const copied = await sql<{ survey_id: string }>`
    insert into survey_recipient (survey_id, actor_id, email, mailed_at, reminded_at, answered_at, answered_by)
    select survey_id, ${keepId}, email, mailed_at, reminded_at, answered_at, answered_by from survey_recipient d
    where d.actor_id = ${duplicateId}
      and not exists (select 1 from survey_recipient k where k.actor_id = ${keepId} and k.survey_id = d.survey_id)
    returning survey_id`.execute(trx);
  const surveys = copied.rows.map((r) => r.survey_id);
  if (surveys.length > 0) {
    await trx.updateTable('survey_token').set({ actor_id: keepId }).where('actor_id', '=', duplicateId).where('survey_id', 'in', surveys).execute();
  }
  const removed = await trx.deleteFrom('survey_recipient').where('actor_id', '=', duplicateId).executeTakeFirst();
  const name = 'survey_recipient.actor_id';
  if (surveys.length > 0) counts.moved[name] = surveys.length;
  const dropped = Number(removed.numDeletedRows) - surveys.length;
  if (dropped > 0) counts.droppedAsDuplicates[name] = dropped;
}

/** The fields the kept actor lacks and the duplicate has: they are taken over. */
const fillable = ['short_name', 'organisation_number', 'library_number', 'municipality_number', 'address', 'website', 'email', 'phone', 'description'] as const;

/**
 * Merges the duplicate into the kept actor (If-Match: the kept actor's version): every reference
 * to the duplicate moves to the kept actor, the kept actor takes over the fields it lacks, and
 * the duplicate is archived. Both histories get an entry saying so. The county's alone.
 */
export async function mergeActors(
  db: Executor,
  scope: Scope,
  keepId: string,
  duplicateId: string,
  expectedVersion: ExpectedVersion,
  context: ChangeContext,
): Promise<ActorDetail> {
  requireWritable(scope.actors.update.all, 'Only the county merges actors');
  if (keepId === duplicateId) {
    throw new DomainRuleError([{ path: 'duplicateId', code: domainErrorCodes.mergeWithSelf, message: 'An actor cannot be merged with itself' }]);
  }
  let counts: MergeCounts = { moved: {}, droppedAsDuplicates: {} };
  let duplicateBefore: ActorDetail | undefined;
  return versionedChange(db, {
    table: 'actor',
    id: keepId,
    entity: 'actor',
    expectedVersion,
    context,
    action: 'merge',
    read: (trx) => getActor(trx, scope, keepId),
    write: async (trx, keep) => {
      const locked = await sql<{ id: string }>`select id from actor where id = ${duplicateId} for update`.execute(trx);
      if (locked.rows.length === 0) throw new NotFoundError('actor', 'No actor has the id given as duplicateId');
      duplicateBefore = await getActor(trx, scope, duplicateId);
      if (keep.archivedAt !== null) throw new ConflictError('The actor to keep is archived; restore it first');
      if (duplicateBefore.archivedAt !== null) throw new ConflictError('The duplicate is archived already');
      if (keep.kind !== duplicateBefore.kind) {
        throw new ConflictError(`Only actors of the same kind are merged (${keep.kind}, ${duplicateBefore.kind})`);
      }
      if (keep.parentId === duplicateId) throw new ConflictError('The actor to keep belongs to the duplicate; move it first');
      counts = await moveReferences(trx, keepId, duplicateId);
      await trx.updateTable('actor').set({ archived_at: sql<Date>`now()`, ...nextVersion }).where('id', '=', duplicateId).execute();
      const row = await trx.selectFrom('actor').select(fillable).where('id', '=', duplicateId).executeTakeFirstOrThrow();
      const kept = await trx.selectFrom('actor').select(fillable).where('id', '=', keepId).executeTakeFirstOrThrow();
      const takenOver = Object.fromEntries(fillable.filter((f) => kept[f] === null && row[f] !== null).map((f) => [f, row[f]]));
      await trx.updateTable('actor').set({ ...takenOver, ...nextVersion }).where('id', '=', keepId).execute();
      const duplicateAfter = await getActor(trx, scope, duplicateId);
      await writeAudit(trx, {
        userId: context.userId,
        entity: 'actor',
        entityId: duplicateId,
        action: 'merge',
        before: duplicateBefore,
        after: { ...duplicateAfter, mergedInto: { id: keepId, name: keep.name }, ...counts },
      });
    },
    auditAs: (before, after) => ({ before, after: { ...after, mergedFrom: { id: duplicateId, name: duplicateBefore?.name ?? null }, ...counts } }),
  });
}
