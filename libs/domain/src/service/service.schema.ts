import { z } from 'zod';
import { listQuerySchema } from '../common/list.schema';
import { isoDateSchema, timestampSchema } from '../common/dates';

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
    note: z.string().trim().max(1000).nullable(),
  })
  .strict();
export type ServiceConditions = z.infer<typeof serviceConditionsSchema>;

export const defaultServiceConditions: ServiceConditions = {
  ageLimit: null,
  contractRequired: false,
  bookingLeadTimeDays: null,
  capacity: null,
  hours: null,
  note: null,
};

export const serviceSchema = z.object({
  id: z.uuid(),
  actorId: z.uuid(),
  type: serviceTypeSchema,
  audiences: z.array(audienceSchema).min(1).max(audiences.length),
  description: z.string().trim().max(2000).nullable(),
  conditions: serviceConditionsSchema,
  /** Hours a week the service is available; for opening hours, the opening hours. */
  weeklyHours: z.number().min(0).max(168).nullable(),
  confirmedAt: isoDateSchema.nullable(),
  confirmedBy: z.string().trim().max(200).nullable(),
  /** Invented details (hours, capacity) in the sample dataset are marked so. */
  sampleData: z.boolean(),
  archivedAt: timestampSchema.nullable(),
  version: z.number().int().min(1),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Service = z.infer<typeof serviceSchema>;

export const serviceSummarySchema = serviceSchema.extend({
  actorName: z.string(),
  actorKind: z.string(),
  municipalityNumber: z.string().nullable(),
  municipalityName: z.string().nullable(),
});
export type ServiceSummary = z.infer<typeof serviceSummarySchema>;

const editable = {
  actorId: true,
  type: true,
  audiences: true,
  description: true,
  conditions: true,
  weeklyHours: true,
  confirmedAt: true,
  confirmedBy: true,
} as const;

export const serviceCreateSchema = serviceSchema
  .pick(editable)
  .partial({ description: true, conditions: true, weeklyHours: true, confirmedAt: true, confirmedBy: true })
  .strict();
export type ServiceCreate = z.infer<typeof serviceCreateSchema>;

export const serviceUpdateSchema = serviceSchema.pick(editable).omit({ actorId: true }).partial().strict();
export type ServiceUpdate = z.infer<typeof serviceUpdateSchema>;

export const serviceListQuerySchema = listQuerySchema.extend({
  actor: z.uuid().optional(),
  type: serviceTypeSchema.optional(),
  audience: audienceSchema.optional(),
  municipality: z.string().regex(/^\d{4}$/).optional(),
  region: z.uuid().optional(),
  /** Include the services of the actor's branches too. */
  includeBranches: z.enum(['true', 'false']).default('false'),
  archived: z.enum(['exclude', 'include', 'only']).default('exclude'),
  sort: z.enum(['actor', '-actor', 'type', '-type', 'confirmed', '-confirmed']).default('actor'),
});
export type ServiceListQuery = z.infer<typeof serviceListQuerySchema>;
