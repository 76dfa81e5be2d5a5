import { z } from 'zod';
import { listQuerySchema } from '../common/list.schema';
import { plainTextSchema } from '../common/text';
import { versionedRecordFields } from '../common/record.schema';

/** Codes of the contact rules, beside the shared domainErrorCodes. */
export const contactErrorCodes = {
  actorNotFound: 'actor_not_found',
} as const;

/**
 * A person at an actor. Personal data: only what cooperation needs, exportable and erasable
 * on request (GDPR articles 15 and 17).
 */
export const contactSchema = z.object({
  id: z.uuid(),
  actorId: z.uuid(),
  name: plainTextSchema(200, 2),
  role: plainTextSchema(200).nullable(),
  email: z.email().max(254).nullable(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[\d ]{5,20}$/, 'A phone number has digits and spaces, optionally a leading +')
    .nullable(),
  ...versionedRecordFields(),
});
export type Contact = z.infer<typeof contactSchema>;

export const contactSummarySchema = contactSchema.extend({ actorName: z.string() });
export type ContactSummary = z.infer<typeof contactSummarySchema>;

export const contactCreateSchema = contactSchema
  .pick({ actorId: true, name: true, role: true, email: true, phone: true })
  .partial({ role: true, email: true, phone: true })
  .strict();
export type ContactCreate = z.infer<typeof contactCreateSchema>;

export const contactUpdateSchema = contactSchema.pick({ name: true, role: true, email: true, phone: true }).partial().strict();
export type ContactUpdate = z.infer<typeof contactUpdateSchema>;

export const contactListQuerySchema = listQuerySchema.extend({
  q: plainTextSchema(200).optional(),
  actor: z.uuid().optional(),
  sort: z.enum(['name', '-name', 'actor', '-actor']).default('name'),
});
export type ContactListQuery = z.infer<typeof contactListQuerySchema>;

/** Fields that are personal data: redacted in the audit log, removed on erasure. */
const contactPersonalFields = ['name', 'role', 'email', 'phone'] as const;

export const REDACTED = '[redacted]';

/** Replaces the personal data in a record (e.g. an audit entry's before/after) with a mark. */
export function redactPersonalData<T extends Record<string, unknown>>(record: T): T {
  const redacted: Record<string, unknown> = { ...record };
  for (const field of contactPersonalFields) {
    if (field in redacted && redacted[field] !== null) redacted[field] = REDACTED;
  }
  return redacted as T;
}

/**
 * Redacts a stored JSON value that may be a record, null, or anything else an old entry holds:
 * records are redacted, null stays null, any other value is dropped (it could be personal).
 */
export function redactStoredValue(value: unknown): Record<string, unknown> | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object' && !Array.isArray(value)) return redactPersonalData(value as Record<string, unknown>);
  return { value: REDACTED };
}

