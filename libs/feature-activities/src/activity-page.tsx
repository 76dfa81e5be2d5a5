import { activityQueries, useDeleteActivity } from '@kompetansebro/api-client';
import type { ActivityDetail } from '@kompetansebro/domain';
import { formatDate, formatNumber, useLanguage } from '@kompetansebro/i18n';
import { ActivityDates, Button, buttonLinkProps, ConfirmDialog, FailureAlert, Fact, actionErrorText, Page, RecordLink, Section, StatusTag } from '@kompetansebro/ui';
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActivityFeature } from './activity-feature-context';
import { ActivityNoticeBanner } from './activity-notice';
import { useActivityAccess } from './use-can-edit-activities';
import './activities.css';

/** The record the page shows, from the route's params: its route loads it before the page shows. */
export function recordQuery({ id = '' }: { id?: string }) {
  return activityQueries.detail(id);
}

/** One activity: what, when, who organised it, who took part (with head counts), links; edit and delete. */
export function ActivityPage() {
  // Loaded by the route before the page shows (its pending and error pages are the route's).
  const activity = useSuspenseQuery(recordQuery(useParams({ strict: false })));
  return <ActivityDetails activity={activity.data} />;
}


function ActivityDetails({ activity }: { activity: ActivityDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { paths, setNotice } = useActivityFeature();
  const access = useActivityAccess();
  const canUpdate = access.mayChange('update', activity);
  const canDelete = access.mayChange('delete', activity);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const remove = useDeleteActivity(activity.id);
  const [confirmingDelete, setConfirmingDelete] = useState(false);

  const deleteActivity = () => {
    remove.mutate(
      { version: activity.version },
      {
        onSuccess: () => {
          setConfirmingDelete(false);
          setNotice('deleted');
          void navigate({ to: paths.list });
        },
        onError: (error) => {
          setConfirmingDelete(false);
          // Someone else saved first: show their version, so the user sees what they would delete.
          if (error.status === 412) void queryClient.invalidateQueries({ queryKey: activityQueries.detail(activity.id).queryKey });
        },
      },
    );
  };

  const month = activity.startDate.slice(0, 7);

  return (
    <Page
      title={activity.title}
      actions={
        (canUpdate || canDelete) && (
          <>
            {canUpdate && (
              <Link to={paths.edit} params={{ id: activity.id }} {...buttonLinkProps('primary')}>
                {t('common.edit')}
              </Link>
            )}
            {canDelete && (
              <Button variant="secondary" color="danger" onClick={() => setConfirmingDelete(true)}>
                {t('activities.delete.action')}
              </Button>
            )}
          </>
        )
      }
    >
      <ActivityNoticeBanner />
      <FailureAlert title={t('activities.delete.failed')} message={remove.isError ? (remove.error.status === 412 ? t('activities.delete.stale') : actionErrorText(t, remove.error)) : null} />
      <p className="kb-cluster">
        <StatusTag color="info">{t(`activityKind.${activity.kind}`)}</StatusTag>
        {activity.sampleData && <StatusTag color="warning">{t('activities.detail.sampleData')}</StatusTag>}
      </p>
      {activity.description && <p className="ds-paragraph kb-preserve-lines">{activity.description}</p>}

      <Section id="activity-facts" title={t('activities.detail.facts')}>
        <dl className="kb-facts">
          <Fact label={t('activityField.kind.label')}>{t(`activityKind.${activity.kind}`)}</Fact>
          <Fact label={t('activities.detail.when')}>
            <ActivityDates
              startDate={activity.startDate}
              endDate={activity.endDate}
              startTime={activity.startTime}
              endTime={activity.endTime}
              language={language}
            />{' '}
            (
            <Link className="ds-link" to={paths.calendar} search={{ maaned: month }}>
              {t('activities.detail.inCalendar')}
            </Link>
            ) ·{' '}
            <a className="ds-link" href={activityQueries.calendarUrl(activity.id)} download title={t('activities.detail.addToCalendarHelp')}>
              {t('activities.detail.addToCalendar')}
            </a>
          </Fact>
          {activity.place && <Fact label={t('activities.detail.place')}>{activity.place}</Fact>}
          {activity.onlineUrl && (
            <Fact label={t('activities.detail.onlineUrl')}>
              <a className="ds-link" href={activity.onlineUrl} rel="noopener noreferrer">
                {t('activities.detail.join')}
              </a>
            </Fact>
          )}
          <Fact label={t('activityField.organiserId.label')}>
            {activity.organiserId &&
              (paths.actor ? (
                <Link className="ds-link" to={paths.actor} params={{ id: activity.organiserId }}>
                  {activity.organiserName ?? activity.organiserId}
                </Link>
              ) : (
                activity.organiserName
              ))}
          </Fact>
          {activity.topics.length > 0 && <Fact label={t('activities.detail.topics')}>{activity.topics.join(', ')}</Fact>}
          {activity.outcome && <Fact label={t('activities.detail.outcome')}>{activity.outcome}</Fact>}
          <Fact label={t('activities.detail.updatedAt')}>
            <time dateTime={activity.updatedAt}>{formatDate(activity.updatedAt, language)}</time>
          </Fact>
        </dl>
        {paths.history && (
          <p>
            <Link className="ds-link" to={paths.history} params={{ entity: 'activity', id: activity.id }}>
              {t('activities.detail.history')}
            </Link>
          </p>
        )}
      </Section>

      <Section id="activity-participants" title={t('activities.detail.participants')}>
        {activity.participants.length === 0 ? (
          <p className="ds-paragraph">{t('activities.detail.noParticipants')}</p>
        ) : (
          <div className="kb-table-scroll">
            <table className="ds-table kb-table-narrow" data-border>
              <caption className="ds-sr-only">{t('activities.detail.participantsCaption', { title: activity.title })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('activities.detail.participant')}</th>
                  <th scope="col" className="kb-numeric">
                    {t('activities.detail.headCount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {activity.participants.map((participant) => (
                  <tr key={participant.actorId}>
                    <th scope="row">
                      <RecordLink to={paths.actor} id={participant.actorId}>
                        {participant.actorName}
                      </RecordLink>
                    </th>
                    <td className="kb-numeric">{participant.headCount === null ? t('activities.detail.unknownCount') : formatNumber(participant.headCount, language)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('activities.detail.total', { count: activity.participantCount })}</th>
                  <td className="kb-numeric">
                    {activity.totalHeadCount === null ? t('activities.detail.unknownCount') : formatNumber(activity.totalHeadCount, language)}
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </Section>

      <Section id="activity-links" title={t('activities.detail.links')}>
        {activity.links.length === 0 ? (
          <p className="ds-paragraph">{t('activities.detail.noLinks')}</p>
        ) : (
          <ul>
            {activity.links.map((link) => (
              <li key={`${link.url}-${link.label}`}>
                <a className="ds-link" href={link.url} rel="noopener noreferrer">
                  {link.label}
                </a>{' '}
                ({t(`activityLinkKind.${link.kind}`)})
              </li>
            ))}
          </ul>
        )}
      </Section>

      <p>
        <Link className="ds-link" to={paths.list}>
          {t('activities.detail.backToList')}
        </Link>
      </p>

      <ConfirmDialog
        open={confirmingDelete}
        title={t('activities.delete.title', { title: activity.title })}
        confirmLabel={t('activities.delete.confirm')}
        confirmColor="danger"
        cancelLabel={t('common.cancel')}
        busy={remove.isPending}
        onConfirm={deleteActivity}
        onCancel={() => setConfirmingDelete(false)}
      >
        <p className="ds-paragraph">{t('activities.delete.body')}</p>
      </ConfirmDialog>
    </Page>
  );
}
