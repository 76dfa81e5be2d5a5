import { z } from 'zod';
import { timestampSchema } from '../common/date.schema';
import { plainTextSchema } from '../common/text';
import { municipalityNumberSchema } from '../municipality/municipality.schema';
import { serviceConditionsSchema, serviceTypeSchema } from '../service/service.schema';
import { versionedRecordFields } from '../common/record.schema';

/** A library's student service as the brochure and the portal's home show it. */
const brochureServiceSchema = z.object({
  id: z.uuid(),
  type: serviceTypeSchema,
  description: z.string().nullable(),
  conditions: serviceConditionsSchema,
  weeklyHours: z.number().nullable(),
  confirmedAt: z.string().nullable(),
});

const brochureLibrarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(['public_library', 'library_branch']),
  parentId: z.uuid().nullable(),
  address: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  services: z.array(brochureServiceSchema),
});

/**
 * "Library services for students in <region>": a study centre's catchment area, municipality by
 * municipality, with the libraries (main and branches), the services they give students, on
 * what conditions, and how to reach them. Built from the service records at every request.
 */
export const brochureSchema = z.object({
  studyCentre: z.object({
    id: z.uuid(),
    name: z.string(),
    address: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    website: z.string().nullable(),
  }),
  /** The regions the catchment municipalities lie in, in Norwegian order. */
  regionNames: z.array(z.string()),
  generatedAt: timestampSchema,
  municipalities: z.array(
    z.object({
      number: z.string(),
      name: z.string(),
      libraries: z.array(brochureLibrarySchema),
    }),
  ),
});
export type Brochure = z.infer<typeof brochureSchema>;

const brochureLanguages = ['nb', 'nn', 'en'] as const;
export const brochureLanguageSchema = z.enum(brochureLanguages);
export type BrochureLanguage = z.infer<typeof brochureLanguageSchema>;

/** What the brochure's title calls the area: its regions ("Namdal"), else the study centre. */
export function brochureAreaName(brochure: Pick<Brochure, 'regionNames' | 'studyCentre'>, and: string): string {
  const names = brochure.regionNames;
  if (names.length === 0) return brochure.studyCentre.name;
  if (names.length === 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;
}

// ------------------------------------------------------------------ catchment-area requests

export const catchmentRequestStatuses = ['pending', 'approved', 'rejected'] as const;
const catchmentRequestStatusSchema = z.enum(catchmentRequestStatuses);
export type CatchmentRequestStatus = z.infer<typeof catchmentRequestStatusSchema>;

export const catchmentRequestErrorCodes = {
  nothingToChange: 'nothing_to_change',
  municipalityNotFound: 'municipality_not_found',
  alreadyInArea: 'already_in_area',
  notInArea: 'not_in_area',
  addedAndRemoved: 'added_and_removed',
  alreadyDecided: 'already_decided',
  noteRequired: 'note_required',
} as const;

export const catchmentRequestSchema = z.object({
  id: z.uuid(),
  studyCentreId: z.uuid(),
  studyCentreName: z.string(),
  add: z.array(municipalityNumberSchema),
  remove: z.array(municipalityNumberSchema),
  reason: z.string(),
  status: catchmentRequestStatusSchema,
  decisionNote: z.string().nullable(),
  decidedAt: timestampSchema.nullable(),
  ...versionedRecordFields(),
});
export type CatchmentRequest = z.infer<typeof catchmentRequestSchema>;

const numberListSchema = z.array(municipalityNumberSchema).max(100);

/** A study centre asks the county to add and/or remove municipalities, saying why. */
export const catchmentRequestCreateSchema = z
  .object({
    add: numberListSchema.default([]),
    remove: numberListSchema.default([]),
    reason: plainTextSchema(2000, 1),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.add.length === 0 && input.remove.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['add'], message: 'Name at least one municipality to add or remove', params: { code: catchmentRequestErrorCodes.nothingToChange } });
    }
    input.remove.forEach((number, i) => {
      if (input.add.includes(number)) {
        ctx.addIssue({ code: 'custom', path: ['remove', i], message: 'A municipality cannot be both added and removed', params: { code: catchmentRequestErrorCodes.addedAndRemoved } });
      }
    });
  });
export type CatchmentRequestCreate = z.input<typeof catchmentRequestCreateSchema>;

/** The county's answer to a request; a rejection says why, so the study centre learns the reason. */
/** The longest note a catchment decision may have (the form's text area stops there too). */
export const CATCHMENT_DECISION_NOTE_MAX = 2000;

export const catchmentDecisionSchema = z
  .object({
    decision: z.enum(['approved', 'rejected']),
    note: plainTextSchema(CATCHMENT_DECISION_NOTE_MAX).nullable().optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.decision === 'rejected' && !input.note?.trim()) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'Say why the request is rejected', params: { code: catchmentRequestErrorCodes.noteRequired } });
    }
  });
export type CatchmentDecision = z.infer<typeof catchmentDecisionSchema>;

export const catchmentRequestListQuerySchema = z.object({
  status: catchmentRequestStatusSchema.optional(),
  studyCentre: z.uuid().optional(),
});
export type CatchmentRequestListQuery = z.infer<typeof catchmentRequestListQuerySchema>;

/** The catchment area after a request is approved: the additions in, the removals out. */
export function applyCatchmentRequest(area: readonly string[], request: { add: readonly string[]; remove: readonly string[] }): string[] {
  return [...new Set([...area.filter((n) => !request.remove.includes(n)), ...request.add])].sort();
}
