import { liaisonQueries, regionQueries } from '@kompetansebro/api-client';
import { DEFAULT_PAGE_SIZE, groupLibrariesByRegion, keyStudentServices, municipalityAndRegion, libraryListQuerySchema, type LiaisonLibrary } from '@kompetansebro/domain';
import { formatNumber, useLanguage } from '@kompetansebro/i18n';
import { DataTable, ListScreen, Select, useListSearch, type TableColumn } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
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
            {municipalityAndRegion(library.municipalityName, search.view === 'regions' ? null : library.regionName)}
            {library.parentName && ` – ${t('liaison.libraries.branchOf', { name: library.parentName })}`}
          </small>
        </>
      ),
    },
    { key: 'services', header: t('liaison.libraries.columns.services'), cell: (library) => <LibraryServiceList services={library.services} /> },
  ];

  const page = libraries.data;

  return (
    <ListScreen
      title={t('liaison.libraries.title')}
      exports={[
        { href: liaisonQueries.librariesExportUrl(query, 'csv'), label: t('common.exportCsv') },
        { href: liaisonQueries.librariesExportUrl(query, 'xlsx'), label: t('common.exportXlsx') },
      ]}
      intro={t('liaison.libraries.intro')}
      list={list}
      searchLabel={t('liaison.libraries.searchLabel')}
      filters={
        <>
          <Select
            label={t('liaison.libraries.serviceFilter')}
            emptyOption={t('liaison.libraries.allServices')}
            options={keyStudentServices.map((service) => ({ value: service, label: t(`serviceType.${service}`) }))}
            value={search.service ?? ''}
            onChange={(event) => list.update({ service: (event.target.value || undefined) as typeof search.service })}
          />
          <Select
            label={t('liaison.libraries.regionFilter')}
            emptyOption={t('liaison.libraries.allRegions')}
            options={(regions.data?.items ?? []).map((region) => ({ value: region.id, label: region.name }))}
            value={search.region ?? ''}
            onChange={(event) => list.update({ region: event.target.value || undefined })}
          />
          <Select
            label={t('liaison.libraries.viewLabel')}
            options={[
              { value: '', label: t('liaison.libraries.viewList') },
              { value: 'regions', label: t('liaison.libraries.viewRegions') },
            ]}
            value={search.view ?? ''}
            onChange={(event) => list.update({ view: event.target.value === 'regions' ? 'regions' : undefined }, { resetPage: false })}
          />
        </>
      }
      result={libraries}
      resultCount={(total) => t('liaison.libraries.resultCount', { count: total, formattedCount: formatNumber(total, language) })}
      resultCountVisible
      caption={t('liaison.libraries.caption')}
      columns={columns}
      rowKey={(library) => library.id}
      rows={
        search.view === 'regions' && page
          ? groupLibrariesByRegion(page.items).map((group) => (
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
          : undefined
      }
      noMatch={{ title: t('liaison.libraries.noMatchTitle'), body: t('liaison.libraries.noMatchHint') }}
      empty={{ title: t('liaison.libraries.emptyTitle'), body: t('liaison.libraries.emptyBody') }}
      pageSize={DEFAULT_PAGE_SIZE}
    />
  );
}
