import { plainSearch } from '@kompetansebro/ui';
import { createRoute, lazyRouteComponent, Outlet, type AnyRoute } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { SurveyFeatureContext, surveyPaths, type SurveyNotice } from './survey-feature-context';

/**
 * The county's survey screens under `parentRoute` (logged in): the campaigns (status and page in
 * the URL), "start one", and one campaign's page. Each screen is its own chunk.
 */
export function createSurveyRoutes(parentRoute: AnyRoute, { path = 'undersokelser' }: { path?: string } = {}) {
  const layoutRoute = createRoute({
    getParentRoute: () => parentRoute,
    path,
    component: function SurveysLayout() {
      const [notice, setNotice] = useState<SurveyNotice | null>(null);
      const fullPath = layoutRoute.fullPath;
      const feature = useMemo(() => ({ paths: surveyPaths(fullPath), notice, setNotice }), [fullPath, notice]);
      return (
        <SurveyFeatureContext value={feature}>
          <Outlet />
        </SurveyFeatureContext>
      );
    },
  });
  const listRoute = createRoute({
    getParentRoute: () => layoutRoute,
    path: '/',
    validateSearch: plainSearch,
    component: lazyRouteComponent(() => import('./survey-list-page'), 'SurveyListPage'),
  });
  const createSurveyRoute = createRoute({
    getParentRoute: () => layoutRoute,
    path: 'ny',
    component: lazyRouteComponent(() => import('./survey-create-page'), 'SurveyCreatePage'),
  });
  const detailRoute = createRoute({
    getParentRoute: () => layoutRoute,
    path: '$id',
    component: lazyRouteComponent(() => import('./survey-page'), 'SurveyPage'),
  });
  return layoutRoute.addChildren([listRoute, createSurveyRoute, detailRoute]);
}

/**
 * The public answer form (`/svar?token=…`, no login) under the app's root route: a library
 * answers for itself through the link in its e-mail.
 */
export function createSurveyAnswerRoute(rootRoute: AnyRoute, { path = 'svar' }: { path?: string } = {}) {
  return createRoute({
    getParentRoute: () => rootRoute,
    path,
    validateSearch: plainSearch,
    component: lazyRouteComponent(() => import('./survey-answer-page'), 'SurveyAnswerPage'),
  });
}
