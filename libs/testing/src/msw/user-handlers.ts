import type { RequestHandler } from 'msw';
import type { ActorDetail, Role, User } from '@kompetansebro/domain';
import { http, HttpResponse } from 'msw';
import { buildMembership, buildUser, nextUserId, testOrganisations } from '../factories/user.factory';
import { answerWrite, api, ResourceStore, resourceHandlers, versioned } from './resource';

type Organisation = Pick<ActorDetail, 'id' | 'name' | 'kind'>;

/** The users of a scenario, served as given; memberships written are named from `organisations` (a lookup by id). */
export class UserStore extends ResourceStore<User> {
  /** Ids of the users whose sessions were ended (by an admin, or by disabling). */
  readonly sessionsEnded: string[] = [];

  constructor(
    users: readonly User[] = [],
    readonly organisations: readonly Organisation[] = Object.values(testOrganisations),
  ) {
    super(users);
  }

  membership(input: { organisationId: string; role: Role }) {
    const organisation = this.organisations.find((candidate) => candidate.id === input.organisationId) ?? { id: input.organisationId, name: input.organisationId, kind: 'public_library' as const };
    return buildMembership(organisation, input.role);
  }
}

/** Handlers for /api/users over a store (pass one to inspect or change it in a test). */
export function userHandlers(store = new UserStore()): RequestHandler[] {
  const action = (status: number, effect: (id: string) => void) =>
    ({ request, params }: { request: Request; params: Record<string, string | readonly string[] | undefined> }) =>
      answerWrite(store, request, String(params['id']), (_body, item) => {
        effect(item.id);
        return new HttpResponse(null, { status });
      });
  return [
    http.post(api('/users/:id/end-sessions'), action(204, (id) => store.sessionsEnded.push(id))),
    http.post(api('/users/:id/invitation'), action(202, () => undefined)),
    http.post(api('/users/:id/disable'), ({ request, params }) =>
      answerWrite(store, request, String(params['id']), (_body, item) => {
        store.sessionsEnded.push(item.id);
        return versioned(store.change(item.id, { disabledAt: new Date().toISOString() }));
      }),
    ),
    http.post(api('/users/:id/enable'), ({ request, params }) =>
      answerWrite(store, request, String(params['id']), (_body, item) => versioned(store.change(item.id, { disabledAt: null }))),
    ),
    http.put(api('/users/:id/memberships'), ({ request, params }) =>
      answerWrite(store, request, String(params['id']), (body, item) =>
        versioned(store.change(item.id, { memberships: (body['memberships'] as Array<{ organisationId: string; role: Role }>).map((input) => store.membership(input)) })),
      ),
    ),
    ...resourceHandlers('/users', store, {
      create: ({ organisationId, role, ...body }) =>
        ({ ...buildUser({ id: nextUserId(), hasPassword: false }), ...body, memberships: [store.membership({ organisationId: String(organisationId), role: role as Role })] }) as User,
    }),
  ];
}
