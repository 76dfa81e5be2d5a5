import { ApiError, initiativeQueries } from '@kompetansebro/api-client';
import {
  compareNorwegian,
  DEFAULT_PAGE_SIZE,
  initiativeKindSchema,
  initiativeKinds,
  initiativeListQuerySchema,
  initiativePeriods,
  initiativePeriodSchema,
  pageRange,
  thematicAreas,
  thematicAreaSchema,
  type InitiativeListQuery,
  type InitiativeSummary,
} from '@kompetansebro/domain';
import { formatAmount, formatNumber, useLanguage } from '@kompetansebro/i18n';
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
import type { z } from 'zod';
import { useInitiativeFeature } from './initiative-feature-context';
import { isFiltered, parseInitiativeListSearch, type InitiativeListSearch } from './initiative-search';
import { PeriodText } from './period-text';

type InitiativeSort = InitiativeListQuery['sort'];
const sortSchema = initiativeListQuerySchema.shape.sort.unwrap();
const DEFAULT_SORT: InitiativeSort = 'title';

function valid<T>(schema: z.ZodType<T>, value: string | undefined): T | undefined {
  const parsed = schema.safeParse(value);
  return value !== undefined && parsed.success ? parsed.data : undefined;
}

/** The initiatives: search, filter by kind, period and thematic area, sort, page — all in the URL — and export. */
export function InitiativeListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { paths } = useInitiativeFeature();
  const navigate = useNavigate();
  const search = parseInitiativeListSearch(useSearch({ strict: false }));
  const view = {
    q: search.q,
    kind: valid(initiativeKindSchema, search.kind),
    period: valid(initiativePeriodSchema, search.period),
    theme: valid(thematicAreaSchema, search.theme),
    sort: valid(sortSchema, search.sort) ?? DEFAULT_SORT,
    page: search.page ?? 1,
  };
  const query = { ...view, pageSize: DEFAULT_PAGE_SIZE };
  const initiatives = useQuery(initiativeQueries.list(query));

  const updateSearch = (changes: Partial<InitiativeListSearch>, options: { resetPage?: boolean } = { resetPage: true }) => {
    const next: InitiativeListSearch = { ...search, ...changes };
    if (options.resetPage) delete next.page;
    for (const key of Object.keys(next) as Array<keyof InitiativeListSearch>) {
      if (next[key] === undefined || next[key] === '') delete next[key];
    }
    if (next.sort === DEFAULT_SORT) delete next.sort;
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

  const sortState = view.sort.startsWith('-')
    ? { column: view.sort.slice(1), direction: 'descending' as const }
    : { column: view.sort, direction: 'ascending' as const };
  const nextSort = (column: string): InitiativeSort => {
    const parsed = sortSchema.safeParse(sortState.column === column && sortState.direction === 'ascending' ? `-${column}` : column);
    return parsed.success ? parsed.data : DEFAULT_SORT;
  };

  const columns: TableColumn<InitiativeSummary>[] = [
    {
      key: 'title',
      header: t('initiatives.list.columns.title'),
      sortable: true,
      rowHeader: true,
      cell: (initiative) => (
        <Link className="ds-link" to={paths.detail} params={{ id: initiative.id }}>
          {initiative.title}
        </Link>
      ),
    },
    { key: 'kind', header: t('initiatives.list.columns.kind'), cell: (initiative) => t(`initiatives.kind.${initiative.kind}`) },
    {
      key: 'start',
      header: t('initiatives.list.columns.period'),
      sortable: true,
      cell: (initiative) => <PeriodText start={initiative.startDate} end={initiative.currentEndDate} />,
    },
    {
      key: 'remaining',
      header: t('initiatives.list.columns.remaining'),
      cell: (initiative) => (initiative.remainingFunds === null ? '–' : formatAmount(initiative.remainingFunds, language)),
    },
    {
      key: 'planItems',
      header: t('initiatives.list.columns.planItems'),
      cell: (initiative) => formatNumber(initiative.planItemCount, language),
    },
  ];

  const page = initiatives.data;
  const filtered = isFiltered(search);

  return (
    <Page
      title={t('initiatives.list.title')}
      actions={
        <>
          <Link to={paths.portfolio} {...buttonLinkProps('secondary')}>
            {t('initiatives.list.portfolioLink')}
          </Link>
          <a href={initiativeQueries.exportUrl(query, 'csv')} download {...buttonLinkProps('secondary')}>
            {t('initiatives.list.exportCsv')}
          </a>
          <a href={initiativeQueries.exportUrl(query, 'xlsx')} download {...buttonLinkProps('secondary')}>
            {t('initiatives.list.exportXlsx')}
          </a>
        </>
      }
    >
      <p className="ds-paragraph">{t('initiatives.list.intro')}</p>

      <form className="kb-cluster" onSubmit={submitSearch} role="search">
        <TextField type="search" label={t('initiatives.list.searchLabel')} value={queryText} onChange={(event) => setQueryText(event.target.value)} />
        <Button type="submit" variant="secondary">
          {t('common.search')}
        </Button>
      </form>

      <div className="kb-cluster" role="group" aria-label={t('common.filters')}>
        <Select
          label={t('initiatives.list.kindFilter')}
          emptyOption={t('initiatives.list.allKinds')}
          options={initiativeKinds.map((kind) => ({ value: kind, label: t(`initiatives.kind.${kind}`) })).sort((a, b) => compareNorwegian(a.label, b.label))}
          value={view.kind ?? ''}
          onChange={(event) => updateSearch({ kind: event.target.value || undefined })}
        />
        <Select
          label={t('initiatives.list.periodFilter')}
          emptyOption={t('initiatives.list.allPeriods')}
          options={initiativePeriods.map((period) => ({ value: period, label: t(`initiatives.period.${period}`) }))}
          value={view.period ?? ''}
          onChange={(event) => updateSearch({ period: event.target.value || undefined })}
        />
        <Select
          label={t('initiatives.list.themeFilter')}
          emptyOption={t('initiatives.list.allThemes')}
          options={thematicAreas.map((theme) => ({ value: theme, label: t(`thematicArea.${theme}`) })).sort((a, b) => compareNorwegian(a.label, b.label))}
          value={view.theme ?? ''}
          onChange={(event) => updateSearch({ theme: event.target.value || undefined })}
        />
        {filtered && (
          <Button variant="tertiary" onClick={clearFilters}>
            {t('common.clearFilters')}
          </Button>
        )}
      </div>

      <p className="ds-sr-only" role="status">
        {page && !initiatives.isPlaceholderData ? t('initiatives.list.resultCount', { count: page.total, formattedCount: formatNumber(page.total, language) }) : ''}
      </p>

      {initiatives.isError ? (
        <Alert color="danger" heading={t('states.errorTitle')}>
          <p className="ds-paragraph">{initiatives.error instanceof ApiError ? httpErrorText(t, initiatives.error.status) : t('states.errorBody')}</p>
          <Button variant="secondary" onClick={() => void initiatives.refetch()}>
            {t('common.retry')}
          </Button>
        </Alert>
      ) : page && page.total === 0 ? (
        filtered ? (
          <EmptyState
            title={t('initiatives.list.noMatchTitle')}
            action={
              <Button variant="secondary" onClick={clearFilters}>
                {t('common.clearFilters')}
              </Button>
            }
          >
            <p className="ds-paragraph">{t('initiatives.list.noMatchHint')}</p>
          </EmptyState>
        ) : (
          <EmptyState title={t('initiatives.list.emptyTitle')}>{t('initiatives.list.emptyBody')}</EmptyState>
        )
      ) : (
        <>
          <DataTable
            caption={t('initiatives.list.caption')}
            captionHidden
            columns={columns}
            rows={page?.items}
            rowKey={(initiative) => initiative.id}
            sort={sortState}
            onSortChange={(column) => updateSearch({ sort: nextSort(column) })}
            busy={initiatives.isPlaceholderData}
            skeletonRows={DEFAULT_PAGE_SIZE}
          />
          {page && <Pagination page={page.page} total={page.total} range={pageRange(page)} onPageChange={(next) => updateSearch({ page: next }, { resetPage: false })} />}
        </>
      )}
    </Page>
  );
}
