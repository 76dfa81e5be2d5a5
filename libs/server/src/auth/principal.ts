import type { Membership, Role } from '@kompetansebro/domain';
import type { ActorKind } from '@kompetansebro/domain';
import type { Executor } from '../persistence/executor';

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

export async function membershipsOf(db: Executor, userId: string): Promise<Membership[]> {
  const rows = await db
    .selectFrom('membership as m')
    .innerJoin('actor as a', 'a.id', 'm.organisation_id')
    .select(['m.organisation_id', 'm.role', 'a.name', 'a.kind'])
    .where('m.user_id', '=', userId)
    .orderBy('a.name')
    .execute();
  return rows.map((r) => ({
    organisationId: r.organisation_id,
    organisationName: r.name,
    organisationKind: r.kind,
    role: r.role,
  }));
}

/** The principal of a live session; null when the user no longer belongs to that organisation. */
export async function loadPrincipal(db: Executor, userId: string, organisationId: string): Promise<Principal | null> {
  const user = await db.selectFrom('app_user').select(['id', 'email', 'name']).where('id', '=', userId).executeTakeFirst();
  if (!user) return null;
  const memberships = await membershipsOf(db, userId);
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
