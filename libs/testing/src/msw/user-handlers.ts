import {
  compareNorwegian,
  inviteUserSchema,
  listQuerySchema,
  roleFitsOrganisation,
  userMembershipsSchema,
  userSchema,
  type ActorDetail,
  type FieldError,
  type Page,
  type User,
} from '@kompetansebro/domain';
import { http, HttpResponse } from 'msw';
import { buildMembership, nextUserId, testOrganisations } from '../factories/user.factory';
import { fieldErrorsFromIssues } from '@kompetansebro/domain';
import { problemResponse } from './problem';

const api = (path: string) => `*/api${path}`;

type Organisation = Pick<ActorDetail, 'id' | 'name' | 'kind'>;

/**
 * The users behind msw, answering as the API's /api/users routes do: search and pages for the
 * list, 400 field errors (the domain's schema, e-mail taken, a role that does not fit), ETag
 * and If-Match versions (412 when stale), disable/enable and ending sessions.
 */
export class UserStore {
  private readonly users = new Map<string, User>();
  readonly received: Array<{ method: string; path: string; body: unknown; ifMatch: string | null }> = [];
  /** Ids of the users whose sessions were ended (by an admin, or by disabling). */
  readonly sessionsEnded: string[] = [];

  constructor(
    users: readonly User[] = [],
    readonly organisations: readonly Organisation[] = Object.values(testOrganisations),
  ) {
    for (const user of users) this.users.set(user.id, user);
  }

  get(id: string): User | undefined {
    return this.users.get(id);
  }

  list(search: URLSearchParams): Page<User> {
    const query = listQuerySchema.parse(Object.fromEntries(search));
    const text = query.q?.toLocaleLowerCase('nb');
    const matches = [...this.users.values()]
      .filter((user) => !text || user.name.toLocaleLowerCase('nb').includes(text) || user.email.includes(text))
      .sort((a, b) => compareNorwegian(a.name, b.name));
    const start = (query.page - 1) * query.pageSize;
    return { items: matches.slice(start, start + query.pageSize), total: matches.length, page: query.page, pageSize: query.pageSize };
  }

  invite(body: unknown): User | FieldError[] {
    const parsed = inviteUserSchema.safeParse(body);
    if (!parsed.success) return fieldErrorsFromIssues(parsed.error.issues);
    const email = parsed.data.email.toLowerCase();
    if ([...this.users.values()].some((user) => user.email === email)) {
      return [{ path: 'email', code: 'email_taken', message: 'A user with this e-mail address exists' }];
    }
    const organisation = this.organisations.find((candidate) => candidate.id === parsed.data.organisationId);
    if (!organisation) return [{ path: 'organisationId', code: 'organisation_not_found', message: 'No organisation has this id' }];
    if (!roleFitsOrganisation(parsed.data.role, organisation.kind)) {
      return [{ path: 'role', code: 'role_organisation_mismatch', message: 'The role does not fit the organisation' }];
    }
    const now = new Date().toISOString();
    const user = userSchema.parse({
      id: nextUserId(),
      email,
      name: parsed.data.name,
      disabledAt: null,
      memberships: [buildMembership(organisation, parsed.data.role)],
      hasPassword: false,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    this.users.set(user.id, user);
    return user;
  }

  setMemberships(id: string, body: unknown): User | FieldError[] {
    const parsed = userMembershipsSchema.safeParse(body);
    if (!parsed.success) return fieldErrorsFromIssues(parsed.error.issues);
    const memberships = [];
    for (const [index, input] of parsed.data.memberships.entries()) {
      const organisation = this.organisations.find((candidate) => candidate.id === input.organisationId);
      if (!organisation) return [{ path: `memberships.${index}.organisationId`, code: 'organisation_not_found', message: 'No organisation has this id' }];
      if (!roleFitsOrganisation(input.role, organisation.kind)) {
        return [{ path: `memberships.${index}.role`, code: 'role_organisation_mismatch', message: 'The role does not fit the organisation' }];
      }
      memberships.push(buildMembership(organisation, input.role));
    }
    return this.change(id, { memberships });
  }

  setDisabled(id: string, disabled: boolean): User {
    if (disabled) this.sessionsEnded.push(id);
    return this.change(id, { disabledAt: disabled ? new Date().toISOString() : null });
  }

  /** Changes a user as if someone else saved (its version goes up). */
  saveBySomeoneElse(id: string, changes: Partial<User>): User {
    return this.change(id, changes);
  }

  private change(id: string, changes: Partial<User>): User {
    const current = this.users.get(id);
    if (!current) throw new Error(`No user ${id} in the store`);
    const next = userSchema.parse({ ...current, ...changes, version: current.version + 1, updatedAt: new Date().toISOString() });
    this.users.set(id, next);
    return next;
  }
}

const etag = (user: User) => ({ ETag: `"${user.version}"` });

/** Handlers for /api/users over a store (pass one to inspect or change it in a test). */
export function userHandlers(store = new UserStore()) {
  /** The refusal for a write to `user` at the version If-Match names, or null when it may go ahead. */
  const refusal = (user: User | undefined, request: Request) => {
    if (!user) return problemResponse(404);
    const match = /^"(\d+)"$/.exec(request.headers.get('If-Match')?.trim() ?? '');
    if (!match) return problemResponse(428);
    return Number(match[1]) === user.version ? null : problemResponse(412);
  };
  const record = (request: Request, body: unknown) =>
    store.received.push({ method: request.method, path: new URL(request.url).pathname, body, ifMatch: request.headers.get('If-Match') });

  return [
    http.get(api('/users'), ({ request }) => HttpResponse.json(store.list(new URL(request.url).searchParams))),

    http.post(api('/users'), async ({ request }) => {
      const body: unknown = await request.json();
      record(request, body);
      const result = store.invite(body);
      return Array.isArray(result) ? problemResponse(400, result) : HttpResponse.json(result, { status: 201, headers: etag(result) });
    }),

    http.get(api('/users/:id'), ({ params }) => {
      const user = store.get(String(params['id']));
      return user ? HttpResponse.json(user, { headers: etag(user) }) : problemResponse(404);
    }),

    http.put(api('/users/:id/memberships'), async ({ request, params }) => {
      const id = String(params['id']);
      const body: unknown = await request.json();
      record(request, body);
      const refused = refusal(store.get(id), request);
      if (refused) return refused;
      const result = store.setMemberships(id, body);
      return Array.isArray(result) ? problemResponse(400, result) : HttpResponse.json(result, { headers: etag(result) });
    }),

    http.post(api('/users/:id/:action'), ({ request, params }) => {
      const id = String(params['id']);
      const action = String(params['action']);
      record(request, null);
      if (action === 'end-sessions') {
        if (!store.get(id)) return problemResponse(404);
        store.sessionsEnded.push(id);
        return new HttpResponse(null, { status: 204 });
      }
      if (action === 'invitation') {
        const user = store.get(id);
        if (!user) return problemResponse(404);
        return user.hasPassword || user.disabledAt ? problemResponse(409) : new HttpResponse(null, { status: 202 });
      }
      if (action !== 'disable' && action !== 'enable') return problemResponse(404);
      const refused = refusal(store.get(id), request);
      if (refused) return refused;
      const user = store.setDisabled(id, action === 'disable');
      return HttpResponse.json(user, { headers: etag(user) });
    }),
  ];
}
