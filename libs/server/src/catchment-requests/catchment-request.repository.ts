import { sql, type Selectable } from 'kysely';
import type { Database } from '@kompetansebro/db';
import {
  applyCatchmentRequest,
  catchmentRequestErrorCodes,
  hasActorId,
  type CatchmentDecision,
  type CatchmentRequest,
  type CatchmentRequestListQuery,
  type FieldError,
} from '@kompetansebro/domain';
import { ConflictError, DomainRuleError, NotFoundError } from '@kompetansebro/domain';
import { actorIdInSet, requireVisible, requireWritable, type Scope } from '../auth/visibility';
import { writeAudit } from '../audit/audit.repository';
import type { Executor } from '../persistence/executor';
import { iso, isoOrNull, type ChangeContext } from '../persistence/repository-helpers';
import { auditedCreate, nextVersion, versionedChange, type ExpectedVersion } from '../persistence/versioned-change';

// A study centre asks; the county decides. The catchment area decides what a study centre
// sees, so the centre never changes it itself: an approved request changes it, in the same
// transaction as the decision.

type Row = Selectable<Database['catchment_request']> & { study_centre_name: string };

function selectRequests(db: Executor) {
  return db
    .selectFrom('catchment_request as r')
    .innerJoin('actor as a', 'a.id', 'r.study_centre_id')
    .selectAll('r')
    .select('a.name as study_centre_name');
}

function toRequest(row: Row): CatchmentRequest {
  return {
    id: row.id,
    studyCentreId: row.study_centre_id,
    studyCentreName: row.study_centre_name,
    add: row.add_numbers,
    remove: row.remove_numbers,
    reason: row.reason,
    status: row.status,
    decisionNote: row.decision_note,
    decidedAt: isoOrNull(row.decided_at),
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

async function readRequest(db: Executor, id: string): Promise<CatchmentRequest> {
  return toRequest(await selectRequests(db).where('r.id', '=', id).executeTakeFirstOrThrow());
}

async function areaOf(db: Executor, studyCentreId: string): Promise<string[]> {
  const rows = await db.selectFrom('catchment_area').select('municipality_number').where('study_centre_id', '=', studyCentreId).execute();
  return rows.map((r) => r.municipality_number).sort();
}

async function requireStudyCentre(db: Executor, scope: Scope, studyCentreId: string): Promise<void> {
  requireVisible(hasActorId(scope.studyCentres, studyCentreId), 'study centre');
  const centre = await db.selectFrom('actor').select('id').where('id', '=', studyCentreId).where('kind', '=', 'study_centre').executeTakeFirst();
  if (!centre) throw new NotFoundError('study centre');
}

/** Requests the scope reaches (the county: all; a study centre: its own), newest first. */
export async function listCatchmentRequests(db: Executor, scope: Scope, query: CatchmentRequestListQuery & { studyCentre?: string | undefined }): Promise<CatchmentRequest[]> {
  let q = selectRequests(db).where(actorIdInSet(scope.studyCentres, 'r.study_centre_id'));
  if (query.status) q = q.where('r.status', '=', query.status);
  if (query.studyCentre) q = q.where('r.study_centre_id', '=', query.studyCentre);
  const rows = await q.orderBy('r.created_at', 'desc').limit(500).execute();
  return rows.map(toRequest);
}

export async function listCatchmentRequestsOf(db: Executor, scope: Scope, studyCentreId: string): Promise<CatchmentRequest[]> {
  await requireStudyCentre(db, scope, studyCentreId);
  return listCatchmentRequests(db, scope, { studyCentre: studyCentreId });
}

/** A new request: every municipality must exist; those to add must be outside the area, those to remove inside. */
export async function createCatchmentRequest(
  db: Executor,
  scope: Scope,
  studyCentreId: string,
  input: { add: string[]; remove: string[]; reason: string },
  context: ChangeContext,
): Promise<CatchmentRequest> {
  await requireStudyCentre(db, scope, studyCentreId);
  const add = [...new Set(input.add)];
  const remove = [...new Set(input.remove)];
  const area = await areaOf(db, studyCentreId);
  const named = [...add, ...remove];
  const known = new Set(
    named.length ? (await db.selectFrom('municipality').select('number').where('number', 'in', named).execute()).map((m) => m.number) : [],
  );
  const errors: FieldError[] = [];
  add.forEach((number, i) => {
    if (!known.has(number)) errors.push({ path: `add.${i}`, code: catchmentRequestErrorCodes.municipalityNotFound, message: 'No municipality has this number' });
    else if (area.includes(number)) errors.push({ path: `add.${i}`, code: catchmentRequestErrorCodes.alreadyInArea, message: 'The municipality is already in the catchment area' });
  });
  remove.forEach((number, i) => {
    if (!area.includes(number)) errors.push({ path: `remove.${i}`, code: catchmentRequestErrorCodes.notInArea, message: 'The municipality is not in the catchment area' });
  });
  if (errors.length > 0) throw new DomainRuleError(errors);

  return auditedCreate(db, {
    entity: 'catchment_request',
    context,
    insert: async (trx) => {
      const created = await trx
        .insertInto('catchment_request')
        .values({ study_centre_id: studyCentreId, add_numbers: JSON.stringify(add), remove_numbers: JSON.stringify(remove), reason: input.reason, requested_by: context.userId })
        .returning('id')
        .executeTakeFirstOrThrow();
      return created.id;
    },
    read: readRequest,
    // The audit log keeps what was asked, not the request as listed.
    toAudit: () => ({ studyCentreId, add, remove, reason: input.reason }),
  });
}

/**
 * The county approves (the catchment area changes, and the study centre's version with it) or
 * rejects a pending request. A request already decided is a 409.
 */
export async function decideCatchmentRequest(
  db: Executor,
  scope: Scope,
  id: string,
  decision: CatchmentDecision,
  expectedVersion: ExpectedVersion,
  context: ChangeContext,
): Promise<CatchmentRequest> {
  requireWritable(scope.everything && scope.actors.update.all, 'Only the county decides catchment-area requests');
  return versionedChange(db, {
    table: 'catchment_request',
    id,
    entity: 'catchment_request',
    label: 'catchment-area request',
    expectedVersion,
    action: 'transition',
    context,
    read: (trx) => readRequest(trx, id),
    write: async (trx, request) => {
      if (request.status !== 'pending') {
        throw new ConflictError(`The request is already ${request.status}`, {
          errors: [{ path: 'decision', code: catchmentRequestErrorCodes.alreadyDecided, message: `The request is already ${request.status}` }],
        });
      }
      if (decision.decision === 'approved') {
        const before = await areaOf(trx, request.studyCentreId);
        const after = applyCatchmentRequest(before, { add: request.add, remove: request.remove });
        await trx.deleteFrom('catchment_area').where('study_centre_id', '=', request.studyCentreId).execute();
        if (after.length > 0) await trx.insertInto('catchment_area').values(after.map((n) => ({ study_centre_id: request.studyCentreId, municipality_number: n }))).execute();
        await trx.updateTable('actor').set(nextVersion).where('id', '=', request.studyCentreId).execute();
        await writeAudit(trx, { userId: context.userId, entity: 'actor', entityId: request.studyCentreId, action: 'update', before: { catchmentArea: before }, after: { catchmentArea: after } });
      }
      await trx
        .updateTable('catchment_request')
        .set({ status: decision.decision, decision_note: decision.note ?? null, decided_by: context.userId, decided_at: sql`now()`, ...nextVersion })
        .where('id', '=', id)
        .execute();
    },
    auditAs: () => ({ before: { status: 'pending' }, after: { status: decision.decision, note: decision.note ?? null } }),
  });
}
