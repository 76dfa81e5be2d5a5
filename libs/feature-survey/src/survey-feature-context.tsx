import { createFeatureContext } from '@kompetansebro/ui';

/** Where the survey screens live in the app's router, e.g. `/undersokelser` and `/undersokelser/$id`. */
export interface SurveyPaths {
  list: string;
  create: string;
  detail: string;
}

/** A short message for the campaign's page after it was started, shown without taking focus. */
export type SurveyNotice = { kind: 'started'; mailed: number; recipients: number };

export interface SurveyFeature {
  paths: SurveyPaths;
  notice: SurveyNotice | null;
  setNotice: (notice: SurveyNotice | null) => void;
}

export const [SurveyFeatureContext, useSurveyFeature] = createFeatureContext<SurveyFeature>('createSurveyRoutes');
