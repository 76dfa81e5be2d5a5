import { plainSearch } from '@kompetansebro/ui';
import { createRoute, lazyRouteComponent, Outlet, type AnyRoute } from '@tanstack/react-router';
import { useMemo } from 'react';
import { HistoryFeatureContext, type HistoryPaths } from './history-feature-context';

interface HistoryRouteOptions {
  /** Default "historikk"; the routes are `<path>/` (the whole log) and `<path>/$entity/$id`. */
  path?: string;
  /** The full path of each kind of record's own page (`/aktorer/$id`), so a history links back. */
  recordPaths?: HistoryPaths['records'];
}

/**
 * The audit screens as routes under `parentRoute`: the log (type and page in the URL) and the
 * history of one record. Each screen is its own chunk, loaded when first visited.
 */
export function createHistoryRoute(parentRoute: AnyRoute, { path = 'historikk', recordPaths = {} }: HistoryRouteOptions = {}) {
  const layoutRoute = createRoute({
    getParentRoute: () => parentRoute,
    path,
    component: function HistoryLayout() {
      const base = layoutRoute.fullPath.replace(/\/+$/, '');
      const feature = useMemo(() => ({ paths: { log: base, record: `${base}/$entity/$id`, records: recordPaths } }), [base]);
      return (
        <HistoryFeatureContext value={feature}>
          <Outlet />
        </HistoryFeatureContext>
      );
    },
  });
  const logRoute = createRoute({
    getParentRoute: () => layoutRoute,
    path: '/',
    validateSearch: plainSearch,
    component: lazyRouteComponent(() => import('./audit-log-page'), 'AuditLogPage'),
  });
  const recordRoute = createRoute({
    getParentRoute: () => layoutRoute,
    path: '$entity/$id',
    validateSearch: plainSearch,
    component: lazyRouteComponent(() => import('./record-history-page'), 'RecordHistoryPage'),
  });
  return layoutRoute.addChildren([logRoute, recordRoute]);
}
