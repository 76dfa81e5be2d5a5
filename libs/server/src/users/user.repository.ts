import { sql, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '@kompetansebro/db';
import {
  accountErrorCodes,
  roleFitsOrganisation,
  type ActorKind,
  type FieldError,
  type InviteUser,
  type Membership,
  type MembershipInput,
  type Page,
  type User,
  type UserListQuery,
} from '@kompetansebro/domain';
import { ConflictError, DomainRuleError, NotFoundError } from '@kompetansebro/domain';
import type { Executor } from '../persistence/executor';
import { uniqueViolation } from '../persistence/database-errors';
import { auditedAction, auditedCreate, nextVersion, versionedChange, type VersionedRecord, type ExpectedVersion } from '../persistence/versioned-change';
import { issueSetPasswordToken } from '../auth/password-reset';
import { endSessionsOfUser } from '../auth/session';
import { likePattern, pageRows } from '../persistence/repository-helpers';

// The accounts county admins manage: invite (an account without a password and a link to set
// one), memberships, disable/enable, end sessions. Every change writes its audit entry in the
// same transaction; the entries hold no name or e-mail, only memberships and states.

/** Who makes the change: the acting county admin. */
export interface UserChangeContext {
  userId: string;
}

const userColumns = ['u.id', 'u.email', 'u.name', 'u.password_hash', 'u.disabled_at', 'u.version', 'u.created_at', 'u.updated_at'] as const;

interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  disabled_at: Date | string | null;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
}

const iso = (value: Date | string): string => new Date(value).toISOString();

/** Norwegian order of names (æ, ø, å after z), as the domain's norwegianSortKey, in SQL. */
const nameSortKey = sql`translate(lower(u.name), 'æÆäÄøØöÖåÅüÜ', '{{{{||||}}yy') collate "C"`;

async function membershipsOfUsers(db: Executor, userIds: readonly string[]): Promise<Map<string, Membership[]>> {
  const byUser = new Map<string, Membership[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byUser;
  const rows = await db
    .selectFrom('membership as m')
    .innerJoin('actor as a', 'a.id', 'm.organisation_id')
    .select(['m.user_id', 'm.organisation_id', 'm.role', 'a.name', 'a.kind'])
    .where('m.user_id', 'in', userIds)
    .orderBy(sql`a.sort_key collate "C"`)
    .orderBy('a.id')
    .execute();
  for (const row of rows) {
    byUser.get(row.user_id)?.push({
      organisationId: row.organisation_id,
      organisationName: row.name,
      organisationKind: row.kind,
      role: row.role,
    });
  }
  return byUser;
}

function toUser(row: UserRow, memberships: Membership[]): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    disabledAt: row.disabled_at === null ? null : iso(row.disabled_at),
    memberships,
    hasPassword: row.password_hash !== null,
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export async function listUsers(db: Executor, query: UserListQuery): Promise<Page<User>> {
  let filtered = db.selectFrom('app_user as u');
  if (query.q) {
    const pattern = likePattern(query.q);
    filtered = filtered.where((eb) => eb.or([eb('u.name', 'ilike', pattern), eb('u.email', 'ilike', pattern)]));
  }
  if (query.organisation) {
    const organisation = query.organisation;
    filtered = filtered.where((eb) =>
      eb.exists(eb.selectFrom('membership as m').select('m.user_id').whereRef('m.user_id', '=', 'u.id').where('m.organisation_id', '=', organisation)),
    );
  }
  const countRow = await filtered.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
  const rows = await pageRows(filtered.select(userColumns).orderBy(nameSortKey).orderBy('u.id'), query).execute();
  const memberships = await membershipsOfUsers(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => toUser(r, memberships.get(r.id) ?? [])),
    total: Number(countRow.total),
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getUser(db: Executor, id: string): Promise<User> {
  const row = await db.selectFrom('app_user as u').select(userColumns).where('u.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('user');
  const memberships = await membershipsOfUsers(db, [id]);
  return toUser(row, memberships.get(id) ?? []);
}

/** What the audit log keeps of a user: no name, no e-mail. */
function auditView(user: User) {
  return {
    memberships: user.memberships.map((m) => ({ organisationId: m.organisationId, role: m.role })),
    disabled: user.disabledAt !== null,
    hasPassword: user.hasPassword,
  };
}

/**
 * Checks memberships against the organisations: each must exist (and not be archived), appear
 * once, and fit its role (roleOrganisationKinds). 400 naming each bad field; `pathOf` says where.
 */
async function checkMemberships(
  db: Executor,
  memberships: readonly MembershipInput[],
  pathOf: (index: number, field: 'organisationId' | 'role') => string,
): Promise<Map<string, { name: string; kind: ActorKind }>> {
  const ids = [...new Set(memberships.map((m) => m.organisationId))];
  const rows = await db.selectFrom('actor').select(['id', 'name', 'kind']).where('id', 'in', ids).where('archived_at', 'is', null).execute();
  const organisations = new Map(rows.map((r) => [r.id, { name: r.name, kind: r.kind }]));
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  memberships.forEach((m, index) => {
    const organisation = organisations.get(m.organisationId);
    if (!organisation) {
      errors.push({ path: pathOf(index, 'organisationId'), code: accountErrorCodes.organisationNotFound, message: 'No organisation has this id' });
    } else if (!roleFitsOrganisation(m.role, organisation.kind)) {
      errors.push({
        path: pathOf(index, 'role'),
        code: accountErrorCodes.roleOrganisationMismatch,
        message: `The role ${m.role} does not fit an organisation of the kind ${organisation.kind}`,
        params: { organisationKind: organisation.kind },
      });
    }
    if (seen.has(m.organisationId)) {
      errors.push({ path: pathOf(index, 'organisationId'), code: accountErrorCodes.duplicateOrganisation, message: 'The organisation is listed twice' });
    }
    seen.add(m.organisationId);
  });
  if (errors.length > 0) throw new DomainRuleError(errors);
  return organisations;
}

const emailTaken = () =>
  new DomainRuleError([{ path: 'email', code: accountErrorCodes.emailTaken, message: 'An account with this e-mail exists already' }]);

/**
 * Creates an invited account: no password, one membership, and a seven-day link to choose a
 * password (the token is returned for the mail, which the caller sends after the commit).
 */
export async function inviteUser(db: Executor, input: InviteUser, context: UserChangeContext): Promise<{ user: User; token: string; organisationName: string }> {
  const email = input.email.toLowerCase();
  try {
    // The link's token and the organisation's name are made in the insert, for the mail.
    let invitation = { token: '', organisationName: '' };
    const user = await auditedCreate(db, {
      entity: 'user',
      context,
      insert: async (trx) => {
        const organisations = await checkMemberships(trx, [{ organisationId: input.organisationId, role: input.role }], (_i, field) => field);
        const taken = await trx.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirst();
        if (taken) throw emailTaken();
        const inserted = await trx.insertInto('app_user').values({ email, name: input.name, password_hash: null }).returning('id').executeTakeFirstOrThrow();
        await trx.insertInto('membership').values({ user_id: inserted.id, organisation_id: input.organisationId, role: input.role }).execute();
        invitation = { token: await issueSetPasswordToken(trx, inserted.id, 'invitation'), organisationName: organisations.get(input.organisationId)?.name ?? '' };
        return inserted.id;
      },
      read: getUser,
      toAudit: (created) => ({ ...auditView(created), invited: true }),
    });
    return { user, ...invitation };
  } catch (error) {
    if (uniqueViolation(error)) throw emailTaken();
    throw error;
  }
}

/** A new invitation link for an account that has no password yet (the first may have expired). */
export async function reinviteUser(db: Executor, id: string, context: UserChangeContext): Promise<{ user: User; token: string }> {
  return auditedAction(db, { entity: 'user', entityId: id, action: 'update' }, context, async (trx) => {
    const user = await lockedUser(trx, id);
    if (user.disabledAt !== null) throw new ConflictError('The account is disabled: enable it first');
    if (user.hasPassword) throw new ConflictError('The account has a password already; its owner can ask for a new one on the login page');
    await trx.updateTable('password_reset').set({ used_at: sql`now()` }).where('user_id', '=', id).where('used_at', 'is', null).execute();
    const token = await issueSetPasswordToken(trx, id, 'invitation');
    return { result: { user, token }, audit: { before: null, after: { invitationSent: true } } };
  });
}

/** Locks the account for a change that does not need If-Match (a new invitation, ending sessions). */
async function lockedUser(trx: Transaction<Database>, id: string): Promise<User> {
  const locked = await trx.selectFrom('app_user').select('version').where('id', '=', id).forUpdate().executeTakeFirst();
  if (!locked) throw new NotFoundError('user');
  return getUser(trx, id);
}

/** At least one enabled county admin must remain, or nobody could manage the accounts. */
async function assertAnAdminRemains(trx: Transaction<Database>): Promise<void> {
  const admin = await trx
    .selectFrom('membership as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select('u.id')
    .where('m.role', '=', 'county_admin')
    .where('u.disabled_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  if (!admin) throw new ConflictError('This would leave no enabled county admin');
}

async function bumpVersion(trx: Transaction<Database>, id: string, changes: { disabled_at?: RawBuilder<Date> | null } = {}): Promise<void> {
  await trx
    .updateTable('app_user')
    .set({ ...changes, ...nextVersion })
    .where('id', '=', id)
    .execute();
}

/** The account as a versioned record; the audit log keeps its view without secrets. */
function userRecord(id: string): VersionedRecord<User> {
  return { table: 'app_user', id, entity: 'user', read: (trx) => getUser(trx, id), toAudit: auditView };
}

/** Replaces all of a user's memberships (If-Match). */
export async function setMemberships(
  db: Executor,
  id: string,
  memberships: readonly MembershipInput[],
  expectedVersion: ExpectedVersion,
  context: UserChangeContext,
): Promise<User> {
  return versionedChange(db, {
    ...userRecord(id),
    expectedVersion,
    context,
    action: 'update',
    write: async (trx) => {
      await checkMemberships(trx, memberships, (index, field) => `memberships.${index}.${field}`);
      await trx.deleteFrom('membership').where('user_id', '=', id).execute();
      await trx
        .insertInto('membership')
        .values(memberships.map((m) => ({ user_id: id, organisation_id: m.organisationId, role: m.role })))
        .execute();
      await assertAnAdminRemains(trx);
      await bumpVersion(trx, id);
    },
  });
}

/** Disables the account (If-Match): it can no longer log in, its sessions and open links end. */
export async function disableUser(db: Executor, id: string, expectedVersion: ExpectedVersion, context: UserChangeContext): Promise<User> {
  if (id === context.userId) throw new ConflictError('You cannot disable your own account');
  return versionedChange(db, {
    ...userRecord(id),
    expectedVersion,
    context,
    action: 'update',
    write: async (trx, before) => {
      if (before.disabledAt !== null) return 'unchanged';
      await bumpVersion(trx, id, { disabled_at: sql<Date>`now()` });
      await endSessionsOfUser(trx, id);
      await trx.updateTable('password_reset').set({ used_at: sql`now()` }).where('user_id', '=', id).where('used_at', 'is', null).execute();
      await assertAnAdminRemains(trx);
    },
  });
}

/** Enables a disabled account again (If-Match). */
export async function enableUser(db: Executor, id: string, expectedVersion: ExpectedVersion, context: UserChangeContext): Promise<User> {
  return versionedChange(db, {
    ...userRecord(id),
    expectedVersion,
    context,
    action: 'update',
    write: async (trx, before) => {
      if (before.disabledAt === null) return 'unchanged';
      await bumpVersion(trx, id, { disabled_at: null });
    },
  });
}

/** Ends every session of the user (they must log in again); returns how many ended. */
export async function endUserSessions(db: Executor, id: string, context: UserChangeContext): Promise<number> {
  return auditedAction(db, { entity: 'user', entityId: id, action: 'update' }, context, async (trx) => {
    await lockedUser(trx, id);
    const ended = await trx.deleteFrom('user_session').where('user_id', '=', id).executeTakeFirst();
    const count = Number(ended.numDeletedRows);
    return { result: count, audit: { before: null, after: { sessionsEnded: count } } };
  });
}
