import { featureRoutes, plainSearch, recordScreen } from '@kompetansebro/ui';
import { lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { ActivityFeatureContext, type ActivityKindCode, type ActivityNotice } from './activity-feature-context';

interface ActivityRoutesOptions {
  /** The path segment under the parent, Norwegian as the user sees it. Default "aktiviteter". */
  path?: string;
  /** The full path of an actor's page (`/aktorer/$id`), so participants link to it; null for none. */
  actorPath?: string | null;
  /** The full path of a record's history (`/historikk/$entity/$id`); null for none. */
  historyPath?: string | null;
  /**
   * Whether the app offers registering, editing and deleting (the county and study centres do;
   * the university liaison reads). The user's role must allow it as well; the API decides.
   */
  canCreate?: boolean;
  /** The kinds the form offers (a study centre: webinar and meeting); default all. */
  kinds?: readonly ActivityKindCode[] | null;
}

/** The texts of an activity's pages while it loads or cannot be shown (its page and its edit form). */
const activityTexts = { title: 'activities.detail.titleFallback', notFound: 'activities.detail.notFound', back: 'activities.detail.backToList' } as const;

/**
 * The activity screens as routes under `parentRoute`: the list (filters in the URL), the
 * month calendar, counts per period, "new", one activity and its edit form. Each screen is
 * its own chunk, loaded when first visited.
 */
export function createActivityRoutes(
  parentRoute: AnyRoute,
  { path = 'aktiviteter', actorPath = null, historyPath = null, canCreate = true, kinds = null }: ActivityRoutesOptions = {},
) {
  return featureRoutes(parentRoute, {
    path,
    context: ActivityFeatureContext,
    useFeature: function useActivityFeatureValue(screens) {
      const [notice, setNotice] = useState<ActivityNotice | null>(null);
      return useMemo(() => ({ paths: { ...screens, actor: actorPath, history: historyPath }, canCreate, kinds, notice, setNotice }), [screens, notice]);
    },
    screens: {
      list: { path: '/', validateSearch: plainSearch, component: lazyRouteComponent(() => import('./activity-list-page'), 'ActivityListPage') },
      calendar: { path: 'kalender', validateSearch: plainSearch, component: lazyRouteComponent(() => import('./activity-calendar-page'), 'ActivityCalendarPage') },
      counts: { path: 'tall', validateSearch: plainSearch, component: lazyRouteComponent(() => import('./activity-counts-page'), 'ActivityCountsPage') },
      create: { path: 'ny', component: lazyRouteComponent(() => import('./activity-create-page'), 'ActivityCreatePage') },
      detail: recordScreen(() => import('./activity-page'), 'ActivityPage', activityTexts),
      edit: recordScreen(() => import('./activity-edit-page'), 'ActivityEditPage', activityTexts, 'list', '$id/rediger'),
    },
  });
}
