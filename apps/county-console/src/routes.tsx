import { createActivityRoutes } from '@kompetansebro/feature-activities';
import { createActorRoutes } from '@kompetansebro/feature-actors';
import { createAgreementRoutes, createCoverageRoute } from '@kompetansebro/feature-agreements';
import { createHistoryRoute } from '@kompetansebro/feature-history';
import { createImportRoute } from '@kompetansebro/feature-import';
import { createInitiativeRoutes } from '@kompetansebro/feature-initiatives';
import { createCountyInboxRoute } from '@kompetansebro/feature-library';
import { createCatchmentReviewRoutes } from '@kompetansebro/feature-portal';
import { createReportRoutes } from '@kompetansebro/feature-reports';
import type { NavigationItem } from '@kompetansebro/feature-shell';
import { createSurveyRoutes } from '@kompetansebro/feature-survey';
import { createUserRoutes } from '@kompetansebro/feature-users';
import { screenRoute, type AppPaths } from '@kompetansebro/ui';
import type { QueryClient } from '@tanstack/react-query';
import { lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';

/** Oversikt · Samarbeid · Aktivitet og tiltak · Register (the shared UX notes' groups). */
export const countyNavigation: readonly NavigationItem[] = [
  { to: '/', label: 'shell.navigation.overview', exact: true },
  { to: '/avtaler', label: 'shell.navigation.agreements', group: 'cooperation' },
  { to: '/dekning', label: 'shell.navigation.coverage', group: 'cooperation' },
  // Deciding is county_admin's (the screen asks); a coordinator reads its own requests in its portal.
  { to: '/nedslagsfelt', label: 'shell.navigation.catchmentRequests', permission: { resource: 'catchment_request', action: 'read' }, countyOnly: true, group: 'cooperation' },
  { to: '/samarbeid', label: 'shell.navigation.channels', permission: { resource: 'liaison_note', action: 'read' }, countyOnly: true, group: 'cooperation' },
  { to: '/aktiviteter', label: 'shell.navigation.activities', group: 'activity' },
  { to: '/tiltak', label: 'shell.navigation.initiatives', group: 'activity' },
  { to: '/rapporter', label: 'shell.navigation.reports', group: 'activity' },
  { to: '/undersokelser', label: 'shell.navigation.surveys', permission: { resource: 'survey', action: 'read' }, group: 'activity' },
  { to: '/aktorer', label: 'shell.navigation.actors', group: 'register' },
  { to: '/kommuner', label: 'shell.navigation.municipalities', group: 'register' },
  { to: '/brukere', label: 'shell.navigation.users', permission: { resource: 'user', action: 'update' }, group: 'register' },
  { to: '/import', label: 'shell.navigation.import', permission: { resource: 'import', action: 'create' }, group: 'register' },
];

/** Where the console shows each kind of record: the links of search hits and inbox items. */
export const countyPaths: AppPaths = {
  actor: '/aktorer/$id',
  agreement: '/avtaler/$id',
  agreementTasks: '/avtaler/oppgaver',
  activity: '/aktiviteter/$id',
  initiative: '/tiltak/$id',
  notes: '/samarbeid',
  catchmentRequests: '/nedslagsfelt',
};

/**
 * /fylke/ (overview), /fylke/aktorer/… (the actor register, editable), /fylke/avtaler/…
 * (agreements), /fylke/dekning (coverage and gaps), /fylke/kommuner,
 * /fylke/aktiviteter/… (activities and calendar), /fylke/historikk/$entity/$id (a record's audit
 * trail), /fylke/samarbeid (the inbox of cooperation notes), /fylke/brukere/… (users, for county admins) — all for logged-in users (`parentRoute`).
 */
export function createCountyRoutes(parentRoute: AnyRoute) {
  return [
    screenRoute(parentRoute, {
      path: '/',
      component: lazyRouteComponent(() => import('./overview-page'), 'OverviewPage'),
      // Its own chunk (the API client's queries, no page code or styles): the overview's requests go
      // out as soon as the user is known, while the page's code and styles are still coming.
      firstData: (queryClient: QueryClient) => import('./overview/overview-data').then((data) => data.overviewFirstData(queryClient)),
    }),
    createActorRoutes(parentRoute, { path: 'aktorer', viewer: { canEdit: true }, agreementPath: '/avtaler/$id', activityPath: '/aktiviteter/$id', historyPath: '/historikk/$entity/$id' }),
    createAgreementRoutes(parentRoute, { path: 'avtaler', actorPath: '/aktorer/$id', historyPath: '/historikk/$entity/$id', creation: {} }),
    createCoverageRoute(parentRoute, { path: 'dekning', agreementPath: '/avtaler/$id', actorPath: '/aktorer/$id' }),
    screenRoute(parentRoute, { path: 'kommuner', component: lazyRouteComponent(() => import('./municipalities-page'), 'MunicipalitiesPage') }),
    createActivityRoutes(parentRoute, { path: 'aktiviteter', actorPath: '/aktorer/$id', historyPath: '/historikk/$entity/$id' }),
    createInitiativeRoutes(parentRoute, { path: 'tiltak', activityPath: '/aktiviteter/$id', agreementPath: '/avtaler/$id', historyPath: '/historikk/$entity/$id', reportPath: '/rapporter' }),
    createReportRoutes(parentRoute, { path: 'rapporter' }),
    createHistoryRoute(parentRoute, { path: 'historikk', recordPaths: { actor: '/aktorer/$id', agreement: '/avtaler/$id', activity: '/aktiviteter/$id', initiative: '/tiltak/$id', survey: '/undersokelser/$id' } }),
    createSurveyRoutes(parentRoute, { path: 'undersokelser' }),
    createUserRoutes(parentRoute, { path: 'brukere' }),
    createCatchmentReviewRoutes(parentRoute, { path: 'nedslagsfelt' }),
    // The county's inbox of cooperation notes (issue 14), the library portal's channels screen for every channel.
    createCountyInboxRoute(parentRoute, { path: 'samarbeid' }),
    createImportRoute(parentRoute, { path: 'import' }),
  ];
}

