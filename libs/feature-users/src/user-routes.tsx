import { plainSearch } from '@kompetansebro/ui';
import { createRoute, lazyRouteComponent, Outlet, type AnyRoute } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { UserFeatureContext, userPaths, type UserNotice } from './user-feature-context';

/**
 * The users screens (county admins) as routes under `parentRoute`: the list (search and page
 * in the URL), "invite", and one user. Each screen is its own chunk, loaded when first visited.
 * The API decides who may use them; the app hides the menu item from the others.
 */
export function createUserRoutes(parentRoute: AnyRoute, { path = 'brukere' }: { path?: string } = {}) {
  const layoutRoute = createRoute({
    getParentRoute: () => parentRoute,
    path,
    component: function UsersLayout() {
      const [notice, setNotice] = useState<UserNotice | null>(null);
      const fullPath = layoutRoute.fullPath;
      const feature = useMemo(() => ({ paths: userPaths(fullPath), notice, setNotice }), [fullPath, notice]);
      return (
        <UserFeatureContext value={feature}>
          <Outlet />
        </UserFeatureContext>
      );
    },
  });

  const listRoute = createRoute({
    getParentRoute: () => layoutRoute,
    path: '/',
    validateSearch: plainSearch,
    component: lazyRouteComponent(() => import('./user-list-page'), 'UserListPage'),
  });

  const inviteRoute = createRoute({
    getParentRoute: () => layoutRoute,
    path: 'ny',
    component: lazyRouteComponent(() => import('./user-invite-page'), 'UserInvitePage'),
  });

  const detailRoute = createRoute({
    getParentRoute: () => layoutRoute,
    path: '$id',
    component: lazyRouteComponent(() => import('./user-page'), 'UserPage'),
  });

  return layoutRoute.addChildren([listRoute, inviteRoute, detailRoute]);
}
