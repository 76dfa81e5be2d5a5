import { createContext, useContext } from 'react';

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

export const SurveyFeatureContext = createContext<SurveyFeature | null>(null);

export function useSurveyFeature(): SurveyFeature {
  const feature = useContext(SurveyFeatureContext);
  if (!feature) throw new Error('The survey screens must be rendered inside the routes of createSurveyRoutes()');
  return feature;
}

export function surveyPaths(basePath: string): SurveyPaths {
  const base = basePath.replace(/\/+$/, '');
  return { list: base, create: `${base}/ny`, detail: `${base}/$id` };
}
