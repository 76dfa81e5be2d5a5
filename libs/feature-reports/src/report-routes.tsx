import { plainSearch, screenRoute } from '@kompetansebro/ui';
import { lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';

/**
 * The funder report screen as a route under `parentRoute` (default path "rapporter"): pick an
 * initiative and a period (in the URL), preview the report, download it as DOCX or PDF. The
 * screen is its own chunk, loaded when first visited.
 */
export function createReportRoutes(parentRoute: AnyRoute, { path = 'rapporter' }: { path?: string } = {}) {
  return screenRoute(parentRoute, { path, validateSearch: plainSearch, component: lazyRouteComponent(() => import('./report-page'), 'ReportPage') });
}
