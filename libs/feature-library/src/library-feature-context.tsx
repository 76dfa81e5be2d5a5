import { createFeatureContext } from '@kompetansebro/ui';
import type { ComponentType } from 'react';

/** Where the library portal's screens and the screens they link to live in the app's router. */
export interface LibraryPaths {
  home: string;
  openingHoursList: string;
  openingHours: string;
  /** Photos of the library and its branches. */
  photos: string;
  /** The county's coming activities to sign up for, and those the library took part in. */
  signUps: string;
  /** The channels with the university libraries. */
  channels: string;
  /** One actor's page (`/bibliotek/$id`: services, contacts) and one agreement, activity, channel. */
  actor: string;
  agreement: string;
  agreements: string;
  activities: string;
  /** The answer form of the survey open to the library (`?token=…`); null: the app has none. */
  survey: string | null;
}

export interface LibraryFeature {
  paths: LibraryPaths;
  /** Tasks the app brings from other features (agreements awaiting the library's answer), first on home. */
  HomeTasks: ComponentType | null;
  /** The code of the library's widget for its municipality's website (hours today, services for students), under the student preview on home. */
  Widget: ComponentType<{ libraryId: string }> | null;
}

export const [LibraryFeatureContext, useLibraryFeature] = createFeatureContext<LibraryFeature>('createLibraryRoutes');
