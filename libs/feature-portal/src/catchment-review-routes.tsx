import { plainSearch, screenRoute } from '@kompetansebro/ui';
import { lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';

/**
 * The county's review of the study centres' catchment-area requests (`path`, e.g.
 * `nedslagsfelt`): a list filtered by status in the URL, approve or reject with a note. The
 * screen is its own chunk; the API decides who may read and who may decide.
 */
export function createCatchmentReviewRoutes(parentRoute: AnyRoute, { path = 'nedslagsfelt' }: { path?: string } = {}) {
  return screenRoute(parentRoute, { path, validateSearch: plainSearch, component: lazyRouteComponent(() => import('./catchment-review-page'), 'CatchmentReviewPage') });
}
