import { plainSearch } from '@kompetansebro/ui';
import { createRoute, lazyRouteComponent, Outlet, type AnyRoute } from '@tanstack/react-router';
import { useMemo } from 'react';
import { agreementPaths, AgreementFeatureContext, type AgreementCreation, type AgreementListFilterOptions } from './agreement-feature-context';
import { CoverageFeatureContext } from './coverage-feature-context';

interface AgreementRoutesOptions {
  /** The path segment under the parent, Norwegian as the user sees it. Default "avtaler". */
  path?: string;
  /** The full path of an actor's page (`/aktorer/$id`), so parties link to it; null for none. */
  actorPath?: string | null;
  /** The full path of a record's audit trail (`/historikk/$entity/$id`), so an agreement links to its own; null for none. */
  historyPath?: string | null;
  /**
   * The step-by-step create form at `<path>/ny` (a party prefilled from `?part=<actorId>`), shown
   * to roles the policy lets create agreements; null (the default) for none.
   */
  creation?: AgreementCreation | null;
  /** Which list filters to offer; a centre's portal hides "Studiesenter" and "Region". */
  listFilters?: AgreementListFilterOptions;
}

/**
 * The agreement screens as routes under `parentRoute`: the list (filters in the URL), the create
 * form and one agreement. Each screen is its own chunk, loaded when first visited.
 */
export function createAgreementRoutes(
  parentRoute: AnyRoute,
  { path = 'avtaler', actorPath = null, historyPath = null, creation = null, listFilters }: AgreementRoutesOptions = {},
) {
  const layoutRoute = createRoute({
    getParentRoute: () => parentRoute,
    path,
    component: function AgreementsLayout() {
      const fullPath = layoutRoute.fullPath;
      const feature = useMemo(() => ({ paths: agreementPaths(fullPath, actorPath, historyPath), creation, listFilters }), [fullPath]);
      return (
        <AgreementFeatureContext value={feature}>
          <Outlet />
        </AgreementFeatureContext>
      );
    },
  });

  const listRoute = createRoute({
    getParentRoute: () => layoutRoute,
    path: '/',
    validateSearch: plainSearch,
    component: lazyRouteComponent(() => import('./agreement-list-page'), 'AgreementListPage'),
  });

  const createFormRoute = createRoute({
    getParentRoute: () => layoutRoute,
    path: 'ny',
    validateSearch: plainSearch,
    component: lazyRouteComponent(() => import('./agreement-create-page'), 'AgreementCreatePage'),
  });

  const detailRoute = createRoute({
    getParentRoute: () => layoutRoute,
    path: '$id',
    component: lazyRouteComponent(() => import('./agreement-page'), 'AgreementPage'),
  });

  return layoutRoute.addChildren(creation ? [listRoute, createFormRoute, detailRoute] : [listRoute, detailRoute]);
}

interface CoverageRouteOptions {
  /** Default "dekning". */
  path?: string;
  /** The full path of an agreement's page (`/avtaler/$id`). */
  agreementPath: string;
  actorPath?: string | null;
}

/** The coverage screen (region in the URL) as a route under `parentRoute`, in its own chunk. */
export function createCoverageRoute(parentRoute: AnyRoute, { path = 'dekning', agreementPath, actorPath = null }: CoverageRouteOptions) {
  const coverageLayout = createRoute({
    getParentRoute: () => parentRoute,
    path,
    component: function CoverageLayout() {
      const fullPath = coverageLayout.fullPath.replace(/\/+$/, '');
      const feature = useMemo(() => ({ paths: { coverage: fullPath, agreement: agreementPath, actor: actorPath } }), [fullPath]);
      return (
        <CoverageFeatureContext value={feature}>
          <Outlet />
        </CoverageFeatureContext>
      );
    },
  });
  const coverageRoute = createRoute({
    getParentRoute: () => coverageLayout,
    path: '/',
    validateSearch: plainSearch,
    component: lazyRouteComponent(() => import('./coverage-page'), 'CoveragePage'),
  });
  return coverageLayout.addChildren([coverageRoute]);
}
