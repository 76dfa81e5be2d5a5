import { z } from 'zod';
import { listQuerySchema } from '../common/list.schema';

/**
 * The audit log's query (`GET /api/audit`): newest first, by kind of record ("actor",
 * "service"), and with `id` the history of one record. The history screens read their URL
 * with it; the server's route states the same (and may take it from here).
 */
export const auditListQuerySchema = listQuerySchema.omit({ q: true }).extend({
  entity: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,49}$/, 'An entity type such as "actor" or "service"')
    .optional(),
  id: z
    .string()
    .regex(/^[\w.:-]{1,100}$/, 'The id of a record')
    .optional(),
});
