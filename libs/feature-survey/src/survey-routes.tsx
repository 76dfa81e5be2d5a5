import { featureRoutes, plainSearch, recordScreen, screenRoute } from '@kompetansebro/ui';
import { lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { SurveyFeatureContext, type SurveyNotice, type SurveyPaths } from './survey-feature-context';

/**
 * The county's survey screens under `parentRoute` (logged in): the campaigns (status and page in
 * the URL), "start one", and one campaign's page. Each screen is its own chunk.
 */
export function createSurveyRoutes(parentRoute: AnyRoute, { path = 'undersokelser' }: { path?: string } = {}) {
  return featureRoutes(parentRoute, {
    path,
    context: SurveyFeatureContext,
    useFeature: function useSurveyFeatureValue(paths: SurveyPaths) {
      const [notice, setNotice] = useState<SurveyNotice | null>(null);
      return useMemo(() => ({ paths, notice, setNotice }), [paths, notice]);
    },
    screens: {
      list: { path: '/', validateSearch: plainSearch, component: lazyRouteComponent(() => import('./survey-list-page'), 'SurveyListPage') },
      create: { path: 'ny', component: lazyRouteComponent(() => import('./survey-create-page'), 'SurveyCreatePage') },
      detail: recordScreen(() => import('./survey-page'), 'SurveyPage', { title: 'survey.title', notFound: 'errors.notFound', back: 'survey.list.title' }),
    },
  });
}

/**
 * The public answer form (`/svar?token=…`, no login) under the app's root route: a library
 * answers for itself through the link in its e-mail.
 */
export function createSurveyAnswerRoute(rootRoute: AnyRoute, { path = 'svar', own = false }: { path?: string; own?: boolean } = {}) {
  // `own`: a logged-in library's app, where the form opens without a token too (its own link is fetched).
  const component = own
    ? lazyRouteComponent(() => import('./own-survey-answer-page'), 'OwnSurveyAnswerPage')
    : lazyRouteComponent(() => import('./survey-answer-page'), 'SurveyAnswerPage');
  return screenRoute(rootRoute, { path, validateSearch: plainSearch, component });
}
