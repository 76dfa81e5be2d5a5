import type { Insertable, Transaction } from 'kysely';
import type { SampleDataKind } from '@kompetansebro/domain';
import type { Database } from '../database';

/** The tables whose rows have an `id` column. */
type TableWithId = { [Table in keyof Database]: Database[Table] extends { id: unknown } ? Table : never }[keyof Database];

/**
 * Inserts the rows of the samples that are not there yet: rows have stable ids (`sampleId`), so a row
 * that exists, perhaps edited by a user since, is left as it is, and one that was erased is not added again. Returns the ids of the rows it
 * added, so their dependent rows (participants, plan items) are added only for those.
 */
export async function insertNewSampleRows<Table extends TableWithId, Sample>(
  trx: Transaction<Database>,
  table: Table,
  samples: readonly Sample[],
  rowOf: (sample: Sample) => Insertable<Database[Table]>,
): Promise<Set<string>> {
  // A sample row someone erased (a contact, GDPR art. 17) stays gone.
  const erased = await trx.selectFrom('erased_record').select('record_id').where('table_name', '=', table).execute();
  const erasedIds = new Set(erased.map((row) => row.record_id));
  const rows = samples.map(rowOf).filter((row) => !erasedIds.has(String((row as { id?: unknown }).id)));
  if (rows.length === 0) return new Set();
  // Kysely cannot follow a generic table name; the constraint above is what keeps this sound.
  const inserted = await trx
    .insertInto(table as TableWithId)
    .values(rows as never)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .execute();
  return new Set(inserted.map((row) => row.id));
}

/**
 * Notes in the audit log that a load added sample rows of one kind: the count only (never the
 * rows: contacts are personal data), and nothing when it added none.
 */
export async function auditSampleLoad(trx: Transaction<Database>, kind: SampleDataKind, counts: Record<string, number>): Promise<void> {
  if (Object.values(counts).every((count) => count === 0)) return;
  await trx
    .insertInto('audit_entry')
    .values({ user_id: null, entity: 'sample-data', entity_id: kind, action: 'load', before: null, after: JSON.stringify(counts) })
    .execute();
}
