import type { ReactNode } from 'react';

export interface ChangesTableRow {
  key: string;
  /** The field's name: the row's header. */
  label: ReactNode;
  /** The field's value in the first version (before, their save) and in the second (after, yours). */
  first: ReactNode;
  second: ReactNode;
}

interface ChangesTableProps {
  /** The headers: the field, the first version, the second. */
  columns: readonly [string, string, string];
  rows: readonly ChangesTableRow[];
  /** Names the table for screen readers; the scroll box is then a named region keyboard users can scroll. */
  caption?: string;
  size?: 'sm';
}

/**
 * A value of one token (a web or e-mail address, an id) may break anywhere, or it would widen the
 * table past a phone; a text breaks only a word too long for its column.
 */
const value = (node: ReactNode) => (typeof node === 'string' && /^\S{16,}$/.test(node) ? <span className="kb-changes-table__token">{node}</span> : node);

/**
 * Two versions of a record side by side, field by field (an audit entry's before and after,
 * someone else's save and yours): narrow enough for a phone, long values wrapping.
 */
export function ChangesTable({ columns, rows, caption, size }: ChangesTableProps) {
  const table = (
    <table className="ds-table" data-border data-size={size}>
      {caption && <caption className="ds-sr-only">{caption}</caption>}
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td>{value(row.first)}</td>
            <td>{value(row.second)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  const className = 'kb-table-scroll kb-table-scroll--fit kb-changes-table';
  return caption ? (
    <div className={className} tabIndex={0} role="region" aria-label={caption}>
      {table}
    </div>
  ) : (
    <div className={className}>{table}</div>
  );
}
