import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { LoginInput, Me } from '@kompetansebro/domain';
import { api } from './client';
import { ApiError, readEmpty, readJson } from './api-error';

/**
 * Set on requests whose 401 is an answer for the form (a wrong password), not a sign that the
 * session has ended: the app's "send to the login page" handler leaves them alone.
 */
export const UNAUTHORISED_IS_AN_ANSWER = 'unauthorisedIsAnAnswer';

/** Who is logged in: the user, their memberships, the organisation they act for — or null. */
async function fetchMe(): Promise<Me | null> {
  try {
    return await readJson(api().api.me.$get());
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const meQueries = {
  all: ['me'] as const,
  /** The session's user; `null` when nobody is logged in (a 401 is an answer here, not an error). */
  current: () =>
    queryOptions({
      queryKey: [...meQueries.all, 'current'] as const,
      queryFn: fetchMe,
      staleTime: 5 * 60 * 1000,
    }),
};

/** How one may log in here: always with a password; with an OpenID Connect provider (Feide, Entra ID, …) when configured. */
export const authProvidersQuery = () =>
  queryOptions({
    queryKey: ['auth', 'providers'] as const,
    queryFn: () => readJson(api().api.auth.providers.$get()),
    staleTime: 10 * 60 * 1000,
    retry: false,
  });

/** Where the browser goes to log in with the OpenID Connect provider; it comes back to `returnTo` (a path on this site). */
export function oidcStartPath(returnTo: string): string {
  return `/api/auth/oidc/start?${new URLSearchParams({ returnTo }).toString()}`;
}

/** A different person, or the same person for another organisation: nothing cached may be shown again. */
function startAfresh(queryClient: QueryClient, me: Me | null) {
  queryClient.removeQueries();
  queryClient.setQueryData(meQueries.current().queryKey, me);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation<Me, ApiError, LoginInput>({
    mutationFn: (input) => readJson(api().api.auth.login.$post({ json: input })),
    meta: { [UNAUTHORISED_IS_AN_ANSWER]: true },
    onSuccess: (me) => startAfresh(queryClient, me),
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, void>({
    mutationFn: () => readEmpty(api().api.auth.logout.$post()),
    onSuccess: () => startAfresh(queryClient, null),
  });
}

/** Act for another of the user's organisations: what they may see changes, so every other query starts over. */
export function useSwitchOrganisation() {
  const queryClient = useQueryClient();
  return useMutation<Me, ApiError, { organisationId: string }>({
    mutationFn: ({ organisationId }) => readJson(api().api.me.organisation.$put({ json: { organisationId } })),
    onSuccess: async (me) => {
      queryClient.setQueryData(meQueries.current().queryKey, me);
      await queryClient.resetQueries({ predicate: (query) => query.queryKey[0] !== meQueries.all[0] });
    },
  });
}

/** "Glemt passord": the API e-mails a one-time link if the address has an account (and answers 202 either way). */
export function useRequestPasswordReset() {
  return useMutation<void, ApiError, { email: string }>({
    mutationFn: (input) => readEmpty(api().api.auth['password-reset'].request.$post({ json: input })),
  });
}

/** Sets a new password with the e-mailed link's token (also how an invited user sets their first one). */
export function useResetPassword() {
  return useMutation<void, ApiError, { token: string; password: string }>({
    mutationFn: (input) => readEmpty(api().api.auth['password-reset'].$post({ json: input })),
  });
}
