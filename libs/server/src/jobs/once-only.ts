import { sql } from 'kysely';
import type { Executor } from '../persistence/executor';

// Once-only effects: every mail the jobs send is claimed in reminder_sent (primary key kind +
// record + stage + recipient) before it goes and confirmed after it went. Two workers, a retry or
// a second run of the same batch find the claim and send nothing. A mail that fails gives its claim
// back, so a retry sends it; a claim left unconfirmed by a process that died while sending can be
// taken again once it is older than STALE_CLAIM_MINUTES (the one case where a mail could go twice:
// the process died after the mail server took it and before the confirmation was written).

export const STALE_CLAIM_MINUTES = 10;

export interface EffectKey {
  kind: string;
  recordId: string;
  stage: string;
  recipient: string;
}

/** 'sent': this call sent it; 'done': another run has (or is sending it now); a failure throws, the claim given back. */
export async function onceOnly(db: Executor, key: EffectKey, effect: () => Promise<unknown>): Promise<'sent' | 'done'> {
  const claimed = await sql<{ kind: string }>`
    insert into reminder_sent (kind, record_id, stage, recipient) values (${key.kind}, ${key.recordId}, ${key.stage}, ${key.recipient})
    on conflict (kind, record_id, stage, recipient) do update set sent_at = now()
      where reminder_sent.confirmed_at is null and reminder_sent.sent_at < now() - make_interval(mins => ${STALE_CLAIM_MINUTES})
    returning kind`.execute(db);
  if (claimed.rows.length === 0) return 'done';
  try {
    await effect();
  } catch (error) {
    await db
      .deleteFrom('reminder_sent')
      .where('kind', '=', key.kind)
      .where('record_id', '=', key.recordId)
      .where('stage', '=', key.stage)
      .where('recipient', '=', key.recipient)
      .where('confirmed_at', 'is', null)
      .execute();
    throw error;
  }
  await db
    .updateTable('reminder_sent')
    .set({ confirmed_at: sql`now()` })
    .where('kind', '=', key.kind)
    .where('record_id', '=', key.recordId)
    .where('stage', '=', key.stage)
    .where('recipient', '=', key.recipient)
    .execute();
  return 'sent';
}

/** How many of a record's effects of this kind went (confirmed). */
export async function effectsDone(db: Executor, kind: string, recordId: string): Promise<number> {
  const row = await db
    .selectFrom('reminder_sent')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('kind', '=', kind)
    .where('record_id', '=', recordId)
    .where('confirmed_at', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
