import { sql, type Transaction } from 'kysely';
import type { Database } from '@kompetansebro/db';
import { matchedColumns, scrubbedColumns } from './personal-data-register';

// What an erasure does beyond the person's own row, walking the register: every column that holds
// her e-mail or name in another record (a survey's recipient list, who confirmed a service, who
// answered a survey, a reminder's recipient) is cleared where it equals hers, her name and e-mail
// are scrubbed from every audit entry and every imported file (so an undo cannot bring them back
// either), and the erased row is remembered so sample data never brings it back.

/** What stands in the audit log where an erased person's name or e-mail was. */
export const ERASED_TEXT = '[slettet]';

export interface PersonErased {
  table: string;
  id: string;
  name: string | null;
  email: string | null;
  /** Only whole-value scrubbing uses it: a phone number stands alone in an imported row, never in a name column. */
  phone?: string | null;
}

/** Clears the person's e-mail and name wherever the register says they may be; returns how many values it cleared. */
export async function eraseTracesOf(trx: Transaction<Database>, person: PersonErased): Promise<number> {
  let cleared = 0;
  for (const { table, column, on, versioned } of matchedColumns()) {
    const value = (on === 'email' ? person.email : person.name)?.trim();
    if (!value) continue;
    const bump = versioned ? sql`, version = version + 1, updated_at = now()` : sql``;
    const result = await sql`update ${sql.table(table)} set ${sql.ref(column)} = null ${bump} where lower(btrim(${sql.ref(column)})) = lower(${value})`.execute(trx);
    cleared += Number(result.numAffectedRows ?? 0);
  }
  // Each value as a JSON string, so only whole values are replaced (not a word inside another text).
  const tokens = [person.name, person.email, person.phone].flatMap((value) => (value?.trim() ? [JSON.stringify(value.trim())] : []));
  const erased = JSON.stringify(ERASED_TEXT);
  for (const { table, column } of scrubbedColumns()) {
    for (const token of tokens) {
      const result = await sql`
        update ${sql.table(table)}
           set ${sql.ref(column)} = replace(${sql.ref(column)}::text, ${token}, ${erased})::jsonb
         where strpos(${sql.ref(column)}::text, ${token}) > 0`.execute(trx);
      cleared += Number(result.numAffectedRows ?? 0);
    }
  }
  await trx.insertInto('erased_record').values({ table_name: person.table, record_id: person.id }).onConflict((oc) => oc.doNothing()).execute();
  return cleared;
}
