import { sql } from 'kysely';
import type { Executor } from '../persistence/executor';
import { ProblemError } from '../http/problem';
import { verifyPassword } from './password';

export const MAX_FAILED_LOGINS = 10;
export const LOGIN_WINDOW_MINUTES = 15;

/** 429 with Retry-After once an account or an address has failed 10 times in 15 minutes. */
export async function assertNotRateLimited(db: Executor, email: string, address: string): Promise<void> {
  const failures = await db
    .selectFrom('login_attempt')
    .select((eb) => [
      eb.fn.count<string>('id').filterWhere('email', '=', email).as('by_email'),
      eb.fn.count<string>('id').filterWhere('address', '=', address).as('by_address'),
      eb.fn.min('at').as('oldest'),
    ])
    .where('succeeded', '=', false)
    .where('at', '>', sql<Date>`now() - make_interval(mins => ${LOGIN_WINDOW_MINUTES})`)
    .where((eb) => eb.or([eb('email', '=', email), eb('address', '=', address)]))
    .executeTakeFirstOrThrow();
  if (Number(failures.by_email) >= MAX_FAILED_LOGINS || Number(failures.by_address) >= MAX_FAILED_LOGINS) {
    const oldest = failures.oldest ? new Date(failures.oldest as Date | string).getTime() : Date.now();
    const retryAfter = Math.max(1, Math.ceil((oldest + LOGIN_WINDOW_MINUTES * 60_000 - Date.now()) / 1000));
    throw new ProblemError(429, 'Too many failed logins. Wait a while and try again.', undefined, { retryAfter });
  }
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
  await db.insertInto('login_attempt').values({ email, address, succeeded }).execute();
  return succeeded && user ? { userId: user.id } : null;
}
