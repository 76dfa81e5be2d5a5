import { sql } from 'kysely';
import { accountErrorCodes, type Role } from '@kompetansebro/domain';
import type { Executor } from '../persistence/executor';
import { writeAudit } from '../audit/audit.repository';
import { publicUrlOf, type AppConfig, type RequestDeps } from '../http/app-env';
import { invalidInput, ProblemError } from '../http/problem';
import { inTransaction } from '../persistence/versioned-change';
import { hashPassword } from './password';
import { newPasswordErrors } from './password-policy';
import { endSessionsOfUser, hashToken, newToken } from './session';

// One-time links that let a person set their password: "forgot password" (valid one hour) and
// the invitation a county admin sends (valid seven days). Both are rows of password_reset: a
// random 256-bit token, of which only the SHA-256 is stored, used once.

export const RESET_VALID_MINUTES = 60;
export const INVITATION_VALID_DAYS = 7;

/** Reset requests from one address: at most this many in the window, then 429. */
export const MAX_RESET_REQUESTS_PER_ADDRESS = 10;
/** Reset mails to one account: at most this many an hour; more requests are answered alike but send nothing. */
export const MAX_RESET_MAILS_PER_ACCOUNT = 3;
/** Refused reset tokens from one address: at most this many in the window, then 429. */
export const MAX_REFUSED_TOKENS_PER_ADDRESS = 20;
export const RATE_WINDOW_MINUTES = 15;

/** The page of the county console that reads the token and asks for the new password. */
export const SET_PASSWORD_PATH = '/fylke/nytt-passord';

type RateLimitKind = 'password_reset_request' | 'reset_token_refused';

/** 429 with Retry-After when `key` has reached `max` events of this kind in the window. */
export async function assertWithinRateLimit(db: Executor, kind: RateLimitKind, key: string, max: number): Promise<void> {
  const row = await db
    .selectFrom('rate_limit_event')
    .select((eb) => [eb.fn.countAll<string>().as('count'), eb.fn.min('at').as('oldest')])
    .where('kind', '=', kind)
    .where('key', '=', key)
    .where('at', '>', sql<Date>`now() - make_interval(mins => ${RATE_WINDOW_MINUTES})`)
    .executeTakeFirstOrThrow();
  if (Number(row.count) >= max) {
    const oldest = row.oldest ? new Date(row.oldest as Date | string).getTime() : Date.now();
    const retryAfter = Math.max(1, Math.ceil((oldest + RATE_WINDOW_MINUTES * 60_000 - Date.now()) / 1000));
    throw new ProblemError(429, 'Too many requests. Wait a while and try again.', undefined, { retryAfter });
  }
}

export async function recordRateLimitEvent(db: Executor, kind: RateLimitKind, key: string): Promise<void> {
  await db.insertInto('rate_limit_event').values({ kind, key }).execute();
  // Old events count for nothing: clear them as we go (indexed on `at`).
  await db.deleteFrom('rate_limit_event').where('at', '<', sql<Date>`now() - interval '1 day'`).execute();
}

/** A new one-time token for the user; only its hash is stored. */
export async function issueSetPasswordToken(db: Executor, userId: string, purpose: 'reset' | 'invitation'): Promise<string> {
  const token = newToken();
  const validity = purpose === 'reset' ? sql<Date>`now() + make_interval(mins => ${RESET_VALID_MINUTES})` : sql<Date>`now() + make_interval(days => ${INVITATION_VALID_DAYS})`;
  await db.insertInto('password_reset').values({ token_hash: hashToken(token), user_id: userId, expires_at: validity }).execute();
  return token;
}

export function setPasswordLink(config: AppConfig, token: string, purpose: 'reset' | 'invitation'): string {
  const url = new URL(`${publicUrlOf(config)}${SET_PASSWORD_PATH}`);
  url.searchParams.set('token', token);
  if (purpose === 'invitation') url.searchParams.set('invitasjon', '1');
  return url.href;
}

/** Runs work after the answer has gone (so that every answer takes the same time); logs a failure. */
export function runInBackground(deps: RequestDeps, what: string, work: () => Promise<void>): void {
  void work().catch((error: unknown) => deps.logger.error({ err: error }, `${what} failed`));
}

/**
 * "Forgot password": counts the request against the caller's address (429 beyond the limit),
 * then — after the answer — sends a link when the e-mail names an enabled account that has not
 * had too many links this hour. The answer is the same whether or not the account exists.
 */
export async function requestPasswordReset(deps: RequestDeps, email: string, address: string): Promise<void> {
  await assertWithinRateLimit(deps.db, 'password_reset_request', address, MAX_RESET_REQUESTS_PER_ADDRESS);
  await recordRateLimitEvent(deps.db, 'password_reset_request', address);
  runInBackground(deps, 'password-reset mail', () => sendPasswordReset(deps, email));
}

async function sendPasswordReset(deps: RequestDeps, email: string): Promise<void> {
  const { db, config, mailer } = deps;
  const user = await db
    .selectFrom('app_user')
    .select(['id', 'email'])
    .where('email', '=', email)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!user) return;
  // Requests close together run their mails at the same time: the account's row is locked while
  // its links this hour are counted and the new one is issued, so together they never pass the limit.
  const token = await inTransaction(db, async (trx) => {
    await trx.selectFrom('app_user').select('id').where('id', '=', user.id).forNoKeyUpdate().executeTakeFirst();
    const recent = await trx
      .selectFrom('password_reset')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('user_id', '=', user.id)
      .where('created_at', '>', sql<Date>`now() - interval '1 hour'`)
      .executeTakeFirstOrThrow();
    return Number(recent.count) >= MAX_RESET_MAILS_PER_ACCOUNT ? null : issueSetPasswordToken(trx, user.id, 'reset');
  });
  if (token === null) {
    deps.logger.info({ userId: user.id }, 'password-reset mail not sent: too many this hour');
    return;
  }
  await mailer.send({
    to: user.email,
    subject: 'Nytt passord til Kompetansebro',
    text: [
      'Hei,',
      '',
      'Noen – forhåpentlig du – har bedt om å få sette nytt passord til Kompetansebro for denne e-postadressen.',
      `Åpne lenken innen én time for å velge et nytt passord. Lenken kan brukes én gang:`,
      '',
      setPasswordLink(config, token, 'reset'),
      '',
      'Har du ikke bedt om dette, kan du se bort fra e-posten. Passordet ditt er ikke endret.',
      '',
      'Hilsen Kompetansebro',
    ].join('\n'),
  });
}

const roleNames: Record<Role, string> = {
  county_admin: 'administrator i fylket',
  county_viewer: 'lesetilgang i fylket',
  study_centre_coordinator: 'koordinator for studiesenteret',
  university_liaison: 'kontaktperson for universitetsbiblioteket',
  library_editor: 'redaktør for biblioteket',
  partner_contact: 'kontaktperson hos samarbeidspartner',
};

/**
 * The invitation to an account a county admin has created: a link to choose a password, valid
 * seven days (the token is issued by the caller, in the transaction that records it).
 */
export async function sendInvitation(
  deps: RequestDeps,
  token: string,
  invitation: { email: string; name: string; membership: { organisationName: string; role: Role } | undefined; invitedBy: string },
): Promise<void> {
  const oidc = deps.config.oidc;
  await deps.mailer.send({
    to: invitation.email,
    subject: 'Du er invitert til Kompetansebro',
    text: [
      `Hei, ${invitation.name}.`,
      '',
      invitation.membership
        ? `${invitation.invitedBy} har gitt deg tilgang til Kompetansebro for ${invitation.membership.organisationName} (${roleNames[invitation.membership.role]}).`
        : `${invitation.invitedBy} har gitt deg tilgang til Kompetansebro.`,
      `Åpne lenken innen ${INVITATION_VALID_DAYS} dager for å velge passord. Lenken kan brukes én gang:`,
      '',
      setPasswordLink(deps.config, token, 'invitation'),
      ...(oidc ? ['', `Du kan også logge inn med ${oidc.displayName} med denne e-postadressen.`] : []),
      '',
      'Hilsen Kompetansebro',
    ].join('\n'),
  });
}

/** The user a token lets set a password: unknown, used, expired, or a disabled account → null. */
async function userOfToken(db: Executor, token: string, lock: boolean): Promise<{ userId: string; email: string; hadPassword: boolean } | null> {
  let query = db
    .selectFrom('password_reset as r')
    .innerJoin('app_user as u', 'u.id', 'r.user_id')
    .select(['u.id', 'u.email', 'u.password_hash'])
    .where('r.token_hash', '=', hashToken(token))
    .where('r.used_at', 'is', null)
    .where('r.expires_at', '>', sql<Date>`now()`)
    .where('u.disabled_at', 'is', null);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? { userId: row.id, email: row.email, hadPassword: row.password_hash !== null } : null;
}

const invalidToken = () =>
  new ProblemError(400, 'The link is not valid: it may have expired or been used already. Ask for a new one.', [
    { path: 'token', code: accountErrorCodes.resetTokenInvalid, message: 'The link has expired, has been used, or is unknown' },
  ]);

/**
 * Sets the password a one-time link allows (a reset, or an invitation's first password) when the
 * password policy takes it (400 naming `password` otherwise): stores its argon2id hash, uses up every open link of
 * the user, ends all their sessions, forgets their failed logins, and records it in the audit log.
 */
export async function resetPassword(deps: RequestDeps, token: string, password: string, address: string): Promise<void> {
  const { db } = deps;
  await assertWithinRateLimit(db, 'reset_token_refused', address, MAX_REFUSED_TOKENS_PER_ADDRESS);
  // Checked before hashing, so that a stream of bad tokens costs no argon2 work.
  const holder = await userOfToken(db, token, false);
  if (!holder) {
    await recordRateLimitEvent(db, 'reset_token_refused', address);
    throw invalidToken();
  }
  const weak = newPasswordErrors(password, holder.email);
  if (weak.length > 0) throw invalidInput(weak);
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const user = await userOfToken(trx, token, true);
    if (!user) throw invalidToken();
    await trx
      .updateTable('app_user')
      .set({ password_hash: passwordHash, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', user.userId)
      .execute();
    await trx.updateTable('password_reset').set({ used_at: sql`now()` }).where('user_id', '=', user.userId).where('used_at', 'is', null).execute();
    await endSessionsOfUser(trx, user.userId);
    await trx.deleteFrom('login_attempt').where('email', '=', user.email).where('succeeded', '=', false).execute();
    await writeAudit(trx, {
      userId: user.userId,
      entity: 'user',
      entityId: user.userId,
      action: 'update',
      before: { hasPassword: user.hadPassword },
      after: { hasPassword: true, passwordSetBy: 'one-time link', sessionsEnded: true },
    });
  });
}
