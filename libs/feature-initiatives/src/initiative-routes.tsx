import { featureRoutes, plainSearch, recordScreen } from '@kompetansebro/ui';
import { lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { InitiativeFeatureContext, type InitiativeNotice } from './initiative-feature-context';

/**
 * The portfolio's `validateSearch`: `plainSearch`, with the weights kept as the numbers the URL
 * holds (effekt=3), not turned into text; the page reads them with its schema.
 */
const portfolioSearch = (search: Record<string, unknown>) => {
  const plain = plainSearch(search);
  for (const key of Object.keys(plain)) if (typeof search[key] === 'number') plain[key] = search[key];
  return plain;
};

interface InitiativeRoutesOptions {
  /** The path segment under the parent, Norwegian as the user sees it. Default "tiltak". */
  path?: string;
  /** Full paths of related pages, so results link to them; null for none. */
  activityPath?: string | null;
  agreementPath?: string | null;
  historyPath?: string | null;
  /** The funder report's page (it reads `?tiltak=<id>`), so an initiative links to its report; null for none. */
  reportPath?: string | null;
}

/** The texts of an initiative's pages while it loads or cannot be shown (its page and its edit form). */
const initiativeTexts = { title: 'initiatives.detail.titleFallback', notFound: 'initiatives.detail.notFound', back: 'initiatives.detail.backToList' } as const;

/**
 * The initiative screens as routes under `parentRoute`: the list (filters in the URL), the
 * portfolio ranking (weights in the URL), "new", one initiative with its plan board, and its edit form.
 * Each screen is its own chunk, loaded when first visited.
 */
export function createInitiativeRoutes(
  parentRoute: AnyRoute,
  { path = 'tiltak', activityPath = null, agreementPath = null, historyPath = null, reportPath = null }: InitiativeRoutesOptions = {},
) {
  return featureRoutes(parentRoute, {
    path,
    context: InitiativeFeatureContext,
    useFeature: function useInitiativeFeatureValue(screens) {
      const [notice, setNotice] = useState<InitiativeNotice | null>(null);
      return useMemo(
        () => ({ paths: { ...screens, activity: activityPath, agreement: agreementPath, history: historyPath, report: reportPath }, notice, setNotice }),
        [screens, notice],
      );
    },
    screens: {
      list: { path: '/', validateSearch: plainSearch, component: lazyRouteComponent(() => import('./initiative-list-page'), 'InitiativeListPage') },
      portfolio: { path: 'portefolje', validateSearch: portfolioSearch, component: lazyRouteComponent(() => import('./portfolio-page'), 'PortfolioPage') },
      create: { path: 'ny', component: lazyRouteComponent(() => import('./initiative-create-page'), 'InitiativeCreatePage') },
      detail: recordScreen(() => import('./initiative-page'), 'InitiativePage', initiativeTexts),
      edit: recordScreen(() => import('./initiative-edit-page'), 'InitiativeEditPage', initiativeTexts, 'list', '$id/rediger'),
    },
  });
}
