import type { ReactNode } from 'react';
import { Skeleton } from './spinner';

export type SortDirection = 'ascending' | 'descending';

export interface TableColumn<Row> {
  key: string;
  header: string;
  cell: (row: Row) => ReactNode;
  /** The column can be sorted by clicking its header. */
  sortable?: boolean;
  /** The cell is the row's header (e.g. a name): rendered as `<th scope="row">`. */
  rowHeader?: boolean;
}

export interface TableSort {
  column: string;
  direction: SortDirection;
}

interface DataTableProps<Row> {
  caption: string;
  /** Hide the caption visually (it still names the table for screen readers). */
  captionHidden?: boolean;
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[] | undefined;
  rowKey: (row: Row) => string;
  sort?: TableSort;
  /** A sortable header was pressed: the caller decides the new order (e.g. in the URL). */
  onSortChange?: (column: string) => void;
  /** New rows are on their way: the old ones stay (dimmed) so the layout keeps still. */
  busy?: boolean;
  /** Rows of placeholders shown while `rows` is undefined (the first load). */
  skeletonRows?: number;
}

/**
 * Designsystemet's table (`ds-table`) with sortable headers: each is a button inside a
 * `<th aria-sort>`, so the order is announced and keyboard operable. Scrolls sideways in its
 * own box on narrow screens instead of widening the page.
 */
export function DataTable<Row>({
  caption,
  captionHidden = false,
  columns,
  rows,
  rowKey,
  sort,
  onSortChange,
  busy = false,
  skeletonRows = 10,
}: DataTableProps<Row>) {
  const loading = rows === undefined;
  return (
    // The scroll box is focusable so keyboard users can scroll it; it is named by the caption.
    <div className="kb-table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="ds-table" data-border aria-busy={busy || loading || undefined}>
        <caption className={captionHidden ? 'ds-sr-only' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              if (!column.sortable || !onSortChange) {
                return (
                  <th key={column.key} scope="col">
                    {column.header}
                  </th>
                );
              }
              const direction = sort?.column === column.key ? sort.direction : undefined;
              return (
                <th key={column.key} scope="col" aria-sort={direction ?? 'none'}>
                  <button type="button" onClick={() => onSortChange(column.key)}>
                    {column.header}
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {loading
            ? Array.from({ length: skeletonRows }, (_, index) => (
                <tr key={index}>
                  {columns.map((column) => (
                    <td key={column.key}>
                      <Skeleton variant="text" width={column.rowHeader ? '70%' : '50%'} />
                    </td>
                  ))}
                </tr>
              ))
            : rows.map((row) => (
                <tr key={rowKey(row)}>
                  {columns.map((column) =>
                    column.rowHeader ? (
                      <th key={column.key} scope="row">
                        {column.cell(row)}
                      </th>
                    ) : (
                      <td key={column.key}>{column.cell(row)}</td>
                    ),
                  )}
                </tr>
              ))}
        </tbody>
      </table>
    </div>
  );
}
