import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import {
  authProvidersSchema,
  loginSchema,
  meSchema,
  passwordResetRequestSchema,
  passwordResetSchema,
  permissionsOf,
  switchOrganisationSchema,
  type Me,
} from '@kompetansebro/domain';
import { principalOf, publicAccess, sessionCookieName } from './access-control';
import { assertNotRateLimited, checkCredentials, recordLoginAttempt } from './login';
import { afterLogin, loginPageFor, OIDC_LOGIN_VALID_MINUTES, OidcLoginFailure, safeReturnTo } from './oidc';
import { requestPasswordReset, resetPassword } from './password-reset';
import { loadPrincipal, membershipsOf, type Principal } from './principal';
import { createSession, endSession, SESSION_ABSOLUTE_HOURS, switchSessionOrganisation } from './session';
import type { AppEnv } from '../http/app-env';
import { clientAddress } from '../http/client-address';
import { createRouter, jsonContent, problemResponses } from '../http/openapi';
import { ProblemError } from '../http/problem';

const Me = meSchema.meta({ id: 'Me' });

/**
 * The routes of logging in and out: reached without a session (the handlers check one where they
 * need it), listed under Auth.
 */
function publicRoute<P extends string, R extends Omit<RouteConfig, 'path' | 'tags' | 'middleware'> & { path: P }>(route: R) {
  return createRoute({ tags: ['Auth'], ...route, middleware: [publicAccess()] as const });
}

/** A refusal answered as problem+json, with what it means here. */
const problemAs = (description: string) => ({ description, content: problemResponses[400].content });

function meOf(principal: Principal): Me {
  return {
    user: { id: principal.userId, email: principal.email, name: principal.name },
    memberships: principal.memberships,
    activeOrganisationId: principal.organisationId,
    role: principal.role,
    permissions: permissionsOf(principal.role),
  };
}

/** The client's address, for the login rate limits: the socket's, or what a proxy of TRUST_PROXY forwarded. */
const clientAddressOf = (c: Context<AppEnv>): string => clientAddress(c, c.get('deps').trustedProxies);

/** The cookie that binds an OIDC login under way to the browser that started it. */
function oidcCookieName(secure: boolean): string {
  return secure ? '__Host-oidc' : 'oidc';
}

/**
 * Sets one of the cookies a login uses (the session's, the OIDC login's): HTTP-only, for the
 * whole site, and Lax — so it is sent on the OIDC provider's top-level redirect back to the callback.
 */
function setSiteCookie(c: Context<AppEnv>, name: string, value: string, maxAgeSeconds: number): void {
  const secure = c.get('deps').config.cookieSecure;
  setCookie(c, name, value, { httpOnly: true, secure, sameSite: 'Lax', path: '/', maxAge: maxAgeSeconds });
}

function deleteSiteCookie(c: Context<AppEnv>, name: string): void {
  deleteCookie(c, name, { path: '/', secure: c.get('deps').config.cookieSecure });
}

/**
 * Starts a session for the user exactly as every login does — a new session id (the old one, if
 * any, ends: no fixation), the session cookie — acting for their first organisation.
 * null when the account belongs to no organisation.
 */
async function beginSession(c: Context<AppEnv>, userId: string): Promise<Principal | null> {
  const { db, config } = c.get('deps');
  const first = (await membershipsOf(db, userId))[0];
  if (!first) return null;
  const previousToken = c.get('sessionToken');
  if (previousToken) await endSession(db, previousToken);
  const token = await createSession(db, userId, first.organisationId);
  setSiteCookie(c, sessionCookieName(config.cookieSecure), token, SESSION_ABSOLUTE_HOURS * 3600);
  return loadPrincipal(db, userId, first.organisationId);
}

const loginRoute = publicRoute({
  method: 'post',
  path: '/api/auth/login',
  summary: 'Log in with e-mail and password; sets the session cookie',
  request: { body: { content: jsonContent(loginSchema.meta({ id: 'Login' })), required: true } },
  responses: {
    200: { description: 'Logged in', content: jsonContent(Me) },
    400: problemResponses[400],
    401: problemAs('Wrong e-mail or password'),
    429: problemAs('Too many failed logins (Retry-After)'),
  },
});

const logoutRoute = publicRoute({
  method: 'post',
  path: '/api/auth/logout',
  summary: 'Log out: ends the session',
  responses: { 204: { description: 'Logged out' } },
});

const meRoute = publicRoute({
  method: 'get',
  path: '/api/me',
  summary: 'Who is logged in, their memberships, and the organisation they act for',
  responses: { 200: { description: 'The user', content: jsonContent(Me) }, 401: problemAs('Not logged in') },
});

const switchRoute = publicRoute({
  method: 'put',
  path: '/api/me/organisation',
  summary: 'Act for another organisation the user belongs to',
  request: { body: { content: jsonContent(switchOrganisationSchema), required: true } },
  responses: { 200: { description: 'Switched', content: jsonContent(Me) }, 400: problemResponses[400], 401: problemAs('Not logged in') },
});

const providersRoute = publicRoute({
  method: 'get',
  path: '/api/auth/providers',
  summary: 'How one may log in: with a password, and with an OIDC provider (Feide, Entra ID, …) when one is configured',
  responses: { 200: { description: 'The login methods', content: jsonContent(authProvidersSchema.meta({ id: 'AuthProviders' })) } },
});

const redirect = { description: 'Redirect (Location)', headers: { Location: { schema: { type: 'string' as const } } } };

const oidcStartRoute = publicRoute({
  method: 'get',
  path: '/api/auth/oidc/start',
  summary: 'Log in with the OIDC provider: redirects to it (authorization code flow with PKCE)',
  description:
    'Open in the browser (a navigation, not fetch). `returnTo` is a path on this site to come back to after the login; anything else is ignored. When the provider cannot be reached, redirects to the login page with `?error=oidc_unavailable`.',
  request: { query: z.object({ returnTo: z.string().max(2000).optional() }) },
  responses: { 302: redirect, 404: problemAs('No OIDC provider is configured') },
});

const oidcCallbackRoute = publicRoute({
  method: 'get',
  path: '/api/auth/oidc/callback',
  summary: 'Where the OIDC provider sends the browser back: verifies the login, starts a session, redirects to returnTo',
  description:
    'Matches the provider’s e-mail to an invited account (no account is created). On failure, redirects to the login page of the app with `?error=` one of oidc_no_account, account_disabled, no_organisation, oidc_no_email, oidc_failed, oidc_unavailable.',
  responses: { 302: redirect, 404: problemAs('No OIDC provider is configured') },
});

const resetRequestRoute = publicRoute({
  method: 'post',
  path: '/api/auth/password-reset/request',
  summary: 'Forgot password: e-mails a one-time link (valid one hour) when the address belongs to an account',
  description: 'Answers 202 alike whether or not an account has the address. At most 10 requests from one address per 15 minutes (429 with Retry-After).',
  request: { body: { content: jsonContent(passwordResetRequestSchema.meta({ id: 'PasswordResetRequest' })), required: true } },
  responses: {
    202: { description: 'Accepted: a link is on its way if the address belongs to an account' },
    400: problemResponses[400],
    415: problemResponses[415],
    429: problemAs('Too many requests (Retry-After)'),
  },
});

const resetRoute = publicRoute({
  method: 'post',
  path: '/api/auth/password-reset',
  summary: 'Set a new password with the token of a reset or invitation link; ends all the user’s sessions',
  request: { body: { content: jsonContent(passwordResetSchema.meta({ id: 'PasswordReset' })), required: true } },
  responses: {
    204: { description: 'The password is set; log in with it' },
    400: problemAs('A short password (`password`), or a link that is expired, used or unknown (`token`: reset_token_invalid)'),
    415: problemResponses[415],
    429: problemAs('Too many refused links from this address (Retry-After)'),
  },
});

export const authRouter = createRouter()
  .openapi(loginRoute, async (c) => {
    const { db } = c.get('deps');
    const { password } = c.req.valid('json');
    const email = c.req.valid('json').email.toLowerCase();
    const address = clientAddressOf(c);
    await assertNotRateLimited(db, email, address);
    const credentials = await checkCredentials(db, email, password, address);
    if (!credentials) throw new ProblemError(401, 'Wrong e-mail or password');
    const principal = await beginSession(c, credentials.userId);
    if (!principal) throw new ProblemError(403, 'The account belongs to no organisation yet. Ask the county to add you.');
    return c.json(meOf(principal), 200);
  })
  .openapi(logoutRoute, async (c) => {
    const { db, config } = c.get('deps');
    const previousToken = c.get('sessionToken');
    if (previousToken) await endSession(db, previousToken);
    deleteSiteCookie(c, sessionCookieName(config.cookieSecure));
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
    const { db } = c.get('deps');
    await switchSessionOrganisation(db, c.get('sessionToken') ?? '', organisationId);
    const switched = await loadPrincipal(db, principal.userId, organisationId);
    if (!switched) throw new ProblemError(401, 'Log in again');
    return c.json(meOf(switched), 200);
  })
  .openapi(providersRoute, (c) => {
    const { oidc } = c.get('deps');
    return c.json({ local: true as const, oidc: oidc ? { name: oidc.name } : null }, 200);
  })
  .openapi(oidcStartRoute, async (c) => {
    const { db, config, oidc, logger } = c.get('deps');
    if (!oidc) throw new ProblemError(404, 'No OIDC provider is configured');
    const returnTo = safeReturnTo(c.req.valid('query').returnTo);
    try {
      const { authorizationUrl, state } = await oidc.start(db, returnTo);
      setSiteCookie(c, oidcCookieName(config.cookieSecure), state, OIDC_LOGIN_VALID_MINUTES * 60);
      c.header('Cache-Control', 'no-store');
      return c.redirect(authorizationUrl, 302);
    } catch (error) {
      if (!(error instanceof OidcLoginFailure)) throw error;
      logger.error({ requestId: c.get('requestId'), err: error.cause ?? error }, 'OIDC login could not start');
      return c.redirect(loginPageFor(returnTo, error.code), 302);
    }
  })
  .openapi(oidcCallbackRoute, async (c) => {
    const { db, config, oidc, logger } = c.get('deps');
    if (!oidc) throw new ProblemError(404, 'No OIDC provider is configured');
    const cookieName = oidcCookieName(config.cookieSecure);
    const state = getCookie(c, cookieName);
    deleteSiteCookie(c, cookieName);
    c.header('Cache-Control', 'no-store');
    let identity;
    try {
      identity = await oidc.finish(db, new URL(c.req.url).search, state);
    } catch (error) {
      if (!(error instanceof OidcLoginFailure)) throw error;
      logger.info({ requestId: c.get('requestId'), code: error.code, reason: error.message, err: error.cause }, 'OIDC login refused');
      return c.redirect(loginPageFor(error.returnTo, error.code), 302);
    }
    const { returnTo } = identity;
    if (!identity.email) return c.redirect(loginPageFor(returnTo, 'oidc_no_email'), 302);
    // Only an invited account may log in: matched by e-mail, never created here.
    const user = await db.selectFrom('app_user').select(['id', 'disabled_at']).where('email', '=', identity.email).executeTakeFirst();
    if (!user) {
      logger.info({ requestId: c.get('requestId') }, 'OIDC login refused: no account has the e-mail');
      return c.redirect(loginPageFor(returnTo, 'oidc_no_account'), 302);
    }
    if (user.disabled_at !== null) return c.redirect(loginPageFor(returnTo, 'account_disabled'), 302);
    const principal = await beginSession(c, user.id);
    if (!principal) return c.redirect(loginPageFor(returnTo, 'no_organisation'), 302);
    await recordLoginAttempt(db, identity.email, clientAddressOf(c), true);
    return c.redirect(afterLogin(returnTo), 302);
  })
  .openapi(resetRequestRoute, async (c) => {
    await requestPasswordReset(c.get('deps'), c.req.valid('json').email.toLowerCase(), clientAddressOf(c));
    return c.body(null, 202);
  })
  .openapi(resetRoute, async (c) => {
    const { token, password } = c.req.valid('json');
    await resetPassword(c.get('deps'), token, password, clientAddressOf(c));
    return c.body(null, 204);
  });
