import { useTranslation } from 'react-i18next';
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

interface ActivityPlaceProps {
  place: string | null;
  onlineUrl: string | null;
  /** The activity's title: names the link to join for screen readers. */
  title: string;
  /** It has taken place: nothing to join any more, so no link. */
  ended?: boolean;
}

/** "Sted: Namsos bibliotek · Bli med på nett" under an activity in a list; nothing when it has neither. */
export function ActivityPlace({ place, onlineUrl: url, title, ended = false }: ActivityPlaceProps) {
  const { t } = useTranslation();
  const onlineUrl = ended ? null : url;
  if (!place && !onlineUrl) return null;
  return (
    <p className="ds-paragraph" data-size="sm">
      {place && `${t('activities.detail.place')}: ${place}`}
      {place && onlineUrl && ' · '}
      {onlineUrl && (
        <a className="ds-link" href={onlineUrl} rel="noopener noreferrer" aria-label={t('activities.detail.joinLabel', { title })}>
          {t('activities.detail.join')}
        </a>
      )}
    </p>
  );
}
