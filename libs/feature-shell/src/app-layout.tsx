import { AppShell } from '@kompetansebro/ui';
import { Link, Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useShell } from './shell-context';

/** A main-menu entry: a path inside the app and its label's key in the catalogue. */
export interface NavigationItem {
  to: string;
  label: 'shell.navigation.overview' | 'shell.navigation.actors' | 'shell.navigation.municipalities' | 'shell.navigation.comingSoon';
  /** Active only on exactly this path (the front page), not on the paths under it. */
  exact?: boolean;
}

/** The root route's component: the app's frame around the current page. */
export function AppLayout({ navigation }: { navigation: readonly NavigationItem[] }) {
  const { t } = useTranslation();
  const { app, contactEmail } = useShell();
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
        navigation.length > 0 && (
          <ul>
            {navigation.map((item) => (
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
