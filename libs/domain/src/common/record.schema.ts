import { z } from 'zod';
import { timestampSchema } from './date.schema';

/** A record's version: 1 when created, one more on every change; the API's ETag and If-Match. */
export function versionSchema() {
  return z.number().int().min(1);
}

/**
 * The fields every stored, versioned record ends with: its version and when it was created and
 * last changed. A function, so each schema gets its own instances (as when written out).
 *
 *   z.object({ id: z.uuid(), name: z.string(), ...versionedRecordFields() })
 */
export function versionedRecordFields() {
  return { version: versionSchema(), createdAt: timestampSchema, updatedAt: timestampSchema };
}

/**
 * A zod pick/partial mask of every field in `mask` but `keys`. A create schema picks the editable
 * fields and makes all but the required ones optional, so the list of fields is written once:
 *
 *   actorSchema.pick(editableFields).partial(maskWithout(editableFields, 'kind', 'name'))
 */
export function maskWithout<Mask extends Record<string, true>, Key extends keyof Mask>(mask: Mask, ...keys: Key[]): Omit<Mask, Key> {
  const rest: Record<string, true> = { ...mask };
  for (const key of keys) delete rest[key as string];
  return rest as Omit<Mask, Key>;
}
