import { appOfRole, staffApps, type Me } from '@kompetansebro/domain';
import { defaultLanguage, initI18n, intlLocale, readStoredLanguage } from '@kompetansebro/i18n';
import { LoadingState, noteNavigationStart, screenRoute, type AppPaths } from '@kompetansebro/ui';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
  RouterProvider,
  type AnyRoute,
  type RouterHistory,
} from '@tanstack/react-router';
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppLayout, type AuthShell, type NavigationItem } from './app-layout';
import { NotFoundPage } from './not-found-page';
import { RouteErrorPage } from './route-error-page';
import { loadRuntimeConfig, type RuntimeConfig } from './runtime-config';
import { loadMe, sendToLogin, UNAUTHORISED_IS_AN_ANSWER_KEY } from './session';
import { ShellContext, type AppKey } from './shell-context';

export interface AppDefinition {
  app: AppKey;
  /** The path the app is built for and served under (Vite's `import.meta.env.BASE_URL`, e.g. "/fylke/"). */
  basePath: string;
  navigation: readonly NavigationItem[];
  /**
   * The app's own routes, under a parent that lets only logged-in users through (others go to
   * the login page and come back). The login pages and the accessibility statement are added
   * to every app, open to all.
   */
  createRoutes: (parentRoute: AnyRoute) => AnyRoute[];
  /** The login pages and the header's user area (`authShell` of @kompetansebro/feature-auth). */
  auth: AuthShell;
  /** Where the app shows each kind of record: the links of search hits and inbox items. */
  paths?: AppPaths;
}

type RouterDefinition = Pick<AppDefinition, 'basePath' | 'navigation' | 'createRoutes' | 'auth' | 'paths'> & {
  /** Which app this is: a logged-in user whose role works in another app is taken there. Left out: every role stays. */
  app?: AppKey;
};

/** The route every page for logged-in users is under (a layout with no path of its own). */
const SIGNED_IN = 'signed-in';
const SIGNED_IN_ROUTE_ID = `/${SIGNED_IN}`;

export interface RouterContext {
  queryClient: QueryClient;
}

/** The HTTP status of an ApiError (checked by shape: the api-client is not in this chunk). */
function statusOf(error: unknown): number {
  return typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : 0;
}

function isClientError(error: unknown): boolean {
  const status = statusOf(error);
  return status >= 400 && status < 500;
}

interface QueryClientOptions {
  /** A request that needs a session got 401: the session has ended. */
  onUnauthorised?: () => void;
}

export function createQueryClient({ onUnauthorised }: QueryClientOptions = {}): QueryClient {
  const onError = (error: unknown, meta: Record<string, unknown> | undefined) => {
    if (statusOf(error) === 401 && !meta?.[UNAUTHORISED_IS_AN_ANSWER_KEY]) onUnauthorised?.();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onError(error, query.meta) }),
    mutationCache: new MutationCache({ onError: (error, _variables, _context, mutation) => onError(error, mutation.meta) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A 4xx will not change by asking again; a network failure or a 5xx might.
        retry: (failureCount, error) => failureCount < 2 && !isClientError(error),
      },
    },
  });
}

/**
 * Where a logged-in user belongs when this app is not theirs: the base path of the app their
 * role (for the organisation they act for now) works in; null when this app is theirs.
 */
export function ownAppPath(app: AppKey | undefined, me: Me): string | null {
  if (app === undefined) return null;
  const own = appOfRole[me.role];
  return own === app ? null : staffApps[own];
}

/**
 * The app's router: its routes under the shell's frame, each screen loaded when first visited.
 * Every navigation knows who is logged in (`context.me`, from the query cache); the app's own
 * routes send someone who is not to the login page, with the way back in `returnTo`.
 */
export function createAppRouter(definition: RouterDefinition, queryClient: QueryClient, options: { history?: RouterHistory } = {}) {
  const { auth } = definition;
  const rootRoute = createRootRouteWithContext<RouterContext>()({
    beforeLoad: async ({ context }): Promise<{ me: Me | null }> => {
      const me = await loadMe(context.queryClient);
      // The header shows who is logged in from the first paint, not a moment after the page.
      if (me) await auth.UserArea.preload?.();
      return { me };
    },
    component: function Root() {
      const { me } = rootRoute.useRouteContext();
      return <AppLayout navigation={definition.navigation} me={me} auth={auth} />;
    },
    notFoundComponent: NotFoundPage,
  });

  const signedInRoute = createRoute({
    getParentRoute: () => rootRoute,
    id: SIGNED_IN,
    beforeLoad: ({ context, location }) => {
      if (!context.me) throw redirect({ to: auth.loginPath, search: { returnTo: location.href }, replace: true });
      const own = ownAppPath(definition.app, context.me);
      if (own) throw redirect({ href: own, reloadDocument: true, replace: true });
    },
  });

  const accessibilityRoute = screenRoute(rootRoute, {
    path: 'tilgjengelighet',
    component: lazyRouteComponent(() => import('./accessibility-statement-page'), 'AccessibilityStatementPage'),
  });

  const routeTree = rootRoute.addChildren([
    signedInRoute.addChildren([...definition.createRoutes(signedInRoute), ...(auth.createAccountRoutes?.(signedInRoute, definition.paths ?? {}) ?? [])]),
    ...auth.createRoutes(rootRoute),
    accessibilityRoute,
  ]);
  const router = createRouter({
    routeTree,
    basepath: definition.basePath.replace(/\/+$/, '') || '/',
    context: { queryClient },
    ...(options.history ? { history: options.history } : {}),
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0, // react-query decides what is fresh
    defaultPendingComponent: () => <LoadingState />,
    defaultErrorComponent: RouteErrorPage,
    scrollRestoration: true,
  });
  // A page that arrives after the user moved the focus leaves it there (ui's Page).
  router.subscribe('onBeforeNavigate', noteNavigationStart);
  return router;
}

/**
 * The query cache and router of an app, wired together: a 401 from the API (the session
 * ended) sends the user to the login page and back afterwards.
 */
export function createAppRuntime(definition: RouterDefinition, options: { history?: RouterHistory } = {}) {
  const queryClient = createQueryClient({
    // Called only after a request, so after `router` below exists.
    onUnauthorised: () => void sendToLogin(router, queryClient, { loginPath: definition.auth.loginPath, signedInRouteId: SIGNED_IN_ROUTE_ID }),
  });
  const router = createAppRouter(definition, queryClient, options);
  return { queryClient, router };
}

/** The routes of an app still being built: its front page says what it will offer. */
export function createComingSoonRoutes(parentRoute: AnyRoute): AnyRoute[] {
  return [screenRoute(parentRoute, { path: '/', component: lazyRouteComponent(() => import('./coming-soon-page'), 'ComingSoonPage') })];
}

export const comingSoonNavigation: readonly NavigationItem[] = [{ to: '/', label: 'shell.navigation.overview', exact: true }];

/**
 * Starts loading the code of the screens the address names, before the router's first load needs
 * it: the first page's chunks then download alongside the language and the API client.
 */
function preloadScreensAt(router: ReturnType<typeof createAppRouter>): void {
  for (const match of router.matchRoutes(router.latestLocation)) {
    const route = (router.routesById as Record<string, AnyRoute | undefined>)[match.routeId];
    // A chunk that fails to load fails the router's own load of it, which shows the error.
    if (route) void router.loadRouteChunk(route)?.catch(() => undefined);
  }
}

/**
 * Starts an app: reads its runtime config (the API's address), sets up the language, the
 * query cache and the router, and renders it into `#root`. If the config cannot be read,
 * says so in the page instead of showing a blank screen.
 *
 * Nothing waits for what it does not need: the first page's code starts loading at once, and
 * its checks and data (who is logged in, the screen's first queries) as soon as the API client
 * is configured, while the language may still be loading; the app renders when the language is in.
 */
export async function bootstrapApp(definition: AppDefinition): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  const root = createRoot(container);

  // The API client (with the domain's schemas) is its own chunk, so the shell's chunk stays
  // small; the first page needs it anyway, so it loads right away, as do the language and the page.
  const i18nReady = initI18n();
  const apiClientReady = import('@kompetansebro/api-client');
  const { queryClient, router } = createAppRuntime(definition);
  preloadScreensAt(router);
  // The header's user area, which the router's first load waits for when someone is logged in.
  void definition.auth.UserArea.preload?.().catch(() => undefined);
  // The browser's first number format reads its locale data (~35 ms, ~150 ms on a phone): done
  // now, in a task of its own while the page's code and data are on their way, not in the render.
  setTimeout(() => intlLocale(readStoredLanguage() ?? defaultLanguage), 0);
  let config: RuntimeConfig;
  try {
    config = await loadRuntimeConfig(definition.basePath);
  } catch (error) {
    console.error('Could not start: the runtime config did not load', error);
    const i18n = await i18nReady;
    root.render(
      <main id="main" className="kb-container">
        <h1 className="ds-heading">{i18n.t('shell.startupFailed.title')}</h1>
        <p className="ds-paragraph">{i18n.t('shell.startupFailed.body')}</p>
      </main>,
    );
    return;
  }

  const { configureApi } = await apiClientReady;
  configureApi({ baseUrl: config.apiBaseUrl });
  // The router's first load (who is logged in, the page's code and first data). The app renders
  // once it and the language are in, as a transition: React then renders the page in slices with
  // the browser free in between. Rendered earlier, the page came in one synchronous render when its
  // data arrived (the router's store updates are synchronous), a task of ~0.3 s on a phone
  // (Lighthouse's TBT). Meanwhile the page's frame shows the header and, after a second, "Laster
  // innhold …" (tools/scripts/frontend-vite-config.ts). RouterProvider finds the load done.
  const firstLoad = router.load().catch(console.error);
  await Promise.all([i18nReady, firstLoad]);

  startTransition(() => root.render(
    <StrictMode>
      <ShellContext value={{ app: definition.app, contactEmail: config.contactEmail }}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </ShellContext>
    </StrictMode>,
  ));
}
