import { plainSearch } from '@kompetansebro/ui';
import { createRoute, lazyRouteComponent, Outlet, type AnyRoute } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { actorPaths, ActorFeatureContext, type ActorLinkPaths, type ActorNotice, type ActorViewer } from './actor-feature-context';

interface ActorRoutesOptions {
  /** The path segment under the parent, Norwegian as the user sees it. Default "aktorer". */
  path?: string;
  viewer: ActorViewer;
  /** An agreement's page in the app, e.g. `/avtaler/$id`; without it, agreements are not links. */
  agreementPath?: string;
  /** An activity's page, e.g. `/aktiviteter/$id`. */
  activityPath?: string;
  /** A record's history, e.g. `/historikk/$entity/$id`; without it, no history link. */
  historyPath?: string;
}

/**
 * The actor screens as routes under `parentRoute`: the list (filters in the URL), "new",
 * one actor, and its edit form. Each screen is its own chunk, loaded when first visited.
 */
export function createActorRoutes(
  parentRoute: AnyRoute,
  { path = 'aktorer', viewer, agreementPath, activityPath, historyPath }: ActorRoutesOptions,
) {
  const links: ActorLinkPaths = { agreement: agreementPath, activity: activityPath, history: historyPath };
  const layoutRoute = createRoute({
    getParentRoute: () => parentRoute,
    path,
    component: function ActorsLayout() {
      const [notice, setNotice] = useState<ActorNotice | null>(null);
      const fullPath = layoutRoute.fullPath;
      const feature = useMemo(() => ({ viewer, paths: actorPaths(fullPath), links, notice, setNotice }), [fullPath, notice]);
      return (
        <ActorFeatureContext value={feature}>
          <Outlet />
        </ActorFeatureContext>
      );
    },
  });

  const listRoute = createRoute({
    getParentRoute: () => layoutRoute,
    path: '/',
    validateSearch: plainSearch,
    component: lazyRouteComponent(() => import('./actor-list-page'), 'ActorListPage'),
  });

  const createActorRoute = createRoute({
    getParentRoute: () => layoutRoute,
    path: 'ny',
    component: lazyRouteComponent(() => import('./actor-create-page'), 'ActorCreatePage'),
  });

  const detailRoute = createRoute({
    getParentRoute: () => layoutRoute,
    path: '$id',
    component: lazyRouteComponent(() => import('./actor-page'), 'ActorPage'),
  });

  const editRoute = createRoute({
    getParentRoute: () => layoutRoute,
    path: '$id/rediger',
    component: lazyRouteComponent(() => import('./actor-edit-page'), 'ActorEditPage'),
  });

  return layoutRoute.addChildren([listRoute, createActorRoute, detailRoute, editRoute]);
}
