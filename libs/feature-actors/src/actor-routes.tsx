import { featureRoutes, plainSearch, recordScreen } from '@kompetansebro/ui';
import { lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { ActorFeatureContext, type ActorLinkPaths, type ActorNotice, type ActorPaths, type ActorViewer } from './actor-feature-context';

interface ActorRoutesOptions {
  /** The path segment under the parent, Norwegian as the user sees it. Default "aktorer". */
  path?: string;
  viewer: ActorViewer;
  /** The list is of the user's own organisation and its branches (ActorFeature.ownOrganisation). Default false. */
  ownOrganisation?: boolean;
  /** An agreement's page in the app, e.g. `/avtaler/$id`; without it, agreements are not links. */
  agreementPath?: string;
  /** An activity's page, e.g. `/aktiviteter/$id`. */
  activityPath?: string;
  /** A record's history, e.g. `/historikk/$entity/$id`; without it, no history link. */
  historyPath?: string;
  /** A library's opening hours, e.g. `/apningstider/$id`; without it, the service form names them without a link. */
  openingHoursPath?: string;
}

/** The texts of a actor's pages while it loads or cannot be shown (its page and its edit form). */
const actorTexts = { title: 'actors.detail.titleFallback', notFound: 'actors.detail.notFound', back: 'actors.detail.backToList' } as const;

/**
 * The actor screens as routes under `parentRoute`: the list (filters in the URL), "new",
 * one actor, and its edit form. Each screen is its own chunk, loaded when first visited.
 */
export function createActorRoutes(
  parentRoute: AnyRoute,
  { path = 'aktorer', viewer, ownOrganisation = false, agreementPath, activityPath, historyPath, openingHoursPath }: ActorRoutesOptions,
) {
  const links: ActorLinkPaths = { agreement: agreementPath, activity: activityPath, history: historyPath, openingHours: openingHoursPath };
  return featureRoutes(parentRoute, {
    path,
    context: ActorFeatureContext,
    useFeature: function useActorFeatureValue(paths: ActorPaths) {
      const [notice, setNotice] = useState<ActorNotice | null>(null);
      return useMemo(() => ({ viewer, ownOrganisation, paths, links, notice, setNotice }), [paths, notice]);
    },
    screens: {
      list: { path: '/', validateSearch: plainSearch, component: lazyRouteComponent(() => import('./actor-list-page'), 'ActorListPage') },
      create: { path: 'ny', component: lazyRouteComponent(() => import('./actor-create-page'), 'ActorCreatePage') },
      detail: recordScreen(() => import('./actor-page'), 'ActorPage', actorTexts),
      edit: recordScreen(() => import('./actor-edit-page'), 'ActorEditPage', actorTexts, 'list', '$id/rediger'),
    },
  });
}
