import type { Me } from '@kompetansebro/domain';
import type { QueryClient } from '@tanstack/react-query';
import type { AnyRouter } from '@tanstack/react-router';

/** Who is logged in (null: nobody), from the cache when known; the API client is its own chunk. */
export async function loadMe(queryClient: QueryClient): Promise<Me | null> {
  const { meQueries } = await import('@kompetansebro/api-client');
  return queryClient.ensureQueryData(meQueries.current());
}

/**
 * The API said 401 to a request that needs a session (it ended, or expired). On a page for
 * logged-in users (a match of `signedInRouteId`): forget who was logged in and go to the login
 * page, which brings the user back here afterwards. Public pages stay as they are.
 */
export async function sendToLogin(router: AnyRouter, queryClient: QueryClient, options: { loginPath: string; signedInRouteId: string }): Promise<void> {
  if (!router.state.matches.some((match) => match.routeId === options.signedInRouteId)) return;
  const { href } = router.state.location;
  const { meQueries } = await import('@kompetansebro/api-client');
  queryClient.setQueryData(meQueries.current().queryKey, null);
  await router.navigate({ to: options.loginPath, search: { returnTo: href } });
}

/**
 * The mutation/query meta key that marks a 401 as an answer (a wrong password), not an ended
 * session. The same as the API client's UNAUTHORISED_IS_AN_ANSWER (a test checks), written out
 * here because the client is not in the shell's chunk.
 */
export const UNAUTHORISED_IS_AN_ANSWER_KEY = 'unauthorisedIsAnAnswer';
