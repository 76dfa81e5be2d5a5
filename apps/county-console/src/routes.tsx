import { createActorRoutes } from '@kompetansebro/feature-actors';
import type { NavigationItem } from '@kompetansebro/feature-shell';
import { createRoute, lazyRouteComponent, type AnyRootRoute } from '@tanstack/react-router';

export const countyNavigation: readonly NavigationItem[] = [
  { to: '/', label: 'shell.navigation.overview', exact: true },
  { to: '/aktorer', label: 'shell.navigation.actors' },
  { to: '/kommuner', label: 'shell.navigation.municipalities' },
];

/** /fylke/ (overview), /fylke/aktorer/… (the actor register, editable), /fylke/kommuner. */
export function createCountyRoutes(rootRoute: AnyRootRoute) {
  return [
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/',
      component: lazyRouteComponent(() => import('./overview-page'), 'OverviewPage'),
    }),
    createActorRoutes(rootRoute, { path: 'aktorer', viewer: { canEdit: true } }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: 'kommuner',
      component: lazyRouteComponent(() => import('./municipalities-page'), 'MunicipalitiesPage'),
    }),
  ];
}
