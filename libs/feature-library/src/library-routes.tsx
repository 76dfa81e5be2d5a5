import { featureRoutes, firstDataOf, plainSearch, screenRoute, type FirstData } from '@kompetansebro/ui';
import type { QueryClient } from '@tanstack/react-query';
import { lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';
import { useMemo, type ComponentType } from 'react';
import { LibraryFeatureContext, type LibraryPaths } from './library-feature-context';

interface LibraryRoutesOptions {
  /** The full paths of the screens the portal links to, as the app mounts them. */
  actorPath: string;
  agreementPath: string;
  agreementsPath: string;
  activitiesPath: string;
  /** The full path of the survey answer form (feature-survey's, mounted by the app), linked from home when a survey is open; null for none. */
  surveyPath?: string | null;
  /** The library's tasks from other features (agreements awaiting its answer), shown first on home; the app passes them. */
  homeTasks?: ComponentType | null;
  /** What the tasks read first, loaded with home's own first data. */
  homeTasksFirstData?: FirstData | null;
  /** The widget code for the municipality's website, under the student preview on home; the app passes it (feature-finder's `FinderWidgetCard`). */
  widget?: ComponentType<{ libraryId: string }> | null;
}

/**
 * A public library's own screens under `parentRoute`: home (what is due), and the opening hours
 * of the library and its branches (`apningstider`, one editor each at `apningstider/$id`), and
 * its channels with the university libraries, read and answered here (`samarbeid`), and the
 * county's coming activities it signs up for and cancels, with those it took part in (`pamelding`),
 * and photos of the library and its branches (`bilder`). Each
 * screen is its own chunk; the API scopes every answer to the library the user acts for.
 */
export function createLibraryRoutes(parentRoute: AnyRoute, options: LibraryRoutesOptions) {
  return featureRoutes(parentRoute, {
    id: 'library',
    context: LibraryFeatureContext,
    useFeature: function useLibraryFeatureValue(screens) {
      return useMemo(() => {
        const paths: LibraryPaths = {
          ...screens,
          actor: options.actorPath,
          agreement: options.agreementPath,
          agreements: options.agreementsPath,
          activities: options.activitiesPath,
          survey: options.surveyPath ?? null,
        };
        return { paths, HomeTasks: options.homeTasks ?? null, Widget: options.widget ?? null };
      }, [screens]);
    },
    screens: {
      home: {
        path: '/',
        component: lazyRouteComponent(homePage, 'LibraryHomePage'),
        firstData: firstDataOf(
          (queryClient: QueryClient) => homePage().then((page) => page.homeFirstData(queryClient, { survey: Boolean(options.surveyPath) })),
          options.homeTasksFirstData,
        ),
      },
      openingHoursList: { path: 'apningstider', component: lazyRouteComponent(() => import('./opening-hours-list-page'), 'OpeningHoursListPage') },
      openingHours: { path: 'apningstider/$id', component: lazyRouteComponent(() => import('./opening-hours-page'), 'OpeningHoursPage') },
      photos: { path: 'bilder', component: lazyRouteComponent(() => import('./photos-page'), 'PhotosPage') },
      signUps: { path: 'pamelding', component: lazyRouteComponent(() => import('./activity-sign-up-page'), 'ActivitySignUpPage') },
      channels: { path: 'samarbeid', validateSearch: plainSearch, component: lazyRouteComponent(() => import('./cooperation-page'), 'CooperationPage') },
    },
  });
}

/**
 * The county's inbox of cooperation notes, for the county console: every channel between the
 * university libraries and the public libraries or the county, read and answered there.
 */
export function createCountyInboxRoute(parentRoute: AnyRoute, { path }: { path: string }) {
  return screenRoute(parentRoute, { path, validateSearch: plainSearch, component: lazyRouteComponent(() => import('./cooperation-page'), 'CountyInboxPage') });
}

/** Home's chunk: its page, and the data it shows first. */
const homePage = () => import('./home-page');
