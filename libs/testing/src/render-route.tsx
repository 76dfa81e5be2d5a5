import { AppNameContext } from '@kompetansebro/ui';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  createMemoryHistory,
  createRootRoute,
  createRouter,
  Outlet,
  RouterProvider,
  type AnyRootRoute,
  type AnyRoute,
} from '@tanstack/react-router';

/** A query cache for one test: no retries (a failure shows at once), nothing shared between tests. */
export function createTestQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
}

interface RenderRouteOptions {
  /** The routes under test, under a bare root (no app shell). */
  createRoutes: (rootRoute: AnyRootRoute) => AnyRoute[];
  /** Where the test starts, e.g. "/aktorer?q=ntnu". */
  path: string;
}

/**
 * Renders routes the way an app does — router with the URL in memory, a fresh query cache,
 * a `<main>` — and returns the router (to read the URL), the cache, and a user-event session.
 */
export function renderRoute({ createRoutes, path }: RenderRouteOptions) {
  const queryClient = createTestQueryClient();
  const rootRoute = createRootRoute({
    component: () => (
      <AppNameContext value="Testapp">
        <main id="main">
          <Outlet />
        </main>
      </AppNameContext>
    ),
  });
  const router = createRouter({
    routeTree: rootRoute.addChildren(createRoutes(rootRoute)),
    history: createMemoryHistory({ initialEntries: [path] }),
    context: { queryClient },
  });
  const user = userEvent.setup();
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...view, router, queryClient, user };
}
