import { z } from 'zod';
import { isoDateSchema, timestampSchema } from '../common/date.schema';
import { ConflictError } from '../common/domain-errors';
import type { FieldError } from '../common/problem.schema';
import { plainTextSchema } from '../common/text';
import { collaborationLevelSchema, thematicAreaSchema } from '../common/themes';
import type { AgreementStatus } from './agreement-lifecycle';

// Once an agreement is signed, a change is an amendment (issue 13): a numbered version that
// says what changed (before → after) and why, in force when every party it touches has accepted
// it. A change of the period, summary, levels or themes touches every party; a change of the
// services a party commits touches that party.

/** The statuses in which an agreement is amended (before signing it is edited; after its end, renewed). */
export const AMENDABLE_STATUSES: readonly AgreementStatus[] = ['signed', 'active', 'expiring'];

export const amendmentRequestSchema = z
  .object({
    /** Why the agreement changes: shown with the version. */
    reason: plainTextSchema(1000, 3),
    endDate: isoDateSchema.nullable().optional(),
    description: plainTextSchema(5000).nullable().optional(),
    levels: z.array(collaborationLevelSchema).max(3).optional(),
    themes: z.array(thematicAreaSchema).max(20).optional(),
    /** The services a party commits from now on (its whole list). */
    services: z.array(z.object({ actorId: z.uuid(), serviceIds: z.array(z.uuid()).max(50) }).strict()).max(50).optional(),
  })
  .strict();
export type AmendmentRequest = z.infer<typeof amendmentRequestSchema>;

/** One thing an amendment changes: a field of the agreement, or one party's committed services. */
export const amendmentChangeSchema = z.object({
  field: z.enum(['endDate', 'description', 'levels', 'themes', 'services']),
  /** For `services`: whose. */
  actorId: z.uuid().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  /** For `services`, as read back: the types of the services before and after (for people to read). */
  beforeTypes: z.array(z.string()).optional(),
  afterTypes: z.array(z.string()).optional(),
});
export type AmendmentChange = z.infer<typeof amendmentChangeSchema>;

export const agreementAmendmentSchema = z.object({
  id: z.uuid(),
  /** The version this amendment makes: the signed text is version 1. */
  number: z.number().int().min(2),
  reason: z.string(),
  status: z.enum(['proposed', 'in_force']),
  changes: z.array(amendmentChangeSchema),
  proposedAt: timestampSchema,
  inForceAt: timestampSchema.nullable(),
  /** The parties it touches, and whether each has accepted it. */
  parties: z.array(z.object({ actorId: z.uuid(), actorName: z.string(), actorKind: z.string(), acceptedAt: timestampSchema.nullable() })),
});
export type AgreementAmendment = z.infer<typeof agreementAmendmentSchema>;

/** What the amendment rules read of the agreement. */
interface AmendedAgreement {
  status: AgreementStatus;
  startDate: string | null;
  endDate: string | null;
  description: string | null;
  levels: readonly string[];
  themes: readonly string[];
  parties: ReadonlyArray<{ actorId: string; services: ReadonlyArray<{ serviceId: string }> }>;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

/**
 * What the amendment changes, and the parties it touches: 409 when the agreement is not signed
 * and in force (a draft is edited, an ended one renewed); 400 naming the field when it changes
 * nothing, ends before the start, or names a service list of an actor that is no party.
 */
export function amendmentOf(agreement: AmendedAgreement, request: AmendmentRequest): { changes: AmendmentChange[]; touched: string[]; errors: FieldError[] } {
  if (!AMENDABLE_STATUSES.includes(agreement.status)) {
    throw new ConflictError(`A ${agreement.status} agreement is not amended: ${agreement.status === 'draft' || agreement.status === 'negotiating' ? 'edit it' : 'renew it'}`);
  }
  const errors: FieldError[] = [];
  const changes: AmendmentChange[] = [];
  const everyone = agreement.parties.map((p) => p.actorId);
  const touched = new Set<string>();
  const field = (name: 'endDate' | 'description', after: string | null | undefined) => {
    if (after === undefined || after === agreement[name]) return;
    changes.push({ field: name, actorId: null, before: agreement[name], after });
    everyone.forEach((id) => touched.add(id));
  };
  const list = (name: 'levels' | 'themes', after: readonly string[] | undefined) => {
    if (after === undefined || sameList(after, agreement[name])) return;
    changes.push({ field: name, actorId: null, before: [...agreement[name]], after: [...after] });
    everyone.forEach((id) => touched.add(id));
  };
  field('endDate', request.endDate);
  field('description', request.description);
  list('levels', request.levels);
  list('themes', request.themes);
  (request.services ?? []).forEach((entry, i) => {
    const party = agreement.parties.find((p) => p.actorId === entry.actorId);
    if (!party) return errors.push({ path: `services.${i}.actorId`, code: 'not_a_party', message: 'This actor is no party of the agreement' });
    const before = party.services.map((s) => s.serviceId);
    const after = [...new Set(entry.serviceIds)];
    if (sameList(before, after)) return;
    changes.push({ field: 'services', actorId: entry.actorId, before, after });
    touched.add(entry.actorId);
  });
  const endDate = request.endDate === undefined ? agreement.endDate : request.endDate;
  if (agreement.startDate && endDate && endDate < agreement.startDate) {
    errors.push({ path: 'endDate', code: 'end_before_start', message: 'The end date is before the start date' });
  }
  if (changes.length === 0 && errors.length === 0) errors.push({ path: 'reason', code: 'amendment_empty', message: 'The amendment changes nothing' });
  return { changes, touched: everyone.filter((id) => touched.has(id)), errors };
}
