import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';

/** The app's name, for document titles ("Aktører – Fylkeskonsoll"); AppShell provides it. */
export const AppNameContext = createContext<string>('');

/** Whether a page has been shown before in this visit: the first one keeps focus where the browser put it. */
let pageShownBefore = false;

/** What had the focus when the current navigation began. */
let focusAtNavigation: Element | null = null;

/**
 * Notes where the focus is as a navigation begins (the app's router calls this). A page that
 * arrives after the user has moved the focus (opened a menu, typed in the search field) leaves it there.
 */
export function noteNavigationStart(): void {
  focusAtNavigation = document.activeElement;
}

/** Whether the focus is still where the navigation left it (or nowhere): the new page may take it. */
function focusUntouched(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || active === focusAtNavigation;
}

/** Sets `document.title` to "<page> – <app>" while the page is shown. */
export function useDocumentTitle(pageTitle: string): void {
  const appName = useContext(AppNameContext);
  useEffect(() => {
    document.title = appName && appName !== pageTitle ? `${pageTitle} – ${appName}` : pageTitle;
  }, [pageTitle, appName]);
}

interface PageProps {
  /** The page's one h1, and the first part of the document title. */
  title: string;
  /** Actions beside the heading (e.g. "Ny aktør"). */
  actions?: ReactNode;
  children?: ReactNode;
}

/**
 * A page's frame: its only h1, the document title, and — after navigating here from another
 * page, unless the user has moved the focus meanwhile — focus on the h1, so a screen reader
 * announces the new page and Tab starts from it.
 */
export function Page({ title, actions, children }: PageProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(title);

  useEffect(() => {
    if (pageShownBefore && focusUntouched()) headingRef.current?.focus({ preventScroll: false });
    pageShownBefore = true;
  }, []);

  return (
    <div className="kb-stack">
      <div className="kb-page-header">
        <h1 className="ds-heading" data-size="lg" tabIndex={-1} ref={headingRef}>
          {title}
        </h1>
        {actions && <div className="kb-cluster">{actions}</div>}
      </div>
      {children}
    </div>
  );
}
