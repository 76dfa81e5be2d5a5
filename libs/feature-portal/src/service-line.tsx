import { servicesOnlyBokmalNotice, type Brochure, type brochureServiceLine } from '@kompetansebro/domain';
import { Fragment } from 'react';

/**
 * A service as the brochure says it — its kind, its conditions, then the library's own texts,
 * marked as bokmål (a screen reader reads them so on a nynorsk or English page).
 */
export function ServiceLineText({ line }: { line: ReturnType<typeof brochureServiceLine> }) {
  return (
    <>
      <strong>{line.label}</strong>
      {(line.details !== '' || line.notes.length > 0) && ': '}
      {line.details}
      {line.notes.map((note, index) => (
        <Fragment key={index}>
          {(index > 0 || line.details !== '') && ' — '}
          <span lang="nb">{note}</span>
        </Fragment>
      ))}
    </>
  );
}

/** Said once above the brochure's services on a nynorsk or English page, when a library wrote texts of its own (in bokmål). */
export function BokmalOnlyNotice({ brochure, language }: { brochure: Brochure; language: 'nb' | 'nn' | 'en' }) {
  const notice = servicesOnlyBokmalNotice(language, brochure.municipalities.flatMap((municipality) => municipality.libraries.flatMap((library) => library.services)));
  return notice ? (
    <p className="ds-paragraph" data-size="sm">
      <em>{notice}</em>
    </p>
  ) : null;
}
