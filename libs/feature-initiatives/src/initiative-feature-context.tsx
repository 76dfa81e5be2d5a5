import { createFeatureContext } from '@kompetansebro/ui';

/** Where the initiative screens and the pages they link to live in the app's router. */
export interface InitiativePaths {
  list: string;
  /** "Nytt tiltak". */
  create: string;
  detail: string;
  edit: string;
  portfolio: string;
  /** An activity's page (`$id`), so a plan item's results link to it; null for none. */
  activity: string | null;
  agreement: string | null;
  /** A record's audit trail (`$entity`, `$id`). */
  history: string | null;
  /** The funder report (`?tiltak=<id>`). */
  report: string | null;
}

/** A short message for the initiative's page after a save, shown without taking focus. */
export type InitiativeNotice = 'created' | 'saved';

export interface InitiativeFeature {
  paths: InitiativePaths;
  notice: InitiativeNotice | null;
  setNotice: (notice: InitiativeNotice | null) => void;
}

export const [InitiativeFeatureContext, useInitiativeFeature] = createFeatureContext<InitiativeFeature>('createInitiativeRoutes');
