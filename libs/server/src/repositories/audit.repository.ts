import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@kompetansebro/db';

export type Executor = Kysely<Database> | Transaction<Database>;

export interface AuditRecord {
  userId: string | null;
  entity: string;
  entityId: string;
  action: 'create' | 'update' | 'archive' | 'restore' | 'delete' | 'transition';
  before: unknown;
  after: unknown;
}

/** Written in the same transaction as the change it records, so neither exists without the other. */
export async function writeAudit(trx: Transaction<Database>, record: AuditRecord): Promise<void> {
  await trx
    .insertInto('audit_entry')
    .values({
      user_id: record.userId,
      entity: record.entity,
      entity_id: record.entityId,
      action: record.action,
      before: record.before === null ? null : JSON.stringify(record.before),
      after: record.after === null ? null : JSON.stringify(record.after),
    })
    .execute();
}
