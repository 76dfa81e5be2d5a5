import { createContext, useContext } from 'react';

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

export const ActivityFeatureContext = createContext<ActivityFeature | null>(null);

export function useActivityFeature(): ActivityFeature {
  const feature = useContext(ActivityFeatureContext);
  if (!feature) throw new Error('The activity screens must be rendered inside the routes of createActivityRoutes()');
  return feature;
}

export function activityPaths(basePath: string, actorPath: string | null, historyPath: string | null): ActivityPaths {
  const base = basePath.replace(/\/+$/, '');
  return {
    list: base,
    calendar: `${base}/kalender`,
    counts: `${base}/tall`,
    create: `${base}/ny`,
    detail: `${base}/$id`,
    edit: `${base}/$id/rediger`,
    actor: actorPath,
    history: historyPath,
  };
}
