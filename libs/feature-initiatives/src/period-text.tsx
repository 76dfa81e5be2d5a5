import { formatDate, useLanguage } from '@kompetansebro/i18n';
import { useTranslation } from 'react-i18next';

/** "01.01.2023–30.06.2026", with either end "not set" when missing. */
export function PeriodText({ start, end }: { start: string | null; end: string | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (start === null && end === null) return <>{t('initiatives.notSet')}</>;
  const date = (value: string | null) => (value ? <time dateTime={value}>{formatDate(value, language)}</time> : t('initiatives.notSet'));
  return (
    <>
      {date(start)}–{date(end)}
    </>
  );
}
