import { ApiError } from '@kompetansebro/api-client';
import { Alert, Button, httpErrorText, LoadingState, Section } from '@kompetansebro/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** One part of the overview: the shared h2 section, with the overview's spacing. */
export function OverviewSection(props: { id: string; title: string; children: ReactNode }) {
  return <Section {...props} className="kb-stack kb-overview-section" />;
}

interface SectionQueryState {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

/**
 * The loading and error states of a section's data. A section that fails says so in place
 * with a retry, and the rest of the page carries on.
 */
export function SectionStates({ queries, children }: { queries: readonly SectionQueryState[]; children: () => ReactNode }) {
  const { t } = useTranslation();
  const failed = queries.find((query) => query.isError);
  if (failed) {
    return (
      <Alert color="danger" heading={t('states.errorTitle')} headingLevel={3}>
        <p className="ds-paragraph">
          {failed.error instanceof ApiError && failed.error.status !== 500 && failed.error.status !== 0
            ? httpErrorText(t, failed.error.status)
            : t('overview.sectionError')}
        </p>
        <Button variant="secondary" onClick={() => queries.forEach((query) => query.isError && void query.refetch())}>
          {t('overview.retry')}
        </Button>
      </Alert>
    );
  }
  if (queries.some((query) => query.isPending)) return <LoadingState />;
  return <>{children()}</>;
}

interface OverviewTableProps {
  /** The section's title: names the scrollable region. */
  title: string;
  /** Read out before the table (visually hidden). */
  caption: string;
  columns: readonly { label: string; numeric?: boolean }[];
  /** The `<tr>` rows. */
  children: ReactNode;
}

/** A section's table: scrolls sideways on a narrow screen, as a keyboard-reachable named region. */
export function OverviewTable({ title, caption, columns, children }: OverviewTableProps) {
  const { t } = useTranslation();
  return (
    <div className="kb-table-scroll kb-table-scroll--fit kb-overview-table" tabIndex={0} role="region" aria-label={t('overview.tableLabel', { title })}>
      <table className="ds-table" data-border="true" data-size="sm">
        <caption className="ds-sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={column.numeric ? 'kb-overview-number' : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** "Showing n of m" under a table cut to its first rows. */
export function MoreThanShown({ shown, total, text }: { shown: number; total: number; text: (counts: { shown: number; total: number }) => string }) {
  if (total <= shown) return null;
  return (
    <p className="ds-paragraph" data-size="sm">
      {text({ shown, total })}
    </p>
  );
}
