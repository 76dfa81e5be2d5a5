import { featureRoutes, plainSearch, recordScreen } from '@kompetansebro/ui';
import { lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';
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
  /** Show, above the list, the amendments waiting for the user's organisation, to accept there (a party's portal). Default false. */
  pendingAmendments?: boolean;
}

/**
 * The agreement screens as routes under `parentRoute`: the list (filters in the URL), the create
 * form, the tasks waiting for the organisation's answer and one agreement. Each screen is its own chunk, loaded when first visited.
 */
export function createAgreementRoutes(
  parentRoute: AnyRoute,
  { path = 'avtaler', actorPath = null, historyPath = null, creation = null, listFilters, pendingAmendments = false }: AgreementRoutesOptions = {},
) {
  return featureRoutes(parentRoute, {
    path,
    context: AgreementFeatureContext,
    useFeature: function useAgreementFeatureValue(_screens, base) {
      // From the base, not the screens: the create path is there even where the app has no form (the screens ask `creation` first).
      return useMemo(() => ({ paths: agreementPaths(base, actorPath, historyPath), creation, listFilters, pendingAmendments }), [base]);
    },
    screens: {
      list: { path: '/', validateSearch: plainSearch, component: lazyRouteComponent(() => import('./agreement-list-page'), 'AgreementListPage') },
      create: creation && {
        path: 'ny',
        validateSearch: plainSearch,
        component: lazyRouteComponent(() => import('./agreement-create-page'), 'AgreementCreatePage'),
      },
      // What waits for the organisation's answer, every task a page at a time (a home shows the newest few); in the
      // list's chunk, so the app's first chunk names no file more (the county console is at its budget).
      tasks: { path: 'oppgaver', validateSearch: plainSearch, component: lazyRouteComponent(() => import('./agreement-list-page'), 'AgreementTasksPage') },
      // Editing a draft or a negotiated agreement: the create form's steps over the agreement.
      edit: { path: '$id/rediger', component: lazyRouteComponent(() => import('./agreement-create-page'), 'AgreementEditPage') },
      detail: recordScreen(() => import('./agreement-page'), 'AgreementPage', { title: 'agreements.detail.titleFallback', notFound: 'agreements.detail.notFound', back: 'agreements.detail.backToList' }),
    },
  });
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
  return featureRoutes(parentRoute, {
    path,
    context: CoverageFeatureContext,
    useFeature: function useCoverageFeatureValue(_screens, base) {
      return useMemo(() => ({ paths: { coverage: base, agreement: agreementPath, actor: actorPath } }), [base]);
    },
    screens: {
      coverage: { path: '/', validateSearch: plainSearch, component: lazyRouteComponent(() => import('./coverage-page'), 'CoveragePage') },
    },
  });
}
