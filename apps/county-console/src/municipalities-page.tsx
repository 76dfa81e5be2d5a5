import { ApiError, municipalityQueries } from '@kompetansebro/api-client';
import type { Municipality } from '@kompetansebro/domain';
import { Alert, Button, DataTable, EmptyState, httpErrorText, Page, type TableColumn } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

/** Trøndelag's municipalities with their regions, in Norwegian order (from the API). */
export function MunicipalitiesPage() {
  const { t } = useTranslation();
  const municipalities = useQuery(municipalityQueries.list());

  const columns: TableColumn<Municipality>[] = [
    { key: 'name', header: t('municipalities.columns.name'), rowHeader: true, cell: (municipality) => municipality.name },
    { key: 'number', header: t('municipalities.columns.number'), cell: (municipality) => municipality.number },
    { key: 'region', header: t('municipalities.columns.region'), cell: (municipality) => municipality.regionName ?? t('municipalities.noRegion') },
  ];

  return (
    <Page title={t('municipalities.title')}>
      {municipalities.data && (
        <p className="ds-paragraph">{t('municipalities.intro', { count: municipalities.data.total })}</p>
      )}
      {municipalities.isError ? (
        <Alert color="danger" heading={t('states.errorTitle')}>
          <p className="ds-paragraph">
            {municipalities.error instanceof ApiError ? httpErrorText(t, municipalities.error.status) : t('states.errorBody')}
          </p>
          <Button variant="secondary" onClick={() => void municipalities.refetch()}>
            {t('common.retry')}
          </Button>
        </Alert>
      ) : municipalities.data?.total === 0 ? (
        <EmptyState title={t('municipalities.empty')} />
      ) : (
        <DataTable
          caption={t('municipalities.caption')}
          columns={columns}
          rows={municipalities.data?.items}
          rowKey={(municipality) => municipality.number}
          skeletonRows={38}
        />
      )}
    </Page>
  );
}
