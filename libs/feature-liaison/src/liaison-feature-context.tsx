import { createContext, useContext } from 'react';

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

export const LiaisonFeatureContext = createContext<LiaisonPaths | null>(null);

export function useLiaisonPaths(): LiaisonPaths {
  const paths = useContext(LiaisonFeatureContext);
  if (!paths) throw new Error('The liaison screens must be rendered inside the routes of createLiaisonRoutes()');
  return paths;
}

export type ThreadKind = 'bibliotek' | 'region';
