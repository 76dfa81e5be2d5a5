import { coverageQueries, regionQueries } from '@kompetansebro/api-client';
import { isoDateSchema, serviceMatrix, type Coverage, type ServiceCellStatus } from '@kompetansebro/domain';
import { formatDate, formatNumber, useLanguage } from '@kompetansebro/i18n';
import { EmptyState, LoadingState, Page, QueryError, RecordLink, Select, StatusTag, TextField, useListSearch } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Fragment } from 'react';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { useCoverageFeature } from './coverage-feature-context';

/** The coverage screen's state in the URL: the region shown (checked against the regions below), and the day it is for (none: today). */
const coverageSearchSchema = z.object({ region: z.string().optional(), asOf: isoDateSchema.optional().catch(undefined) });

/**
 * Coverage of a region (chosen in the URL): for each municipality its libraries, covered by
 * a binding agreement or a gap (text and colour), which agreement and which services; the
 * gaps listed; the share covered.
 */
export function CoveragePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { paths } = useCoverageFeature();
  const { view: search, update } = useListSearch(coverageSearchSchema, paths.coverage);
  const regions = useQuery(regionQueries.list());
  const regionIds = (regions.data?.items ?? []).map((region) => region.id);
  const region = search.region && (regions.isPending || regionIds.includes(search.region)) ? search.region : undefined;
  const coverage = useQuery({ ...coverageQueries.byRegion(region ?? '', search.asOf), enabled: region !== undefined });
  const regionName = regions.data?.items.find((item) => item.id === region)?.name;

  return (
    <Page title={t('coverage.title')}>
      <p className="ds-paragraph">{t('coverage.intro')}</p>
      <div className="kb-cluster">
        <Select
          label={t('coverage.regionLabel')}
          emptyOption={t('coverage.chooseRegion')}
          options={(regions.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
          value={region ?? ''}
          onChange={(event) => update({ region: event.target.value || undefined })}
        />
        <TextField
          type="date"
          label={t('coverage.asOfLabel')}
          description={t('coverage.asOfHelp')}
          value={search.asOf ?? ''}
          onChange={(event) => update({ asOf: isoDateSchema.safeParse(event.target.value).data })}
        />
      </div>
      {search.asOf && <p className="ds-paragraph">{t('coverage.asOfShown', { date: formatDate(search.asOf, language) })}</p>}

      {region === undefined ? (
        <EmptyState title={t('coverage.noRegionTitle')}>{t('coverage.noRegionBody')}</EmptyState>
      ) : coverage.isPending ? (
        <LoadingState />
      ) : coverage.isError ? (
        <QueryError error={coverage.error} onRetry={() => void coverage.refetch()} />
      ) : (
        <>
          <CoverageView coverage={coverage.data} regionName={regionName ?? ''} />
          <ServiceMatrix coverage={coverage.data} regionName={regionName ?? ''} />
        </>
      )}
    </Page>
  );
}

function CoverageView({ coverage, regionName }: { coverage: Coverage; regionName: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { paths } = useCoverageFeature();
  const { summary, gaps } = coverage;
  const percent = formatNumber(Math.round(summary.share * 100), language);

  return (
    <>
      <p className="ds-paragraph" role="status">
        {t('coverage.share', {
          region: regionName,
          covered: formatNumber(summary.coveredMunicipalities, language),
          total: formatNumber(summary.municipalities, language),
          percent,
        })}
      </p>

      <section aria-labelledby="coverage-gaps" className="kb-stack">
        <h2 className="ds-heading" data-size="sm" id="coverage-gaps">
          {t('coverage.gapsTitle')}
        </h2>
        {gaps.municipalities.length === 0 && gaps.libraries.length === 0 ? (
          <p className="ds-paragraph">{t('coverage.noGaps')}</p>
        ) : (
          <>
            {gaps.municipalities.length > 0 && (
              <p className="ds-paragraph">
                {t('coverage.gapMunicipalities')} {gaps.municipalities.map((municipality) => municipality.name).join(', ')}
              </p>
            )}
            {gaps.libraries.length > 0 && (
              <ul>
                {gaps.libraries.map((library) => (
                  <li key={library.id}><RecordLink to={paths.actor} id={library.id}>{library.name}</RecordLink></li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="coverage-table" className="kb-stack">
        <h2 className="ds-heading" data-size="sm" id="coverage-table">
          {t('coverage.tableTitle')}
        </h2>
        <div className="kb-table-scroll" tabIndex={0} role="region" aria-labelledby="coverage-table">
          <table className="ds-table" data-border="true">
            <thead>
              <tr>
                <th scope="col">{t('coverage.columns.municipality')}</th>
                <th scope="col">{t('coverage.columns.library')}</th>
                <th scope="col">{t('coverage.columns.status')}</th>
                <th scope="col">{t('coverage.columns.agreements')}</th>
                <th scope="col">{t('coverage.columns.services')}</th>
              </tr>
            </thead>
            <tbody>
              {coverage.municipalities.map((municipality) => (
                <Fragment key={municipality.number}>
                  {municipality.libraries.length === 0 ? (
                    <tr>
                      <th scope="row">{municipality.name}</th>
                      <td colSpan={4}>{t('coverage.noLibrary')}</td>
                    </tr>
                  ) : (
                    municipality.libraries.map((library, index) => (
                      <tr key={library.id}>
                        {index === 0 && (
                          <th scope="rowgroup" rowSpan={municipality.libraries.length}>
                            {municipality.name}
                          </th>
                        )}
                        <td><RecordLink to={paths.actor} id={library.id}>{library.name}</RecordLink></td>
                        <td>
                          <StatusTag color={library.covered ? 'success' : 'danger'}>
                            {library.covered ? t('coverage.covered') : t('coverage.gap')}
                          </StatusTag>
                          {library.coveredThroughMainLibrary && <> {t('coverage.throughMainLibrary')}</>}
                        </td>
                        <td>
                          {library.agreements.length === 0
                            ? '–'
                            : library.agreements.map((agreement, i) => (
                                <Fragment key={agreement.id}>
                                  {i > 0 && ', '}
                                  <Link className="ds-link" to={paths.agreement} params={{ id: agreement.id }}>
                                    {agreement.title}
                                  </Link>
                                </Fragment>
                              ))}
                        </td>
                        <td>
                          {library.committedServices.length === 0
                            ? '–'
                            : library.committedServices.map((type) => t(`serviceType.${type}`)).join(', ')}
                        </td>
                      </tr>
                    ))
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

/** The municipality stays in view while the services scroll sideways (narrow screens). */
const stickyColumn = { position: 'sticky', insetInlineStart: 0, zIndex: 1, background: 'var(--ds-color-neutral-background-default)' } as const;

const cellColor: Record<ServiceCellStatus, 'success' | 'warning' | 'danger'> = { committed: 'success', offered: 'warning', none: 'danger' };

/**
 * Municipality × service: for each service students need, which library gives it and under
 * which agreement, or that it is offered without one, or not at all (text, not colour alone).
 * Wide: a labelled scroll container the keyboard can reach.
 */
function ServiceMatrix({ coverage, regionName }: { coverage: Coverage; regionName: string }) {
  const { t } = useTranslation();
  const { paths } = useCoverageFeature();
  const rows = serviceMatrix(coverage);
  const types = rows[0]?.cells.map((cell) => cell.type) ?? [];

  return (
    <section aria-labelledby="coverage-matrix" className="kb-stack">
      <h2 className="ds-heading" data-size="sm" id="coverage-matrix">
        {t('coverage.matrix.title')}
      </h2>
      <p className="ds-paragraph">{t('coverage.matrix.intro')}</p>
      <p className="ds-paragraph" data-size="sm">
        {t('coverage.matrix.legend')}
      </p>
      {rows.length === 0 ? (
        <p className="ds-paragraph">{t('coverage.matrix.empty')}</p>
      ) : (
        <div className="kb-table-scroll" tabIndex={0} role="region" aria-label={t('coverage.matrix.scrollLabel')}>
          <table className="ds-table" data-border="true" data-size="sm">
            <caption className="ds-sr-only">{t('coverage.matrix.caption', { region: regionName })}</caption>
            <thead>
              <tr>
                <th scope="col" style={stickyColumn}>
                  {t('coverage.matrix.municipality')}
                </th>
                {types.map((type) => (
                  <th scope="col" key={type}>
                    {t(`serviceType.${type}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.number}>
                  <th scope="row" style={stickyColumn}>
                    {row.name}
                  </th>
                  {row.cells.map((cell) => (
                    <td key={cell.type} style={{ verticalAlign: 'top', minWidth: '7.5rem' }}>
                      <StatusTag color={cellColor[cell.status]}>{t(`coverage.matrix.${cell.status}`)}</StatusTag>
                      {cell.providers.length > 0 && (
                        <ul style={{ margin: 0, padding: 0, listStyle: 'none' }}>
                          {cell.providers.map((provider) => (
                            <li key={provider.libraryId}>
                              <RecordLink to={paths.actor} id={provider.libraryId}>{provider.libraryName}</RecordLink>
                              {provider.agreements.map((agreement) => (
                                <Fragment key={agreement.id}>
                                  {', '}
                                  <Link className="ds-link" to={paths.agreement} params={{ id: agreement.id }}>
                                    {t('coverage.matrix.agreement', { title: agreement.title })}
                                  </Link>
                                </Fragment>
                              ))}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
