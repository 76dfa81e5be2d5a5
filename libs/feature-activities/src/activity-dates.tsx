import { formatDate } from '@kompetansebro/i18n';

interface ActivityDatesProps {
  startDate: string;
  endDate: string | null;
  /** "HH:MM" (time in Norway), when the activity has set times. */
  startTime?: string | null;
  endTime?: string | null;
  language: Parameters<typeof formatDate>[1];
}

/** "03.02.2026", "03.02.2026 10:00–11:30" or "01.09.2025–30.11.2025", as `<time>` elements. */
export function ActivityDates({ startDate, endDate, startTime = null, endTime = null, language }: ActivityDatesProps) {
  const lastDay = endDate && endDate !== startDate ? endDate : null;
  return (
    <>
      <time dateTime={startTime ? `${startDate}T${startTime}` : startDate}>
        {formatDate(startDate, language)}
        {startTime && ` ${startTime}`}
      </time>
      {lastDay ? (
        <>
          {'–'}
          <time dateTime={endTime ? `${lastDay}T${endTime}` : lastDay}>
            {formatDate(lastDay, language)}
            {endTime && ` ${endTime}`}
          </time>
        </>
      ) : (
        endTime && (
          <>
            {'–'}
            <time dateTime={`${startDate}T${endTime}`}>{endTime}</time>
          </>
        )
      )}
    </>
  );
}
