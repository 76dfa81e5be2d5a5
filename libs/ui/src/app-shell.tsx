// The global styles (Designsystemet and ours) ride on the shell every app renders, so the
// bundler keeps them however it tree-shakes the index.
import './styles.css';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './language-switch';
import { AppNameContext } from './page';

interface AppShellProps {
  appName: string;
  /** A short line under the app's name. */
  tagline?: string;
  /** The app's name as a link to its front page (a router link, rendered by the app). */
  renderHomeLink: (content: ReactNode, className: string) => ReactNode;
  /** The main menu's items (router links, rendered by the app), inside a labelled `<nav>`. */
  navigation?: ReactNode;
  /** The organisation the user acts for and the user menu, when there is a login. */
  organisationArea?: ReactNode;
  /** Footer: the link to the accessibility statement (a router link). */
  accessibilityLink: ReactNode;
  contactEmail: string;
  children: ReactNode;
}

/**
 * The frame of every app: skip link, header (app name, organisation area, language switch),
 * main menu, `<main id="main">`, footer with the accessibility statement and a contact address.
 */
export function AppShell({
  appName,
  tagline,
  renderHomeLink,
  navigation,
  organisationArea,
  accessibilityLink,
  contactEmail,
  children,
}: AppShellProps) {
  const { t } = useTranslation();
  return (
    <AppNameContext value={appName}>
      <div className="kb-shell">
        <a className="ds-skip-link" href="#main">
          {t('shell.skipToMain')}
        </a>
        <header className="kb-header">
          <div className="kb-container kb-header__bar">
            {renderHomeLink(
              <>
                {appName}
                {tagline && <small>{tagline}</small>}
              </>,
              'kb-header__brand',
            )}
            <div className="kb-header__tools">
              {organisationArea && (
                <div role="group" aria-label={t('shell.organisationArea')}>
                  {organisationArea}
                </div>
              )}
              <LanguageSwitch />
            </div>
          </div>
          {navigation && (
            <nav className="kb-container kb-nav" aria-label={t('shell.mainNavigation')}>
              {navigation}
            </nav>
          )}
        </header>
        <main id="main" className="kb-main" tabIndex={-1}>
          <div className="kb-container">{children}</div>
        </main>
        <footer className="kb-footer" aria-label={t('shell.footer.label')}>
          <div className="kb-container kb-footer__content">
            <p>{accessibilityLink}</p>
            <p>
              {t('shell.footer.contactLead')}{' '}
              <a className="ds-link" href={`mailto:${contactEmail}`}>
                {contactEmail}
              </a>
            </p>
            <p>{t('shell.footer.owner')}</p>
          </div>
        </footer>
      </div>
    </AppNameContext>
  );
}
