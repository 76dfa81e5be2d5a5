import { z } from 'zod';
import { isoDateSchema, timestampSchema } from '../common/date.schema';
import { listQuerySchema } from '../common/list.schema';
import { plainTextSchema } from '../common/text';
import { collaborationLevelSchema, thematicAreaSchema } from '../common/themes';
import { actorKindSchema } from '../actor/actor-kind';
import { serviceTypeSchema } from '../service/service.schema';
import { agreementStatuses, type AgreementStatus } from './agreement-lifecycle';
import { agreementNoteCodeSchema, agreementStatusSchema } from './agreement-lifecycle.schema';
import { agreementAmendmentSchema } from './agreement-amendment';
import { commitmentStatusSchema } from './agreement-fulfilment';
import { maskWithout, versionedRecordFields } from '../common/record.schema';

export const agreementKinds = ['cooperation', 'interlibrary_loan', 'partnership', 'mobility_partnership', 'other'] as const;
export const agreementKindSchema = z.enum(agreementKinds);
export type AgreementKind = z.infer<typeof agreementKindSchema>;

/** A party's part in the agreement. */
export const partyRoles = ['coordinator', 'service_provider', 'partner', 'funder'] as const;
const partyRoleSchema = z.enum(partyRoles);
export type PartyRole = z.infer<typeof partyRoleSchema>;

const agreementPartyInputSchema = z
  .object({
    actorId: z.uuid(),
    role: partyRoleSchema,
    /** The service records this party commits to provide under the agreement. */
    serviceIds: z.array(z.uuid()).max(50).default([]),
    // No acceptance here: a party accepts only for itself, through its decision (the last one signs).
  })
  .strict();
export type AgreementPartyInput = z.infer<typeof agreementPartyInputSchema>;

const committedServiceSchema = z.object({
  serviceId: z.uuid(),
  type: serviceTypeSchema,
  actorId: z.uuid(),
  actorName: z.string(),
  /** Whether the party still offers it as committed (commitmentStatus). */
  fulfilment: commitmentStatusSchema,
});

const agreementPartySchema = z.object({
  actorId: z.uuid(),
  actorName: z.string(),
  actorKind: actorKindSchema,
  role: partyRoleSchema,
  acceptedAt: timestampSchema.nullable(),
  /** When this party declined the text (null unless it has; a new acceptance clears it). */
  declinedAt: timestampSchema.nullable(),
  /** What the party said with its decision. */
  decisionComment: z.string().nullable(),
  services: z.array(committedServiceSchema),
});

export const agreementDocumentSchema = z.object({
  id: z.uuid(),
  filename: z.string(),
  sizeBytes: z.number().int().min(0),
  uploadedAt: timestampSchema,
});
export type AgreementDocument = z.infer<typeof agreementDocumentSchema>;

const agreementTransitionRecordSchema = z.object({
  from: agreementStatusSchema.nullable(),
  to: agreementStatusSchema,
  at: timestampSchema,
  byUserId: z.uuid().nullable(),
  /** What a person typed (a reason, a remark), as typed. */
  note: z.string().nullable(),
  /** The system's own note, which the reader's language names (agreementNoteCodes). */
  noteCode: agreementNoteCodeSchema.nullable(),
  /** What the coded note mentions (signed_without_acceptance: `missing`, the parties that had not accepted). */
  noteParams: z.record(z.string(), z.string()).nullable(),
});

export const agreementSchema = z.object({
  id: z.uuid(),
  title: plainTextSchema(300, 3),
  kind: agreementKindSchema,
  status: agreementStatusSchema,
  description: plainTextSchema(5000).nullable(),
  levels: z.array(collaborationLevelSchema).max(3),
  themes: z.array(thematicAreaSchema).max(20),
  startDate: isoDateSchema.nullable(),
  endDate: isoDateSchema.nullable(),
  /** The agreement this one renews (its earlier version), if any. */
  renewsId: z.uuid().nullable(),
  sampleData: z.boolean(),
  ...versionedRecordFields(),
});
export type Agreement = z.infer<typeof agreementSchema>;

export const agreementSummarySchema = agreementSchema.extend({
  parties: z.array(z.object({ actorId: z.uuid(), actorName: z.string(), role: partyRoleSchema })),
  /** How many of its committed services are no longer met (commitmentStatus other than 'met'). */
  unmetCommitments: z.number().int().min(0),
});
export type AgreementSummary = z.infer<typeof agreementSummarySchema>;

export const agreementDetailSchema = agreementSchema.extend({
  parties: z.array(agreementPartySchema),
  documents: z.array(agreementDocumentSchema),
  transitions: z.array(agreementTransitionRecordSchema),
  allowedTransitions: z.array(agreementStatusSchema),
  /** The chain of versions: earlier ones this renews, and later ones that renew it. */
  renewedById: z.uuid().nullable(),
  /** Its amendments once signed, oldest first: each a version with what changed and why. */
  amendments: z.array(agreementAmendmentSchema),
});
export type AgreementDetail = z.infer<typeof agreementDetailSchema>;

const editable = {
  title: true,
  kind: true,
  description: true,
  levels: true,
  themes: true,
  startDate: true,
  endDate: true,
} as const;

const partiesSchema = z.array(agreementPartyInputSchema).max(50);

export const agreementCreateSchema = agreementSchema
  .pick(editable)
  .partial(maskWithout(editable, 'title', 'kind'))
  .extend({ parties: partiesSchema })
  .strict();
export type AgreementCreate = z.infer<typeof agreementCreateSchema>;

export const agreementUpdateSchema = agreementSchema.pick(editable).extend({ parties: partiesSchema }).partial().strict();
export type AgreementUpdate = z.infer<typeof agreementUpdateSchema>;

export const agreementListQuerySchema = listQuerySchema.extend({
  status: agreementStatusSchema.optional(),
  kind: agreementKindSchema.optional(),
  party: z.uuid().optional(),
  region: z.uuid().optional(),
  /** Binding agreements that end within this many days. */
  endingWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
  /** 'unmet': binding agreements (signed, active, expiring) with a committed service no longer met. */
  commitments: z.enum(['unmet']).optional(),
  sort: z.enum(['title', '-title', 'status', '-status', 'start', '-start', 'end', '-end', 'updated', '-updated']).default('title'),
});
export type AgreementListQuery = z.infer<typeof agreementListQuerySchema>;

/** How many agreements the caller may see have each status: every status, 0 when none. */
const statusCount = z.number().int().min(0);
export const agreementStatusCountsSchema = z.object({
  // An object with every status as a required key (the spec says each is always there).
  byStatus: z.object(Object.fromEntries(agreementStatuses.map((status) => [status, statusCount])) as Record<AgreementStatus, typeof statusCount>),
});
export type AgreementStatusCounts = z.infer<typeof agreementStatusCountsSchema>;

/** A party's answer to the text it is asked to accept: a decline says why. */
export const agreementDecisionSchema = z
  .object({
    decision: z.enum(['accepted', 'declined']),
    comment: plainTextSchema(2000).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.decision === 'declined' && !value.comment) {
      ctx.addIssue({ code: 'custom', path: ['comment'], message: 'Say why the agreement is declined', params: { code: 'decline_reason_required' } });
    }
  });
export type AgreementDecision = z.infer<typeof agreementDecisionSchema>;

/** An agreement waiting for an organisation's answer: a task in that organisation's app. */
export const pendingAcceptanceSchema = z.object({
  agreementId: z.uuid(),
  title: z.string(),
  actorId: z.uuid(),
  actorName: z.string(),
  startDate: isoDateSchema.nullable(),
  endDate: isoDateSchema.nullable(),
  /** Declined already (and may change its mind) or not answered yet. */
  declined: z.boolean(),
  /** An amendment waiting for its acceptance (its version number); null: the agreement itself. */
  amendmentNumber: z.number().int().nullable(),
  version: z.number().int(),
});
export type PendingAcceptance = z.infer<typeof pendingAcceptanceSchema>;

/**
 * A page of the tasks, newest first: `kind` keeps the agreements (sent to the parties) or the
 * amendments (proposed) only; both when left out.
 */
export const pendingAcceptanceListQuerySchema = listQuerySchema.omit({ q: true }).extend({
  kind: z.enum(['agreement', 'amendment']).optional(),
});
export type PendingAcceptanceListQuery = z.infer<typeof pendingAcceptanceListQuerySchema>;

/** The county's agreement settings. */
export const agreementSettingsSchema = z.object({
  /** An agreement in force is "expiring" this many days before its end date. */
  expiringDays: z.number().int().min(0).max(730),
  version: z.number().int(),
});
export type AgreementSettings = z.infer<typeof agreementSettingsSchema>;
export const agreementSettingsUpdateSchema = agreementSettingsSchema.pick({ expiringDays: true }).strict();
export type AgreementSettingsUpdate = z.infer<typeof agreementSettingsUpdateSchema>;
