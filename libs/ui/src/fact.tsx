import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * One label/value pair of a details list (`<dl className="kb-facts">`); a missing value
 * reads "Ikke oppgitt" rather than leaving a blank.
 *
 *   <dl className="kb-facts">
 *     <Fact label={t('actors.detail.email')}>{actor.email}</Fact>
 *   </dl>
 */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <dt>{label}</dt>
      <dd>{children ?? t('common.notProvided')}</dd>
    </>
  );
}
