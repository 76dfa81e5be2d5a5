import type { ComponentType } from 'react';
import { createFeatureContext } from '@kompetansebro/ui';

/** Where the portal's screens and the screens they link to live in the app's router. */
export interface PortalPaths {
  home: string;
  brochure: string;
  contacts: string;
  profile: string;
  /** One agreement (`/avtaler/$id`) and the agreements list. */
  agreement: string;
  agreements: string;
  /** The form proposing an agreement (`/avtaler/ny`, a party prefilled from `?part=`), or null when the app has none. */
  proposeAgreement: string | null;
  /** The activities list. */
  activities: string;
  /** One actor's page (`/aktorer/$id`), or null when the app has none. */
  actor: string | null;
}

export interface PortalFeature {
  paths: PortalPaths;
  /** What the app shows first on home as the centre's tasks (the agreements waiting for its answer), if anything. */
  HomeTasks: ComponentType | null;
  /** Home for a user who acts for no study centre (a partner's contact: its plan items and inbox), if the app has one. */
  PartnerHome: ComponentType | null;
  /** The form of the centre's own record on its profile (the actors feature's, passed by the app: a feature imports no other). */
  ProfileForm: ComponentType<{ actorId: string }>;
}

export const [PortalFeatureContext, usePortalFeature] = createFeatureContext<PortalFeature>('createPortalRoutes');
