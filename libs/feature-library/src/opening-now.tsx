import { hasOpeningHours, offersSelfService, todayInNorway, weekDifferences, weekHasTimetable, type DayPeriod, type OpeningHours } from '@kompetansebro/domain';
import { formatDate, formatNumber, formatOpeningMoment, useLanguage } from '@kompetansebro/i18n';
import { useTranslation } from 'react-i18next';

const times = (periods: readonly DayPeriod[]) => periods.map((period) => `${period.from}–${period.to}`).join(', ');

/** "Betjent nå" / "Meråpent nå" / "Stengt nå", and when it next opens (Norwegian time). */
export function OpeningNow({ hours }: { hours: OpeningHours }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const next = hours.now.nextOpening ? formatOpeningMoment(hours.now.nextOpening, new Date().toISOString(), language, (when, values) => t(`finder.moment.${when}`, values)) : null;
  if (!hasOpeningHours(hours)) return <p className="ds-paragraph">{t('library.hours.none')}</p>;
  // A holiday, season or single day that changes this week's hours makes its figures differ from
  // the services' "hours a week": said, not left to puzzle over (a holiday on a closed day is no change).
  const week = weekHasTimetable(hours, hours.thisWeek);
  const differences = weekDifferences(hours, hours.thisWeek);
  const unusual = [
    ...(differences.season ? [`${differences.season.name} (${formatDate(differences.season.from, language)}–${formatDate(differences.season.to, language)})`] : []),
    ...differences.days.map((day) => `${t(`finder.weekday.${day.weekday}`)} ${formatDate(day.date, language)}${day.reason ? ` (${day.reason})` : ''}`),
  ];
  return (
    <div className="kb-stack">
      <p className="ds-paragraph">
        <span className="kb-hours-state">{t(`library.hours.state.${hours.now.state}`)}</span>
        {hours.now.state === 'closed' && next && <> – {t('library.hours.opens', { when: next })}</>}
      </p>
      {week && (
        <p className="ds-paragraph">
          {hours.thisWeek.selfServiceHours === 0
            ? t('library.hours.weekFiguresStaffedOnly', { count: hours.thisWeek.staffedHours, staffed: formatNumber(hours.thisWeek.staffedHours, language) })
            : t('library.hours.weekFigures', {
                staffed: formatNumber(hours.thisWeek.staffedHours, language),
                selfService: formatNumber(hours.thisWeek.selfServiceHours, language),
              })}
        </p>
      )}
      {week && unusual.length > 0 && <p className="ds-paragraph">{t('library.hours.weekDiffers', { days: unusual.join(', ') })}</p>}
    </div>
  );
}

/** This week, day by day: staffed and self-service hours, and why a day differs (a holiday, a season, an exception). */
export function WeekTable({ hours, caption }: { hours: OpeningHours; caption: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  // The note only on a day whose hours differ (a holiday on a closed day, or each day of a season
  // over the whole week, is none); the column only when a day has one: the table fits a phone's width.
  const differing = new Set(weekDifferences(hours, hours.thisWeek).days.map((day) => day.date));
  const notes = hours.thisWeek.days.some((day) => day.reason && differing.has(day.date));
  // "Stengt" in either column on a day without its hours ("–" read as unknown); no self-service column for a library without it.
  const selfServiceColumn = offersSelfService(hours, todayInNorway());
  const cell = (periods: readonly DayPeriod[]) => (periods.length > 0 ? times(periods) : t('library.hours.closed'));
  // Without a weekly timetable (or a season in the week) a week of "Stengt" would read as closed: a lone single day says nothing of the rest.
  if (!weekHasTimetable(hours, hours.thisWeek)) return null;
  return (
    <table className="ds-table" data-size="sm">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('library.hours.day')}</th>
          <th scope="col">{t('library.hours.staffed')}</th>
          {selfServiceColumn && <th scope="col">{t('library.hours.selfService')}</th>}
          {notes && <th scope="col">{t('library.hours.note')}</th>}
        </tr>
      </thead>
      <tbody>
        {hours.thisWeek.days.map((day) => {
          return (
            <tr key={day.date}>
              <th scope="row">
                {t(`library.weekday.${day.weekday}`)} {formatDate(day.date, language)}
              </th>
              <td>{cell(day.periods.filter((period) => period.kind === 'staffed'))}</td>
              {selfServiceColumn && <td>{cell(day.periods.filter((period) => period.kind === 'self_service'))}</td>}
              {notes && <td>{differing.has(day.date) ? (day.reason ?? '') : ''}</td>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
