import { allows, appNameFits, isCountyRole, type Action, type Me, type Resource } from '@kompetansebro/domain';
import type { Catalogue } from '@kompetansebro/i18n';
import { AppShell, DisclosureMenu, type AppPaths } from '@kompetansebro/ui';
import { Link, Outlet, useLocation, type AnyRoute } from '@tanstack/react-router';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { useShell, type AppKey } from './shell-context';

/** A group of the main menu (shown as a button with its links under it). */
export type NavigationGroup = keyof Catalogue['shell']['groups'] & string;

/** A main-menu entry: a path inside the app and its label's key in the catalogue. */
export interface NavigationItem {
  to: string;
  label: `shell.navigation.${keyof Catalogue['shell']['navigation'] & string}`;
  /** Active only on exactly this path (the front page), not on the paths under it. */
  exact?: boolean;
  /**
   * Shown only where the user's permissions allow this (GET /api/me sends the role's row of the
   * policy table the API checks), so the menu hides what would be refused.
   * Shown to every logged-in user when left out.
   */
  permission?: { resource: Resource; action: Action };
  /** Shown only to the county's roles (a screen the county console has for them alone). */
  countyOnly?: boolean;
  /** The group it is under when the menu has more than six entries (the items of a group stand together in the list). */
  group?: NavigationGroup;
}

/** The login pages and the header's user area, from the auth feature (the app passes them in). */
export interface AuthShell {
  /** The login pages, open to everyone, as routes under the root. */
  createRoutes: (rootRoute: AnyRoute) => AnyRoute[];
  /** The pages of a logged-in user's own: inbox, search, profile, password, notifications (under the signed-in route). */
  createAccountRoutes?: (signedInRoute: AnyRoute, paths: AppPaths) => AnyRoute[];
  /**
   * The inbox, the organisation and the user menu. It uses the API client, so it comes in its
   * own chunk: `preload` is awaited before a logged-in user's page is shown.
   */
  UserArea: ComponentType<{ me: Me }> & { preload?: () => Promise<void> };
  /** The header's search field (for logged-in users; from the user area's chunk). */
  HeaderSearch?: ComponentType;
  /** Where someone who is not logged in is sent (with `?returnTo=`). */
  loginPath: string;
}

/** More entries than this, and the menu shows its groups. */
const MAX_UNGROUPED = 6;

/** The main menu's items the user may use; none when nobody is logged in. */
export function visibleNavigation(navigation: readonly NavigationItem[], me: Me | null): NavigationItem[] {
  if (!me) return [];
  return navigation.filter(
    (item) =>
      (!item.permission || allows(me.permissions, item.permission.resource, item.permission.action)) && (!item.countyOnly || isCountyRole(me.role)),
  );
}

type MenuEntry = { item: NavigationItem } | { group: NavigationGroup; items: NavigationItem[] };

/** The menu's entries: each item alone, or — past six — the items of a group together under it, where the group's first item stands. */
export function menuEntries(items: readonly NavigationItem[]): MenuEntry[] {
  if (items.length <= MAX_UNGROUPED) return items.map((item) => ({ item }));
  const entries: MenuEntry[] = [];
  for (const item of items) {
    if (!item.group) {
      entries.push({ item });
      continue;
    }
    const group = entries.find((entry): entry is Extract<MenuEntry, { group: NavigationGroup }> => 'group' in entry && entry.group === item.group);
    if (group) group.items.push(item);
    else entries.push({ group: item.group, items: [item] });
  }
  return entries;
}

/** Whether the page at `pathname` (inside the app) is the item's, or under it. */
const isCurrent = (item: NavigationItem, pathname: string) => pathname === item.to || (!item.exact && pathname.startsWith(`${item.to.replace(/\/$/, '')}/`));

function MainMenu({ items, pathname }: { items: readonly NavigationItem[]; pathname: string }) {
  const { t } = useTranslation();
  const link = (item: NavigationItem, inGroup = false) => (
    // Link marks the current page with aria-current="page".
    <Link to={item.to} activeOptions={{ exact: item.exact ?? false }} className={inGroup ? 'ds-button' : undefined} data-variant={inGroup ? 'tertiary' : undefined}>
      {t(item.label)}
    </Link>
  );
  return (
    <ul>
      {menuEntries(items).map((entry) =>
        'item' in entry ? (
          <li key={entry.item.to}>{link(entry.item)}</li>
        ) : (
          <li key={entry.group}>
            <DisclosureMenu
              button={t(`shell.groups.${entry.group}`)}
              current={entry.items.some((item) => isCurrent(item, pathname))}
            >
              <ul>
                {entry.items.map((item) => (
                  <li key={item.to}>{link(item, true)}</li>
                ))}
              </ul>
            </DisclosureMenu>
          </li>
        ),
      )}
    </ul>
  );
}

/** The name in the header: the app's own, or the suite's for a user whose organisation the app was not made for. */
export function shownAppName(app: AppKey, me: Me | null): 'app.suiteName' | `app.${AppKey}.name` {
  return me && !appNameFits(me.role) ? 'app.suiteName' : `app.${app}.name`;
}

/** The root route's component: the app's frame around the current page. */
export function AppLayout({ navigation, me, auth }: { navigation: readonly NavigationItem[]; me: Me | null; auth: AuthShell }) {
  const { t } = useTranslation();
  const { app, contactEmail } = useShell();
  const items = visibleNavigation(navigation, me);
  const location = useLocation();
  const onLoginPage = location.pathname === auth.loginPath;
  const { UserArea, HeaderSearch } = auth;
  return (
    <AppShell
      appName={t(shownAppName(app, me))}
      renderHomeLink={(content, className) => (
        <Link to="/" className={className}>
          {content}
        </Link>
      )}
      navigation={items.length > 0 && <MainMenu items={items} pathname={location.pathname} />}
      search={me && HeaderSearch && <HeaderSearch />}
      languageInUserMenu={Boolean(me)}
      currentPath={location.pathname}
      organisationArea={
        me ? (
          <UserArea me={me} />
        ) : (
          !onLoginPage && (
            <Link className="ds-link" to={auth.loginPath} search={{ returnTo: location.href }}>
              {t('shell.user.logIn')}
            </Link>
          )
        )
      }
      accessibilityLink={
        <Link className="ds-link" to="/tilgjengelighet">
          {t('shell.footer.accessibilityStatement')}
        </Link>
      }
      contactEmail={contactEmail}
    >
      <Outlet />
    </AppShell>
  );
}
