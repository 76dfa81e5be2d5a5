import { surveyQueries } from '@kompetansebro/api-client';
import { DEFAULT_PAGE_SIZE, pageRange, responseRate, surveyListQuerySchema, type Survey } from '@kompetansebro/domain';
import { formatDate, formatNumber, useLanguage } from '@kompetansebro/i18n';
import { buttonLinkProps, DataTable, EmptyState, Page, Pagination, QueryError, Select, StatusTag, useListSearch, type TableColumn } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSurveyFeature } from './survey-feature-context';

/** What the URL holds of the campaign list: the status and the page. */
const surveyListSearchSchema = surveyListQuerySchema.pick({ status: true, page: true });

/** "Tjenesteundersøkelser": the campaigns, newest first, with their response rate; status and page in the URL. */
export function SurveyListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { paths } = useSurveyFeature();
  const list = useListSearch(surveyListSearchSchema, paths.list);
  const search = list.view;
  const surveys = useQuery(surveyQueries.list({ ...search, pageSize: DEFAULT_PAGE_SIZE }));

  const columns: TableColumn<Survey>[] = [
    {
      key: 'name',
      header: t('survey.list.columns.name'),
      rowHeader: true,
      cell: (survey) => (
        <Link className="ds-link" to={paths.detail} params={{ id: survey.id }}>
          {survey.name}
        </Link>
      ),
    },
    { key: 'deadline', header: t('survey.list.columns.deadline'), cell: (survey) => formatDate(survey.deadline, language) },
    {
      key: 'status',
      header: t('survey.list.columns.status'),
      cell: (survey) => <StatusTag color={survey.status === 'open' ? 'success' : 'neutral'}>{t(`survey.status.${survey.status}`)}</StatusTag>,
    },
    {
      key: 'rate',
      header: t('survey.list.columns.rate'),
      cell: (survey) =>
        t('survey.list.rate', { answered: survey.answered, recipients: survey.recipients, percent: responseRate(survey.answered, survey.recipients) }),
    },
  ];

  const page = surveys.data;
  const startLink = (
    <Link to={paths.create} {...buttonLinkProps('primary')}>
      {t('survey.list.start')}
    </Link>
  );

  return (
    <Page title={t('survey.list.title')} actions={startLink}>
      <p className="ds-paragraph">{t('survey.list.intro')}</p>
      <div className="kb-cluster">
        <Select
          label={t('survey.list.statusFilter')}
          value={search.status ?? ''}
          options={[
            { value: '', label: t('survey.list.statusAll') },
            { value: 'open', label: t('survey.status.open') },
            { value: 'closed', label: t('survey.status.closed') },
          ]}
          onChange={(event) => list.update({ status: (event.target.value || undefined) as typeof search.status })}
        />
      </div>
      <p className="ds-sr-only" role="status">
        {page && !surveys.isPlaceholderData ? t('survey.list.resultCount', { count: page.total, formattedCount: formatNumber(page.total, language) }) : ''}
      </p>
      {surveys.isError ? (
        <QueryError error={surveys.error} onRetry={() => void surveys.refetch()} />
      ) : page && page.total === 0 ? (
        <EmptyState title={t('survey.list.emptyTitle')} action={startLink}>
          {t('survey.list.emptyBody')}
        </EmptyState>
      ) : (
        <>
          <DataTable
            caption={t('survey.list.caption')}
            captionHidden
            columns={columns}
            rows={page?.items}
            rowKey={(survey) => survey.id}
            busy={surveys.isPlaceholderData}
            skeletonRows={5}
          />
          {page && <Pagination page={page.page} total={page.total} range={pageRange(page)} onPageChange={list.setPage} />}
        </>
      )}
    </Page>
  );
}
