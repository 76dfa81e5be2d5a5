import { hasOpeningHours, type DayPeriod, type OpeningHours } from '@kompetansebro/domain';
import { formatDate, formatNumber, formatOpeningMoment, useLanguage } from '@kompetansebro/i18n';
import { useTranslation } from 'react-i18next';

const times = (periods: readonly DayPeriod[]) => periods.map((period) => `${period.from}–${period.to}`).join(', ');

/** "Betjent nå" / "Meråpent nå" / "Stengt nå", and when it next opens (Norwegian time). */
export function OpeningNow({ hours }: { hours: OpeningHours }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const next = hours.now.nextOpening ? formatOpeningMoment(hours.now.nextOpening, new Date().toISOString(), language, (when, values) => t(`finder.moment.${when}`, values)) : null;
  if (!hasOpeningHours(hours)) return <p className="ds-paragraph">{t('library.hours.none')}</p>;
  // A holiday, season or single day makes this week's figures differ from the services' "hours a week": said, not left to puzzle over.
  const unusual = hours.thisWeek.days.filter((day) => day.reason);
  return (
    <div className="kb-stack">
      <p className="ds-paragraph">
        <span className="kb-hours-state">{t(`library.hours.state.${hours.now.state}`)}</span>
        {hours.now.state === 'closed' && next && <> – {t('library.hours.opens', { when: next })}</>}
      </p>
      <p className="ds-paragraph">
        {hours.thisWeek.selfServiceHours === 0
          ? t('library.hours.weekFiguresStaffedOnly', { count: hours.thisWeek.staffedHours, staffed: formatNumber(hours.thisWeek.staffedHours, language) })
          : t('library.hours.weekFigures', {
              staffed: formatNumber(hours.thisWeek.staffedHours, language),
              selfService: formatNumber(hours.thisWeek.selfServiceHours, language),
            })}
      </p>
      {unusual.length > 0 && (
        <p className="ds-paragraph">
          {t('library.hours.weekDiffers', { days: unusual.map((day) => `${t(`finder.weekday.${day.weekday}`)} ${formatDate(day.date, language)} (${day.reason ?? ''})`).join(', ') })}
        </p>
      )}
    </div>
  );
}

/** This week, day by day: staffed and self-service hours, and why a day differs (a holiday, a season, an exception). */
export function WeekTable({ hours, caption }: { hours: OpeningHours; caption: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  // The note column only when a day has one: the table fits a phone's width.
  const notes = hours.thisWeek.days.some((day) => day.reason);
  // With no hours entered a week of "Stengt" would read as closed: OpeningNow says they are missing.
  if (!hasOpeningHours(hours)) return null;
  return (
    <table className="ds-table" data-size="sm">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('library.hours.day')}</th>
          <th scope="col">{t('library.hours.staffed')}</th>
          <th scope="col">{t('library.hours.selfService')}</th>
          {notes && <th scope="col">{t('library.hours.note')}</th>}
        </tr>
      </thead>
      <tbody>
        {hours.thisWeek.days.map((day) => {
          const staffed = day.periods.filter((period) => period.kind === 'staffed');
          const selfService = day.periods.filter((period) => period.kind === 'self_service');
          return (
            <tr key={day.date}>
              <th scope="row">
                {t(`library.weekday.${day.weekday}`)} {formatDate(day.date, language)}
              </th>
              <td>{staffed.length > 0 ? times(staffed) : t('library.hours.closed')}</td>
              <td>{selfService.length > 0 ? times(selfService) : '–'}</td>
              {notes && <td>{day.reason ?? ''}</td>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
