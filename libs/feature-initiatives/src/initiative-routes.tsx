import { plainSearch } from '@kompetansebro/ui';
import { createRoute, lazyRouteComponent, Outlet, type AnyRoute } from '@tanstack/react-router';
import { useMemo } from 'react';
import { InitiativeFeatureContext, initiativePaths } from './initiative-feature-context';

/**
 * The portfolio's `validateSearch`: `plainSearch`, with the weights kept as the numbers the URL
 * holds (effekt=3), not turned into text; the page reads them with its schema.
 */
const portfolioSearch = (search: Record<string, unknown>) => {
  const plain = plainSearch(search);
  for (const key of Object.keys(plain)) if (typeof search[key] === 'number') plain[key] = search[key];
  return plain;
};

interface InitiativeRoutesOptions {
  /** The path segment under the parent, Norwegian as the user sees it. Default "tiltak". */
  path?: string;
  /** Full paths of related pages, so results link to them; null for none. */
  activityPath?: string | null;
  agreementPath?: string | null;
  historyPath?: string | null;
  /** The funder report's page (it reads `?tiltak=<id>`), so an initiative links to its report; null for none. */
  reportPath?: string | null;
}

/**
 * The initiative screens as routes under `parentRoute`: the list (filters in the URL), the
 * portfolio ranking (weights in the URL), one initiative with its plan board, and its edit form.
 * Each screen is its own chunk, loaded when first visited.
 */
export function createInitiativeRoutes(
  parentRoute: AnyRoute,
  { path = 'tiltak', activityPath = null, agreementPath = null, historyPath = null, reportPath = null }: InitiativeRoutesOptions = {},
) {
  const layoutRoute = createRoute({
    getParentRoute: () => parentRoute,
    path,
    component: function InitiativesLayout() {
      const fullPath = layoutRoute.fullPath;
      const feature = useMemo(
        () => ({ paths: initiativePaths(fullPath, { activity: activityPath, agreement: agreementPath, history: historyPath, report: reportPath }) }),
        [fullPath],
      );
      return (
        <InitiativeFeatureContext value={feature}>
          <Outlet />
        </InitiativeFeatureContext>
      );
    },
  });

  const listRoute = createRoute({
    getParentRoute: () => layoutRoute,
    path: '/',
    validateSearch: plainSearch,
    component: lazyRouteComponent(() => import('./initiative-list-page'), 'InitiativeListPage'),
  });

  const portfolioRoute = createRoute({
    getParentRoute: () => layoutRoute,
    path: 'portefolje',
    validateSearch: portfolioSearch,
    component: lazyRouteComponent(() => import('./portfolio-page'), 'PortfolioPage'),
  });

  const detailRoute = createRoute({
    getParentRoute: () => layoutRoute,
    path: '$id',
    component: lazyRouteComponent(() => import('./initiative-page'), 'InitiativePage'),
  });

  const editRoute = createRoute({
    getParentRoute: () => layoutRoute,
    path: '$id/rediger',
    component: lazyRouteComponent(() => import('./initiative-edit-page'), 'InitiativeEditPage'),
  });

  return layoutRoute.addChildren([listRoute, portfolioRoute, detailRoute, editRoute]);
}
