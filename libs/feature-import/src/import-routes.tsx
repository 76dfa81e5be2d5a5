import { screenRoute } from '@kompetansebro/ui';
import { lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';

/** The county's import screen under `parentRoute` (logged in), its own chunk. */
export function createImportRoute(parentRoute: AnyRoute, { path = 'import' }: { path?: string } = {}) {
  return screenRoute(parentRoute, { path, component: lazyRouteComponent(() => import('./import-page'), 'ImportPage') });
}
