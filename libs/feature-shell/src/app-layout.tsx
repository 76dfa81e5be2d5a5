import { can, isCountyRole, type Action, type Me, type Resource } from '@kompetansebro/domain';
import type { Catalogue } from '@kompetansebro/i18n';
import { AppShell } from '@kompetansebro/ui';
import { Link, Outlet, useLocation, type AnyRoute } from '@tanstack/react-router';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { useShell } from './shell-context';

/** A main-menu entry: a path inside the app and its label's key in the catalogue. */
export interface NavigationItem {
  to: string;
  label: `shell.navigation.${keyof Catalogue['shell']['navigation'] & string}`;
  /** Active only on exactly this path (the front page), not on the paths under it. */
  exact?: boolean;
  /**
   * Shown only where the policy table lets the user's role do this (`can(role, resource,
   * action)`, the same table the API checks), so the menu hides what would be refused.
   * Shown to every logged-in user when left out.
   */
  permission?: { resource: Resource; action: Action };
  /** Shown only to the county's roles (a screen the county console has for them alone). */
  countyOnly?: boolean;
}

/** The login pages and the header's user area, from the auth feature (the app passes them in). */
export interface AuthShell {
  /** The login pages, open to everyone, as routes under the root. */
  createRoutes: (rootRoute: AnyRoute) => AnyRoute[];
  /**
   * Who is logged in, for which organisation, and logging out. It uses the API client, so it
   * comes in its own chunk: `preload` is awaited before a logged-in user's page is shown.
   */
  UserArea: ComponentType<{ me: Me }> & { preload?: () => Promise<void> };
  /** Where someone who is not logged in is sent (with `?returnTo=`). */
  loginPath: string;
}

/** The main menu's items the user may use; none when nobody is logged in. */
export function visibleNavigation(navigation: readonly NavigationItem[], me: Me | null): NavigationItem[] {
  if (!me) return [];
  return navigation.filter(
    (item) =>
      (!item.permission || can(me.role, item.permission.resource, item.permission.action)) && (!item.countyOnly || isCountyRole(me.role)),
  );
}

/** The root route's component: the app's frame around the current page. */
export function AppLayout({ navigation, me, auth }: { navigation: readonly NavigationItem[]; me: Me | null; auth: AuthShell }) {
  const { t } = useTranslation();
  const { app, contactEmail } = useShell();
  const items = visibleNavigation(navigation, me);
  const location = useLocation();
  const onLoginPage = location.pathname === auth.loginPath;
  const { UserArea } = auth;
  return (
    <AppShell
      appName={t(`app.${app}.name`)}
      tagline={t(`app.${app}.tagline`)}
      renderHomeLink={(content, className) => (
        <Link to="/" className={className}>
          {content}
        </Link>
      )}
      navigation={
        items.length > 0 && (
          <ul>
            {items.map((item) => (
              // Link marks the current page with aria-current="page".
              <li key={item.to}>
                <Link to={item.to} activeOptions={{ exact: item.exact ?? false }}>
                  {t(item.label)}
                </Link>
              </li>
            ))}
          </ul>
        )
      }
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
