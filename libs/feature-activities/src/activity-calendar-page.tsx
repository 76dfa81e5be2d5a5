import { activityQueries } from '@kompetansebro/api-client';
import { activityKinds, activityKindSchema, MAX_PAGE_SIZE, todayInNorway, type ActivitySummary } from '@kompetansebro/domain';
import { formatNumber, intlLocale, useLanguage, type Language } from '@kompetansebro/i18n';
import { Alert, LoadingState, optionsByLabel, Page, QueryError, Select, useListSearch } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useActivityFeature } from './activity-feature-context';
import { ActivityViews } from './activity-views';
import { activitiesByDay, addMonths, firstDayOf, lastDayOf, monthOf, monthWeeks, type MonthKey } from './calendar';
import { z } from 'zod';
import './activities.css';

/** The calendar's state in the URL: the month shown ("2026-02") and a kind. */
const calendarSearchSchema = z.object({
  maaned: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional(),
  kind: activityKindSchema.optional(),
});
type CalendarSearch = z.infer<typeof calendarSearchSchema>;

/** A heading starts with a capital, though Norwegian month and day names do not. */
const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** "februar 2026" in the user's language. */
function monthName(month: MonthKey, language: Language): string {
  return new Intl.DateTimeFormat(intlLocale(language), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}

/** "tirsdag 3. februar" in the user's language. */
function dayName(date: string, language: Language): string {
  return new Intl.DateTimeFormat(intlLocale(language), { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** Monday to Sunday, long and short (2 January 2023 was a Monday). */
function weekdays(language: Language) {
  return Array.from({ length: 7 }, (_, index) => {
    const date = new Date(Date.UTC(2023, 0, 2 + index));
    const format = (weekday: 'long' | 'short') => new Intl.DateTimeFormat(intlLocale(language), { weekday, timeZone: 'UTC' }).format(date);
    return { long: format('long'), short: format('short') };
  });
}

/**
 * A month of activities: a grid of weeks (a table, each activity on its day or days) and, on
 * a narrow screen, the same month as an agenda list. The month is in the URL (`?maaned=2026-02`).
 */
export function ActivityCalendarPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { paths } = useActivityFeature();
  const { view: search, update } = useListSearch(calendarSearchSchema, paths.calendar);
  const kind = search.kind;
  const today = todayInNorway();
  const month = search.maaned ?? monthOf(today);

  // One request for the month: activities that touch it (a period counts when it overlaps).
  const activities = useQuery(
    activityQueries.list({ from: firstDayOf(month), to: lastDayOf(month), kind, sort: 'date', pageSize: MAX_PAGE_SIZE }),
  );
  const byDay = activitiesByDay(month, activities.data?.items ?? []);
  const title = monthName(month, language);

  const linkTo = (target: MonthKey): CalendarSearch => ({ ...(kind ? { kind } : {}), ...(target === monthOf(today) ? {} : { maaned: target }) });

  const kindOptions = optionsByLabel(activityKinds, (value) => t(`activityKind.${value}`));

  return (
    <Page title={t('activities.calendar.title')}>
      <ActivityViews filters={{ kind }} />
      <div className="kb-cluster">
        <Select
          label={t('activities.filters.kind')}
          emptyOption={t('activities.filters.allKinds')}
          options={kindOptions}
          value={kind ?? ''}
          onChange={(event) => update({ kind: (event.target.value || undefined) as CalendarSearch['kind'] })}
        />
      </div>

      <nav className="kb-calendar-nav" aria-label={t('activities.calendar.monthNavigation')}>
        <Link className="ds-link" to={paths.calendar} search={linkTo(addMonths(month, -1))}>
          {t('activities.calendar.previous', { month: monthName(addMonths(month, -1), language) })}
        </Link>
        <Link className="ds-link" to={paths.calendar} search={linkTo(monthOf(today))}>
          {t('activities.calendar.today')}
        </Link>
        <Link className="ds-link" to={paths.calendar} search={linkTo(addMonths(month, 1))}>
          {t('activities.calendar.next', { month: monthName(addMonths(month, 1), language) })}
        </Link>
      </nav>

      <h2 className="ds-heading" data-size="md" id="calendar-month" aria-live="polite">
        {capitalise(title)}
      </h2>
      <p className="ds-paragraph" role="status">
        {activities.data && !activities.isPlaceholderData
          ? t('activities.calendar.count', { count: activities.data.total, formattedCount: formatNumber(activities.data.total, language) })
          : ''}
      </p>

      {activities.isError ? (
        <QueryError error={activities.error} onRetry={() => void activities.refetch()} />
      ) : activities.isPending ? (
        <LoadingState />
      ) : (
        <>
          {activities.data.total > activities.data.items.length && (
            <Alert color="warning">{t('activities.calendar.tooMany', { shown: activities.data.items.length, total: activities.data.total })}</Alert>
          )}
          <MonthGrid month={month} today={today} byDay={byDay} language={language} />
          <MonthAgenda month={month} byDay={byDay} language={language} />
        </>
      )}
    </Page>
  );
}

/** A day's activities as links to their pages, each with its kind for screen readers; in the grid and the agenda alike. */
function DayActivities({ activities }: { activities: ActivitySummary[] }) {
  const { t } = useTranslation();
  const { paths } = useActivityFeature();
  return (
    <ul>
      {activities.map((activity) => (
        <li key={activity.id}>
          <Link className="ds-link" to={paths.detail} params={{ id: activity.id }}>
            {activity.title}
            <span className="ds-sr-only"> ({t(`activityKind.${activity.kind}`)})</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

function MonthGrid({ month, today, byDay, language }: { month: MonthKey; today: string; byDay: Map<string, ActivitySummary[]>; language: Language }) {
  const { t } = useTranslation();
  const days = weekdays(language);
  return (
    <div className="kb-table-scroll kb-calendar-grid">
      <table className="kb-calendar" aria-labelledby="calendar-month">
        <thead>
          <tr>
            {days.map((day) => (
              <th key={day.long} scope="col">
                <abbr title={day.long}>{day.short}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(month).map((week) => (
            <tr key={week.find((day) => day !== null) ?? ''}>
              {week.map((date, index) => {
                if (date === null) return <td key={`empty-${index}`} className="kb-calendar__outside" />;
                const onDay = byDay.get(date) ?? [];
                return (
                  <td key={date} className={date === today ? 'kb-calendar__today' : undefined} aria-current={date === today ? 'date' : undefined}>
                    <span className="kb-calendar__day">
                      <span aria-hidden="true">{Number(date.slice(8, 10))}</span>
                      <span className="ds-sr-only">{dayName(date, language)}</span>
                      {date === today && <span className="ds-sr-only">, {t('activities.calendar.todayMark')}</span>}
                    </span>
                    {onDay.length > 0 && <DayActivities activities={onDay} />}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The month as a list of the days that have activities: what a narrow screen shows. */
function MonthAgenda({ month, byDay, language }: { month: MonthKey; byDay: Map<string, ActivitySummary[]>; language: Language }) {
  const { t } = useTranslation();
  return (
    <section className="kb-agenda" aria-label={t('activities.calendar.agenda', { month: monthName(month, language) })}>
      {byDay.size === 0 ? (
        <p className="ds-paragraph">{t('activities.calendar.empty')}</p>
      ) : (
        <ul>
          {[...byDay.entries()].map(([date, onDay]) => (
            <li key={date}>
              <h3 className="ds-heading" data-size="2xs">
                <time dateTime={date}>{capitalise(dayName(date, language))}</time>
              </h3>
              <DayActivities activities={onDay} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
