import { createActivityRoutes } from '@kompetansebro/feature-activities';
import { createActorRoutes } from '@kompetansebro/feature-actors';
import { createAgreementRoutes, pendingTasksFirstData } from '@kompetansebro/feature-agreements';
import { createOwnPlanItemRoutes } from '@kompetansebro/feature-initiatives';
import { createLibraryRoutes } from '@kompetansebro/feature-library';
import { createSurveyAnswerRoute } from '@kompetansebro/feature-survey';
import type { NavigationItem } from '@kompetansebro/feature-shell';
import { firstDataOf, type AppPaths } from '@kompetansebro/ui';
import type { AnyRoute } from '@tanstack/react-router';
import { lazy } from 'react';

/** Oversikt · Biblioteket (its own record) · Samarbeid (with the others). */
export const libraryNavigation: readonly NavigationItem[] = [
  { to: '/', label: 'shell.navigation.overview', exact: true },
  { to: '/apningstider', label: 'shell.navigation.openingHours', group: 'library' },
  { to: '/tjenester', label: 'shell.navigation.servicesAndContacts', group: 'library' },
  { to: '/bilder', label: 'shell.navigation.photos', group: 'library' },
  { to: '/avtaler', label: 'shell.navigation.agreements', group: 'cooperation' },
  { to: '/pamelding', label: 'shell.navigation.activities', group: 'cooperation' },
  { to: '/samarbeid', label: 'shell.navigation.channels', group: 'cooperation' },
  // The plan items the library is responsible for (issue 19): status and result.
  { to: '/planpunkter', label: 'shell.navigation.planItems', permission: { resource: 'plan_item', action: 'read' }, group: 'cooperation' },
];

/** Where the portal shows each kind of record: the links of search hits and inbox items (the open survey: its answer form). */
export const libraryPaths: AppPaths = {
  actor: '/tjenester/$id',
  agreement: '/avtaler/$id',
  agreementTasks: '/avtaler/oppgaver',
  activity: '/aktiviteter/$id',
  notes: '/samarbeid',
  services: '/tjenester',
  survey: '/undersokelse',
  planItem: '/planpunkter/$id',
};

/**
 * /bibliotek/ (home: what is due), /apningstider/… (opening hours of the library and each
 * branch), /tjenester/… (the library and its branches: services and conditions, confirmed here,
 * and contacts), /bilder (photos of the library and its branches), /avtaler/… (agreements it is party to, accepted or declined there), /pamelding
 * (signing up for the county's webinars and meetings, and cancelling), /aktiviteter/… (one activity), /samarbeid (notes with the university libraries and the county, started and answered here), /undersokelse?token=… (the county's open survey, answered), /planpunkter/… (the plan items it is responsible for: status and result) — all for logged-in users
 * (`parentRoute`). The API scopes every answer to the library the user acts for.
 */
export function createLibraryPortalRoutes(parentRoute: AnyRoute) {
  return [
    createLibraryRoutes(parentRoute, {
      actorPath: '/tjenester/$id',
      agreementPath: '/avtaler/$id',
      agreementsPath: '/avtaler',
      activitiesPath: '/aktiviteter',
      surveyPath: '/undersokelse',
      homeTasks: LibraryTasks,
      homeTasksFirstData: firstDataOf(pendingTasksFirstData('agreement'), pendingTasksFirstData('amendment')),
      widget: LibraryWidget,
    }),
    createActorRoutes(parentRoute, {
      path: 'tjenester',
      viewer: { canEdit: true },
      ownOrganisation: true,
      agreementPath: '/avtaler/$id',
      activityPath: '/aktiviteter/$id',
      openingHoursPath: '/apningstider/$id',
    }),
    createAgreementRoutes(parentRoute, { path: 'avtaler', actorPath: '/tjenester/$id', listFilters: { partyAndRegion: false }, pendingAmendments: true }),
    createActivityRoutes(parentRoute, { path: 'aktiviteter', actorPath: '/tjenester/$id' }),
    // The county's survey, answered in the portal through the same form (and records) as the mailed link.
    createSurveyAnswerRoute(parentRoute, { path: 'undersokelse', own: true }),
    createOwnPlanItemRoutes(parentRoute, { path: 'planpunkter' }),
  ];
}

/** The agreements awaiting the library's answer, on home: loaded with home, not with the app. */
const LibraryTasks = lazy(() => import('./library-tasks').then((module) => ({ default: module.LibraryTasks })));

/** The code of the library's widget for its municipality's website (issue 15), on home: loaded with home, not with the app. */
const LibraryWidget = lazy(() => import('@kompetansebro/feature-finder').then((module) => ({ default: module.FinderWidgetCard })));
