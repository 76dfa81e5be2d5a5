// The global styles (Designsystemet and ours) ride on the shell every app renders, so the
// bundler keeps them however it tree-shakes the index.
import './styles.css';
import { createContext, useContext, useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './language-switch';
import { AppNameContext } from './page';

/** Who a page speaks for, in place of the app's name (the header and the document title). */
export interface ShellIdentity {
  name: string;
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
  useEffect(() => {
    setIdentity(name ? { name } : null);
    return () => setIdentity(null);
  }, [setIdentity, name]);
}

interface AppShellProps {
  appName: string;
  /** The app's name as a link to its front page (a router link, rendered by the app). */
  renderHomeLink: (content: ReactNode, className: string) => ReactNode;
  /** The main menu's items (router links, rendered by the app), inside a labelled `<nav>`. */
  navigation?: ReactNode;
  /** The search field, in the header's row (a form, rendered by the app). */
  search?: ReactNode;
  /** The inbox, the organisation the user acts for and the user menu, when there is a login. */
  organisationArea?: ReactNode;
  /** The user menu holds the language choice: the header leaves it out. */
  languageInUserMenu?: boolean;
  /** The page shown now: the phone's menu closes when it changes. */
  currentPath?: string;
  /** Footer: the link to the accessibility statement (a router link). */
  accessibilityLink: ReactNode;
  contactEmail: string;
  children: ReactNode;
}

/**
 * The frame of every app: skip link, a compact header — one row with the app's name, search,
 * the user's area (inbox, organisation, user menu) — and the main menu under it, which on a
 * phone folds behind a menu button; `<main id="main">`, footer with the accessibility
 * statement and a contact address.
 */
export function AppShell({
  appName,
  renderHomeLink,
  navigation,
  search,
  organisationArea,
  languageInUserMenu = false,
  currentPath,
  accessibilityLink,
  contactEmail,
  children,
}: AppShellProps) {
  const { t } = useTranslation();
  const navigationId = useId();
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [currentPath]);
  const [identity, setIdentity] = useState<ShellIdentity | null>(null);
  const shownName = identity?.name ?? appName;
  return (
    <ShellIdentityContext value={setIdentity}>
      <AppNameContext value={shownName}>
        <div className="kb-shell">
          <a className="ds-skip-link" href="#main">
            {t('shell.skipToMain')}
          </a>
          <header className="kb-header">
            <div className="kb-container kb-header__bar">
              {navigation && (
                <button
                  type="button"
                  className="ds-button kb-header__menu-button"
                  data-variant="secondary"
                  data-size="sm"
                  aria-expanded={menuOpen}
                  aria-controls={navigationId}
                  onClick={() => setMenuOpen((open) => !open)}
                >
                  <span aria-hidden="true" className="kb-header__menu-icon" />
                  {t('shell.menuButton')}
                </button>
              )}
              {renderHomeLink(shownName, 'kb-header__brand')}
              {search && <div className="kb-header__search">{search}</div>}
              <div className="kb-header__tools">
                {organisationArea && (
                  <div role="group" aria-label={t('shell.organisationArea')} className="kb-header__user">
                    {organisationArea}
                  </div>
                )}
                {!languageInUserMenu && <LanguageSwitch />}
              </div>
            </div>
            {navigation && (
              <nav id={navigationId} className="kb-container kb-nav" aria-label={t('shell.mainNavigation')} data-open={menuOpen || undefined}>
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
