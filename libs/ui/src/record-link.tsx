import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';

/**
 * A record's name as a link to its page (`to` with `$id`, e.g. `/aktorer/$id`) where the app has
 * such a page, plain text where it has not: a feature links to another only through the paths
 * the app hands it.
 */
export function RecordLink({ to, id, children }: { to: string | null | undefined; id: string; children: ReactNode }) {
  if (!to) return <>{children}</>;
  return (
    <Link className="ds-link" to={to} params={{ id }}>
      {children}
    </Link>
  );
}

interface BackAndHistoryLinksProps {
  /** The list the record belongs to, and what the link says ("Tilbake til avtalene"). */
  backTo: string;
  backText: string;
  /** The app's audit-trail page (`$entity`, `$id`), or null where it has none. */
  historyPath: string | null;
  entity: string;
  id: string;
  historyText: string;
}

/** Under a record page's title: back to its list, and its history where the app has that page. */
export function BackAndHistoryLinks({ backTo, backText, historyPath, entity, id, historyText }: BackAndHistoryLinksProps) {
  return (
    <p className="kb-cluster">
      <Link className="ds-link" to={backTo}>
        {backText}
      </Link>
      {historyPath && (
        <Link className="ds-link" to={historyPath} params={{ entity, id }}>
          {historyText}
        </Link>
      )}
    </p>
  );
}
