import { loginSchema, type AuthProviders, type Me } from '@kompetansebro/domain';
import { http, HttpResponse } from 'msw';
import { buildMe } from '../factories/user.factory';
import { fieldErrorsFromIssues } from '@kompetansebro/domain';
import { problemResponse } from './problem';

const api = (path: string) => `*/api${path}`;

/** Routes anyone may call; every other /api route answers 401 without a session (as the API does). */
const PUBLIC_ROUTES = [/\/api\/auth\//, /\/api\/me$/, /\/api\/health$/];

export interface TestAccount {
  email: string;
  password: string;
  me: Me;
}

/** The demo county admin (two organisations) with the demo password. */
export const countyAdminAccount = (): TestAccount => ({ email: 'fylke@demo.kompetansebro.no', password: 'kompetansebro', me: buildMe() });

/**
 * Sessions behind msw, answering as the API's auth routes do: login (400 for bad input, 401
 * for a wrong password, 429 with Retry-After while `rateLimitedFor` is set), logout, /api/me,
 * switching organisation, the login providers and the password reset. `session` is who is
 * logged in now (null: nobody); set it, or call `expireSession()`, to play what a test needs.
 */
export class AuthStore {
  session: Me | null;
  providers: AuthProviders = { local: true, oidc: null };
  /** While set, every login answers 429 with this Retry-After (seconds). */
  rateLimitedFor: number | null = null;
  /** Tokens of e-mailed links that still work. */
  readonly validResetTokens = new Set<string>();
  /** Every auth request received, for tests to check what was sent. */
  readonly received: Array<{ method: string; path: string; body: unknown }> = [];

  constructor(
    readonly accounts: TestAccount[] = [countyAdminAccount()],
    options: { loggedInAs?: string } = {},
  ) {
    this.session = options.loggedInAs ? (this.account(options.loggedInAs)?.me ?? null) : null;
  }

  account(email: string): TestAccount | undefined {
    return this.accounts.find((account) => account.email === email.toLowerCase());
  }

  /** The session ends on the server (expired, or ended by an admin): the next request gets 401. */
  expireSession(): void {
    this.session = null;
  }
}

/** Answers 401 to any /api request but the public ones while nobody is logged in; passes the rest on. */
export function sessionGuard(store: AuthStore) {
  return http.all(api('/*'), ({ request }) => {
    const { pathname } = new URL(request.url);
    if (store.session || PUBLIC_ROUTES.some((route) => route.test(pathname))) return undefined;
    return problemResponse(401);
  });
}

/**
 * Handlers for /api/auth/* and /api/me over a store, with the session guard first. Add them
 * after a test's other handlers (msw tries a later `use()` first), so the guard sees every request.
 */
export function authHandlers(store = new AuthStore()) {
  const record = (request: Request, body: unknown) => store.received.push({ method: request.method, path: new URL(request.url).pathname, body });

  return [
    sessionGuard(store),

    http.post(api('/auth/login'), async ({ request }) => {
      const body: unknown = await request.json();
      record(request, body);
      const parsed = loginSchema.safeParse(body);
      if (!parsed.success) return problemResponse(400, fieldErrorsFromIssues(parsed.error.issues));
      if (store.rateLimitedFor !== null) return problemResponse(429, undefined, { 'Retry-After': String(store.rateLimitedFor) });
      const account = store.account(parsed.data.email);
      if (!account || account.password !== parsed.data.password) return problemResponse(401);
      store.session = account.me;
      return HttpResponse.json(account.me);
    }),

    http.post(api('/auth/logout'), ({ request }) => {
      record(request, null);
      store.session = null;
      return new HttpResponse(null, { status: 204 });
    }),

    http.get(api('/me'), () => (store.session ? HttpResponse.json(store.session) : problemResponse(401))),

    http.put(api('/me/organisation'), async ({ request }) => {
      const body = (await request.json()) as { organisationId?: unknown };
      record(request, body);
      if (!store.session) return problemResponse(401);
      const membership = store.session.memberships.find((candidate) => candidate.organisationId === body.organisationId);
      if (!membership) {
        return problemResponse(400, [{ path: 'organisationId', code: 'not_a_member', message: 'You do not belong to this organisation' }]);
      }
      store.session = { ...store.session, activeOrganisationId: membership.organisationId, role: membership.role };
      return HttpResponse.json(store.session);
    }),

    http.get(api('/auth/providers'), () => HttpResponse.json(store.providers)),

    http.post(api('/auth/password-reset/request'), async ({ request }) => {
      record(request, await request.json());
      return new HttpResponse(null, { status: 202 });
    }),

    http.post(api('/auth/password-reset'), async ({ request }) => {
      const body = (await request.json()) as { token?: unknown; password?: unknown };
      record(request, body);
      if (typeof body.token !== 'string' || !store.validResetTokens.has(body.token)) {
        return problemResponse(400, [{ path: 'token', code: 'reset_token_invalid', message: 'The link is unknown, used or expired' }]);
      }
      if (typeof body.password !== 'string' || body.password.length < 12) {
        return problemResponse(400, [
          { path: 'password', code: 'too_small', message: 'Too small: expected string to have >=12 characters', params: { minimum: 12, origin: 'string' } },
        ]);
      }
      store.validResetTokens.delete(body.token);
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}
