import { featureRoutes, plainSearch, recordScreen } from '@kompetansebro/ui';
import { lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { UserFeatureContext, type UserNotice, type UserPaths } from './user-feature-context';

/**
 * The users screens (county admins) as routes under `parentRoute`: the list (search and page
 * in the URL), "invite", and one user. Each screen is its own chunk, loaded when first visited.
 * The API decides who may use them; the app hides the menu item from the others.
 */
export function createUserRoutes(parentRoute: AnyRoute, { path = 'brukere' }: { path?: string } = {}) {
  return featureRoutes(parentRoute, {
    path,
    context: UserFeatureContext,
    useFeature: function useUserFeatureValue(paths: UserPaths) {
      const [notice, setNotice] = useState<UserNotice | null>(null);
      return useMemo(() => ({ paths, notice, setNotice }), [paths, notice]);
    },
    screens: {
      list: { path: '/', validateSearch: plainSearch, component: lazyRouteComponent(() => import('./user-list-page'), 'UserListPage') },
      invite: { path: 'ny', component: lazyRouteComponent(() => import('./user-invite-page'), 'UserInvitePage') },
      detail: recordScreen(() => import('./user-page'), 'UserPage', { title: 'users.detail.titleFallback', notFound: 'users.detail.notFound', back: 'users.detail.backToList' }),
    },
  });
}
