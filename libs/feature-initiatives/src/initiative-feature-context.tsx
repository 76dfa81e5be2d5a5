import { createContext, useContext } from 'react';

/** Where the initiative screens and the pages they link to live in the app's router. */
export interface InitiativePaths {
  list: string;
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

export interface InitiativeFeature {
  paths: InitiativePaths;
}

export const InitiativeFeatureContext = createContext<InitiativeFeature | null>(null);

export function useInitiativeFeature(): InitiativeFeature {
  const feature = useContext(InitiativeFeatureContext);
  if (!feature) throw new Error('The initiative screens must be rendered inside the routes of createInitiativeRoutes()');
  return feature;
}

export function initiativePaths(
  basePath: string,
  related: { activity: string | null; agreement: string | null; history: string | null; report: string | null },
): InitiativePaths {
  const base = basePath.replace(/\/+$/, '');
  return { list: base, detail: `${base}/$id`, edit: `${base}/$id/rediger`, portfolio: `${base}/portefolje`, ...related };
}
