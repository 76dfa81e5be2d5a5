import { inviteUserSchema, pageSchema, userListQuerySchema, userMembershipsSchema, userSchema } from '@kompetansebro/domain';
import { principalOf } from '../auth/access-control';
import { sendInvitation } from '../auth/password-reset';
import {
  disableUser,
  enableUser,
  endUserSessions,
  getUser,
  inviteUser,
  listUsers,
  reinviteUser,
  setMemberships,
  type UserChangeContext,
} from './user.repository';
import { changeRecord, createRecord, readRecord } from '../http/record-handlers';
import { ifMatch, jsonAnswer, jsonBody, routesTagged, versionedAnswer } from '../http/api-route';
import { createRouter, idParamsSchema } from '../http/openapi';
import { versionedWriteResponses } from '../http/versioned';
import type { Context } from 'hono';
import type { AppEnv } from '../http/app-env';

// The accounts, for county admins (the policy table gives `user` to county_admin only).

const User = userSchema.meta({ id: 'User' });
const UserPage = pageSchema(User).meta({ id: 'UserPage' });

const route = routesTagged('Users');

const listRoute = route('get', '/api/users', ['user', 'read'], {
  summary: 'List accounts: search name and e-mail, optionally the members of one organisation; in Norwegian name order',
  request: { query: userListQuerySchema },
  answers: { 200: jsonAnswer('A page of users', UserPage) },
  problems: [400],
});

const inviteRoute = route('post', '/api/users', ['user', 'create'], {
  summary: 'Invite a person: creates the account without a password and e-mails a link (valid 7 days) to choose one',
  description: 'The role must fit the organisation’s kind (`role`: role_organisation_mismatch); an e-mail in use is refused (`email`: email_taken).',
  request: { body: jsonBody(inviteUserSchema.meta({ id: 'InviteUser' })) },
  answers: { 201: versionedAnswer('Invited', User) },
  problems: [400, 415],
});

const getRoute = route('get', '/api/users/{id}', ['user', 'read'], {
  summary: 'One account with its memberships',
  request: { params: idParamsSchema },
  answers: { 200: versionedAnswer('The user', User) },
  problems: [400, 404],
});

const membershipsRoute = route('put', '/api/users/{id}/memberships', ['user', 'update'], {
  summary: 'Replace the account’s organisations and roles (If-Match)',
  description: 'Each role must fit its organisation’s kind; at least one enabled county admin must remain (409).',
  request: { params: idParamsSchema, ...ifMatch, body: jsonBody(userMembershipsSchema.meta({ id: 'UserMemberships' })) },
  answers: versionedWriteResponses(User),
  problems: [409],
});

const stateRoute = (action: 'disable' | 'enable', summary: string) =>
  route('post', `/api/users/{id}/${action}`, ['user', 'update'], {
    summary,
    request: { params: idParamsSchema, ...ifMatch },
    answers: versionedWriteResponses(User),
    problems: [409],
  });

const disableRoute = stateRoute('disable', 'Disable the account (If-Match): it cannot log in, and its sessions and open links end');
const enableRoute = stateRoute('enable', 'Enable a disabled account again (If-Match)');

const endSessionsRoute = route('post', '/api/users/{id}/end-sessions', ['user', 'update'], {
  summary: 'Log the person out everywhere: ends all their sessions',
  request: { params: idParamsSchema },
  answers: { 204: { description: 'Ended' } },
  problems: [400, 404],
});

const invitationRoute = route('post', '/api/users/{id}/invitation', ['user', 'update'], {
  summary: 'Send the invitation again (a new 7-day link; earlier links stop working), for an account without a password',
  request: { params: idParamsSchema },
  answers: { 202: { description: 'Sent' } },
  problems: [400, 404, 409],
});

/** Who changes an account, for the audit log: the admin logged in (never the system). */
const actingAdmin = (c: Context<AppEnv>): UserChangeContext => ({ userId: principalOf(c).userId });

/** Sends an invitation after its transaction; a mail that fails is logged (the admin can send it again). */
async function mailInvitation(
  c: Context<AppEnv>,
  token: string,
  invitation: Omit<Parameters<typeof sendInvitation>[2], 'invitedBy'>,
): Promise<void> {
  const deps = c.get('deps');
  try {
    await sendInvitation(deps, token, { ...invitation, invitedBy: principalOf(c).name });
  } catch (error) {
    deps.logger.error({ requestId: c.get('requestId'), err: error }, 'invitation mail failed');
  }
}

export const usersRouter = createRouter()
  .openapi(listRoute, async (c) => c.json(await listUsers(c.get('deps').db, c.req.valid('query')), 200))
  .openapi(inviteRoute, (c) =>
    createRecord(
      c,
      async ({ db }) => {
        const input = c.req.valid('json');
        const { user, token, organisationName } = await inviteUser(db, input, actingAdmin(c));
        await mailInvitation(c, token, { email: user.email, name: user.name, membership: { organisationName, role: input.role } });
        return user;
      },
      (user) => `/api/users/${user.id}`,
    ),
  )
  .openapi(getRoute, (c) => readRecord(c, (db) => getUser(db, c.req.valid('param').id)))
  .openapi(membershipsRoute, (c) =>
    changeRecord(c, ({ db }, version) => setMemberships(db, c.req.valid('param').id, c.req.valid('json').memberships, version, actingAdmin(c))),
  )
  .openapi(disableRoute, (c) => changeRecord(c, ({ db }, version) => disableUser(db, c.req.valid('param').id, version, actingAdmin(c))))
  .openapi(enableRoute, (c) => changeRecord(c, ({ db }, version) => enableUser(db, c.req.valid('param').id, version, actingAdmin(c))))
  .openapi(endSessionsRoute, async (c) => {
    await endUserSessions(c.get('deps').db, c.req.valid('param').id, actingAdmin(c));
    return c.body(null, 204);
  })
  .openapi(invitationRoute, async (c) => {
    const { user, token } = await reinviteUser(c.get('deps').db, c.req.valid('param').id, actingAdmin(c));
    await mailInvitation(c, token, { email: user.email, name: user.name, membership: user.memberships[0] });
    return c.body(null, 202);
  });
