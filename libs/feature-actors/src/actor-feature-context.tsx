import { createFeatureContext } from '@kompetansebro/ui';

/**
 * Who is looking, as far as these screens care. The API decides what the viewer may see
 * and do; this only hides controls that would be refused anyway.
 */
export interface ActorViewer {
  /** May create, edit and archive actors (the county does; a study centre does not, yet). */
  canEdit: boolean;
}

/** Where the actor screens live in the app's router, e.g. `/aktorer` and `/aktorer/$id`. */
export interface ActorPaths {
  list: string;
  create: string;
  detail: string;
  edit: string;
}

/**
 * Where the screens of other features are, e.g. `/avtaler/$id`: the actor page links to them
 * when the app has them, and shows plain names when it does not.
 */
export interface ActorLinkPaths {
  agreement?: string | undefined;
  activity?: string | undefined;
  /** With `$entity` and `$id`, e.g. `/historikk/$entity/$id`. */
  history?: string | undefined;
  /** A library's opening hours, e.g. `/apningstider/$id`: where a "hours a week" that follows them is changed. */
  openingHours?: string | undefined;
}

/** A short message for the next actor page (after a save), shown without taking focus. */
export type ActorNotice = 'created' | 'saved' | 'archived';

export interface ActorFeature {
  viewer: ActorViewer;
  /**
   * The list holds the user's own organisation and its branches (a library's portal), not the
   * county's register: titled so, without the region and municipality filters.
   */
  ownOrganisation: boolean;
  paths: ActorPaths;
  links: ActorLinkPaths;
  notice: ActorNotice | null;
  setNotice: (notice: ActorNotice | null) => void;
}

export const [ActorFeatureContext, useActorFeature] = createFeatureContext<ActorFeature>('createActorRoutes');
