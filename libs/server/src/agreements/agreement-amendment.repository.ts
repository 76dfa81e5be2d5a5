import { sql } from 'kysely';
import {
  AMENDABLE_STATUSES,
  amendmentOf,
  assertNoViolations,
  ConflictError,
  mayAcceptFor,
  NotFoundError,
  partyViolations,
  type AgreementAmendment,
  type AgreementDetail,
  type AmendmentRequest,
  type FieldError,
} from '@kompetansebro/domain';
import type { Transaction } from 'kysely';
import type { Database } from '@kompetansebro/db';
import { requireWritable, type Scope } from '../auth/visibility';
import type { Executor } from '../persistence/executor';
import type { ChangeContext } from '../persistence/repository-helpers';
import { nextVersion, versionedChange, type ExpectedVersion } from '../persistence/versioned-change';
import { agreementRecord, answerRecord } from './agreement.repository';

// Amendments of a signed agreement (issue 13): proposed by whoever may change the agreement,
// with what changes and why; in force — applied to the agreement — when every party it touches
// has accepted it, each for its own organisation. One is proposed at a time (the database keeps it so).

/** The services each party names must be its own, and in use (400 naming `services.i.serviceIds.j`). */
async function serviceViolations(db: Executor, agreement: AgreementDetail, request: AmendmentRequest): Promise<FieldError[]> {
  const entries = request.services ?? [];
  const ids = [...new Set(entries.flatMap((e) => e.serviceIds))];
  const found = ids.length ? await db.selectFrom('service').select(['id', 'actor_id']).where('id', 'in', ids).where('archived_at', 'is', null).execute() : [];
  const parties = new Set(agreement.parties.map((p) => p.actorId));
  return partyViolations(
    entries.filter((e) => parties.has(e.actorId)),
    parties,
    found.map((s) => ({ id: s.id, actorId: s.actor_id })),
  ).map((error) => ({ ...error, path: error.path.replace(/^parties\./, 'services.') }));
}

/** Proposes an amendment (If-Match on the agreement): 409 before signing, after the end, or with one waiting already. */
export async function proposeAmendment(
  db: Executor,
  scope: Scope,
  id: string,
  request: AmendmentRequest,
  expectedVersion: ExpectedVersion,
  context: ChangeContext,
): Promise<AgreementDetail> {
  return versionedChange(db, {
    ...agreementRecord(scope, id),
    expectedVersion,
    context,
    action: 'update',
    write: async (trx, before) => {
      const { changes, touched, errors } = amendmentOf(before, request);
      if (before.amendments.some((a) => a.status === 'proposed')) throw new ConflictError('An amendment is waiting for the parties already');
      assertNoViolations([...errors, ...(await serviceViolations(trx, before, request))]);
      const { id: amendmentId } = await trx
        .insertInto('agreement_amendment')
        .values({ agreement_id: id, number: before.amendments.length + 2, reason: request.reason, changes: JSON.stringify(changes), proposed_by: context.userId })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('agreement_amendment_party')
        .values(touched.map((actorId) => ({ amendment_id: amendmentId, actor_id: actorId })))
        .execute();
      await trx.updateTable('agreement').set(nextVersion).where('id', '=', id).execute();
    },
  });
}

/** Puts an accepted amendment in force: its changes written to the agreement. */
async function applyAmendment(trx: Transaction<Database>, agreementId: string, amendment: AgreementAmendment): Promise<void> {
  const set: Record<string, unknown> = {};
  for (const change of amendment.changes) {
    if (change.field === 'endDate') set['end_date'] = change.after;
    if (change.field === 'description') set['description'] = change.after;
    if (change.field === 'levels' || change.field === 'themes') set[change.field] = JSON.stringify(change.after);
    if (change.field === 'services' && change.actorId) {
      await trx.deleteFrom('agreement_service').where('agreement_id', '=', agreementId).where('actor_id', '=', change.actorId).execute();
      const serviceIds = change.after as string[];
      if (serviceIds.length > 0) {
        await trx
          .insertInto('agreement_service')
          .values(serviceIds.map((serviceId) => ({ agreement_id: agreementId, actor_id: change.actorId ?? '', service_id: serviceId })))
          .execute();
      }
    }
  }
  if (Object.keys(set).length > 0) await trx.updateTable('agreement').set(set).where('id', '=', agreementId).execute();
  await trx.updateTable('agreement_amendment').set({ status: 'in_force', in_force_at: sql<Date>`now()` }).where('id', '=', amendment.id).execute();
}

/**
 * A party touched by an amendment accepts it, for its own organisation only (403 otherwise);
 * with If-Match on the agreement (412); when it is the last, the amendment is in force.
 */
export async function acceptAmendment(
  db: Executor,
  scope: Scope,
  id: string,
  amendmentId: string,
  actorId: string,
  expectedVersion: ExpectedVersion,
  context: ChangeContext,
): Promise<AgreementDetail> {
  return versionedChange(db, {
    ...answerRecord(scope, id),
    expectedVersion,
    context,
    action: 'update',
    write: async (trx, before) => {
      const amendment = before.amendments.find((a) => a.id === amendmentId);
      if (!amendment) throw new NotFoundError('amendment');
      const party = amendment.parties.find((p) => p.actorId === actorId);
      if (!party) throw new NotFoundError('party of this amendment');
      requireWritable(mayAcceptFor(scope, party), 'You accept an amendment only for your own organisation');
      if (amendment.status !== 'proposed') throw new ConflictError('This amendment is in force already');
      if (!AMENDABLE_STATUSES.includes(before.status)) throw new ConflictError(`A ${before.status} agreement is not amended`);
      await trx.updateTable('agreement_amendment_party').set({ accepted_at: sql<Date>`now()` }).where('amendment_id', '=', amendmentId).where('actor_id', '=', actorId).execute();
      if (amendment.parties.every((p) => p.actorId === actorId || p.acceptedAt !== null)) await applyAmendment(trx, id, amendment);
      await trx.updateTable('agreement').set(nextVersion).where('id', '=', id).execute();
    },
  });
}
