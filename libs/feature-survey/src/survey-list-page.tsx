import { surveyQueries, useCan } from '@kompetansebro/api-client';
import { DEFAULT_PAGE_SIZE, responseRate, surveyListQuerySchema, type Survey } from '@kompetansebro/domain';
import { formatDate, formatNumber, useLanguage } from '@kompetansebro/i18n';
import { buttonLinkProps, ListScreen, Select, StatusTag, useListSearch, type TableColumn } from '@kompetansebro/ui';
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
  // A read-only role (the county viewer) sees the surveys, not the way to start one.
  const mayStart = useCan('survey', 'create');

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

  const startLink = mayStart ? (
    <Link to={paths.create} {...buttonLinkProps('primary')}>
      {t('survey.list.start')}
    </Link>
  ) : undefined;

  return (
    <ListScreen
      title={t('survey.list.title')}
      actions={startLink}
      intro={t('survey.list.intro')}
      list={list}
      filters={
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
      }
      result={surveys}
      resultCount={(total) => t('survey.list.resultCount', { count: total, formattedCount: formatNumber(total, language) })}
      caption={t('survey.list.caption')}
      columns={columns}
      rowKey={(survey) => survey.id}
      empty={{ title: t('survey.list.emptyTitle'), body: mayStart ? t('survey.list.emptyBody') : undefined, action: startLink }}
      pageSize={DEFAULT_PAGE_SIZE}
    />
  );
}
