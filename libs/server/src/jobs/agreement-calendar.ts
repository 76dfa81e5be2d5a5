import { sql, type Expression, type SqlBool } from 'kysely';
import { DEFAULT_EXPIRING_DAYS, statusByCalendar, todayInNorway, type AgreementStatus, type IsoDate } from '@kompetansebro/domain';
import { writeAudit } from '../audit/audit.repository';
import type { Logger } from '../http/app-env';
import type { Executor } from '../persistence/executor';
import { inTransaction, nextVersion } from '../persistence/versioned-change';

// The calendar drives an agreement's status once it is signed (issue 13): signed → active on the
// start date, → expiring the county's number of days before the end, → expired after the end
// date. The rule is the domain's (statusByCalendar); here it is applied to the stored rows — by
// the daily job, and by every agreement and coverage read before it reads (so a status is never
// stale on read: both call the same function, and a second run on the same day changes nothing).

/** The county's "expiring" window: days before the end date. */
export async function expiringDaysOf(db: Executor): Promise<number> {
  const row = await db.selectFrom('county_setting').select('agreement_expiring_days').where('id', '=', 'county').executeTakeFirst();
  return row?.agreement_expiring_days ?? DEFAULT_EXPIRING_DAYS;
}

interface CalendarMove {
  id: string;
  from: AgreementStatus;
  to: AgreementStatus;
}

/**
 * Moves every agreement whose status the calendar changes on `today` (a date in Norway), each in
 * its own transaction with its transition (by nobody: the calendar) and audit entry; the version
 * moves, so a client holding the old one gets 412 and reloads. A row another run has moved
 * meanwhile (`status` no longer `from`) is left alone. Returns the moves made.
 */
export async function applyAgreementCalendar(db: Executor, today: IsoDate = todayInNorway()): Promise<CalendarMove[]> {
  const expiringDays = await expiringDaysOf(db);
  const warnFrom = sql<string>`${today}::date + ${expiringDays}::int`;
  // The rows whose calendar status differs from their status (statusByCalendar, in SQL): on a
  // day when nothing moves this finds nothing, through the (status, start_date) and
  // (status, end_date) indexes. The domain still decides each move.
  const candidates = await db
    .selectFrom('agreement')
    .select(['id', 'status', 'start_date', 'end_date'])
    .where((eb) => {
      // One index range per term (an OR inside a term would leave it a filter over every row of the status).
      const term = (status: 'signed' | 'active' | 'expiring', condition: Expression<SqlBool>) => eb.and([eb('status', '=', status), condition]);
      return eb.or([
        term('signed', eb('start_date', 'is', null)),
        term('signed', eb('start_date', '<=', today)),
        term('signed', eb('end_date', '<', today)),
        term('active', eb('end_date', '<=', warnFrom)),
        term('expiring', eb('end_date', 'is', null)),
        term('expiring', eb('end_date', '<', today)),
        term('expiring', eb('end_date', '>', warnFrom)),
      ]);
    })
    .execute();
  const moves = candidates
    .map((row) => ({ id: row.id, from: row.status, to: statusByCalendar({ status: row.status, startDate: row.start_date, endDate: row.end_date }, today, expiringDays) }))
    .filter((move) => move.from !== move.to);
  const made: CalendarMove[] = [];
  for (const move of moves) {
    const moved = await inTransaction(db, async (trx) => {
      const row = await trx
        .updateTable('agreement')
        .set({ status: move.to, ...nextVersion })
        .where('id', '=', move.id)
        .where('status', '=', move.from)
        .returning('id')
        .executeTakeFirst();
      if (!row) return false;
      await trx
        .insertInto('agreement_transition')
        .values({ agreement_id: move.id, from_status: move.from, to_status: move.to, user_id: null, note_code: 'calendar' })
        .execute();
      await writeAudit(trx, { userId: null, entity: 'agreement', entityId: move.id, action: 'transition', before: { status: move.from }, after: { status: move.to } });
      return true;
    });
    if (moved) made.push(move);
  }
  return made;
}

/** The daily run: the calendar's moves, logged. */
export async function runAgreementCalendar(deps: { db: Executor; logger: Logger }, today: IsoDate = todayInNorway()): Promise<number> {
  const moves = await applyAgreementCalendar(deps.db, today);
  deps.logger.info({ today, moved: moves.length }, 'agreement calendar run');
  return moves.length;
}
