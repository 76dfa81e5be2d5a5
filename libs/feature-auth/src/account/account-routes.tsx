import { screenRoute, type AppPaths } from '@kompetansebro/ui';
import { lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';
import { INBOX_PATH, NOTIFICATIONS_PATH, PASSWORD_PATH, PROFILE_PATH, SEARCH_PATH, setAccountPaths } from './account-paths';
import { parseSearchPageSearch } from './search-page-search';

/**
 * A logged-in user's own pages in every app (issue 19), under the signed-in route: the inbox
 * (/innboks), search (/sok?q=), profile (/konto), password (/konto/passord) and notifications
 * (/konto/varsler). `paths`: where this app shows each kind of record, for the links. Each page
 * is its own chunk.
 */
export function createAccountRoutes(signedInRoute: AnyRoute, paths: AppPaths): AnyRoute[] {
  setAccountPaths(paths);
  const page = (path: string, name: 'ProfilePage' | 'PasswordPage' | 'NotificationsPage') =>
    screenRoute(signedInRoute, { path: path.slice(1), component: lazyRouteComponent(() => import('./account-pages'), name) });
  return [
    screenRoute(signedInRoute, { path: INBOX_PATH.slice(1), component: lazyRouteComponent(() => import('./inbox-page'), 'InboxPage') }),
    screenRoute(signedInRoute, { path: SEARCH_PATH.slice(1), validateSearch: parseSearchPageSearch, component: lazyRouteComponent(() => import('./search-page'), 'SearchPage') }),
    page(PROFILE_PATH, 'ProfilePage'),
    page(PASSWORD_PATH, 'PasswordPage'),
    page(NOTIFICATIONS_PATH, 'NotificationsPage'),
  ];
}
