import { z } from 'zod';
import { agreementNoteCodes, agreementStatuses } from './agreement-lifecycle';

export const agreementStatusSchema = z.enum(agreementStatuses);
export const agreementNoteCodeSchema = z.enum(agreementNoteCodes);

export const transitionRequestSchema = z
  .object({
    to: agreementStatusSchema,
    note: z.string().trim().max(1000).optional(),
    /** Signing before every party has accepted: only the county, and only with a reason (shown in the history). */
    overrideReason: z.string().trim().min(3).max(1000).optional(),
  })
  .strict();
export type TransitionRequest = z.infer<typeof transitionRequestSchema>;
