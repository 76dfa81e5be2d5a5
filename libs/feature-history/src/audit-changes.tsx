import { useLanguage } from '@kompetansebro/i18n';
import { useTranslation } from 'react-i18next';
import { changedFields } from './audit-diff';
import { fieldLabel, formatValue } from './audit-labels';

interface AuditChangesProps {
  before: unknown;
  after: unknown;
  /** Names the table for screen readers (e.g. "Endrede felt, endret 03.02.2026 14:05"). */
  caption: string;
}

/** The fields one audit entry changed, as a before → after table. */
export function AuditChanges({ before, after, caption }: AuditChangesProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const changes = changedFields(before, after);
  if (changes.length === 0) return <p className="ds-paragraph">{t('history.noFieldChanges')}</p>;
  return (
    <div className="kb-table-scroll kb-history-changes" tabIndex={0} role="region" aria-label={caption}>
      <table className="ds-table" data-border="true" data-size="sm">
        <caption className="ds-sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('history.columns.field')}</th>
            <th scope="col">{t('history.columns.before')}</th>
            <th scope="col">{t('history.columns.after')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.field}>
              <th scope="row">{fieldLabel(t, change.field)}</th>
              <td>{formatValue(t, language, change.field, change.before)}</td>
              <td>{formatValue(t, language, change.field, change.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
