import { liaisonQueries, useCalendarFeed, useJoinActivity } from '@kompetansebro/api-client';
import { activityHasEnded, todayInNorway, type LiaisonActivity } from '@kompetansebro/domain';
import { useLanguage } from '@kompetansebro/i18n';
import { ActivityDates, ActivityPlace, Alert, Button, CalendarSubscription, httpErrorText, LoadingState, MorePagesPagination, Page, QueryError, Section, StatusTag } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Experience exchange: the coming activities (open to register for) and those the university
 * library or its university took part in — the interlibrary-loan webinar of 3 February 2026 among them.
 */
export function ExchangePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [upcomingPage, setUpcomingPage] = useState(1);
  const [pastPage, setPastPage] = useState(1);
  const upcoming = useQuery(liaisonQueries.activities('upcoming', upcomingPage));
  const past = useQuery(liaisonQueries.activities('past', pastPage));
  const join = useJoinActivity();
  const [joined, setJoined] = useState<string | null>(null);

  /** One activity: its title, what and when, and (for coming ones) registration — a list, not a table, so it fits 390 px. */
  const item = (activity: LiaisonActivity, upcomingItem: boolean) => (
    <li key={activity.id} className="kb-stack" style={{ borderBlockEnd: '1px solid var(--ds-color-neutral-border-subtle)', paddingBlockEnd: 'var(--ds-size-3)' }}>
      <h3 className="ds-heading" data-size="xs">
        {activity.title}
      </h3>
      <p className="ds-paragraph" data-size="sm">
        {t(`activityKind.${activity.kind}`)} · <ActivityDates {...activity} language={language} />
        {activity.organiserName && ` · ${activity.organiserName}`} · {t('activities.list.actorsOnly', { count: activity.participants })}
      </p>
      <ActivityPlace place={activity.place} onlineUrl={activity.onlineUrl} title={activity.title} ended={activityHasEnded(activity, todayInNorway())} />
      {upcomingItem && (
        <div>
          {activity.participating ? (
            <StatusTag color="success">{t('liaison.exchange.participating')}</StatusTag>
          ) : (
            <Button
              variant="secondary"
              aria-label={t('liaison.exchange.joinLabel', { title: activity.title })}
              loading={join.isPending && join.variables === activity.id}
              onClick={() => join.mutate(activity.id, { onSuccess: () => setJoined(activity.title) })}
            >
              {t('liaison.exchange.join')}
            </Button>
          )}
        </div>
      )}
    </li>
  );

  const section = (
    id: string,
    title: string,
    query: typeof upcoming,
    onPageChange: (page: number) => void,
    upcomingItems: boolean,
    emptyText: string,
  ) => (
    <Section id={id} title={title}>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.isPending ? (
        <LoadingState />
      ) : query.data.items.length === 0 ? (
        <p className="ds-paragraph">{emptyText}</p>
      ) : (
        <>
          <ul className="kb-stack" style={{ listStyle: 'none', padding: 0 }}>
            {query.data.items.map((activity) => item(activity, upcomingItems))}
          </ul>
          <MorePagesPagination page={query.data} listName={title} onPageChange={onPageChange} />
        </>
      )}
    </Section>
  );

  return (
    <Page title={t('liaison.exchange.title')}>
      <p className="ds-paragraph">{t('liaison.exchange.intro')}</p>
      <CalendarSubscription useFeed={useCalendarFeed} />
      <p role="status">{joined ? t('liaison.exchange.joined', { title: joined }) : ''}</p>
      {join.isError && (
        <Alert color="danger" role="alert" heading={t('liaison.exchange.joinFailed')}>
          {httpErrorText(t, join.error.status)}
        </Alert>
      )}
      {section('exchange-upcoming', t('liaison.exchange.upcomingTitle'), upcoming, setUpcomingPage, true, t('liaison.exchange.noUpcoming'))}
      {section('exchange-past', t('liaison.exchange.pastTitle'), past, setPastPage, false, t('liaison.exchange.noPast'))}
    </Page>
  );
}
