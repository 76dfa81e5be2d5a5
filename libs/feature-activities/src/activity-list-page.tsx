import { activityQueries, ApiError } from '@kompetansebro/api-client';
import { activityKinds, compareNorwegian, DEFAULT_PAGE_SIZE, pageRange, type ActivitySummary } from '@kompetansebro/domain';
import { formatNumber, useLanguage } from '@kompetansebro/i18n';
import {
  Alert,
  Button,
  buttonLinkProps,
  DataTable,
  EmptyState,
  httpErrorText,
  Page,
  Pagination,
  Select,
  TextField,
  type TableColumn,
} from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActivityDates } from './activity-dates';
import { useActivityFeature } from './activity-feature-context';
import { activityListView, DEFAULT_ACTIVITY_SORT, nextSort, sortColumn, toActivityListQuery } from './activity-list-query';
import { isFiltered, parseActivityListSearch, type ActivityListSearch } from './activity-search';
import { ActivityViews } from './activity-views';
import { ActivityNoticeBanner } from './activity-notice';
import { organiserKinds, participantKinds, useActorOptions } from './use-actor-options';
import { useCanChangeActivities } from './use-can-edit-activities';
import './activities.css';

/**
 * The activities: search, filter by kind, period, participant and organiser, sort by date,
 * page through — all of it in the URL — and export what the filters show.
 */
export function ActivityListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { paths } = useActivityFeature();
  const canCreate = useCanChangeActivities('create');
  const navigate = useNavigate();
  const search = parseActivityListSearch(useSearch({ strict: false }));
  const view = activityListView(search);
  const query = toActivityListQuery(view, DEFAULT_PAGE_SIZE);

  const activities = useQuery(activityQueries.list(query));
  const organisers = useActorOptions(organiserKinds);
  const participants = useActorOptions(participantKinds);

  // From the URL as it is when the change lands, so two quick changes both count.
  const updateSearch = (changes: Partial<ActivityListSearch>, options: { resetPage?: boolean } = { resetPage: true }) =>
    void navigate({
      to: paths.list,
      search: (previous: Record<string, unknown>) => {
        const next: ActivityListSearch = { ...parseActivityListSearch(previous), ...changes };
        if (options.resetPage) delete next.page;
        for (const key of Object.keys(next) as Array<keyof ActivityListSearch>) {
          if (next[key] === undefined || next[key] === '') delete next[key];
        }
        if (next.sort === DEFAULT_ACTIVITY_SORT) delete next.sort;
        if (next.page === 1) delete next.page;
        return next;
      },
    });

  const [queryText, setQueryText] = useState(search.q ?? '');
  useEffect(() => setQueryText(search.q ?? ''), [search.q]);
  const submitSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    updateSearch({ q: queryText.trim() || undefined });
  };

  const clearFilters = () => void navigate({ to: paths.list, search: search.sort ? { sort: search.sort } : {} });

  const columns: TableColumn<ActivitySummary>[] = [
    {
      key: 'date',
      header: t('activities.list.columns.date'),
      sortable: true,
      cell: (activity) => <ActivityDates startDate={activity.startDate} endDate={activity.endDate} language={language} />,
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

  const page = activities.data;
  const filtered = isFiltered(search);
  const kindOptions = activityKinds
    .map((kind) => ({ value: kind, label: t(`activityKind.${kind}`) }))
    .sort((a, b) => compareNorwegian(a.label, b.label));

  return (
    <Page
      title={t('activities.title')}
      actions={
        <>
          {canCreate && (
            <Link to={paths.create} {...buttonLinkProps('primary')}>
              {t('activities.list.create')}
            </Link>
          )}
          <a href={activityQueries.exportUrl(query, 'csv')} download {...buttonLinkProps('secondary')}>
            {t('activities.list.exportCsv')}
          </a>
          <a href={activityQueries.exportUrl(query, 'xlsx')} download {...buttonLinkProps('secondary')}>
            {t('activities.list.exportXlsx')}
          </a>
        </>
      }
    >
      <ActivityNoticeBanner />
      <ActivityViews filters={{ kind: view.kind, from: view.from, to: view.to, organiser: view.organiser, participant: view.participant }} />
      <p className="ds-paragraph">{t('activities.list.intro')}</p>

      <form className="kb-cluster kb-activity-filters" onSubmit={submitSearch} role="search">
        <TextField type="search" label={t('activities.list.searchLabel')} value={queryText} onChange={(event) => setQueryText(event.target.value)} />
        <Button type="submit" variant="secondary">
          {t('common.search')}
        </Button>
      </form>

      <div className="kb-cluster kb-activity-filters" role="group" aria-label={t('common.filters')}>
        <Select
          label={t('activities.filters.kind')}
          emptyOption={t('activities.filters.allKinds')}
          options={kindOptions}
          value={view.kind ?? ''}
          onChange={(event) => updateSearch({ kind: event.target.value || undefined })}
        />
        <TextField
          type="date"
          label={t('activities.filters.from')}
          value={view.from ?? ''}
          onChange={(event) => isDateOrEmpty(event.target.value) && updateSearch({ from: event.target.value || undefined })}
        />
        <TextField
          type="date"
          label={t('activities.filters.to')}
          value={view.to ?? ''}
          onChange={(event) => isDateOrEmpty(event.target.value) && updateSearch({ to: event.target.value || undefined })}
        />
        <Select
          label={t('activities.filters.participant')}
          emptyOption={t('activities.filters.allParticipants')}
          options={participants.options.map((actor) => ({ value: actor.id, label: actor.name }))}
          value={view.participant ?? ''}
          onChange={(event) => updateSearch({ participant: event.target.value || undefined })}
        />
        <Select
          label={t('activities.filters.organiser')}
          emptyOption={t('activities.filters.allOrganisers')}
          options={organisers.options.map((actor) => ({ value: actor.id, label: actor.name }))}
          value={view.organiser ?? ''}
          onChange={(event) => updateSearch({ organiser: event.target.value || undefined })}
        />
        {filtered && (
          <Button variant="tertiary" onClick={clearFilters}>
            {t('common.clearFilters')}
          </Button>
        )}
      </div>

      <p className="ds-paragraph" role="status">
        {page && !activities.isPlaceholderData
          ? t('activities.list.resultCount', { count: page.total, formattedCount: formatNumber(page.total, language) })
          : ''}
      </p>

      {activities.isError ? (
        <Alert color="danger" heading={t('states.errorTitle')}>
          <p className="ds-paragraph">
            {activities.error instanceof ApiError ? httpErrorText(t, activities.error.status) : t('states.errorBody')}
          </p>
          <Button variant="secondary" onClick={() => void activities.refetch()}>
            {t('common.retry')}
          </Button>
        </Alert>
      ) : page && page.total === 0 ? (
        filtered ? (
          <EmptyState
            title={t('activities.list.noMatchTitle')}
            action={
              <Button variant="secondary" onClick={clearFilters}>
                {t('common.clearFilters')}
              </Button>
            }
          >
            <p className="ds-paragraph">{t('activities.list.noMatchHint')}</p>
          </EmptyState>
        ) : (
          <EmptyState title={t('activities.list.emptyTitle')}>{t('activities.list.emptyBody')}</EmptyState>
        )
      ) : (
        <>
          <DataTable
            caption={t('activities.list.caption')}
            captionHidden
            columns={columns}
            rows={page?.items}
            rowKey={(activity) => activity.id}
            sort={sortColumn(view.sort)}
            onSortChange={(column) => updateSearch({ sort: nextSort(view.sort, column) })}
            busy={activities.isPlaceholderData}
            skeletonRows={DEFAULT_PAGE_SIZE}
          />
          {page && (
            <Pagination
              page={page.page}
              total={page.total}
              range={pageRange(page)}
              onPageChange={(next) => updateSearch({ page: next }, { resetPage: false })}
            />
          )}
        </>
      )}
    </Page>
  );
}

/** A date input holds a whole date or nothing; anything else (a year being typed) waits. */
const isDateOrEmpty = (value: string) => value === '' || /^\d{4}-\d{2}-\d{2}$/.test(value);
