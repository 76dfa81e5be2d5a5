import { formatDate } from '@kompetansebro/i18n';

/** "03.02.2026" or "01.09.2025–30.11.2025", as `<time>` elements. */
export function ActivityDates({ startDate, endDate, language }: { startDate: string; endDate: string | null; language: Parameters<typeof formatDate>[1] }) {
  return (
    <>
      <time dateTime={startDate}>{formatDate(startDate, language)}</time>
      {endDate && endDate !== startDate && (
        <>
          {'–'}
          <time dateTime={endDate}>{formatDate(endDate, language)}</time>
        </>
      )}
    </>
  );
}
