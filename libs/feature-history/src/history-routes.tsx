import { createRoute, type AnyRoute } from '@tanstack/react-router';

interface HistoryRouteOptions {
  /** Default "historikk"; the route is `<path>/$entity/$id`. */
  path?: string;
}

/** The audit trail of one record as a route under `parentRoute`. (Scaffold: the screen is being built.) */
export function createHistoryRoute(parentRoute: AnyRoute, { path = 'historikk' }: HistoryRouteOptions = {}) {
  return createRoute({ getParentRoute: () => parentRoute, path: `${path}/$entity/$id`, component: () => null });
}
