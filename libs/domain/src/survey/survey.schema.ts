import { z } from 'zod';
import { listQuerySchema } from '../common/list.schema';
import { isoDateSchema, timestampSchema } from '../common/date.schema';
import { daysBetween, todayInNorway, type IsoDate } from '../common/dates';
import { plainTextSchema } from '../common/text';
import { serviceHoursSchema, serviceTypeSchema, weeklyHoursValueSchema } from '../service/service.schema';
import { versionSchema } from '../common/record.schema';
import { weeklyPeriodSchema } from '../opening-hours/opening-hours.schema';

/** The service survey (domain.md, "Survey"): the county asks libraries which services they offer. */

export const surveyErrorCodes = {
  noLibraries: 'no_libraries',
  deadlineInPast: 'deadline_in_past',
  deadlineTooFar: 'deadline_too_far',
  closed: 'survey_closed',
  duplicateService: 'duplicate_service',
  unknownService: 'unknown_service',
} as const;

const surveyStatuses = ['open', 'closed'] as const;
const surveyStatusSchema = z.enum(surveyStatuses);
export type SurveyStatus = z.infer<typeof surveyStatusSchema>;

const uuidList = z.array(z.uuid()).max(500);

/** The deadline is a day from today (in Norway) on; the link works through that day. */
export function deadlineIsOpen(deadline: IsoDate, today: IsoDate = todayInNorway()): boolean {
  return deadline >= today;
}

/** How far ahead a survey's deadline may be: a survey is answered within weeks, a year at most. */
export const SURVEY_DEADLINE_MAX_DAYS = 366;

/** A deadline further ahead than a survey is ever open (a typo such as 2199, say). */
export function deadlineTooFar(deadline: IsoDate, today: IsoDate = todayInNorway()): boolean {
  return daysBetween(today, deadline) > SURVEY_DEADLINE_MAX_DAYS;
}

export const surveyCreateSchema = z
  .object({
    name: plainTextSchema(200, 1),
    /** Every public library in these regions… */
    regionIds: uuidList.default([]),
    /** …and these libraries, picked one by one. */
    actorIds: uuidList.default([]),
    /** Ask each library's branches too (each answers for itself). */
    includeBranches: z.boolean().default(true),
    deadline: isoDateSchema
      .refine((d) => deadlineIsOpen(d), {
        message: 'The deadline must be today or later',
        params: { code: surveyErrorCodes.deadlineInPast },
      })
      .refine((d) => !deadlineTooFar(d), {
        message: 'The deadline must be within a year',
        params: { code: surveyErrorCodes.deadlineTooFar },
      }),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.regionIds.length === 0 && value.actorIds.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['actorIds'],
        message: 'Pick at least one region or library',
        params: { code: surveyErrorCodes.noLibraries },
      });
    }
  });
export type SurveyCreate = z.input<typeof surveyCreateSchema>;

export const surveySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  deadline: isoDateSchema,
  includeBranches: z.boolean(),
  status: surveyStatusSchema,
  closedAt: timestampSchema.nullable(),
  recipients: z.number().int().min(0),
  answered: z.number().int().min(0),
  version: versionSchema(),
  createdAt: timestampSchema,
});
export type Survey = z.infer<typeof surveySchema>;

const surveyRecipientSchema = z.object({
  actorId: z.uuid(),
  actorName: z.string(),
  actorKind: z.string(),
  regionId: z.uuid().nullable(),
  regionName: z.string().nullable(),
  /** Where the link went; null when the library has no e-mail address on record. */
  email: z.string().nullable(),
  mailedAt: timestampSchema.nullable(),
  remindedAt: timestampSchema.nullable(),
  answeredAt: timestampSchema.nullable(),
  answeredBy: z.string().nullable(),
});
export type SurveyRecipient = z.infer<typeof surveyRecipientSchema>;

const surveyRegionRateSchema = z.object({
  regionId: z.uuid().nullable(),
  regionName: z.string().nullable(),
  recipients: z.number().int().min(0),
  answered: z.number().int().min(0),
});

export const surveyDetailSchema = surveySchema.extend({
  regions: z.array(surveyRegionRateSchema),
  recipientList: z.array(surveyRecipientSchema),
});
export type SurveyDetail = z.infer<typeof surveyDetailSchema>;

export const surveyListQuerySchema = listQuerySchema.extend({
  status: surveyStatusSchema.optional(),
});
export type SurveyListQuery = z.infer<typeof surveyListQuerySchema>;

/**
 * A mail-out of a survey (its invitations, or a round of reminders), run as a job: queued, sending
 * (`sent` of `total` so far), sent, or failed (`error` says why; the county may try again).
 */
export const mailOutStatusSchema = z.enum(['queued', 'sending', 'sent', 'failed']);
export type MailOutStatus = z.infer<typeof mailOutStatusSchema>;
export const mailOutSchema = z
  .object({
    id: z.uuid(),
    surveyId: z.uuid(),
    kind: z.enum(['invitation', 'reminder']),
    status: mailOutStatusSchema,
    /** Libraries with an address, to be mailed. */
    total: z.number().int().min(0),
    sent: z.number().int().min(0),
    /** Mails that failed in the last run. */
    failed: z.number().int().min(0),
    /** Libraries left out for want of an address (letters reach them). */
    withoutAddress: z.number().int().min(0),
    attempts: z.number().int().min(0),
    error: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'MailOut' });
export type MailOut = z.infer<typeof mailOutSchema>;

/** What sending reminders did: mails sent, and libraries skipped for want of an address. */
export const surveyReminderResultSchema = z.object({ sent: z.number().int().min(0), withoutAddress: z.number().int().min(0) });
export type SurveyReminderResult = z.infer<typeof surveyReminderResultSchema>;

/** The rate as a whole percent (0 when nobody was asked). */
export function responseRate(answered: number, recipients: number): number {
  return recipients === 0 ? 0 : Math.round((answered / recipients) * 100);
}

// ---------------------------------------------------------------------------------------------
// The public answer form (a token, no login).

const surveyFormServiceSchema = z.object({
  id: z.uuid(),
  type: serviceTypeSchema,
  hours: serviceHoursSchema.nullable(),
  weeklyHours: z.number().nullable(),
  contractRequired: z.boolean(),
  note: z.string().nullable(),
  confirmedAt: isoDateSchema.nullable(),
  /** The service's version when the form was opened: a change since then is a 412, not lost. */
  version: versionSchema(),
});

/** What the link opens: the campaign, the one library it answers for, and its current services. */
export const surveyFormSchema = z.object({
  surveyName: z.string(),
  deadline: isoDateSchema,
  actorName: z.string(),
  answeredAt: timestampSchema.nullable(),
  services: z.array(surveyFormServiceSchema),
  /** The library's ordinary weekly opening hours, to confirm or correct (version 0: none stored yet). */
  openingHours: z.object({ weekly: z.array(weeklyPeriodSchema), version: z.number().int().min(0) }),
});
export type SurveyForm = z.infer<typeof surveyFormSchema>;

const weeklyHoursSchema = weeklyHoursValueSchema.nullable();

const surveyAnswerServiceSchema = z
  .object({
    id: z.uuid(),
    version: versionSchema(),
    /** false: the library no longer offers it (the service is archived). */
    offered: z.boolean(),
    hours: serviceHoursSchema.nullable(),
    weeklyHours: weeklyHoursSchema,
    contractRequired: z.boolean(),
    note: plainTextSchema(1000).nullable(),
  })
  .strict();

const surveyAnswerNewServiceSchema = z
  .object({
    type: serviceTypeSchema,
    hours: serviceHoursSchema.nullable(),
    weeklyHours: weeklyHoursSchema,
  })
  .strict();

export const surveyAnswerSchema = z
  .object({
    /** Who answers for the library (kept as the services' "confirmed by"). */
    answeredBy: plainTextSchema(200, 1),
    services: z.array(surveyAnswerServiceSchema).max(100),
    newServices: z.array(surveyAnswerNewServiceSchema).max(20).default([]),
    /** The weekly opening hours as the library confirms or corrects them (the version read; seasons and exceptions stay). Left out: not asked. */
    openingHours: z.object({ weekly: z.array(weeklyPeriodSchema).max(50), version: z.number().int().min(0) }).strict().optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    const ids = new Set<string>();
    value.services.forEach((service, index) => {
      if (ids.has(service.id)) {
        ctx.addIssue({ code: 'custom', path: ['services', index, 'id'], message: 'Name each service once', params: { code: surveyErrorCodes.duplicateService } });
      }
      ids.add(service.id);
    });
  });
export type SurveyAnswer = z.input<typeof surveyAnswerSchema>;

export const surveyTokenQuerySchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });
