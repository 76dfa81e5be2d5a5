import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { can, type Action, type Resource } from '@kompetansebro/domain';
import type { AppEnv, RequestVariables } from '../http/app-env';
import { ProblemError } from '../http/problem';
import { principalOfSession, touchSession } from './principal';

/** The session cookie: `__Host-` (Secure, Path=/, no Domain) wherever HTTPS is in use. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-session' : 'session';
}

/** Reads the session cookie and puts who is asking (or null) in `c.get('principal')`. */
export const authenticate = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  const { db, config, readReuse } = c.get('deps');
  const token = getCookie(c, sessionCookieName(config.cookieSecure));
  let touchDue = false;
  const principal = token
    ? await readReuse.principalOf(token, async () => {
        const read = await principalOfSession(db, token);
        touchDue = read?.touchDue ?? false;
        return read?.principal ?? null;
      })
    : null;
  c.set('principal', principal);
  c.set('sessionToken', principal ? (token ?? null) : null);
  try {
    await next();
  } finally {
    // After the answer is made: the requests that joined this request's read of the session do not
    // wait for this write (a commit, at a few hundred requests a second, held up every one of them).
    if (touchDue && token) await touchSession(db, token);
  }
};

/** What a route declares about who may call it; read by the test that walks every route. */
export type RoutePolicy = { public: true } | { resource: Resource; action: Action };

type PolicyMiddleware = MiddlewareHandler<AppEnv> & { policy: RoutePolicy };

function withPolicy(handler: MiddlewareHandler<AppEnv>, policy: RoutePolicy): PolicyMiddleware {
  return Object.assign(handler, { policy });
}

/**
 * The route's policy: 401 without a session, 403 when the role may not do this at all.
 * Which records it may touch is the visibility rule the repositories apply.
 */
export function authorize(resource: Resource, action: Action): PolicyMiddleware {
  return withPolicy(
    async (c, next) => {
      const principal = c.get('principal');
      if (!principal) throw new ProblemError(401, 'Log in to use this');
      if (!can(principal.role, resource, action)) throw new ProblemError(403, `The role ${principal.role} may not ${action} ${resource}`);
      await next();
    },
    { resource, action },
  );
}

/** A route anyone may call (health, login, the API documents). */
export function publicAccess(): PolicyMiddleware {
  return withPolicy(async (_c, next) => next(), { public: true });
}

export function policyOf(handler: unknown): RoutePolicy | undefined {
  return typeof handler === 'function' && 'policy' in handler ? (handler as PolicyMiddleware).policy : undefined;
}

/** The principal of a route that declared a policy (authorize ran before the handler). */
export function principalOf(c: RequestVariables) {
  const principal = c.get('principal');
  if (!principal) throw new ProblemError(401, 'Log in to use this');
  return principal;
}
