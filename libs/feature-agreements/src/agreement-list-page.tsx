import { actorQueries, agreementQueries, ApiError, regionQueries } from '@kompetansebro/api-client';
import { agreementKinds, agreementStatuses, compareNorwegian, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageRange, type AgreementSummary } from '@kompetansebro/domain';
import { formatDate, formatNumber, useLanguage } from '@kompetansebro/i18n';
import {
  agreementStatusColor,
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
import { useAgreementFeature } from './agreement-feature-context';
import { agreementListView, DEFAULT_AGREEMENT_SORT, nextSort, sortColumn, toAgreementListQuery } from './agreement-list-query';
import { isFiltered, parseAgreementListSearch, type AgreementListSearch } from './agreement-list-search';
import { useCanCreateAgreements } from './use-can-create-agreements';

/**
 * The agreements: search, filter by status, kind, party and region, sort by column, page
 * through — all of it in the URL — and export what the filters show.
 */
export function AgreementListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { paths, listFilters } = useAgreementFeature();
  const showPartyAndRegion = listFilters?.partyAndRegion ?? true;
  const canCreate = useCanCreateAgreements();
  const navigate = useNavigate();
  const search = parseAgreementListSearch(useSearch({ strict: false }));
  const view = agreementListView(search);
  const query = toAgreementListQuery(view, DEFAULT_PAGE_SIZE);

  const agreements = useQuery(agreementQueries.list(query));
  const regions = useQuery({ ...regionQueries.list(), enabled: showPartyAndRegion });
  const studyCentres = useQuery({ ...actorQueries.list({ kind: 'study_centre', pageSize: MAX_PAGE_SIZE }), enabled: showPartyAndRegion });

  const updateSearch = (changes: Partial<AgreementListSearch>, options: { resetPage?: boolean } = { resetPage: true }) => {
    const next: AgreementListSearch = { ...search, ...changes };
    if (options.resetPage) delete next.page;
    for (const key of Object.keys(next) as Array<keyof AgreementListSearch>) {
      if (next[key] === undefined || next[key] === '') delete next[key];
    }
    if (next.sort === DEFAULT_AGREEMENT_SORT) delete next.sort;
    if (next.page === 1) delete next.page;
    void navigate({ to: paths.list, search: next });
  };

  const [queryText, setQueryText] = useState(search.q ?? '');
  useEffect(() => setQueryText(search.q ?? ''), [search.q]);

  const submitSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    updateSearch({ q: queryText.trim() || undefined });
  };

  const clearFilters = () => void navigate({ to: paths.list, search: search.sort ? { sort: search.sort } : {} });

  const columns: TableColumn<AgreementSummary>[] = [
    {
      key: 'title',
      header: t('agreements.list.columns.title'),
      sortable: true,
      rowHeader: true,
      cell: (agreement) => (
        <Link className="ds-link" to={paths.detail} params={{ id: agreement.id }}>
          {agreement.title}
        </Link>
      ),
    },
    {
      key: 'status',
      header: t('agreements.list.columns.status'),
      sortable: true,
      cell: (agreement) => <StatusTag color={agreementStatusColor[agreement.status]}>{t(`agreementStatus.${agreement.status}`)}</StatusTag>,
    },
    { key: 'kind', header: t('agreements.list.columns.kind'), cell: (agreement) => t(`agreementKind.${agreement.kind}`) },
    {
      key: 'parties',
      header: t('agreements.list.columns.parties'),
      cell: (agreement) => agreement.parties.map((party) => party.actorName).join(', '),
    },
    {
      key: 'start',
      header: t('agreements.list.columns.start'),
      sortable: true,
      cell: (agreement) => (agreement.startDate ? <time dateTime={agreement.startDate}>{formatDate(agreement.startDate, language)}</time> : '–'),
    },
    {
      key: 'end',
      header: t('agreements.list.columns.end'),
      sortable: true,
      cell: (agreement) => (agreement.endDate ? <time dateTime={agreement.endDate}>{formatDate(agreement.endDate, language)}</time> : '–'),
    },
  ];

  const page = agreements.data;
  const filtered = isFiltered(search);

  return (
    <Page
      title={t('agreements.list.title')}
      actions={
        <>
          {canCreate && (
            <Link to={paths.create} {...buttonLinkProps('primary')}>
              {t('agreements.list.newAgreement')}
            </Link>
          )}
          <a href={agreementQueries.exportUrl(query, 'csv')} download {...buttonLinkProps('secondary')}>
            {t('agreements.list.exportCsv')}
          </a>
          <a href={agreementQueries.exportUrl(query, 'xlsx')} download {...buttonLinkProps('secondary')}>
            {t('agreements.list.exportXlsx')}
          </a>
        </>
      }
    >
      <p className="ds-paragraph">{t('agreements.list.intro')}</p>

      <form className="kb-cluster" onSubmit={submitSearch} role="search">
        <TextField
          type="search"
          label={t('agreements.list.searchLabel')}
          value={queryText}
          onChange={(event) => setQueryText(event.target.value)}
        />
        <Button type="submit" variant="secondary">
          {t('common.search')}
        </Button>
      </form>

      <div className="kb-cluster" role="group" aria-label={t('common.filters')}>
        <Select
          label={t('agreements.list.statusFilter')}
          emptyOption={t('agreements.list.allStatuses')}
          options={agreementStatuses.map((status) => ({ value: status, label: t(`agreementStatus.${status}`) }))}
          value={view.status ?? ''}
          onChange={(event) => updateSearch({ status: event.target.value || undefined })}
        />
        <Select
          label={t('agreements.list.kindFilter')}
          emptyOption={t('agreements.list.allKinds')}
          options={agreementKinds
            .map((kind) => ({ value: kind, label: t(`agreementKind.${kind}`) }))
            .sort((a, b) => compareNorwegian(a.label, b.label))}
          value={view.kind ?? ''}
          onChange={(event) => updateSearch({ kind: event.target.value || undefined })}
        />
        {showPartyAndRegion && (
          <>
        <Select
          label={t('agreements.list.partyFilter')}
          emptyOption={t('agreements.list.allParties')}
          options={(studyCentres.data?.items ?? []).map((actor) => ({ value: actor.id, label: actor.name }))}
          value={view.party ?? ''}
          onChange={(event) => updateSearch({ party: event.target.value || undefined })}
        />
        <Select
          label={t('agreements.list.regionFilter')}
          emptyOption={t('agreements.list.allRegions')}
          options={(regions.data?.items ?? []).map((region) => ({ value: region.id, label: region.name }))}
          value={view.region ?? ''}
          onChange={(event) => updateSearch({ region: event.target.value || undefined })}
        />
          </>
        )}
        {filtered && (
          <Button variant="tertiary" onClick={clearFilters}>
            {t('common.clearFilters')}
          </Button>
        )}
      </div>

      <p className="ds-sr-only" role="status">
        {page && !agreements.isPlaceholderData
          ? t('agreements.list.resultCount', { count: page.total, formattedCount: formatNumber(page.total, language) })
          : ''}
      </p>

      {agreements.isError ? (
        <Alert color="danger" heading={t('states.errorTitle')}>
          <p className="ds-paragraph">
            {agreements.error instanceof ApiError ? httpErrorText(t, agreements.error.status) : t('states.errorBody')}
          </p>
          <Button variant="secondary" onClick={() => void agreements.refetch()}>
            {t('common.retry')}
          </Button>
        </Alert>
      ) : page && page.total === 0 ? (
        filtered ? (
          <EmptyState
            title={t('agreements.list.noMatchTitle')}
            action={
              <Button variant="secondary" onClick={clearFilters}>
                {t('common.clearFilters')}
              </Button>
            }
          >
            <p className="ds-paragraph">{t('agreements.list.noMatchHint')}</p>
          </EmptyState>
        ) : (
          <EmptyState title={t('agreements.list.emptyTitle')}>{t('agreements.list.emptyBody')}</EmptyState>
        )
      ) : (
        <>
          <DataTable
            caption={t('agreements.list.caption')}
            captionHidden
            columns={columns}
            rows={page?.items}
            rowKey={(agreement) => agreement.id}
            sort={sortColumn(view.sort)}
            onSortChange={(column) => updateSearch({ sort: nextSort(view.sort, column) })}
            busy={agreements.isPlaceholderData}
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
