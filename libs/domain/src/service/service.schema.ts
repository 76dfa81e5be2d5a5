import { z } from 'zod';
import { listQuerySchema } from '../common/list.schema';
import { isoDateSchema, timestampSchema } from '../common/date.schema';
import { EARLIEST_RECORDED_DATE, todayInNorway } from '../common/dates';
import { plainTextSchema } from '../common/text';
import { actorKindSchema } from '../actor/actor-kind';
import { municipalityNumberSchema } from '../municipality/municipality.schema';
import { maskWithout, versionedRecordFields } from '../common/record.schema';

/** What an actor offers (domain.md, "Service"). */
export const serviceTypes = [
  'study_places',
  'group_rooms',
  'exam_invigilation',
  'interlibrary_loan',
  'university_loan_pickup',
  'printing_scanning',
  'video_meeting_room',
  'staffed_hours',
  'self_service_hours',
  'guidance_courses',
  'career_guidance',
  'office_places',
] as const;
export const serviceTypeSchema = z.enum(serviceTypes);
export type ServiceType = z.infer<typeof serviceTypeSchema>;

export const audiences = ['students', 'apprentices', 'pupils', 'public'] as const;
export const audienceSchema = z.enum(audiences);
export type Audience = z.infer<typeof audienceSchema>;

/** Codes of the service rules, beside the shared domainErrorCodes. */
export const serviceErrorCodes = {
  actorNotFound: 'actor_not_found',
  duplicateAudience: 'duplicate_audience',
  confirmedAtOutOfRange: 'confirmed_at_out_of_range',
} as const;

/** In which hours a service can be used: staffed and self-service ("meråpent") hours differ. */
export const serviceHoursSchema = z.enum(['staffed', 'self_service', 'staffed_and_self_service', 'by_appointment']);
export type ServiceHours = z.infer<typeof serviceHoursSchema>;

export const serviceConditionsSchema = z
  .object({
    ageLimit: z.number().int().min(0).max(99).nullable(),
    contractRequired: z.boolean(),
    bookingLeadTimeDays: z.number().int().min(0).max(365).nullable(),
    capacity: z.number().int().min(0).max(100_000).nullable(),
    hours: serviceHoursSchema.nullable(),
    note: plainTextSchema(1000).nullable(),
  })
  .strict();
export type ServiceConditions = z.infer<typeof serviceConditionsSchema>;

/** Conditions as a client sends them: any subset, the rest kept (update) or defaulted (create). */
const serviceConditionsInputSchema = serviceConditionsSchema.partial().strict();
export type ServiceConditionsInput = z.infer<typeof serviceConditionsInputSchema>;

export const defaultServiceConditions: ServiceConditions = {
  ageLimit: null,
  contractRequired: false,
  bookingLeadTimeDays: null,
  capacity: null,
  hours: null,
  note: null,
};

/**
 * The conditions after a change: fields the change names replace those of `base`, the others
 * stay (JSON merge-patch, as PATCH reads it). Stored conditions missing a field get its default.
 */
export function mergeServiceConditions(
  base: Partial<ServiceConditions> | null | undefined,
  changes: ServiceConditionsInput | null | undefined = {},
): ServiceConditions {
  const merged: ServiceConditions = { ...defaultServiceConditions };
  for (const source of [base ?? {}, changes ?? {}]) {
    for (const key of Object.keys(defaultServiceConditions) as (keyof ServiceConditions)[]) {
      if (source[key] !== undefined) Object.assign(merged, { [key]: source[key] });
    }
  }
  return merged;
}

/** A confirmation is of a real day, from 2000 up to today (in Norway): not in the future. */
const confirmationDateSchema = isoDateSchema.refine((date) => date >= EARLIEST_RECORDED_DATE && date <= todayInNorway(), {
  message: 'A service is confirmed on a day from 2000 up to today',
  params: { code: serviceErrorCodes.confirmedAtOutOfRange },
});

const audienceListSchema = z
  .array(audienceSchema)
  .min(1)
  .max(audiences.length)
  .refine((list) => new Set(list).size === list.length, {
    message: 'Name each audience once',
    params: { code: serviceErrorCodes.duplicateAudience },
  });

/** Hours a week (0 to all 168 of them, one decimal): a service's, as the forms check them too. */
export const weeklyHoursValueSchema = z.number().min(0).max(168).multipleOf(0.1);

export const serviceSchema = z.object({
  id: z.uuid(),
  actorId: z.uuid(),
  type: serviceTypeSchema,
  audiences: audienceListSchema,
  description: plainTextSchema(2000).nullable(),
  conditions: serviceConditionsSchema,
  /** Hours a week the service is available; for opening hours, the opening hours. One decimal. */
  weeklyHours: weeklyHoursValueSchema.nullable(),
  /** When the actor last confirmed the service is offered as described, and who confirmed it. */
  confirmedAt: confirmationDateSchema.nullable(),
  confirmedBy: plainTextSchema(200, 1).nullable(),
  /** Invented details (hours, capacity) in the sample dataset are marked so. */
  sampleData: z.boolean(),
  archivedAt: timestampSchema.nullable(),
  ...versionedRecordFields(),
});
export type Service = z.infer<typeof serviceSchema>;

export const serviceSummarySchema = serviceSchema.extend({
  actorName: z.string(),
  actorKind: actorKindSchema,
  /** The actor's parent (a branch's main library), so branch services can be told apart. */
  actorParentId: z.uuid().nullable(),
  municipalityNumber: z.string().nullable(),
  municipalityName: z.string().nullable(),
  regionId: z.uuid().nullable(),
  regionName: z.string().nullable(),
});
export type ServiceSummary = z.infer<typeof serviceSummarySchema>;

const editable = {
  actorId: true,
  type: true,
  audiences: true,
  description: true,
  weeklyHours: true,
  confirmedAt: true,
  confirmedBy: true,
} as const;

/** Creating: actor, type and audiences are needed; conditions may name only what differs from the defaults. */
export const serviceCreateSchema = serviceSchema
  .pick(editable)
  .partial(maskWithout(editable, 'actorId', 'type', 'audiences'))
  .extend({ conditions: serviceConditionsInputSchema.optional() })
  .strict();
export type ServiceCreate = z.infer<typeof serviceCreateSchema>;

/** Updating: any subset of the fields; `conditions` is merged into the stored conditions. */
export const serviceUpdateSchema = serviceSchema
  .pick(editable)
  .omit({ actorId: true })
  .partial()
  .extend({ conditions: serviceConditionsInputSchema.optional() })
  .strict();
export type ServiceUpdate = z.infer<typeof serviceUpdateSchema>;

/** Confirming a service as still offered: today's date (Norway) is recorded with who confirmed it. */
export const serviceConfirmSchema = z.object({ confirmedBy: plainTextSchema(200, 1) }).strict();
export type ServiceConfirm = z.infer<typeof serviceConfirmSchema>;

const serviceSortKeys = ['actor', '-actor', 'type', '-type', 'confirmed', '-confirmed', 'updated', '-updated'] as const;

export const serviceListQuerySchema = listQuerySchema.extend({
  q: plainTextSchema(200).optional(),
  actor: z.uuid().optional(),
  type: serviceTypeSchema.optional(),
  audience: audienceSchema.optional(),
  municipality: municipalityNumberSchema.optional(),
  region: z.uuid().optional(),
  /** With `actor`: include the services of the actor's branches too. */
  includeBranches: z.enum(['true', 'false']).default('false'),
  /** `exclude` also hides the services of archived actors. */
  archived: z.enum(['exclude', 'include', 'only']).default('exclude'),
  sort: z.enum(serviceSortKeys).default('actor'),
});
export type ServiceListQuery = z.infer<typeof serviceListQuerySchema>;
