import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../persistence/executor';

export const SESSION_IDLE_MINUTES = 30;
export const SESSION_ABSOLUTE_HOURS = 12;

/** Only the hash of a session id is stored: a copy of the table opens no session. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new random token: 256 bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export async function createSession(db: Executor, userId: string, organisationId: string): Promise<string> {
  const token = newToken();
  await db
    .insertInto('user_session')
    .values({
      id_hash: hashToken(token),
      user_id: userId,
      organisation_id: organisationId,
      expires_at: sql<Date>`now() + make_interval(hours => ${SESSION_ABSOLUTE_HOURS})`,
    })
    .execute();
  return token;
}

/** The idle clock is restarted at most this often: a read need not write on every request. */
const TOUCH_INTERVAL_SECONDS = 60;

/** The live sessions a token hash names: not past its absolute end, used within the idle time, its user not disabled. */
export function liveSession(db: Executor, idHash: string) {
  return db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select(['s.user_id', 's.organisation_id', sql<boolean>`s.last_seen_at < now() - make_interval(secs => ${TOUCH_INTERVAL_SECONDS})`.as('stale')])
    .where('s.id_hash', '=', idHash)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where('s.last_seen_at', '>', sql<Date>`now() - make_interval(mins => ${SESSION_IDLE_MINUTES})`)
    .where('u.disabled_at', 'is', null);
}

/** Restarts a session's idle clock. */
export async function restartIdleClock(db: Executor, idHash: string): Promise<void> {
  await db.updateTable('user_session').set({ last_seen_at: sql`now()` }).where('id_hash', '=', idHash).execute();
}

/** Restarts a session's idle clock when it was last touched over a minute ago (most requests only read). */
export async function touchIfStale(db: Executor, idHash: string, stale: boolean): Promise<void> {
  if (stale) await restartIdleClock(db, idHash);
}

/**
 * The session a token names, if it is alive: not past its absolute end, used within the idle
 * time, and its user not disabled. Touches it (the idle clock restarts) when last touched over
 * a minute ago, so most requests only read.
 */
export async function resumeSession(db: Executor, token: string): Promise<{ userId: string; organisationId: string } | null> {
  const idHash = hashToken(token);
  const session = await liveSession(db, idHash).executeTakeFirst();
  if (!session) return null;
  await touchIfStale(db, idHash, session.stale);
  return { userId: session.user_id, organisationId: session.organisation_id };
}

export async function endSession(db: Executor, token: string): Promise<void> {
  await db.deleteFrom('user_session').where('id_hash', '=', hashToken(token)).execute();
}

export async function endSessionsOfUser(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom('user_session').where('user_id', '=', userId).execute();
}

export async function switchSessionOrganisation(db: Executor, token: string, organisationId: string): Promise<void> {
  await db.updateTable('user_session').set({ organisation_id: organisationId }).where('id_hash', '=', hashToken(token)).execute();
}
