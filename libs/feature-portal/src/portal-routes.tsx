import { featureRoutes, firstDataOf, plainSearch, type FirstData } from '@kompetansebro/ui';
import type { QueryClient } from '@tanstack/react-query';
import { lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';
import { useMemo, type ComponentType } from 'react';
import { PortalFeatureContext, type PortalPaths } from './portal-feature-context';

interface PortalRoutesOptions {
  /** The full paths of the screens the portal links to, as the app mounts them. */
  agreementPath: string;
  agreementsPath: string;
  activitiesPath: string;
  actorPath?: string | null;
  proposeAgreementPath?: string | null;
  /** The centre's tasks, shown first on home (the app passes them: another feature's screen), and what they read first. */
  homeTasks?: ComponentType | null;
  homeTasksFirstData?: FirstData | null;
  /** Home for a user who acts for no study centre (a partner's contact), instead of the notice that it acts for none. */
  partnerHome?: ComponentType | null;
  /** The form of the centre's own record (address, contact details, description) on its profile: the actors feature's, so the app passes it. */
  profileForm: ComponentType<{ actorId: string }>;
}

/**
 * A study centre's own screens under `parentRoute`: home (its catchment area, libraries,
 * services, coverage and gaps, coming activities), the students' brochure (`brosjyre`),
 * contacts (`kontakter`) and its profile (`profil`). Each screen is its own chunk. The API
 * scopes every answer to the centre the user acts for.
 */
export function createPortalRoutes(parentRoute: AnyRoute, { agreementPath, agreementsPath, activitiesPath, actorPath = null, proposeAgreementPath = null, homeTasks = null, homeTasksFirstData = null, partnerHome = null, profileForm }: PortalRoutesOptions) {
  return featureRoutes(parentRoute, {
    id: 'portal',
    context: PortalFeatureContext,
    useFeature: function usePortalFeatureValue(screens) {
      return useMemo(() => {
        const paths: PortalPaths = {
          ...screens,
          agreement: agreementPath,
          agreements: agreementsPath,
          activities: activitiesPath,
          actor: actorPath,
          proposeAgreement: proposeAgreementPath,
        };
        return { paths, HomeTasks: homeTasks, PartnerHome: partnerHome, ProfileForm: profileForm };
      }, [screens]);
    },
    screens: {
      home: {
        path: '/',
        component: lazyRouteComponent(homePage, 'PortalHomePage'),
        firstData: firstDataOf((queryClient: QueryClient) => homePage().then((page) => page.homeFirstData(queryClient)), homeTasksFirstData),
      },
      brochure: { path: 'brosjyre', validateSearch: plainSearch, component: lazyRouteComponent(() => import('./brochure-page'), 'BrochurePage') },
      contacts: { path: 'kontakter', validateSearch: plainSearch, component: lazyRouteComponent(() => import('./contacts-page'), 'ContactsPage') },
      profile: { path: 'profil', component: lazyRouteComponent(() => import('./profile-page'), 'ProfilePage') },
    },
  });
}

/** Home's chunk: its page, and the data it shows first. */
const homePage = () => import('./home-page');
