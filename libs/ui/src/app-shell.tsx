// The global styles (Designsystemet and ours) ride on the shell every app renders, so the
// bundler keeps them however it tree-shakes the index.
import './styles.css';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './language-switch';
import { AppNameContext } from './page';

/** Who a page speaks for, in place of the app's name (the header and the document title). */
export interface ShellIdentity {
  name: string;
  tagline?: string;
}
const ShellIdentityContext = createContext<(identity: ShellIdentity | null) => void>(() => undefined);

/**
 * A page that speaks in someone else's name — a library's survey answer form, reached by a link
 * that library was sent — shows that name in the header and the document title instead of the
 * app's, while it is shown (null: the app's own).
 */
export function useShellIdentity(identity: ShellIdentity | null): void {
  const setIdentity = useContext(ShellIdentityContext);
  const name = identity?.name;
  const tagline = identity?.tagline;
  useEffect(() => {
    setIdentity(name ? { name, ...(tagline ? { tagline } : {}) } : null);
    return () => setIdentity(null);
  }, [setIdentity, name, tagline]);
}

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
  const [identity, setIdentity] = useState<ShellIdentity | null>(null);
  const shownName = identity?.name ?? appName;
  const shownTagline = identity ? identity.tagline : tagline;
  return (
    <ShellIdentityContext value={setIdentity}>
      <AppNameContext value={shownName}>
        <div className="kb-shell">
          <a className="ds-skip-link" href="#main">
            {t('shell.skipToMain')}
          </a>
          <header className="kb-header">
            <div className="kb-container kb-header__bar">
              {renderHomeLink(
                <>
                  {shownName}
                  {shownTagline && <small>{shownTagline}</small>}
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
    </ShellIdentityContext>
  );
}
