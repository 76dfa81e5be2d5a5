import { createContext, useContext } from 'react';

/** Where the coverage screen and the records it links to live in the app's router. */
export interface CoveragePaths {
  coverage: string;
  /** An agreement's page (`$id`). */
  agreement: string;
  /** A library's actor page (`$id`), when the app has one. */
  actor: string | null;
}

export const CoverageFeatureContext = createContext<{ paths: CoveragePaths } | null>(null);

export function useCoverageFeature(): { paths: CoveragePaths } {
  const feature = useContext(CoverageFeatureContext);
  if (!feature) throw new Error('The coverage screen must be rendered inside the route of createCoverageRoute()');
  return feature;
}
