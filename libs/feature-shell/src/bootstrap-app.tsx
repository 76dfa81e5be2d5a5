import { initI18n } from '@kompetansebro/i18n';
import { LoadingState } from '@kompetansebro/ui';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  RouterProvider,
  type AnyRootRoute,
  type AnyRoute,
} from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppLayout, type NavigationItem } from './app-layout';
import { NotFoundPage } from './not-found-page';
import { RouteErrorPage } from './route-error-page';
import { loadRuntimeConfig, type RuntimeConfig } from './runtime-config';
import { ShellContext, type AppKey } from './shell-context';

export interface AppDefinition {
  app: AppKey;
  /** The path the app is built for and served under (Vite's `import.meta.env.BASE_URL`, e.g. "/fylke/"). */
  basePath: string;
  navigation: readonly NavigationItem[];
  /** The app's own routes under the root; the accessibility statement is added to every app. */
  createRoutes: (rootRoute: AnyRootRoute) => AnyRoute[];
}

export interface RouterContext {
  queryClient: QueryClient;
}

/** An ApiError with a 4xx status (checked by shape: the api-client is not in this chunk). */
function isClientError(error: unknown): boolean {
  const status = typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : 0;
  return status >= 400 && status < 500;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A 4xx will not change by asking again; a network failure or a 5xx might.
        retry: (failureCount, error) => failureCount < 2 && !isClientError(error),
      },
    },
  });
}

/** The app's router: its routes under the shell's frame, each screen loaded when first visited. */
export function createAppRouter(definition: Pick<AppDefinition, 'basePath' | 'navigation' | 'createRoutes'>, queryClient: QueryClient) {
  const rootRoute = createRootRouteWithContext<RouterContext>()({
    component: () => <AppLayout navigation={definition.navigation} />,
    notFoundComponent: NotFoundPage,
  });
  const accessibilityRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: 'tilgjengelighet',
    component: lazyRouteComponent(() => import('./accessibility-statement-page'), 'AccessibilityStatementPage'),
  });
  const routeTree = rootRoute.addChildren([...definition.createRoutes(rootRoute), accessibilityRoute]);
  return createRouter({
    routeTree,
    basepath: definition.basePath.replace(/\/+$/, '') || '/',
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0, // react-query decides what is fresh
    defaultPendingComponent: () => <LoadingState />,
    defaultErrorComponent: RouteErrorPage,
    scrollRestoration: true,
  });
}

/** The routes of an app still being built: its front page says what it will offer. */
export function createComingSoonRoutes(rootRoute: AnyRootRoute): AnyRoute[] {
  return [
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/',
      component: lazyRouteComponent(() => import('./coming-soon-page'), 'ComingSoonPage'),
    }),
  ];
}

export const comingSoonNavigation: readonly NavigationItem[] = [{ to: '/', label: 'shell.navigation.overview', exact: true }];

/**
 * Starts an app: reads its runtime config (the API's address), sets up the language, the
 * query cache and the router, and renders it into `#root`. If the config cannot be read,
 * says so in the page instead of showing a blank screen.
 */
export async function bootstrapApp(definition: AppDefinition): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  const root = createRoot(container);

  // All three in parallel. The API client (with the domain's schemas) is its own chunk, so
  // the shell's chunk stays small; the first page needs it anyway, so it loads right away.
  const i18nReady = initI18n();
  const apiClientReady = import('@kompetansebro/api-client');
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

  const [{ configureApi }] = await Promise.all([apiClientReady, i18nReady]);
  configureApi({ baseUrl: config.apiBaseUrl });
  const queryClient = createQueryClient();
  const router = createAppRouter(definition, queryClient);

  root.render(
    <StrictMode>
      <ShellContext value={{ app: definition.app, contactEmail: config.contactEmail }}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </ShellContext>
    </StrictMode>,
  );
}
