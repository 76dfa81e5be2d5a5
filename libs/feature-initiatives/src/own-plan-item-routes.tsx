import { featureRoutes, plainSearch, recordScreen } from '@kompetansebro/ui';
import { lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { OwnPlanItemFeatureContext } from './own-plan-item-feature-context';

/** The texts of a plan item's page while it loads or cannot be shown. */
const ownPlanItemTexts = { title: 'initiatives.own.detail.titleFallback', notFound: 'initiatives.own.detail.notFound', back: 'initiatives.own.detail.backToList' } as const;

/**
 * The plan items the user's organisation is responsible for (issue 19), as routes under
 * `parentRoute`: the list (status filter and page in the URL) and one item, where its owner sets
 * the status and writes the result. The same screens in every app whose organisations own plan
 * items; each screen is its own chunk. The API scopes every answer to the user's organisation.
 */
export function createOwnPlanItemRoutes(parentRoute: AnyRoute, { path = 'planpunkter' }: { path?: string } = {}) {
  return featureRoutes(parentRoute, {
    path,
    context: OwnPlanItemFeatureContext,
    useFeature: function useOwnPlanItemFeatureValue(screens) {
      const [saved, setSaved] = useState<string | null>(null);
      return useMemo(() => ({ paths: screens, saved, setSaved }), [screens, saved]);
    },
    screens: {
      list: { path: '/', validateSearch: plainSearch, component: lazyRouteComponent(() => import('./own-plan-item-list-page'), 'OwnPlanItemListPage') },
      detail: recordScreen(() => import('./own-plan-item-page'), 'OwnPlanItemPage', ownPlanItemTexts),
    },
  });
}
