import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import { loginSchema, meSchema, switchOrganisationSchema, type Me } from '@kompetansebro/domain';
import { principalOf, publicAccess, sessionCookieName } from '../auth/access-control';
import { assertNotRateLimited, checkCredentials } from '../auth/login';
import { loadPrincipal, membershipsOf, type Principal } from '../auth/principal';
import { createSession, endSession, SESSION_ABSOLUTE_HOURS, switchSessionOrganisation } from '../auth/session';
import type { AppEnv } from '../http/app-env';
import { createRouter, jsonContent, problemResponses } from '../http/openapi';
import { ProblemError } from '../http/problem';

const Me = meSchema.meta({ id: 'Me' });
const tags = ['Auth'];

function meOf(principal: Principal): Me {
  return {
    user: { id: principal.userId, email: principal.email, name: principal.name },
    memberships: principal.memberships,
    activeOrganisationId: principal.organisationId,
    role: principal.role,
  };
}

/** The client's address, for the login rate limit (the socket's; a proxy in front is not trusted). */
function clientAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

const loginRoute = createRoute({
  method: 'post',
  path: '/api/auth/login',
  tags,
  summary: 'Log in with e-mail and password; sets the session cookie',
  middleware: [publicAccess()] as const,
  request: { body: { content: jsonContent(loginSchema.meta({ id: 'Login' })), required: true } },
  responses: {
    200: { description: 'Logged in', content: jsonContent(Me) },
    400: problemResponses[400],
    401: { description: 'Wrong e-mail or password', content: problemResponses[400].content },
    429: { description: 'Too many failed logins (Retry-After)', content: problemResponses[400].content },
  },
});

const logoutRoute = createRoute({
  method: 'post',
  path: '/api/auth/logout',
  tags,
  summary: 'Log out: ends the session',
  middleware: [publicAccess()] as const,
  responses: { 204: { description: 'Logged out' } },
});

const meRoute = createRoute({
  method: 'get',
  path: '/api/me',
  tags,
  summary: 'Who is logged in, their memberships, and the organisation they act for',
  middleware: [publicAccess()] as const,
  responses: { 200: { description: 'The user', content: jsonContent(Me) }, 401: { description: 'Not logged in', content: problemResponses[400].content } },
});

const switchRoute = createRoute({
  method: 'put',
  path: '/api/me/organisation',
  tags,
  summary: 'Act for another organisation the user belongs to',
  middleware: [publicAccess()] as const,
  request: { body: { content: jsonContent(switchOrganisationSchema), required: true } },
  responses: { 200: { description: 'Switched', content: jsonContent(Me) }, 400: problemResponses[400], 401: { description: 'Not logged in', content: problemResponses[400].content } },
});

export const authRoutes = createRouter()
  .openapi(loginRoute, async (c) => {
    const { db, config } = c.var.deps;
    const { password } = c.req.valid('json');
    const email = c.req.valid('json').email.toLowerCase();
    const address = clientAddress(c);
    await assertNotRateLimited(db, email, address);
    const credentials = await checkCredentials(db, email, password, address);
    if (!credentials) throw new ProblemError(401, 'Wrong e-mail or password');
    const memberships = await membershipsOf(db, credentials.userId);
    const first = memberships[0];
    if (!first) throw new ProblemError(403, 'The account belongs to no organisation yet. Ask the county to add you.');
    // A new session id at every login (no fixation); the old one, if any, ends.
    if (c.var.sessionToken) await endSession(db, c.var.sessionToken);
    const token = await createSession(db, credentials.userId, first.organisationId);
    setCookie(c, sessionCookieName(config.cookieSecure), token, {
      httpOnly: true,
      secure: config.cookieSecure,
      sameSite: 'Lax',
      path: '/',
      maxAge: SESSION_ABSOLUTE_HOURS * 3600,
    });
    const principal = await loadPrincipal(db, credentials.userId, first.organisationId);
    if (!principal) throw new ProblemError(403, 'The account belongs to no organisation yet');
    return c.json(meOf(principal), 200);
  })
  .openapi(logoutRoute, async (c) => {
    const { db, config } = c.var.deps;
    if (c.var.sessionToken) await endSession(db, c.var.sessionToken);
    deleteCookie(c, sessionCookieName(config.cookieSecure), { path: '/', secure: config.cookieSecure });
    return c.body(null, 204);
  })
  .openapi(meRoute, async (c) => c.json(meOf(principalOf(c)), 200))
  .openapi(switchRoute, async (c) => {
    const principal = principalOf(c);
    const { organisationId } = c.req.valid('json');
    if (!principal.memberships.some((m) => m.organisationId === organisationId)) {
      throw new ProblemError(400, 'You do not belong to this organisation', [
        { path: 'organisationId', code: 'not_a_member', message: 'You do not belong to this organisation' },
      ]);
    }
    const { db } = c.var.deps;
    await switchSessionOrganisation(db, c.var.sessionToken ?? '', organisationId);
    const switched = await loadPrincipal(db, principal.userId, organisationId);
    if (!switched) throw new ProblemError(401, 'Log in again');
    return c.json(meOf(switched), 200);
  });

