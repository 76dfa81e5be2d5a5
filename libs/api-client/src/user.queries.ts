import { useMutation } from '@tanstack/react-query';
import type { InviteUser, MembershipInput, User, UserListQuery } from '@kompetansebro/domain';
import { useApiMutation } from './api-mutation';
import { api } from './client';
import { readEmpty, readJson, type ApiError } from './api-error';
import { meQueries } from './auth.queries';
import { ifMatch } from './etag';
import { resourceQueries, useSavedRecordInCache } from './resource-queries';
import { toQueryStrings } from './query-strings';

export type UserListFilters = Partial<UserListQuery>;

export const userQueries = resourceQueries('users', {
  list: (filters: UserListFilters) => readJson(api().api.users.$get({ query: toQueryStrings(filters) })),
  detail: (id) => readJson(api().api.users[':id'].$get({ param: { id } })),
});

/** A user as the API answered: the detail is that version; lists (and who I am, if it is me) are read again. */
function useUserCacheUpdate() {
  return useSavedRecordInCache(userQueries, (_user: User) => [meQueries.all]);
}

/** Creates the account and e-mails the person a link to make their password. */
export function useInviteUser() {
  return useApiMutation<User, InviteUser>(
    (input) => readJson(api().api.users.$post({ json: input })),
    useUserCacheUpdate(),
  );
}

/** Replaces all of a user's organisations and roles (If-Match). */
export function useUpdateMemberships(id: string) {
  return useApiMutation<User, { memberships: MembershipInput[]; version: number }>(
    ({ memberships, version }) =>
      readJson(api().api.users[':id'].memberships.$put({ param: { id }, json: { memberships }, header: { 'if-match': ifMatch(version) } })),
    useUserCacheUpdate(),
  );
}

/** Disabling ends every session and open link of the user at once; enabling lets them log in again. */
export function useSetUserDisabled(id: string) {
  return useApiMutation<User, { disabled: boolean; version: number }>(
    ({ disabled, version }) => {
      const request = { param: { id }, header: { 'if-match': ifMatch(version) } };
      return readJson(disabled ? api().api.users[':id'].disable.$post(request) : api().api.users[':id'].enable.$post(request));
    },
    useUserCacheUpdate(),
  );
}

/** Logs the user out everywhere; the account stays as it is. */
export function useEndUserSessions(id: string) {
  return useMutation<void, ApiError, void>({
    mutationFn: () => readEmpty(api().api.users[':id']['end-sessions'].$post({ param: { id } })),
  });
}

/** Sends an invited user a new link (earlier ones stop working), while they have no password. */
export function useResendInvitation(id: string) {
  return useMutation<void, ApiError, void>({
    mutationFn: () => readEmpty(api().api.users[':id'].invitation.$post({ param: { id } })),
  });
}
