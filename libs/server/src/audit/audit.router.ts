import { scopeOf } from '../auth/visibility';
import { z } from 'zod';
import { listQuerySchema, pageSchema } from '@kompetansebro/domain';
import { jsonAnswer, routesTagged } from '../http/api-route';
import { createRouter } from '../http/openapi';
import { listAuditEntries } from './audit.repository';

/** One entry of the audit log: who changed what, when, and the record before and after. */
export const auditEntrySchema = z
  .object({
    id: z.string(),
    occurredAt: z.iso.datetime({ offset: true }),
    userId: z.uuid().nullable(),
    entity: z.string(),
    entityId: z.string(),
    action: z.string(),
    before: z.unknown().meta({ description: 'The record before the change (null on create); personal data redacted' }),
    after: z.unknown().meta({ description: 'The record after the change (null on delete); personal data redacted' }),
  })
  .meta({ id: 'AuditEntry' });

/** An entry of the log's list: with the author's name, so a history reads without a second request. */
const auditListEntrySchema = auditEntrySchema
  .extend({
    userName: z.string().nullable().meta({ description: 'The name of the user who made the change; null for the system' }),
    recordName: z.string().nullable().meta({ description: "The record's name or title as it is now (student counts: their organisation's); null when it has none or is gone" }),
  })
  .meta({ id: 'AuditListEntry' });

const AuditPage = pageSchema(auditListEntrySchema).meta({ id: 'AuditPage' });

const auditQuerySchema = listQuerySchema.omit({ q: true }).extend({
  entity: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,49}$/, 'An entity type such as "actor" or "service"')
    .optional()
    .meta({ example: 'service' }),
  id: z
    .string()
    .regex(/^[\w.:-]{1,100}$/, 'The id of a record')
    .optional()
    .meta({ description: 'The id of one record (with entity: its history)' }),
});

const route = routesTagged('Audit');
const listRoute = route('get', '/api/audit', ['audit', 'read'], {
  summary: 'The audit log, newest first; filter by entity type and record id',
  request: { query: auditQuerySchema },
  answers: { 200: jsonAnswer('A page of audit entries', AuditPage) },
  problems: [400],
});

export const auditRouter = createRouter().openapi(listRoute, async (c) => {
  const { entity, id, page, pageSize } = c.req.valid('query');
  return c.json(await listAuditEntries(c.get('deps').db, await scopeOf(c), { entity, entityId: id, page, pageSize }), 200);
});
