import { sql, type RawBuilder } from 'kysely';
import type { Membership, Role } from '@kompetansebro/domain';
import type { ActorKind } from '@kompetansebro/domain';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Executor } from '../persistence/executor';
import { hashToken, liveSession, restartIdleClock } from './session';

/** Who is asking: the user, all their memberships, and the one they act for now. */
export interface Principal {
  userId: string;
  email: string;
  name: string;
  memberships: Membership[];
  organisationId: string;
  organisationKind: ActorKind;
  role: Role;
}

/** A user's memberships with their organisations' names and kinds, by name (a query to run or nest). */
function membershipRows(db: Executor, userId: string | RawBuilder<string>) {
  return db
    .selectFrom('membership as m')
    .innerJoin('actor as a', 'a.id', 'm.organisation_id')
    .select(['m.organisation_id', 'm.role', 'a.name', 'a.kind'])
    .where('m.user_id', '=', userId)
    .orderBy('a.name');
}

type MembershipRow = { organisation_id: string; role: Role; name: string; kind: ActorKind };
const toMembership = (r: MembershipRow): Membership => ({ organisationId: r.organisation_id, organisationName: r.name, organisationKind: r.kind, role: r.role });

export async function membershipsOf(db: Executor, userId: string): Promise<Membership[]> {
  return (await membershipRows(db, userId).execute()).map(toMembership);
}

/** The principal acting for `organisationId`; null when the user no longer belongs to it. */
function principalFrom(user: { id: string; email: string; name: string }, memberships: Membership[], organisationId: string): Principal | null {
  const active = memberships.find((m) => m.organisationId === organisationId);
  if (!active) return null;
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    memberships,
    organisationId: active.organisationId,
    organisationKind: active.organisationKind,
    role: active.role,
  };
}

/** The principal of a live session; null when the user no longer belongs to that organisation. */
export async function loadPrincipal(db: Executor, userId: string, organisationId: string): Promise<Principal | null> {
  const user = await db.selectFrom('app_user').select(['id', 'email', 'name']).where('id', '=', userId).executeTakeFirst();
  if (!user) return null;
  return principalFrom(user, await membershipsOf(db, userId), organisationId);
}

/**
 * The principal of the session a token names (see `resumeSession`), read in one statement: the
 * live session, its user and the user's memberships. Null when the session is not alive or the
 * user no longer belongs to the organisation it acts for. `touchDue`: the session's idle clock is
 * due a restart (`touchSession`), which the caller does once it has answered, so that requests
 * reusing this read (http/read-reuse.ts) do not wait for a write.
 */
export async function principalOfSession(db: Executor, token: string): Promise<{ principal: Principal | null; touchDue: boolean } | null> {
  const row = await liveSession(db, hashToken(token))
    .select(['u.email', 'u.name', jsonArrayFrom(membershipRows(db, sql.ref<string>('s.user_id'))).as('memberships')])
    .executeTakeFirst();
  if (!row) return null;
  const principal = principalFrom({ id: row.user_id, email: row.email, name: row.name }, (row.memberships as MembershipRow[]).map(toMembership), row.organisation_id);
  return { principal, touchDue: row.stale };
}

/** Restarts the idle clock of the session a token names. */
export async function touchSession(db: Executor, token: string): Promise<void> {
  await restartIdleClock(db, hashToken(token));
}
