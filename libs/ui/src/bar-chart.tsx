import type { ReactNode } from 'react';
import './bar-chart.css';

export interface BarChartItem {
  key: string;
  /** The bar's name, e.g. a region. */
  label: string;
  /** The bar's length, between 0 and `max`. */
  value: number;
  /** The value as the reader should see it, e.g. "67 %" or "4 av 6". */
  valueText: string;
  /** More cells for this row in the table alternative (one per `extraHeaders`). */
  extra?: readonly ReactNode[];
}

interface BarChartProps {
  /** What the chart shows; also names its table. */
  caption: string;
  /** Column headers of the table alternative: the label and the value. */
  labelHeader: string;
  valueHeader: string;
  /** Headers of further columns, only in the table (e.g. the gaps, with links). */
  extraHeaders?: readonly string[];
  items: readonly BarChartItem[];
  /** The value of a full bar. Default: 1 (shares). */
  max?: number;
}

/**
 * A horizontal bar chart drawn with CSS, always with its table alternative: the bars are
 * for the eye (hidden from screen readers, each still labelled with its value as text), the
 * table under them carries the same figures for everyone — and any links.
 */
export function BarChart({ caption, labelHeader, valueHeader, extraHeaders = [], items, max = 1 }: BarChartProps) {
  const width = (value: number) => `${Math.max(0, Math.min(1, max === 0 ? 0 : value / max)) * 100}%`;
  return (
    <figure className="kb-bar-chart">
      <figcaption className="ds-paragraph" data-size="sm">
        {caption}
      </figcaption>
      <div className="kb-bar-chart__bars" aria-hidden="true">
        {items.map((item) => (
          <div className="kb-bar-chart__row" key={item.key}>
            <span className="kb-bar-chart__label">{item.label}</span>
            <span className="kb-bar-chart__track">
              <span className="kb-bar-chart__bar" style={{ width: width(item.value) }} />
            </span>
            <span className="kb-bar-chart__value">{item.valueText}</span>
          </div>
        ))}
      </div>
      <div className="kb-table-scroll kb-table-scroll--fit kb-bar-chart__table" tabIndex={0} role="region" aria-label={caption}>
        <table className="ds-table" data-border="true" data-size="sm">
          <caption className="ds-sr-only">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{labelHeader}</th>
              <th scope="col">{valueHeader}</th>
              {extraHeaders.map((header) => (
                <th scope="col" key={header}>
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.key}>
                <th scope="row">{item.label}</th>
                <td>{item.valueText}</td>
                {extraHeaders.map((header, index) => (
                  <td key={header}>{item.extra?.[index]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
