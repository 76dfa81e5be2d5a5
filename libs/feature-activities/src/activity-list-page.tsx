import { activityQueries, actorQueries, useCalendarFeed } from '@kompetansebro/api-client';
import { activityKinds, activityListQuerySchema, DEFAULT_PAGE_SIZE, type ActivitySummary } from '@kompetansebro/domain';
import { formatNumber, useLanguage } from '@kompetansebro/i18n';
import { ActivityDates, buttonLinkProps, CalendarSubscription, ListScreen, optionsByLabel, Select, type TableColumn, TextField, useListSearch } from '@kompetansebro/ui';
import { PICKER_SEARCH_SIZE, SearchablePicker, usePickerSearch } from '@kompetansebro/ui/searchable-picker';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useActivityFeature } from './activity-feature-context';
import { ActivityViews } from './activity-views';
import { ActivityNoticeBanner } from './activity-notice';
import { organiserKinds, participantKinds, useActorOptions } from './use-actor-options';
import { useCanChangeActivities } from './use-can-edit-activities';
import './activities.css';

/** What the URL holds of the activity list: search, filters, order and page. */
export const activityListSearchSchema = activityListQuerySchema.pick({
  q: true,
  kind: true,
  from: true,
  to: true,
  participant: true,
  organiser: true,
  sort: true,
  page: true,
});

/**
 * The activities: search, filter by kind, period, participant and organiser, sort by date,
 * page through — all of it in the URL — and export what the filters show.
 */
export function ActivityListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { paths } = useActivityFeature();
  const canCreate = useCanChangeActivities('create');
  const list = useListSearch(activityListSearchSchema, paths.list);
  const { view } = list;
  const query = { ...view, pageSize: DEFAULT_PAGE_SIZE };

  const activities = useQuery(activityQueries.list(query));
  const organisers = useActorOptions(organiserKinds);
  // Participants: libraries of every kind, hundreds at national scale — found by the server as the user types.
  const participantSearch = usePickerSearch();
  const participants = useActorOptions(participantKinds, participantSearch.q, PICKER_SEARCH_SIZE);
  // The participant a link filters by is named in the field though the first answers may not hold it.
  const chosenParticipant = useQuery({ ...actorQueries.detail(view.participant ?? ''), enabled: Boolean(view.participant) });

  const columns: TableColumn<ActivitySummary>[] = [
    {
      key: 'date',
      header: t('activities.list.columns.date'),
      sortable: true,
      cell: (activity) => <ActivityDates startDate={activity.startDate} endDate={activity.endDate} startTime={activity.startTime} endTime={activity.endTime} language={language} />,
    },
    {
      key: 'title',
      header: t('activities.list.columns.title'),
      sortable: true,
      rowHeader: true,
      cell: (activity) => (
        <Link className="ds-link" to={paths.detail} params={{ id: activity.id }}>
          {activity.title}
        </Link>
      ),
    },
    { key: 'kind', header: t('activities.list.columns.kind'), sortable: true, cell: (activity) => t(`activityKind.${activity.kind}`) },
    { key: 'organiser', header: t('activities.list.columns.organiser'), cell: (activity) => activity.organiserName ?? '–' },
    {
      key: 'participants',
      header: t('activities.list.columns.participants'),
      cell: (activity) =>
        activity.totalHeadCount === null
          ? t('activities.list.actorsOnly', { count: activity.participantCount })
          : t('activities.list.actorsAndPeople', {
              count: activity.participantCount,
              people: formatNumber(activity.totalHeadCount, language),
            }),
    },
  ];

  const kindOptions = optionsByLabel(activityKinds, (kind) => t(`activityKind.${kind}`));

  return (
    <ListScreen
      title={t('activities.title')}
      actions={
        canCreate && (
          <Link to={paths.create} {...buttonLinkProps('primary')}>
            {t('activities.list.create')}
          </Link>
        )
      }
      exports={[
        { href: activityQueries.exportUrl(query, 'csv'), label: t('common.exportCsv') },
        { href: activityQueries.exportUrl(query, 'xlsx'), label: t('common.exportXlsx') },
      ]}
      top={
        <>
          <ActivityNoticeBanner />
          <CalendarSubscription useFeed={useCalendarFeed} />
          <ActivityViews filters={{ kind: view.kind, from: view.from, to: view.to, organiser: view.organiser, participant: view.participant }} />
        </>
      }
      intro={t('activities.list.intro')}
      list={list}
      searchLabel={t('activities.list.searchLabel')}
      filtersClassName="kb-activity-filters"
      filters={
        <>
          <Select
            label={t('activities.filters.kind')}
            emptyOption={t('activities.filters.allKinds')}
            options={kindOptions}
            value={view.kind ?? ''}
            onChange={(event) => list.update({ kind: (event.target.value || undefined) as typeof view.kind })}
          />
          <TextField
            type="date"
            label={t('activities.filters.from')}
            value={view.from ?? ''}
            onChange={(event) => isDateOrEmpty(event.target.value) && list.update({ from: event.target.value || undefined })}
          />
          <TextField
            type="date"
            label={t('activities.filters.to')}
            value={view.to ?? ''}
            onChange={(event) => isDateOrEmpty(event.target.value) && list.update({ to: event.target.value || undefined })}
          />
          <SearchablePicker
            id="activity-filter-participant"
            label={t('activities.filters.participant')}
            description={t('activities.filters.participantHelp')}
            search={participantSearch}
            loading={participants.isFetching}
            options={participants.options.map((actor) => ({ value: actor.id, label: actor.name }))}
            known={chosenParticipant.data ? [{ value: chosenParticipant.data.id, label: chosenParticipant.data.name }] : []}
            value={view.participant ?? ''}
            onChange={(participant) => list.update({ participant: participant || undefined })}
          />
          <Select
            label={t('activities.filters.organiser')}
            emptyOption={t('activities.filters.allOrganisers')}
            options={organisers.options.map((actor) => ({ value: actor.id, label: actor.name }))}
            value={view.organiser ?? ''}
            onChange={(event) => list.update({ organiser: event.target.value || undefined })}
          />
        </>
      }
      result={activities}
      resultCount={(total) => t('activities.list.resultCount', { count: total, formattedCount: formatNumber(total, language) })}
      resultCountVisible
      caption={t('activities.list.caption')}
      columns={columns}
      rowKey={(activity) => activity.id}
      noMatch={{ title: t('activities.list.noMatchTitle'), body: t('activities.list.noMatchHint') }}
      empty={{ title: t('activities.list.emptyTitle'), body: t('activities.list.emptyBody') }}
      pageSize={DEFAULT_PAGE_SIZE}
    />
  );
}

/** A date input holds a whole date or nothing; anything else (a year being typed) waits. */
const isDateOrEmpty = (value: string) => value === '' || /^\d{4}-\d{2}-\d{2}$/.test(value);
