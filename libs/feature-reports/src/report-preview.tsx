import type { FunderReport, ReportBlock } from '@kompetansebro/domain';
import './reports.css';

/**
 * The report as the funder reads it, in bokmål whatever the interface language (`lang="nb"`):
 * its title (h3 under the preview's h2), sections (h4), paragraphs, lists and tables.
 */
export function ReportPreview({ document }: { document: FunderReport['document'] }) {
  return (
    <article lang="nb" className="kb-report-preview" aria-labelledby="report-title">
      <h3 className="ds-heading" data-size="md" id="report-title">
        {document.title}
      </h3>
      <p className="ds-paragraph">
        <em>{document.subtitle}</em>
      </p>
      {document.sections.map((section) => (
        <section key={section.heading} className="kb-stack">
          <h4 className="ds-heading" data-size="xs">
            {section.heading}
          </h4>
          {section.blocks.map((block, index) => (
            <Block key={index} block={block} />
          ))}
        </section>
      ))}
    </article>
  );
}

function Block({ block }: { block: ReportBlock }) {
  if (block.type === 'paragraph') return <p className="ds-paragraph">{block.text}</p>;
  if (block.type === 'list') {
    return (
      <ul className="ds-list">
        {block.items.map((item, index) => (
          <li key={index}>{item}</li>
        ))}
      </ul>
    );
  }
  // Scrolls sideways on a narrow screen instead of overflowing the page; reachable by keyboard.
  return (
    <div className="kb-table-scroll" tabIndex={0} role="region" aria-label={block.caption}>
      <table className="ds-table" data-border data-wide={block.columns.length > 2 || undefined}>
        <caption>{block.caption}</caption>
        <thead>
          <tr>
            {block.columns.map((column, index) => (
              <th key={index} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {block.rows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {row.map((cell, index) => (
                <td key={index}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
