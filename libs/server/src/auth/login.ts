import { sql } from 'kysely';
import type { Executor } from '../persistence/executor';
import { ProblemError } from '../http/problem';
import { verifyPassword } from './password';

// Login throttling, counted in the database (login_attempt) so every instance of the API sees
// the same counts. Three limits, each a backoff once reached — the wait after the last failure
// doubles with every further failure, from 30 seconds up to the whole window — never a lockout:
//
// - one account from one address: 10 failures in 15 minutes (guessing one password);
// - one address, all accounts: 30 failures (spraying a common password over many accounts);
// - one account from every address: 10 failures — but only for addresses the account has not
//   logged in from in the last 90 days. A botnet guessing one account's password is slowed to
//   about one guess each 15 minutes, while the owner, from an address they have used before,
//   is never held up by it: an outsider cannot turn the throttle into a lockout of the owner.
//   (From a new address the owner waits like the attacker; a password reset clears the count.)

export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS = 10;
export const MAX_FAILURES_PER_ADDRESS = 30;
export const MAX_FAILURES_PER_ACCOUNT = 10;
/** An address the account has logged in from within this many days is known: the account-wide slowdown spares it. */
export const KNOWN_ADDRESS_DAYS = 90;
/** Login attempts are kept this long (they hold e-mail addresses and IP addresses), then deleted. */
export const LOGIN_ATTEMPT_RETENTION_DAYS = KNOWN_ADDRESS_DAYS;

const FIRST_WAIT_SECONDS = 30;
const LONGEST_WAIT_SECONDS = LOGIN_WINDOW_MINUTES * 60;

/** Seconds to wait after the last of `failures` failures once `max` is reached: 30 s, doubling, at most the window. */
export function backoffSeconds(failures: number, max: number): number {
  if (failures < max) return 0;
  return Math.min(LONGEST_WAIT_SECONDS, FIRST_WAIT_SECONDS * 2 ** Math.min(failures - max, 10));
}

interface FailureCount {
  failures: number;
  last: Date | string | null;
}

/** Seconds still to wait for one limit, given the database's clock. */
function remainingWait({ failures, last }: FailureCount, max: number, now: number): number {
  const wait = backoffSeconds(failures, max);
  if (wait === 0 || last === null) return 0;
  return Math.ceil((new Date(last).getTime() + wait * 1000 - now) / 1000);
}

/** 429 with Retry-After while one of the three limits (above) holds the account or the address back. */
export async function assertNotRateLimited(db: Executor, email: string, address: string): Promise<void> {
  const counts = await db
    .selectFrom('login_attempt')
    .select((eb) => {
      const pair = eb.and([eb('email', '=', email), eb('address', '=', address)]);
      return [
        eb.fn.count<string>('id').filterWhere(pair).as('pair'),
        eb.fn.max('at').filterWhere(pair).as('pair_last'),
        eb.fn.count<string>('id').filterWhere('address', '=', address).as('by_address'),
        eb.fn.max('at').filterWhere('address', '=', address).as('address_last'),
        eb.fn.count<string>('id').filterWhere('email', '=', email).as('by_account'),
        eb.fn.max('at').filterWhere('email', '=', email).as('account_last'),
        sql<Date>`now()`.as('now'),
        eb
          .exists(
            eb
              .selectFrom('login_attempt as known')
              .select(sql`1`.as('one'))
              .where('known.email', '=', email)
              .where('known.address', '=', address)
              .where('known.succeeded', '=', true)
              .where('known.at', '>', sql<Date>`now() - make_interval(days => ${KNOWN_ADDRESS_DAYS})`),
          )
          .as('known_address'),
      ];
    })
    .where('succeeded', '=', false)
    .where('at', '>', sql<Date>`now() - make_interval(mins => ${LOGIN_WINDOW_MINUTES})`)
    .where((eb) => eb.or([eb('email', '=', email), eb('address', '=', address)]))
    .executeTakeFirstOrThrow();
  const now = new Date(counts.now).getTime();
  const waits = [
    remainingWait({ failures: Number(counts.pair), last: counts.pair_last as Date | null }, MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS, now),
    remainingWait({ failures: Number(counts.by_address), last: counts.address_last as Date | null }, MAX_FAILURES_PER_ADDRESS, now),
    counts.known_address ? 0 : remainingWait({ failures: Number(counts.by_account), last: counts.account_last as Date | null }, MAX_FAILURES_PER_ACCOUNT, now),
  ];
  const retryAfter = Math.max(...waits);
  if (retryAfter > 0) throw new ProblemError(429, 'Too many failed logins. Wait a while and try again.', undefined, { retryAfter });
}

/** Logs an attempt (which the limits count), and deletes the attempts older than the retention. */
export async function recordLoginAttempt(db: Executor, email: string, address: string, succeeded: boolean): Promise<void> {
  await db.insertInto('login_attempt').values({ email, address, succeeded }).execute();
  await db.deleteFrom('login_attempt').where('at', '<', sql<Date>`now() - make_interval(days => ${LOGIN_ATTEMPT_RETENTION_DAYS})`).execute();
}

/**
 * Checks e-mail and password. Wrong password and unknown e-mail get the same answer and take
 * the same time (the password is checked against a dummy hash when the e-mail is unknown).
 */
export async function checkCredentials(
  db: Executor,
  email: string,
  password: string,
  address: string,
): Promise<{ userId: string } | null> {
  const user = await db
    .selectFrom('app_user')
    .select(['id', 'password_hash', 'disabled_at'])
    .where('email', '=', email)
    .executeTakeFirst();
  const passwordMatches = await verifyPassword(user?.password_hash ?? null, password);
  const succeeded = Boolean(user && passwordMatches && user.disabled_at === null);
  await recordLoginAttempt(db, email, address, succeeded);
  return succeeded && user ? { userId: user.id } : null;
}
