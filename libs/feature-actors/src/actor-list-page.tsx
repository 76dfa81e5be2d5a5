import { actorQueries, ApiError, municipalityQueries, regionQueries } from '@kompetansebro/api-client';
import { actorKinds, compareNorwegian, DEFAULT_PAGE_SIZE, pageRange, type ActorSummary } from '@kompetansebro/domain';
import { formatDate, formatNumber, useLanguage } from '@kompetansebro/i18n';
import {
  Alert,
  Button,
  buttonLinkProps,
  DataTable,
  EmptyState,
  Page,
  Pagination,
  Select,
  StatusTag,
  TextField,
  httpErrorText,
  type TableColumn,
} from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useActorFeature } from './actor-feature-context';
import { useCanEditActors } from './use-can-edit-actors';
import { actorListView, DEFAULT_ACTOR_SORT, nextSort, sortColumn, toActorListQuery } from './actor-list-query';
import { isFiltered, parseActorListSearch, type ActorListSearch } from './actor-list-search';

/**
 * The actor register: search, filter by kind, municipality and region, sort by column, page
 * through — all of it in the URL. Loading keeps the table's shape; empty and failed lists
 * say why and what to do.
 */
export function ActorListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { paths } = useActorFeature();
  const canEdit = useCanEditActors();
  const navigate = useNavigate();
  const search = parseActorListSearch(useSearch({ strict: false }));
  const view = actorListView(search);

  const actors = useQuery(actorQueries.list(toActorListQuery(view, DEFAULT_PAGE_SIZE)));
  const municipalities = useQuery(municipalityQueries.list());
  const regions = useQuery(regionQueries.list());

  const updateSearch = (changes: Partial<ActorListSearch>, options: { resetPage?: boolean } = { resetPage: true }) => {
    const next: ActorListSearch = { ...search, ...changes };
    if (options.resetPage) delete next.page;
    for (const key of Object.keys(next) as Array<keyof ActorListSearch>) {
      if (next[key] === undefined || next[key] === '') delete next[key];
    }
    if (next.sort === DEFAULT_ACTOR_SORT) delete next.sort;
    if (next.page === 1) delete next.page;
    void navigate({ to: paths.list, search: next });
  };

  // The text box follows the URL (back button, "clear filters"), and is sent on submit.
  const [queryText, setQueryText] = useState(search.q ?? '');
  useEffect(() => setQueryText(search.q ?? ''), [search.q]);

  const submitSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    updateSearch({ q: queryText.trim() || undefined });
  };

  const clearFilters = () => void navigate({ to: paths.list, search: search.sort ? { sort: search.sort } : {} });

  const sort = view.sort;
  const columns: TableColumn<ActorSummary>[] = [
    {
      key: 'name',
      header: t('actors.list.columns.name'),
      sortable: true,
      rowHeader: true,
      cell: (actor) => (
        <>
          <Link className="ds-link" to={paths.detail} params={{ id: actor.id }}>
            {actor.name}
          </Link>
          {actor.archivedAt && (
            <>
              {' '}
              <StatusTag color="warning">{t('actors.list.archivedTag')}</StatusTag>
            </>
          )}
        </>
      ),
    },
    { key: 'kind', header: t('actors.list.columns.kind'), sortable: true, cell: (actor) => t(`actorKind.${actor.kind}`) },
    {
      key: 'municipality',
      header: t('actors.list.columns.municipality'),
      sortable: true,
      cell: (actor) => actor.municipalityName ?? '–',
    },
    {
      key: 'updated',
      header: t('actors.list.columns.updated'),
      sortable: true,
      cell: (actor) => <time dateTime={actor.updatedAt}>{formatDate(actor.updatedAt, language)}</time>,
    },
  ];

  const page = actors.data;
  const filtered = isFiltered(search);

  return (
    <Page
      title={t('actors.list.title')}
      actions={
        <>
          {canEdit && (
            <Link to={paths.create} {...buttonLinkProps('primary')}>
              {t('actors.list.newActor')}
            </Link>
          )}
          {/* What the filters show, every page of it. */}
          <a href={actorQueries.exportUrl(toActorListQuery(view), 'csv')} download {...buttonLinkProps('secondary')}>
            {t('actors.list.exportCsv')}
          </a>
          <a href={actorQueries.exportUrl(toActorListQuery(view), 'xlsx')} download {...buttonLinkProps('secondary')}>
            {t('actors.list.exportXlsx')}
          </a>
        </>
      }
    >
      <p className="ds-paragraph">{t('actors.list.intro')}</p>

      <form className="kb-cluster" onSubmit={submitSearch} role="search">
        <TextField
          type="search"
          label={t('actors.list.searchLabel')}
          description={t('actors.list.searchHelp')}
          value={queryText}
          onChange={(event) => setQueryText(event.target.value)}
        />
        <Button type="submit" variant="secondary">
          {t('common.search')}
        </Button>
      </form>

      <div className="kb-cluster" role="group" aria-label={t('common.filters')}>
        <Select
          label={t('actors.list.kindFilter')}
          emptyOption={t('actors.list.allKinds')}
          options={actorKinds
            .map((kind) => ({ value: kind, label: t(`actorKind.${kind}`) }))
            .sort((a, b) => compareNorwegian(a.label, b.label))}
          value={view.kind ?? ''}
          onChange={(event) => updateSearch({ kind: event.target.value || undefined })}
        />
        <Select
          label={t('actors.list.regionFilter')}
          emptyOption={t('actors.list.allRegions')}
          options={(regions.data?.items ?? []).map((region) => ({ value: region.id, label: region.name }))}
          value={view.region ?? ''}
          onChange={(event) => updateSearch({ region: event.target.value || undefined, municipality: undefined })}
        />
        <Select
          label={t('actors.list.municipalityFilter')}
          emptyOption={t('actors.list.allMunicipalities')}
          options={(municipalities.data?.items ?? [])
            .filter((municipality) => !view.region || municipality.regionId === view.region)
            .map((municipality) => ({ value: municipality.number, label: municipality.name }))}
          value={view.municipality ?? ''}
          onChange={(event) => updateSearch({ municipality: event.target.value || undefined })}
        />
        {filtered && (
          <Button variant="tertiary" onClick={clearFilters}>
            {t('common.clearFilters')}
          </Button>
        )}
      </div>

      {/* Announces the outcome of each search or filter without moving focus. */}
      <p className="ds-sr-only" role="status">
        {page && !actors.isPlaceholderData ? t('actors.list.resultCount', { count: page.total, formattedCount: formatNumber(page.total, language) }) : ''}
      </p>

      {actors.isError ? (
        <Alert color="danger" heading={t('states.errorTitle')}>
          <p className="ds-paragraph">
            {actors.error instanceof ApiError ? httpErrorText(t, actors.error.status) : t('states.errorBody')}
          </p>
          <Button variant="secondary" onClick={() => void actors.refetch()}>
            {t('common.retry')}
          </Button>
        </Alert>
      ) : page && page.total === 0 ? (
        filtered ? (
          <EmptyState
            title={t('actors.list.noMatchTitle')}
            action={
              <Button variant="secondary" onClick={clearFilters}>
                {t('common.clearFilters')}
              </Button>
            }
          >
            <p className="ds-paragraph">
              {view.q ? t('actors.list.noMatchQuery', { query: view.q }) : t('actors.list.noMatchFilters')}{' '}
              {t('actors.list.noMatchHint')}
            </p>
          </EmptyState>
        ) : (
          <EmptyState
            title={t('actors.list.emptyTitle')}
            action={
              canEdit && (
                <Link to={paths.create} {...buttonLinkProps('primary')}>
                  {t('actors.list.newActor')}
                </Link>
              )
            }
          >
            {t('actors.list.emptyBody')}
          </EmptyState>
        )
      ) : (
        <>
          <DataTable
            caption={t('actors.list.caption')}
            captionHidden
            columns={columns}
            rows={page?.items}
            rowKey={(actor) => actor.id}
            sort={sortColumn(sort)}
            onSortChange={(column) => updateSearch({ sort: nextSort(sort, column) })}
            busy={actors.isPlaceholderData}
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
