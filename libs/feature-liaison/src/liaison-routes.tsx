import { plainSearch } from '@kompetansebro/ui';
import { createRoute, lazyRouteComponent, Outlet, type AnyRoute } from '@tanstack/react-router';
import { useMemo } from 'react';
import { LiaisonFeatureContext, type LiaisonPaths } from './liaison-feature-context';

interface LiaisonRoutesOptions {
  libraries?: string;
  needs?: string;
  channels?: string;
  exchange?: string;
}

/**
 * The university-library liaison's screens (issue 8) under `parentRoute`: the libraries (list
 * with filters in the URL, and one library), needs and offer, the cooperation channels (list and
 * one channel), and the experience exchange. Each screen is its own chunk.
 */
export function createLiaisonRoutes(
  parentRoute: AnyRoute,
  { libraries = 'bibliotek', needs = 'behov', channels = 'kanaler', exchange = 'erfaringsdeling' }: LiaisonRoutesOptions = {},
) {
  const layoutRoute = createRoute({
    getParentRoute: () => parentRoute,
    id: 'liaison',
    component: function LiaisonLayout() {
      // Full paths are known once the tree is built, i.e. by the time anything renders.
      const value = useMemo<LiaisonPaths>(
        () => ({
          libraries: listRoute.fullPath,
          library: libraryRoute.fullPath,
          needs: needsRoute.fullPath,
          channels: channelsRoute.fullPath,
          thread: threadRoute.fullPath,
          exchange: exchangeRoute.fullPath,
        }),
        [],
      );
      return (
        <LiaisonFeatureContext value={value}>
          <Outlet />
        </LiaisonFeatureContext>
      );
    },
  });

  const listRoute = createRoute({
    getParentRoute: () => layoutRoute,
    path: libraries,
    validateSearch: plainSearch,
    component: lazyRouteComponent(() => import('./library-list-page'), 'LibraryListPage'),
  });
  const libraryRoute = createRoute({
    getParentRoute: () => layoutRoute,
    path: `${libraries}/$id`,
    component: lazyRouteComponent(() => import('./library-page'), 'LibraryPage'),
  });
  const needsRoute = createRoute({
    getParentRoute: () => layoutRoute,
    path: needs,
    validateSearch: plainSearch,
    component: lazyRouteComponent(() => import('./needs-page'), 'NeedsPage'),
  });
  const channelsRoute = createRoute({
    getParentRoute: () => layoutRoute,
    path: channels,
    component: lazyRouteComponent(() => import('./channels-page'), 'ChannelsPage'),
  });
  const threadRoute = createRoute({
    getParentRoute: () => layoutRoute,
    path: `${channels}/$kind/$id`,
    component: lazyRouteComponent(() => import('./thread-page'), 'ThreadPage'),
  });
  const exchangeRoute = createRoute({
    getParentRoute: () => layoutRoute,
    path: exchange,
    component: lazyRouteComponent(() => import('./exchange-page'), 'ExchangePage'),
  });

  return layoutRoute.addChildren([listRoute, libraryRoute, needsRoute, channelsRoute, threadRoute, exchangeRoute]);
}
