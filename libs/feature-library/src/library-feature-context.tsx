import { createFeatureContext } from '@kompetansebro/ui';

/** Where the library portal's screens and the screens they link to live in the app's router. */
export interface LibraryPaths {
  home: string;
  openingHoursList: string;
  openingHours: string;
  /** The channels with the university libraries. */
  channels: string;
  /** One actor's page (`/bibliotek/$id`: services, contacts) and one agreement, activity, channel. */
  actor: string;
  agreement: string;
  agreements: string;
  activities: string;
}

export interface LibraryFeature {
  paths: LibraryPaths;
}

export const [LibraryFeatureContext, useLibraryFeature] = createFeatureContext<LibraryFeature>('createLibraryRoutes');
