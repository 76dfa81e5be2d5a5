import type { Kysely } from 'kysely';
import type { Database } from '@kompetansebro/db';
import { signAgreementsAcceptedByAll } from '../agreements/agreement.repository';
import { alignWeeklyHoursWithTimetables } from '../opening-hours/opening-hours.repository';
import type { Executor } from './executor';

// One-off corrections of data stored before a rule changed, where the correction needs the
// application's rules (a migration is frozen and imports none). Each runs once per database,
// after the migrations, in one transaction with its mark in data_repair: a failure leaves neither
// the changes nor the mark (the next start tries again), and a second instance starting at the
// same moment waits on the mark: it skips the repair when the first commits, runs it when the
// first fails. Every change a repair makes goes through the repositories, so it is audited.

interface DataRepair {
  /** Never renamed: the mark a database keeps. */
  name: string;
  /** Returns how many records it changed. */
  run(trx: Executor): Promise<number>;
}

export const DATA_REPAIRS: readonly DataRepair[] = [
  // Services' hours a week were entered freely until they followed the timetable on every write (session 39).
  { name: '2026-12-06 services-weekly-hours-follow-timetable', run: alignWeeklyHoursWithTimetables },
  // Agreements every party had accepted stayed under negotiation until the last acceptance signed them.
  { name: '2026-12-06 agreements-signed-by-every-acceptance', run: signAgreementsAcceptedByAll },
];

/** Runs the repairs this database has not had yet; returns those it ran, with how many records each changed. */
export async function applyDataRepairs(db: Kysely<Database>, repairs: readonly DataRepair[] = DATA_REPAIRS): Promise<{ name: string; changed: number }[]> {
  const applied: { name: string; changed: number }[] = [];
  for (const repair of repairs) {
    const changed = await db.transaction().execute(async (trx) => {
      const marked = await trx.insertInto('data_repair').values({ name: repair.name }).onConflict((oc) => oc.column('name').doNothing()).returning('name').execute();
      if (marked.length === 0) return null;
      const count = await repair.run(trx);
      await trx.updateTable('data_repair').set({ changed: count }).where('name', '=', repair.name).execute();
      return count;
    });
    if (changed !== null) applied.push({ name: repair.name, changed });
  }
  return applied;
}
