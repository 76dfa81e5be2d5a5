import { pageRange, type Page as ListPage } from '@kompetansebro/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, buttonLinkProps } from './button';
import { EmptyState } from './empty-state';
import type { ListSearch } from './list-search';
import { ListSearchForm } from './list-search-form';
import { Page } from './page';
import { Pagination } from './pagination';
import { QueryError } from './query-error';
import { DataTable, type TableColumn } from './table';

/** The part of a query's result a list screen shows (TanStack Query's `useQuery` result fits). */
export interface ListResult<Row> {
  data: ListPage<Row> | undefined;
  isError: boolean;
  error: unknown;
  /** The previous page is shown while the next one loads. */
  isPlaceholderData: boolean;
  refetch: () => unknown;
}

export interface ListScreenProps<Row> {
  title: string;
  /** Links beside the title before the export links, e.g. "New actor" where the viewer may. */
  actions?: ReactNode;
  /** Export of what the filters show, every page of it: `[{ href, label }]`. */
  exports?: ReadonlyArray<{ href: string; label: string }>;
  /** Above the intro: notices, tabs between views. */
  top?: ReactNode;
  intro: string;
  /** The URL state from `useListSearch`: the search box, filters, sort and page write to it. */
  list: ListSearch<{ q?: string | undefined; page: number }>;
  /** The search box's label; no search box when left out. */
  searchLabel?: string;
  searchHelp?: string;
  /** The filter fields (Selects, date fields) bound to `list.view` / `list.update`; no filter group when left out. */
  filters?: ReactNode;
  /** The text of the button that clears the search and filters ("Clear filters" when left out). */
  clearLabel?: string;
  /** An extra class on the search form and the filter group, for a screen's own layout. */
  filtersClassName?: string;
  result: ListResult<Row>;
  /** "312 actors": announced after each search; shown too when `resultCountVisible`. A total counted only up to a cap is "More than 1,000 agreements". */
  resultCount?: (total: number) => string;
  resultCountVisible?: boolean;
  caption: string;
  columns: readonly TableColumn<Row>[];
  rowKey: (row: Row) => string;
  /** Shown instead of the table when given: another layout of the page's rows (e.g. grouped under headings). */
  rows?: ReactNode;
  /** Nothing matches the search or filters: why, and the way out (clear filters is added); the `empty` state when left out. */
  noMatch?: { title: string; body: ReactNode };
  /** The list is empty without filters: why, and what to do. */
  empty: { title: string; body: ReactNode; action?: ReactNode };
  /** Rows of placeholders on the first load, so the layout keeps still. */
  pageSize: number;
}

/**
 * A list screen: title with actions and export links, search box and filters, a table with
 * sortable headers, pagination with the total, and its states — loading keeps the table's shape,
 * empty says why (nothing yet, or nothing matches the filters), failure says what went wrong
 * and offers a retry. All of its state is in the URL, through `useListSearch`.
 *
 * Recipe:
 *   const list = useListSearch(searchSchema, paths.list);
 *   const users = useQuery(userQueries.list({ ...list.view, pageSize: DEFAULT_PAGE_SIZE }));
 *   return <ListScreen title={t('users.title')} intro={t('users.intro')} list={list} result={users}
 *     searchLabel={...} filters={<Select ... />} caption={...} columns={columns} rowKey={(u) => u.id}
 *     resultCount={(count) => t('users.resultCount', { count })} noMatch={...} empty={...} pageSize={DEFAULT_PAGE_SIZE} />;
 */
export function ListScreen<Row>({
  title,
  actions,
  exports = [],
  top,
  intro,
  list,
  searchLabel,
  searchHelp,
  filters,
  clearLabel,
  filtersClassName,
  result,
  resultCount,
  resultCountVisible = false,
  caption,
  columns,
  rowKey,
  rows,
  noMatch,
  empty,
  pageSize,
}: ListScreenProps<Row>) {
  const { t } = useTranslation();
  const q = list.view.q;

  // The text box follows the URL (back button, "clear filters"), and is sent on submit.
  const clearFiltersButton = (variant: 'secondary' | 'tertiary') => (
    <Button variant={variant} onClick={list.clearFilters}>
      {clearLabel ?? t('common.clearFilters')}
    </Button>
  );

  const page = result.data;
  const clusterClass = filtersClassName ? `kb-cluster ${filtersClassName}` : 'kb-cluster';

  return (
    <Page
      title={title}
      actions={
        <>
          {actions}
          {exports.map((link) => (
            <a key={link.href} href={link.href} download {...buttonLinkProps('secondary')}>
              {link.label}
            </a>
          ))}
        </>
      }
    >
      {top}
      <p className="ds-paragraph">{intro}</p>

      {searchLabel !== undefined && <ListSearchForm className={clusterClass} label={searchLabel} description={searchHelp} q={q} onSearch={(text) => list.update({ q: text })} />}

      {filters !== undefined && (
        <div className={clusterClass} role="group" aria-label={t('common.filters')}>
          {filters}
          {list.isFiltered && clearFiltersButton('tertiary')}
        </div>
      )}

      {/* Announces the outcome of each search or filter without moving focus. */}
      {resultCount && (
        <p className={resultCountVisible ? 'ds-paragraph' : 'ds-sr-only'} role="status">
          {page && !result.isPlaceholderData
            ? page.totalCapped
              ? t('pagination.resultCountOver', { result: resultCount(page.total) })
              : resultCount(page.total)
            : ''}
        </p>
      )}

      {result.isError ? (
        <QueryError error={result.error} onRetry={() => void result.refetch()} />
      ) : page && page.total === 0 ? (
        list.isFiltered && noMatch ? (
          <EmptyState title={noMatch.title} action={clearFiltersButton('secondary')}>
            {typeof noMatch.body === 'string' ? <p className="ds-paragraph">{noMatch.body}</p> : noMatch.body}
          </EmptyState>
        ) : (
          <EmptyState title={empty.title} action={empty.action}>
            {empty.body}
          </EmptyState>
        )
      ) : (
        <>
          {rows ?? (
            <DataTable
              caption={caption}
              captionHidden
              columns={columns}
              rows={page?.items}
              rowKey={rowKey}
              sort={list.sort}
              onSortChange={list.toggleSort}
              busy={result.isPlaceholderData}
              skeletonRows={pageSize}
            />
          )}
          {page && <Pagination page={page.page} total={page.total} totalCapped={page.totalCapped} range={pageRange(page)} onPageChange={list.setPage} />}
        </>
      )}
    </Page>
  );
}
