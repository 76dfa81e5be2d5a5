import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';

/** The app's name, for document titles ("Aktører – Fylkeskonsoll"); AppShell provides it. */
export const AppNameContext = createContext<string>('');

/** Whether a page has been shown before in this visit: the first one keeps focus where the browser put it. */
let pageShownBefore = false;

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
 * page — focus on the h1, so a screen reader announces the new page and Tab starts from it.
 */
export function Page({ title, actions, children }: PageProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(title);

  useEffect(() => {
    if (pageShownBefore) headingRef.current?.focus({ preventScroll: false });
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
