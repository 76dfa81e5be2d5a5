import { createAgreementRoutes, pendingAcceptancesFirstData } from '@kompetansebro/feature-agreements';
import { createOwnPlanItemRoutes } from '@kompetansebro/feature-initiatives';
import { createLiaisonRoutes } from '@kompetansebro/feature-liaison';
import type { NavigationItem } from '@kompetansebro/feature-shell';
import { screenRoute, type AppPaths } from '@kompetansebro/ui';
import { lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';

export const liaisonNavigation: readonly NavigationItem[] = [
  { to: '/', label: 'shell.navigation.overview', exact: true },
  { to: '/bibliotek', label: 'shell.navigation.libraries' },
  { to: '/behov', label: 'shell.navigation.needs' },
  { to: '/kanaler', label: 'shell.navigation.channels' },
  { to: '/avtaler', label: 'shell.navigation.agreements' },
  { to: '/erfaringsdeling', label: 'shell.navigation.exchange' },
  // The plan items the university library is responsible for (issue 19): status and result.
  { to: '/planpunkter', label: 'shell.navigation.planItems', permission: { resource: 'plan_item', action: 'read' } },
];

/** Where the liaison view shows each kind of record: the links of search hits and inbox items. */
export const liaisonPaths: AppPaths = { actor: '/bibliotek/$id', agreement: '/avtaler/$id', agreementTasks: '/avtaler/oppgaver', notes: '/kanaler', planItem: '/planpunkter/$id' };

/**
 * /universitet/ (overview), /universitet/bibliotek/… (libraries and their services),
 * /universitet/behov (student counts against the offer), /universitet/kanaler/… (cooperation
 * channels), /universitet/avtaler/… (agreements it is party to; the API scopes them),
 * /universitet/erfaringsdeling (activities), /universitet/planpunkter/… (the plan items the library
 * is responsible for: status and result) — all for logged-in users (`parentRoute`).
 */
export function createLiaisonAppRoutes(parentRoute: AnyRoute) {
  return [
    screenRoute(parentRoute, { path: '/', component: lazyRouteComponent(() => import('./overview-page'), 'OverviewPage'), firstData: pendingAcceptancesFirstData }),
    createLiaisonRoutes(parentRoute),
    createAgreementRoutes(parentRoute, { path: 'avtaler', actorPath: '/bibliotek/$id' }),
    createOwnPlanItemRoutes(parentRoute, { path: 'planpunkter' }),
  ];
}
