import { activityQueries } from '@kompetansebro/api-client';
import type { ActivitySummary, ActorDetail } from '@kompetansebro/domain';
import { useLanguage } from '@kompetansebro/i18n';
import { ActivityDates, DataTable, QueryError, RecordLink, Section, type TableColumn } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useActorFeature } from './actor-feature-context';

/** The newest this many of each kind (organised, taken part in) are shown on the page. */
const ACTIVITY_LIMIT = 50;

interface ActorActivity {
  activity: ActivitySummary;
  organiser: boolean;
  participant: boolean;
}

/**
 * What the actor organised and what it took part in (two filters of the API), as one list,
 * newest first. The actor page shows it, and takes its photos and media links from it.
 */
export function useActorActivities(actorId: string) {
  const organised = useQuery(activityQueries.list({ organiser: actorId, pageSize: ACTIVITY_LIMIT, sort: '-date' }));
  const joined = useQuery(activityQueries.list({ participant: actorId, pageSize: ACTIVITY_LIMIT, sort: '-date' }));
  const byId = new Map<string, ActorActivity>();
  for (const activity of organised.data?.items ?? []) byId.set(activity.id, { activity, organiser: true, participant: false });
  for (const activity of joined.data?.items ?? []) {
    const known = byId.get(activity.id);
    byId.set(activity.id, { activity, organiser: known?.organiser ?? false, participant: true });
  }
  const items = [...byId.values()].sort((a, b) => (a.activity.startDate < b.activity.startDate ? 1 : a.activity.startDate > b.activity.startDate ? -1 : 0));
  return {
    items,
    isPending: organised.isPending || joined.isPending,
    error: organised.error ?? joined.error,
    truncated: (organised.data?.total ?? 0) > ACTIVITY_LIMIT || (joined.data?.total ?? 0) > ACTIVITY_LIMIT,
    refetch: () => Promise.all([organised.refetch(), joined.refetch()]),
  };
}

export function ActivitiesSection({ actor, activities }: { actor: ActorDetail; activities: ReturnType<typeof useActorActivities> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { links } = useActorFeature();

  const columns: TableColumn<ActorActivity>[] = [
    {
      key: 'title',
      header: t('actors.activities.columns.title'),
      rowHeader: true,
      cell: ({ activity }) => (
        <RecordLink to={links.activity} id={activity.id}>
          {activity.title}
        </RecordLink>
      ),
    },
    { key: 'kind', header: t('actors.activities.columns.kind'), cell: ({ activity }) => t(`actors.activities.kind.${activity.kind}`) },
    {
      key: 'date',
      header: t('actors.activities.columns.date'),
      cell: ({ activity }) => <ActivityDates {...activity} language={language} />,
    },
    {
      key: 'part',
      header: t('actors.activities.columns.part'),
      cell: ({ organiser, participant }) =>
        [organiser && t('actors.activities.organiser'), participant && t('actors.activities.participant')].filter(Boolean).join(', '),
    },
  ];

  return (
    <Section id="actor-activities" title={t('actors.activities.title')} className="kb-stack">
      {activities.error ? (
        <QueryError title={t('actors.activities.loadFailed')} error={activities.error} onRetry={() => void activities.refetch()} />
      ) : !activities.isPending && activities.items.length === 0 ? (
        <p className="ds-paragraph">{t('actors.activities.empty')}</p>
      ) : (
        <>
          <DataTable
            caption={t('actors.activities.caption', { name: actor.name })}
            captionHidden
            columns={columns}
            rows={activities.isPending ? undefined : activities.items}
            rowKey={({ activity }) => activity.id}
            skeletonRows={2}
          />
          {activities.truncated && <p className="ds-paragraph">{t('actors.activities.more', { shown: activities.items.length })}</p>}
        </>
      )}
    </Section>
  );
}

/**
 * Photos and media links. The actor record has no media of its own: they are the links of
 * its photography activities (the main libraries were photographed in autumn 2025, partly
 * for KS Mediebank) and the Mediebank links and recordings of its other activities.
 */
export function MediaSection({ activities }: { activities: ReturnType<typeof useActorActivities> }) {
  const { t } = useTranslation();
  const media = activities.items.flatMap(({ activity }) =>
    activity.links
      .filter((link) => activity.kind === 'photography' || link.kind === 'mediebank' || link.kind === 'recording')
      .map((link) => ({ link, activity })),
  );
  return (
    <Section id="actor-media" title={t('actors.media.title')} intro={t('actors.media.intro')} className="kb-stack">
      {/* While the activities load or when they failed (said above), there is nothing to list yet. */}
      {activities.isPending || activities.error ? null : media.length === 0 ? (
        <p className="ds-paragraph">{t('actors.media.empty')}</p>
      ) : (
        <ul>
          {media.map(({ link, activity }) => (
            <li key={`${activity.id}:${link.url}`}>
              <a className="ds-link" href={link.url} rel="noopener noreferrer">
                {link.label}
              </a>{' '}
              ({t(`actors.media.linkKind.${link.kind}`)}, {t('actors.media.from', { activity: activity.title })})
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
