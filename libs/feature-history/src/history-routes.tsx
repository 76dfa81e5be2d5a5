import { featureRoutes, plainSearch } from '@kompetansebro/ui';
import { lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';
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
  return featureRoutes(parentRoute, {
    path,
    context: HistoryFeatureContext,
    useFeature: function useHistoryFeatureValue(screens) {
      return useMemo(() => ({ paths: { ...screens, records: recordPaths } }), [screens]);
    },
    screens: {
      log: { path: '/', validateSearch: plainSearch, component: lazyRouteComponent(() => import('./audit-log-page'), 'AuditLogPage') },
      record: { path: '$entity/$id', validateSearch: plainSearch, component: lazyRouteComponent(() => import('./record-history-page'), 'RecordHistoryPage') },
    },
  });
}
