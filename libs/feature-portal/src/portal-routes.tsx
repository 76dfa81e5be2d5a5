import { plainSearch } from '@kompetansebro/ui';
import { createRoute, lazyRouteComponent, Outlet, type AnyRoute } from '@tanstack/react-router';
import { useMemo } from 'react';
import { PortalFeatureContext, type PortalPaths } from './portal-feature-context';

interface PortalRoutesOptions {
  /** The full paths of the screens the portal links to, as the app mounts them. */
  agreementPath: string;
  agreementsPath: string;
  activitiesPath: string;
  actorPath?: string | null;
  proposeAgreementPath?: string | null;
}

/**
 * A study centre's own screens under `parentRoute`: home (its catchment area, libraries,
 * services, coverage and gaps, coming activities), the students' brochure (`brosjyre`),
 * contacts (`kontakter`) and its profile (`profil`). Each screen is its own chunk. The API
 * scopes every answer to the centre the user acts for.
 */
export function createPortalRoutes(parentRoute: AnyRoute, { agreementPath, agreementsPath, activitiesPath, actorPath = null, proposeAgreementPath = null }: PortalRoutesOptions) {
  const layoutRoute = createRoute({
    getParentRoute: () => parentRoute,
    id: 'portal',
    component: function PortalLayout() {
      const feature = useMemo(() => {
        const paths: PortalPaths = {
          home: '/',
          brochure: '/brosjyre',
          contacts: '/kontakter',
          profile: '/profil',
          agreement: agreementPath,
          agreements: agreementsPath,
          activities: activitiesPath,
          actor: actorPath,
          proposeAgreement: proposeAgreementPath,
        };
        return { paths };
      }, []);
      return (
        <PortalFeatureContext value={feature}>
          <Outlet />
        </PortalFeatureContext>
      );
    },
  });

  const homeRoute = createRoute({
    getParentRoute: () => layoutRoute,
    path: '/',
    component: lazyRouteComponent(() => import('./home-page'), 'PortalHomePage'),
  });
  const brochureRoute = createRoute({
    getParentRoute: () => layoutRoute,
    path: 'brosjyre',
    validateSearch: plainSearch,
    component: lazyRouteComponent(() => import('./brochure-page'), 'BrochurePage'),
  });
  const contactsRoute = createRoute({
    getParentRoute: () => layoutRoute,
    path: 'kontakter',
    validateSearch: plainSearch,
    component: lazyRouteComponent(() => import('./contacts-page'), 'ContactsPage'),
  });
  const profileRoute = createRoute({
    getParentRoute: () => layoutRoute,
    path: 'profil',
    component: lazyRouteComponent(() => import('./profile-page'), 'ProfilePage'),
  });

  return layoutRoute.addChildren([homeRoute, brochureRoute, contactsRoute, profileRoute]);
}
