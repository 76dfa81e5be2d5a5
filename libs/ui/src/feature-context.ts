import { createContext, useContext, useEffect, useState, type Context } from 'react';

/**
 * A feature's context (its paths and options, which `featureRoutes` provides) and the hook its
 * screens read it with; the hook fails loudly outside the feature's routes (`routesName`, e.g.
 * "createActorRoutes"), where the screen could not work. Its own module: the lazy screens share it
 * with the routes, and the routes' code stays in the app's first chunk.
 */
export function createFeatureContext<Feature>(routesName: string): [Context<Feature | null>, () => Feature] {
  const FeatureContext = createContext<Feature | null>(null);
  function useFeatureContext(): Feature {
    const feature = useContext(FeatureContext);
    if (!feature) throw new Error(`These screens must be rendered inside the routes of ${routesName}()`);
    return feature;
  }
  return [FeatureContext, useFeatureContext];
}

/**
 * The notice a feature's context carries to the next screen (after a save: "Lagret"), taken for
 * this visit of the screen only: the context forgets it, so going back and forth does not repeat it.
 */
export function useNoticeForThisVisit<Notice>(notice: Notice | null, setNotice: (notice: Notice | null) => void): Notice | null {
  const [noticeForThisVisit] = useState(notice);
  useEffect(() => {
    if (notice) setNotice(null);
  }, [notice, setNotice]);
  return noticeForThisVisit;
}
