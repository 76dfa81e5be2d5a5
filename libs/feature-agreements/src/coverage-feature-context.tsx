import { createFeatureContext } from '@kompetansebro/ui';

/** Where the coverage screen and the records it links to live in the app's router. */
export interface CoveragePaths {
  coverage: string;
  /** An agreement's page (`$id`). */
  agreement: string;
  /** A library's actor page (`$id`), when the app has one. */
  actor: string | null;
}

export const [CoverageFeatureContext, useCoverageFeature] = createFeatureContext<{ paths: CoveragePaths }>('createCoverageRoute');
