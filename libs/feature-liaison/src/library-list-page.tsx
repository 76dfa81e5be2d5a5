import { liaisonQueries, regionQueries } from '@kompetansebro/api-client';
import { DEFAULT_PAGE_SIZE, groupLibrariesByRegion, keyStudentServices, libraryListQuerySchema, pageRange, type LiaisonLibrary } from '@kompetansebro/domain';
import { formatNumber, useLanguage } from '@kompetansebro/i18n';
import { Button, buttonLinkProps, DataTable, EmptyState, Page, Pagination, QueryError, Select, TextField, useListSearch, type TableColumn } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useLiaisonPaths } from './liaison-feature-context';
import { LibraryServiceList } from './library-service-list';

/** What the URL holds of the libraries list: search, filters and page, and the view (a list, or grouped by region). */
const librarySearchSchema = libraryListQuerySchema.pick({ q: true, service: true, region: true, page: true }).extend({ view: z.enum(['regions']).optional() });

/**
 * The public libraries and branches with the services that matter to students: search, filter
 * by service and region, as a list or grouped by region — all in the URL — and export.
 */
export function LibraryListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const paths = useLiaisonPaths();
  const list = useListSearch(librarySearchSchema, paths.libraries);
  const { view: search } = list;
  const query = { q: search.q, service: search.service, region: search.region, page: search.page, pageSize: DEFAULT_PAGE_SIZE };
  const libraries = useQuery(liaisonQueries.libraries(query));
  const regions = useQuery(regionQueries.list());
  const updateSearch = list.update;

  const [queryText, setQueryText] = useState(search.q ?? '');
  useEffect(() => setQueryText(search.q ?? ''), [search.q]);
  const submitSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    updateSearch({ q: queryText.trim() || undefined });
  };
  // The view is how the list is shown, not a filter: it stays.
  const clearFilters = () => updateSearch({ q: undefined, service: undefined, region: undefined });

  // Two columns, so the services stay in view at 390 px too: where the library is goes under its name.
  const columns: TableColumn<LiaisonLibrary>[] = [
    {
      key: 'name',
      header: t('liaison.libraries.columns.library'),
      rowHeader: true,
      cell: (library) => (
        <>
          <Link className="ds-link" to={paths.library} params={{ id: library.id }}>
            {library.name}
          </Link>
          <br />
          <small>
            {[library.municipalityName, search.view === 'regions' ? null : library.regionName].filter(Boolean).join(', ')}
            {library.parentName && ` – ${t('liaison.libraries.branchOf', { name: library.parentName })}`}
          </small>
        </>
      ),
    },
    { key: 'services', header: t('liaison.libraries.columns.services'), cell: (library) => <LibraryServiceList services={library.services} /> },
  ];

  const page = libraries.data;
  const filtered = Boolean(search.q || search.service || search.region);

  return (
    <Page
      title={t('liaison.libraries.title')}
      actions={
        <>
          <a href={liaisonQueries.librariesExportUrl(query, 'csv')} download {...buttonLinkProps('secondary')}>
            {t('liaison.libraries.exportCsv')}
          </a>
          <a href={liaisonQueries.librariesExportUrl(query, 'xlsx')} download {...buttonLinkProps('secondary')}>
            {t('liaison.libraries.exportXlsx')}
          </a>
        </>
      }
    >
      <p className="ds-paragraph">{t('liaison.libraries.intro')}</p>

      <form className="kb-cluster" onSubmit={submitSearch} role="search">
        <TextField type="search" label={t('liaison.libraries.searchLabel')} value={queryText} onChange={(event) => setQueryText(event.target.value)} />
        <Button type="submit" variant="secondary">
          {t('common.search')}
        </Button>
      </form>

      <div className="kb-cluster" role="group" aria-label={t('common.filters')}>
        <Select
          label={t('liaison.libraries.serviceFilter')}
          emptyOption={t('liaison.libraries.allServices')}
          options={keyStudentServices.map((service) => ({ value: service, label: t(`serviceType.${service}`) }))}
          value={search.service ?? ''}
          onChange={(event) => updateSearch({ service: (event.target.value || undefined) as typeof search.service })}
        />
        <Select
          label={t('liaison.libraries.regionFilter')}
          emptyOption={t('liaison.libraries.allRegions')}
          options={(regions.data?.items ?? []).map((region) => ({ value: region.id, label: region.name }))}
          value={search.region ?? ''}
          onChange={(event) => updateSearch({ region: event.target.value || undefined })}
        />
        <Select
          label={t('liaison.libraries.viewLabel')}
          options={[
            { value: '', label: t('liaison.libraries.viewList') },
            { value: 'regions', label: t('liaison.libraries.viewRegions') },
          ]}
          value={search.view ?? ''}
          onChange={(event) => updateSearch({ view: event.target.value === 'regions' ? 'regions' : undefined }, { resetPage: false })}
        />
        {filtered && (
          <Button variant="tertiary" onClick={clearFilters}>
            {t('common.clearFilters')}
          </Button>
        )}
      </div>

      <p role="status">
        {page && !libraries.isPlaceholderData
          ? t('liaison.libraries.resultCount', { count: page.total, formattedCount: formatNumber(page.total, language) })
          : ''}
      </p>

      {libraries.isError ? (
        <QueryError error={libraries.error} onRetry={() => void libraries.refetch()} />
      ) : page && page.total === 0 ? (
        filtered ? (
          <EmptyState
            title={t('liaison.libraries.noMatchTitle')}
            action={
              <Button variant="secondary" onClick={clearFilters}>
                {t('common.clearFilters')}
              </Button>
            }
          >
            <p className="ds-paragraph">{t('liaison.libraries.noMatchHint')}</p>
          </EmptyState>
        ) : (
          <EmptyState title={t('liaison.libraries.emptyTitle')}>{t('liaison.libraries.emptyBody')}</EmptyState>
        )
      ) : (
        <>
          {search.view === 'regions' && page ? (
            groupLibrariesByRegion(page.items).map((group) => (
              <section key={group.regionId ?? 'none'} aria-labelledby={`region-${group.regionId ?? 'none'}`}>
                <h2 className="ds-heading" data-size="sm" id={`region-${group.regionId ?? 'none'}`}>
                  {group.regionName ?? t('liaison.libraries.noRegion')}
                </h2>
                <p className="ds-paragraph">
                  {t('liaison.libraries.regionCount', { count: group.libraries.length, formattedCount: formatNumber(group.libraries.length, language) })}
                </p>
                <DataTable
                  caption={`${t('liaison.libraries.caption')} – ${group.regionName ?? t('liaison.libraries.noRegion')}`}
                  captionHidden
                  columns={columns}
                  rows={group.libraries}
                  rowKey={(library) => library.id}
                />
              </section>
            ))
          ) : (
            <DataTable
              caption={t('liaison.libraries.caption')}
              captionHidden
              columns={columns}
              rows={page?.items}
              rowKey={(library) => library.id}
              busy={libraries.isPlaceholderData}
              skeletonRows={DEFAULT_PAGE_SIZE}
            />
          )}
          {page && <Pagination page={page.page} total={page.total} range={pageRange(page)} onPageChange={list.setPage} />}
        </>
      )}
    </Page>
  );
}
