import type { RequestHandler } from 'msw';
import { permissionsOf, type AuthProviders, type Inbox, type Me, type NotificationSettings } from '@kompetansebro/domain';
import { http, HttpResponse } from 'msw';
import { buildMe } from '../factories/user.factory';
import { problemResponse } from './problem';
import { api } from './resource';

/** Routes anyone may call; every other /api route answers 401 while nobody is logged in in the scenario. */
const PUBLIC_ROUTES = [/\/api\/auth\//, /\/api\/me$/, /\/api\/health$/];

/** A hit of GET /api/search. */
export interface SearchHit {
  type: 'actor' | 'agreement' | 'activity' | 'initiative' | 'note';
  id: string;
  title: string;
  snippet: string;
  rank: number;
}

export interface TestAccount {
  email: string;
  password: string;
  me: Me;
}

/** The demo county admin (two organisations) with the demo password. */
export const countyAdminAccount = (): TestAccount => ({ email: 'fylke@demo.kompetansebro.no', password: 'kompetansebro', me: buildMe() });

/**
 * Who is logged in, in a scenario: `session` (null: nobody), the accounts a login may name, the
 * providers, the reset links that still work. A login is the account its e-mail names (the
 * password is not checked: a test of a refused login prepares it with `respondOnce('POST', 401)`);
 * while `rateLimitedFor` is set, a login answers 429 with that Retry-After.
 */
export class AuthStore {
  session: Me | null;
  providers: AuthProviders = { local: true, oidc: null };
  rateLimitedFor: number | null = null;
  readonly validResetTokens = new Set<string>();
  /** The logged-in user's inbox (GET /api/inbox), their notification settings, and what a search finds (by a word of the title). */
  inbox: Inbox = { items: [], total: 0 };
  notificationSettings: NotificationSettings = { inboxMail: 'immediately' };
  searchHits: SearchHit[] = [];
  /** Every auth request received, for tests to check what was sent. */
  readonly received: Array<{ method: string; path: string; body: unknown }> = [];
  private readonly prepared: Array<{ method: string; status: number }> = [];

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

  /** The next `method` request to an auth route answers a problem of this status. */
  respondOnce(method: string, status: number): void {
    this.prepared.push({ method, status });
  }

  takePrepared(method: string): Response | undefined {
    const index = this.prepared.findIndex((candidate) => candidate.method === method);
    return index < 0 ? undefined : problemResponse(this.prepared.splice(index, 1)[0]?.status ?? 500);
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
export function authHandlers(store = new AuthStore()): RequestHandler[] {
  /** Records the request, then answers the prepared problem, if any, or `answer`. */
  const write = (answer: (body: Record<string, unknown>) => Response) => async ({ request }: { request: Request }) => {
    const text = await request.text();
    const body = (text ? JSON.parse(text) : null) as Record<string, unknown> | null;
    store.received.push({ method: request.method, path: new URL(request.url).pathname, body });
    return store.takePrepared(request.method) ?? answer(body ?? {});
  };

  return [
    sessionGuard(store),
    http.post(
      api('/auth/login'),
      write((body) => {
        if (store.rateLimitedFor !== null) return problemResponse(429, undefined, { 'Retry-After': String(store.rateLimitedFor) });
        store.session = store.account(String(body['email']))?.me ?? null;
        return store.session ? HttpResponse.json(store.session) : problemResponse(401);
      }),
    ),
    http.post(
      api('/auth/logout'),
      write(() => {
        store.session = null;
        return new HttpResponse(null, { status: 204 });
      }),
    ),
    http.get(api('/me'), () => (store.session ? HttpResponse.json(store.session) : problemResponse(401))),
    http.put(
      api('/me/organisation'),
      write((body) => {
        if (!store.session) return problemResponse(401);
        const membership = store.session.memberships.find((candidate) => candidate.organisationId === body['organisationId']);
        const role = membership?.role ?? store.session.role;
        store.session = { ...store.session, activeOrganisationId: String(body['organisationId']), role, permissions: permissionsOf(role) };
        return HttpResponse.json(store.session);
      }),
    ),
    http.get(api('/auth/providers'), () => HttpResponse.json(store.providers)),
    // The user's own account (issue 19): inbox, search, notification settings, profile and password.
    http.get(api('/inbox'), () => HttpResponse.json(store.inbox)),
    http.get(api('/search'), ({ request }) => {
      const q = (new URL(request.url).searchParams.get('q') ?? '').toLowerCase();
      return HttpResponse.json({ q, items: store.searchHits.filter((hit) => hit.title.toLowerCase().includes(q)) });
    }),
    http.get(api('/me/notification-settings'), () => HttpResponse.json(store.notificationSettings)),
    http.put(
      api('/me/notification-settings'),
      write((body) => {
        store.notificationSettings = { inboxMail: body['inboxMail'] as NotificationSettings['inboxMail'] };
        return HttpResponse.json(store.notificationSettings);
      }),
    ),
    http.put(
      api('/me/profile'),
      write((body) => {
        if (store.session) store.session = { ...store.session, user: { ...store.session.user, name: String(body['name']) } };
        return new HttpResponse(null, { status: 204 });
      }),
    ),
    http.put(
      api('/me/password'),
      write((body) => {
        const account = store.accounts.find((candidate) => candidate.me.user.id === store.session?.user.id);
        if (body['currentPassword'] !== account?.password) {
          return problemResponse(400, [{ path: 'currentPassword', code: 'current_password_wrong', message: 'The current password is wrong' }]);
        }
        return new HttpResponse(null, { status: 204 });
      }),
    ),
    http.post(api('/auth/password-reset/request'), write(() => new HttpResponse(null, { status: 202 }))),
    http.post(
      api('/auth/password-reset'),
      write((body) => {
        const token = String(body['token']);
        if (!store.validResetTokens.delete(token)) {
          return problemResponse(400, [{ path: 'token', code: 'reset_token_invalid', message: 'The link is unknown, used or expired' }]);
        }
        return new HttpResponse(null, { status: 204 });
      }),
    ),
  ];
}
