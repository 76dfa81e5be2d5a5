import { featureRoutes, plainSearch } from '@kompetansebro/ui';
import { lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';
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
  return featureRoutes(parentRoute, {
    id: 'liaison',
    context: LiaisonFeatureContext,
    useFeature: (screens: LiaisonPaths) => screens,
    screens: {
      libraries: { path: libraries, validateSearch: plainSearch, component: lazyRouteComponent(() => import('./library-list-page'), 'LibraryListPage') },
      library: { path: `${libraries}/$id`, component: lazyRouteComponent(() => import('./library-page'), 'LibraryPage') },
      needs: { path: needs, validateSearch: plainSearch, component: lazyRouteComponent(() => import('./needs-page'), 'NeedsPage') },
      channels: { path: channels, component: lazyRouteComponent(() => import('./channels-page'), 'ChannelsPage') },
      thread: { path: `${channels}/$kind/$id`, component: lazyRouteComponent(() => import('./thread-page'), 'ThreadPage') },
      exchange: { path: exchange, component: lazyRouteComponent(() => import('./exchange-page'), 'ExchangePage') },
    },
  });
}
