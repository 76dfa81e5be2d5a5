import { createActivityRoutes } from '@kompetansebro/feature-activities';
import { createActorRoutes, OwnActorForm } from '@kompetansebro/feature-actors';
import { createAgreementRoutes, pendingAcceptancesFirstData } from '@kompetansebro/feature-agreements';
import { createOwnPlanItemRoutes } from '@kompetansebro/feature-initiatives';
import { createPortalRoutes } from '@kompetansebro/feature-portal';
import type { NavigationItem } from '@kompetansebro/feature-shell';
import type { AppPaths } from '@kompetansebro/ui';
import type { AnyRoute } from '@tanstack/react-router';
import { lazy } from 'react';

// Each entry shows only where the policy lets the role use it: a partner's contact (issue 19) sees overview and plan items.
export const centreNavigation: readonly NavigationItem[] = [
  { to: '/', label: 'shell.navigation.overview', exact: true },
  { to: '/avtaler', label: 'shell.navigation.agreements', permission: { resource: 'agreement', action: 'read' } },
  { to: '/aktiviteter', label: 'shell.navigation.activities', permission: { resource: 'activity', action: 'read' } },
  // The plan items the centre is responsible for (issue 19): status and result.
  { to: '/planpunkter', label: 'shell.navigation.planItems', permission: { resource: 'plan_item', action: 'read' } },
  { to: '/brosjyre', label: 'shell.navigation.brochure', permission: { resource: 'coverage', action: 'read' } },
  { to: '/kontakter', label: 'shell.navigation.contacts', permission: { resource: 'contact', action: 'read' } },
  // The centre's own record and its catchment-area requests.
  { to: '/profil', label: 'shell.navigation.profile', permission: { resource: 'catchment_request', action: 'read' } },
];

/** Where the portal shows each kind of record: the links of search hits and inbox items. */
export const centrePaths: AppPaths = { actor: '/aktorer/$id', agreement: '/avtaler/$id', agreementTasks: '/avtaler/oppgaver', activity: '/aktiviteter/$id', planItem: '/planpunkter/$id' };

/**
 * /studiesenter/ (home: catchment area, libraries and their student services, coverage and gaps,
 * coming activities), /brosjyre (the students' brochure, printable and PDF), /kontakter,
 * /profil (own record and catchment-area requests), /avtaler/… (agreements the centre is party
 * to, and proposing one), /aktiviteter/… (its activities), /aktorer/$id (a library's page, read
 * only), /planpunkter/… (the plan items it is responsible for: status and result) — all for logged-in users (`parentRoute`). The API scopes every answer to the centre.
 */
export function createCentreRoutes(parentRoute: AnyRoute) {
  return [
    createPortalRoutes(parentRoute, {
      agreementPath: '/avtaler/$id',
      agreementsPath: '/avtaler',
      activitiesPath: '/aktiviteter',
      actorPath: '/aktorer/$id',
      proposeAgreementPath: '/avtaler/ny',
      homeTasks: CentreTasks,
      homeTasksFirstData: pendingAcceptancesFirstData,
      partnerHome: PartnerHome,
      // The centre keeps its own record in the form a library keeps its own (contact-only).
      profileForm: OwnActorForm,
    }),
    createAgreementRoutes(parentRoute, {
      path: 'avtaler',
      actorPath: '/aktorer/$id',
      // The centre is always a party of what it proposes; the API decides whom it may add.
      creation: { fixedParty: 'activeOrganisation' },
      listFilters: { partyAndRegion: false },
    }),
    createActivityRoutes(parentRoute, { path: 'aktiviteter', actorPath: '/aktorer/$id', canCreate: true, kinds: ['meeting', 'course', 'webinar', 'other'] }),
    // Library pages, linked from home and contacts. A coordinator reads them; it changes its own record under /profil.
    createActorRoutes(parentRoute, { path: 'aktorer', viewer: { canEdit: false } }),
    createOwnPlanItemRoutes(parentRoute, { path: 'planpunkter' }),
  ];
}

/** The agreements waiting for the centre's answer, on home: loaded with home, not with the app (zod and the API client stay out of the first chunk). */
const CentreTasks = lazy(() => import('./centre-tasks').then((module) => ({ default: module.CentreTasks })));

/** Home of a partner's contact (its plan items and inbox): loaded only when it is shown. */
const PartnerHome = lazy(() => import('./partner-home').then((module) => ({ default: module.PartnerHome })));
