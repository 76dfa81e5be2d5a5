import { createFeatureContext } from '@kompetansebro/ui';

/** Where the liaison screens live in the app's router (full paths, e.g. `/bibliotek/$id`). */
export interface LiaisonPaths {
  libraries: string;
  library: string;
  needs: string;
  channels: string;
  /** A channel: `$kind` is `bibliotek` (a library) or `region`, `$id` its id. */
  thread: string;
  exchange: string;
}

export const [LiaisonFeatureContext, useLiaisonPaths] = createFeatureContext<LiaisonPaths>('createLiaisonRoutes');

export type ThreadKind = 'bibliotek' | 'region';
