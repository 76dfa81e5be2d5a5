import { createFeatureContext } from '@kompetansebro/ui';

/** Where the activity screens live in the app's router, e.g. `/aktiviteter` and `/aktiviteter/$id`. */
export interface ActivityPaths {
  list: string;
  calendar: string;
  counts: string;
  create: string;
  detail: string;
  edit: string;
  /** An actor's page (`$id`), when the app has one: participants and organisers link to it. */
  actor: string | null;
  /** A record's history (`$entity`, `$id`), when the app has one. */
  history: string | null;
}

/** The kinds of activity a portal registers (a study centre: its webinars and meetings). */
export type ActivityKindCode = 'webinar' | 'meeting' | 'course' | 'conference' | 'publication' | 'photography' | 'mobility' | 'other';

/** A short message for the next page (after a save or delete), shown without taking focus. */
export type ActivityNotice = 'created' | 'saved' | 'deleted';

export interface ActivityFeature {
  paths: ActivityPaths;
  /** Whether the app lets its users register and change activities (the policy decides per role as well). */
  canCreate: boolean;
  /** The kinds the form offers; null for all. */
  kinds: readonly ActivityKindCode[] | null;
  notice: ActivityNotice | null;
  setNotice: (notice: ActivityNotice | null) => void;
}

export const [ActivityFeatureContext, useActivityFeature] = createFeatureContext<ActivityFeature>('createActivityRoutes');
