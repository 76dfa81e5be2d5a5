import { z } from 'zod';

/** An audit entry as `GET /api/audit` lists it (the server's AuditListEntry). */
export const auditListEntrySchema = z.object({
  id: z.string(),
  occurredAt: z.iso.datetime({ offset: true }),
  userId: z.uuid().nullable(),
  userName: z.string().nullable(),
  /** The record's name now, as the server looks it up (student counts: their organisation's). */
  recordName: z.string().nullable().optional(),
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditListEntry = z.infer<typeof auditListEntrySchema>;

let auditCount = 0;

/**
 * An audit entry: an update of an actor's name by the county admin unless told otherwise.
 * Ids count up, and each entry is a minute later than the one before, as the log writes them.
 */
export function buildAuditEntry(overrides: Partial<AuditListEntry> = {}): AuditListEntry {
  auditCount += 1;
  return auditListEntrySchema.parse({
    id: String(auditCount),
    occurredAt: new Date(Date.UTC(2026, 1, 3, 9, 0) + auditCount * 60_000).toISOString(),
    userId: '00000000-0000-4000-8003-000000000001',
    userName: 'Fylkesbiblioteket (demo)',
    entity: 'actor',
    entityId: '00000000-0000-4000-8002-000000000001',
    action: 'update',
    before: { name: 'Namsos bibliotek', version: 1 },
    after: { name: 'Namsos folkebibliotek', version: 2 },
    ...overrides,
  });
}
