import { todayInNorway, type ActivitySummary } from '@kompetansebro/domain';
import { useLanguage } from '@kompetansebro/i18n';
import { ActivityDates } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { overviewQueries } from './overview-data';
import { OverviewSection, SectionStates } from './overview-section';

function ActivityList({ activities, emptyText }: { activities: readonly ActivitySummary[]; emptyText: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (activities.length === 0) return <p className="ds-paragraph">{emptyText}</p>;
  return (
    <ul className="kb-overview-list">
      {activities.map((activity) => (
        <li key={activity.id}>
          <Link className="ds-link" to="/aktiviteter/$id" params={{ id: activity.id }}>
            {activity.title}
          </Link>{' '}
          <span>
            <ActivityDates {...activity} language={language} />
          </span>
          {activity.organiserName && (
            <span className="kb-overview-meta">{t('overview.activities.organiser', { name: activity.organiserName })}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * What ended in the last 30 days (newest first), and what is coming or still running (soonest
 * first). The server splits them (`from` and `endedBefore` on SQL's activityLastDay, its form of
 * the domain's activityHasEnded); this component decides nothing itself.
 */
export function ActivitiesRecentComing() {
  const { t } = useTranslation();
  const today = todayInNorway();
  const recent = useQuery(overviewQueries.recentActivities(today));
  const coming = useQuery(overviewQueries.comingActivities(today));

  return (
    <OverviewSection id="overview-activities" title={t('overview.activities.title')}>
      <SectionStates queries={[recent, coming]}>
        {() => (
          <div className="kb-overview-columns">
            <div>
              <h3 className="ds-heading" data-size="2xs">
                {t('overview.activities.comingTitle')}
              </h3>
              <ActivityList activities={coming.data?.items ?? []} emptyText={t('overview.activities.comingEmpty')} />
            </div>
            <div>
              <h3 className="ds-heading" data-size="2xs">
                {t('overview.activities.recentTitle')}
              </h3>
              <ActivityList activities={recent.data?.items ?? []} emptyText={t('overview.activities.recentEmpty')} />
            </div>
          </div>
        )}
      </SectionStates>
      <p className="ds-paragraph">
        <Link className="ds-link" to="/aktiviteter">
          {t('overview.activities.allLink')}
        </Link>
      </p>
    </OverviewSection>
  );
}
