import type { ParseKeys } from 'i18next';
import { createRoute, lazyRouteComponent, Outlet, type AnyRoute, type RouteComponent } from '@tanstack/react-router';
import { useMemo, type Context } from 'react';
import type { RecordRouteTexts } from './record-route-pages';

/**
 * A screen about one record, loaded by its route before the screen shows: the screen reads the
 * record from the warmed cache (`useSuspenseQuery` with the same query options), and the route
 * shows the shared pending and error pages (not found, failed with a retry) with these texts.
 */
export interface RecordScreen {
  /**
   * The record's query options from the route's params, from the screen's own chunk:
   * `(params) => import('./actor-page').then((page) => page.recordQuery(params))`, the same
   * options the page reads with `useSuspenseQuery` (the API client stays out of the first chunk).
   */
  query: (params: Record<string, string>) => Promise<object>;
  /** i18n keys: the page title until the record is there, what a 404 says, the link back. */
  title: ParseKeys;
  notFound: ParseKeys;
  back: ParseKeys;
  /** Where the link back leads: the key of a screen of the same feature (`list`). */
  backTo: string;
}

/** What the app's router context holds for loaders (feature-shell's RouterContext), read structurally: ui does no fetching of its own. */
interface QueryRouterContext {
  queryClient: { ensureQueryData: (options: object) => Promise<unknown> };
}

/**
 * One screen as a route: where it is, its component (its own chunk) and how it reads its URL.
 *
 *   { path: '$id', component: lazyRouteComponent(() => import('./actor-page'), 'ActorPage') }
 */
export interface ScreenRoute {
  /** Under the feature's layout (or the parent): '/' for its front screen, 'ny', '$id', '$id/rediger'. */
  path: string;
  /** `lazyRouteComponent(() => import('./…-page'), '…Page')`: the import stays in the feature, so each screen is a chunk of its own. */
  component: RouteComponent;
  /** `plainSearch` for a screen that keeps filters or a page in its URL; without it the route validates nothing. */
  validateSearch?: (search: Record<string, unknown>) => Record<string, unknown>;
  /** A screen about one record: its route loads it first and shows the pending and error pages. */
  record?: RecordScreen;
  /**
   * The data of the screen's first view, as query options, given the app's react-query
   * `QueryClient` (for data that depends on other data); best from a module of its own (the
   * queries, not the page), so the requests need not wait for the page's code and styles:
   *
   *   { component: lazyRouteComponent(() => import('./overview-page'), 'OverviewPage'), firstData: (queryClient) => import('./overview/overview-data').then((data) => data.overviewFirstData(queryClient)) }
   *
   * The route loads it alongside the screen's chunk and shows the screen when it is in (or after
   * FIRST_DATA_WAIT_MS; the sections then carry on loading and failing on their own): a first
   * screen in one paint, not one per section with the page moving as each fills.
   */
  firstData?: FirstData;
}

/**
 * A screen's first data: its query options, given the app's react-query `QueryClient` (typed
 * `never` here, as ui knows no react-query: a function taking a `QueryClient` fits).
 */
export type FirstData = (queryClient: never) => Promise<readonly object[]>;

/** The parts a first data is made of (`firstDataOf`), each warmed as soon as its own queries are known. */
const FIRST_DATA_PARTS = Symbol('first data parts');
type FirstDataOfParts = FirstData & { [FIRST_DATA_PARTS]?: readonly FirstData[] };

/** The first data of a screen made of parts (e.g. a feature's home with the tasks the app adds). */
export function firstDataOf(...parts: readonly (FirstData | null | undefined)[]): FirstData {
  const present = parts.filter((part): part is FirstData => part != null);
  const combined = async (queryClient: never) => (await Promise.all(present.map((part) => part(queryClient)))).flat();
  return Object.assign(combined, { [FIRST_DATA_PARTS]: present });
}

function partsOf(firstData: FirstData): readonly FirstData[] {
  return (firstData as FirstDataOfParts)[FIRST_DATA_PARTS]?.flatMap(partsOf) ?? [firstData];
}

/** How long a screen waits for its first data before it shows with sections still loading. */
export const FIRST_DATA_WAIT_MS = 2000;

/**
 * The loader of a screen with first data: warms the cache, each part's queries as soon as that
 * part knows them (a part in a chunk of its own does not hold back the others' requests). A failed
 * query does not fail the route (its section shows its own error); a chunk that does not load
 * does, as the screen's own would.
 */
function firstDataLoader(firstData: NonNullable<ScreenRoute['firstData']>) {
  return async ({ context }: { context: unknown }) => {
    const { queryClient } = context as QueryRouterContext;
    const warmed = Promise.all(
      partsOf(firstData).map((part) => part(queryClient as never).then((queries) => Promise.allSettled(queries.map((query) => queryClient.ensureQueryData(query))))),
    );
    // The timer is left to run out: it holds nothing once the race is over.
    await Promise.race([warmed, new Promise((resolve) => setTimeout(resolve, FIRST_DATA_WAIT_MS))]);
  };
}

/**
 * The route options of a record screen: warm the cache, and the shared pending and error pages in
 * the record's words. The pages are a chunk of their own, loaded with the screen's: the app's first
 * chunk stays small.
 */
function recordRouteOptions({ query, title, notFound, back }: RecordScreen, backPath: () => string) {
  const record: RecordRouteTexts = { title, notFound, back, backPath };
  return {
    loader: async ({ params, context }: { params: Record<string, string>; context: unknown }) => {
      await (context as QueryRouterContext).queryClient.ensureQueryData(await query(params));
    },
    staticData: { record },
    pendingComponent: lazyRouteComponent(() => import('./record-route-pages'), 'RecordPendingPage'),
    errorComponent: lazyRouteComponent(() => import('./record-route-pages'), 'RecordErrorPage'),
  };
}

/** The route of one screen under `parentRoute`, e.g. a feature with a single screen. */
export function screenRoute(parentRoute: AnyRoute, { path, component, validateSearch, record, firstData }: ScreenRoute, backPath: () => string = () => '/'): AnyRoute {
  return createRoute({
    getParentRoute: () => parentRoute,
    path,
    component,
    ...(firstData ? { loader: firstDataLoader(firstData) } : {}),
    // Only what the screen declares: a route without `validateSearch` keeps the URL's search as it is.
    ...(validateSearch ? { validateSearch } : {}),
    ...(record ? recordRouteOptions(record, backPath) : {}),
  }) as AnyRoute;
}

/** A page module of a record screen: the page, and the query options of the record it shows. */
interface RecordPageModule {
  recordQuery: (params: Record<string, string>) => object;
}

/**
 * The usual record screen, at `$id` (or `path`, e.g. `$id/rediger` for its edit form): `page` is the
 * screen's chunk, exporting the component and `recordQuery(params)`; the route loads the record
 * with it, and the way back leads to `backTo`.
 *
 *   detail: recordScreen(() => import('./actor-page'), 'ActorPage', { title: 'actors.detail.titleFallback', notFound: …, back: … })
 *   edit: recordScreen(() => import('./actor-edit-page'), 'ActorEditPage', actorTexts, 'list', '$id/rediger')
 */
export function recordScreen<Page extends RecordPageModule>(
  page: () => Promise<Page>,
  component: keyof Page & string,
  texts: Pick<RecordScreen, 'title' | 'notFound' | 'back'>,
  backTo = 'list',
  path = '$id',
): ScreenRoute {
  return {
    path,
    component: lazyRouteComponent(page, component) as RouteComponent,
    record: { query: (params) => page().then((module) => module.recordQuery(params)), ...texts, backTo },
  };
}

/** The full path of a route as links want it: no trailing slash, except the app's own root. */
function linkPath(fullPath: string): string {
  return fullPath.replace(/\/+$/, '') || '/';
}

interface FeatureRoutesOptions<Key extends string, Feature> {
  /** The feature's path under the parent (`aktorer`); or `id` for a layout without a path of its own. */
  path?: string;
  id?: string;
  /** The feature's context (from `createFeatureContext`), provided to every screen. */
  context: Context<Feature | null>;
  /**
   * Makes the context's value in the layout (a hook: it may hold state, e.g. a notice for the next
   * screen). `screenPaths` holds each screen's full path as the app mounts it (`/aktorer/$id`),
   * `basePath` the layout's own.
   */
  useFeature: (screenPaths: Record<Key, string>, basePath: string) => Feature;
  /** The screens by name; a name left out or set to null is not offered by this app. */
  screens: Record<Key, ScreenRoute | null>;
}

/**
 * A feature's screens as routes under `parentRoute`: a layout that provides the feature's
 * context (paths made from where the app mounted it) around one route per screen, each screen
 * its own chunk. The feature's `create…Routes` says only what differs: its screens and context.
 */
export function featureRoutes<Key extends string, Feature>(
  parentRoute: AnyRoute,
  { path, id, context: FeatureContext, useFeature, screens }: FeatureRoutesOptions<Key, Feature>,
): AnyRoute {
  const routes = new Map<Key, AnyRoute>();
  const layoutRoute = createRoute({
    getParentRoute: () => parentRoute,
    ...(id !== undefined ? { id } : { path: path ?? '/' }),
    component: function FeatureLayout() {
      // Full paths are known once the tree is built, i.e. by the time anything renders.
      const screenPaths = useMemo(
        () => Object.fromEntries([...routes].map(([key, route]) => [key, linkPath(route.fullPath)])) as Record<Key, string>,
        [],
      );
      const feature = useFeature(screenPaths, linkPath(layoutRoute.fullPath));
      return (
        <FeatureContext value={feature}>
          <Outlet />
        </FeatureContext>
      );
    },
  }) as AnyRoute;
  for (const [key, screen] of Object.entries(screens) as [Key, ScreenRoute | null][]) {
    if (screen) routes.set(key, screenRoute(layoutRoute, screen, () => linkPath(routes.get(screen.record?.backTo as Key)?.fullPath ?? layoutRoute.fullPath)));
  }
  return layoutRoute.addChildren([...routes.values()]);
}
