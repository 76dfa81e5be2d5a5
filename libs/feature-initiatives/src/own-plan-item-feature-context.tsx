import { createFeatureContext } from '@kompetansebro/ui';

/** Where the owner's plan-item screens live in the app's router, e.g. `/planpunkter` and `/planpunkter/$id`. */
export interface OwnPlanItemPaths {
  list: string;
  detail: string;
}

export interface OwnPlanItemFeature {
  paths: OwnPlanItemPaths;
  /** The title of the item just saved, for the list to confirm once; null otherwise. */
  saved: string | null;
  setSaved: (title: string | null) => void;
}

export const [OwnPlanItemFeatureContext, useOwnPlanItemFeature] = createFeatureContext<OwnPlanItemFeature>('createOwnPlanItemRoutes');
