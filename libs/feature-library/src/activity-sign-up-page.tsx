import { liaisonQueries, useCalendarFeed, useCan, useJoinActivity, useLeaveActivity } from '@kompetansebro/api-client';
import { activityHasEnded, activitySignUpCancellable, activityTakesSignUps, todayInNorway, type LiaisonActivity, type Page as ListPage } from '@kompetansebro/domain';
import { useLanguage } from '@kompetansebro/i18n';
import { ActivityDates, ActivityPlace, Alert, Button, CalendarSubscription, ConfirmDialog, httpErrorText, LoadingState, MorePagesPagination, Page, QueryError, Section, StatusTag } from '@kompetansebro/ui';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLibraryFeature } from './library-feature-context';
import './library.css';

/**
 * The county's coming and running webinars and meetings, each with the library's sign-up (sign up; cancel before the start),
 * and the activities the library took part in. The API registers the library the user acts for.
 */
export function ActivitySignUpPage() {
  const { t } = useTranslation();
  const [upcomingPage, setUpcomingPage] = useState(1);
  const [pastPage, setPastPage] = useState(1);
  const upcoming = useQuery(liaisonQueries.activities('upcoming', upcomingPage));
  const past = useQuery(liaisonQueries.activities('past', pastPage));
  const join = useJoinActivity();
  const leave = useLeaveActivity();
  const mayJoin = useCan('participation', 'create');
  const mayLeave = useCan('participation', 'delete');
  const [done, setDone] = useState<string | null>(null);
  /** The activity whose sign-up the user is asked to confirm cancelling. */
  const [cancelling, setCancelling] = useState<LiaisonActivity | null>(null);
  const cancelSignUp = (activity: LiaisonActivity) =>
    leave.mutate(activity.id, {
      onSuccess: () => setDone(t('library.activities.cancelled', { title: activity.title })),
      onSettled: () => setCancelling(null),
    });
  const failed = join.error ?? leave.error;

  const signUp = (activity: LiaisonActivity) =>
    activity.participating ? (
      <>
        <StatusTag color="success">{t('library.activities.signedUp')}</StatusTag>{' '}
        {/* Only before it starts: the library's attendance of one under way counts in the reports. */}
        {mayLeave && activitySignUpCancellable(activity, todayInNorway()) && (
          <Button
            variant="tertiary"
            aria-label={t('library.activities.cancelLabel', { title: activity.title })}
            loading={leave.isPending && leave.variables === activity.id}
            onClick={() => setCancelling(activity)}
          >
            {t('library.activities.cancel')}
          </Button>
        )}
      </>
    ) : (
      mayJoin &&
      activityTakesSignUps(activity, todayInNorway()) && (
        <Button
          variant="secondary"
          aria-label={t('library.activities.signUpLabel', { title: activity.title })}
          loading={join.isPending && join.variables === activity.id}
          onClick={() => join.mutate(activity.id, { onSuccess: () => setDone(t('library.activities.joined', { title: activity.title })) })}
        >
          {t('library.activities.signUp')}
        </Button>
      )
    );

  return (
    <Page title={t('library.activities.title')}>
      <p className="ds-paragraph">{t('library.activities.intro')}</p>
      <CalendarSubscription useFeed={useCalendarFeed} />
      <p role="status">{done ?? ''}</p>
      {failed && (
        <Alert color="danger" role="alert" heading={t('library.activities.failed')}>
          {httpErrorText(t, failed.status)}
        </Alert>
      )}
      <ActivityList
        id="library-upcoming"
        title={t('library.activities.upcomingTitle')}
        query={upcoming}
        onPageChange={setUpcomingPage}
        empty={t('library.activities.noUpcoming')}
        action={signUp}
      />
      <ActivityList id="library-past" title={t('library.activities.pastTitle')} query={past} onPageChange={setPastPage} empty={t('library.activities.noPast')} />
      <ConfirmDialog
        open={cancelling !== null}
        title={t('library.activities.confirmTitle', { title: cancelling?.title ?? '' })}
        confirmLabel={t('library.activities.confirm')}
        confirmColor="danger"
        cancelLabel={t('common.cancel')}
        busy={leave.isPending}
        onConfirm={() => cancelling && cancelSignUp(cancelling)}
        onCancel={() => setCancelling(null)}
      >
        <p className="ds-paragraph">{t('library.activities.confirmBody')}</p>
      </ConfirmDialog>
    </Page>
  );
}

function ActivityList({
  id,
  title,
  query,
  onPageChange,
  empty,
  action,
}: {
  id: string;
  title: string;
  query: UseQueryResult<ListPage<LiaisonActivity>>;
  onPageChange: (page: number) => void;
  empty: string;

  action?: (activity: LiaisonActivity) => ReactNode;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { paths } = useLibraryFeature();
  return (
    <Section id={id} title={title}>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} headingLevel={3} />
      ) : query.isPending ? (
        <LoadingState />
      ) : query.data.items.length === 0 ? (
        <p className="ds-paragraph">{empty}</p>
      ) : (
        <>
          <ul className="kb-library-activities">
            {query.data.items.map((activity) => (
              <li key={activity.id} className="kb-stack">
                <h3 className="ds-heading" data-size="xs">
                  <Link className="ds-link" to={`${paths.activities}/$id`} params={{ id: activity.id }}>
                    {activity.title}
                  </Link>
                </h3>
                <p className="ds-paragraph" data-size="sm">
                  {t(`activityKind.${activity.kind}`)} · <ActivityDates {...activity} language={language} />
                  {activity.organiserName && ` · ${activity.organiserName}`}
                </p>
                <ActivityPlace place={activity.place} onlineUrl={activity.onlineUrl} title={activity.title} ended={activityHasEnded(activity, todayInNorway())} />
                {action && <div>{action(activity)}</div>}
              </li>
            ))}
          </ul>
          <MorePagesPagination page={query.data} listName={title} onPageChange={onPageChange} />
        </>
      )}
    </Section>
  );
}
