import { ConflictError, DomainRuleError } from '../common/domain-errors';
import type { FieldError } from '../common/problem.schema';
import type { AgreementNoteCode, AgreementStatus } from './agreement-lifecycle';

// What may change in an agreement, by its status, and which parties and services it may name.
// Pure rules: the repository reads the facts, these decide, and throw domain errors.

const OPEN_FOR_NEGOTIATION: readonly AgreementStatus[] = ['draft', 'negotiating'];
const CLOSED: readonly AgreementStatus[] = ['expired', 'terminated'];
/** What a signed agreement's parties agreed on: who, what and when. The rest changes by an amendment. */
const NEGOTIATED_FIELDS = ['title', 'kind', 'parties', 'startDate'] as const;
/** What an amendment changes once the agreement is signed (and so no longer an edit). */
const AMENDED_FIELDS = ['endDate', 'description', 'levels', 'themes'] as const;
type ChangedField = (typeof NEGOTIATED_FIELDS)[number] | (typeof AMENDED_FIELDS)[number];

/**
 * A closed agreement changes no more; everything changes while it is negotiated; once signed,
 * who, what and when change only by renewing it, the rest only by an amendment (409).
 */
export function assertAgreementChangeAllowed(status: AgreementStatus, changes: Partial<Record<ChangedField, unknown>>): void {
  if (CLOSED.includes(status)) throw new ConflictError(`An agreement that is ${status} cannot be changed`);
  if (OPEN_FOR_NEGOTIATION.includes(status)) return;
  const negotiated = NEGOTIATED_FIELDS.filter((field) => changes[field] !== undefined);
  if (negotiated.length > 0) throw new ConflictError(`${negotiated.join(', ')} of a ${status} agreement change only by renewing it`);
  const amended = AMENDED_FIELDS.filter((field) => changes[field] !== undefined);
  if (amended.length > 0) throw new ConflictError(`${amended.join(', ')} of a ${status} agreement change only by an amendment, which its parties accept`);
}

/** A party accepts while the text is still negotiated; after that it is accepted already (409). */
export function assertAcceptanceOpen(status: AgreementStatus): void {
  if (!OPEN_FOR_NEGOTIATION.includes(status)) throw new ConflictError(`A ${status} agreement is accepted already`);
}

/** A party's state as the signing rule reads it. */
interface PartyDecision {
  actorId: string;
  actorName: string;
  acceptedAt: string | null;
}

/** The history's note on a signing without every acceptance: who had not accepted (coded, in the reader's language) and the reason, as typed. */
export interface SigningOverride {
  code: Extract<AgreementNoteCode, 'signed_without_acceptance'>;
  params: { missing: string };
  reason: string;
}

/**
 * "Signed" needs every party's acceptance. The county may sign without some, but only with a
 * reason (409 naming `overrideReason` otherwise); the note for the history says who had not accepted and why.
 */
export function signingNote(parties: readonly PartyDecision[], overrideReason: string | undefined, mayOverride: boolean): SigningOverride | null {
  const missing = parties.filter((p) => p.acceptedAt === null);
  if (missing.length === 0) return null;
  const names = missing.map((p) => p.actorName).join(', ');
  if (!overrideReason || !mayOverride) {
    throw new ConflictError(`Every party must accept before the agreement is signed; not accepted: ${names}`, {
      errors: [
        {
          path: 'overrideReason',
          code: mayOverride ? 'acceptance_missing' : 'acceptance_missing_no_override',
          message: mayOverride ? `Not accepted by ${names}: give a reason to sign anyway` : `Not accepted by ${names}`,
          params: { missing: names },
        },
      ],
    });
  }
  return { code: 'signed_without_acceptance', params: { missing: names }, reason: overrideReason };
}

/** One party as proposed: the actor and the services it commits. */
interface ProposedParty {
  actorId: string;
  serviceIds: readonly string[];
}

/**
 * Each party must be a known actor, and each service it commits a known service of its own.
 * `knownActorIds`: the actors the proposer may name; `knownServices`: the services it may name,
 * with their owners. Field paths as in the request (`parties.0.serviceIds.1`).
 */
export function partyViolations(
  parties: readonly ProposedParty[],
  knownActorIds: ReadonlySet<string>,
  knownServices: ReadonlyArray<{ id: string; actorId: string }>,
): FieldError[] {
  const errors: FieldError[] = [];
  parties.forEach((party, i) => {
    if (!knownActorIds.has(party.actorId)) {
      errors.push({ path: `parties.${i}.actorId`, code: 'actor_not_found', message: 'No actor has this id' });
    }
    party.serviceIds.forEach((serviceId, j) => {
      const service = knownServices.find((s) => s.id === serviceId);
      if (!service) {
        errors.push({ path: `parties.${i}.serviceIds.${j}`, code: 'service_not_found', message: 'No service has this id' });
      } else if (service.actorId !== party.actorId) {
        errors.push({ path: `parties.${i}.serviceIds.${j}`, code: 'service_not_of_party', message: 'A party commits only its own services' });
      }
    });
  });
  return errors;
}

/** Throws the field errors, if any, as one DomainRuleError (400). */
export function assertNoViolations(errors: readonly FieldError[]): void {
  if (errors.length > 0) throw new DomainRuleError([...errors]);
}
