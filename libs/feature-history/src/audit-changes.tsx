import { useLanguage } from '@kompetansebro/i18n';
import { ChangesTable } from '@kompetansebro/ui';
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
    <ChangesTable
      caption={caption}
      size="sm"
      columns={[t('history.columns.field'), t('history.columns.before'), t('history.columns.after')]}
      rows={changes.map((change) => ({
        key: change.field,
        label: fieldLabel(t, change.field),
        first: formatValue(t, language, change.field, change.before),
        second: formatValue(t, language, change.field, change.after),
      }))}
    />
  );
}
