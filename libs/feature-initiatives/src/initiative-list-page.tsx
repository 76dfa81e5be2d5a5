import { initiativeQueries } from '@kompetansebro/api-client';
import { DEFAULT_PAGE_SIZE, initiativeKinds, initiativeListQuerySchema, initiativePeriods, thematicAreas, type InitiativeSummary } from '@kompetansebro/domain';
import { formatAmount, formatNumber, useLanguage } from '@kompetansebro/i18n';
import { buttonLinkProps, ListScreen, optionsByLabel, Select, type TableColumn, useListSearch } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useInitiativeFeature } from './initiative-feature-context';
import { PeriodText } from './period-text';
import { useCanCreateInitiatives } from './use-can-edit-initiatives';

/** What the URL holds of the initiative list: search, filters, order and page. */
const initiativeListSearchSchema = initiativeListQuerySchema.pick({ q: true, kind: true, period: true, theme: true, sort: true, page: true });

/** The initiatives: search, filter by kind, period and thematic area, sort, page — all in the URL — and export; "Nytt tiltak" for roles that may create. */
export function InitiativeListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { paths } = useInitiativeFeature();
  const list = useListSearch(initiativeListSearchSchema, paths.list);
  const { view } = list;
  const query = { ...view, pageSize: DEFAULT_PAGE_SIZE };
  const initiatives = useQuery(initiativeQueries.list(query));
  const access = useCanCreateInitiatives();

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

  return (
    <ListScreen
      title={t('initiatives.list.title')}
      actions={
        <>
          {access.create && (
            <Link to={paths.create} {...buttonLinkProps('primary')}>
              {t('initiatives.list.create')}
            </Link>
          )}
          <Link to={paths.portfolio} {...buttonLinkProps('secondary')}>
            {t('initiatives.list.portfolioLink')}
          </Link>
        </>
      }
      exports={[
        { href: initiativeQueries.exportUrl(query, 'csv'), label: t('common.exportCsv') },
        { href: initiativeQueries.exportUrl(query, 'xlsx'), label: t('common.exportXlsx') },
      ]}
      intro={t('initiatives.list.intro')}
      list={list}
      searchLabel={t('initiatives.list.searchLabel')}
      filters={
        <>
          <Select
            label={t('initiatives.list.kindFilter')}
            emptyOption={t('initiatives.list.allKinds')}
            options={optionsByLabel(initiativeKinds, (kind) => t(`initiatives.kind.${kind}`))}
            value={view.kind ?? ''}
            onChange={(event) => list.update({ kind: (event.target.value || undefined) as typeof view.kind })}
          />
          <Select
            label={t('initiatives.list.periodFilter')}
            emptyOption={t('initiatives.list.allPeriods')}
            options={initiativePeriods.map((period) => ({ value: period, label: t(`initiatives.period.${period}`) }))}
            value={view.period ?? ''}
            onChange={(event) => list.update({ period: (event.target.value || undefined) as typeof view.period })}
          />
          <Select
            label={t('initiatives.list.themeFilter')}
            emptyOption={t('initiatives.list.allThemes')}
            options={optionsByLabel(thematicAreas, (theme) => t(`thematicArea.${theme}`))}
            value={view.theme ?? ''}
            onChange={(event) => list.update({ theme: (event.target.value || undefined) as typeof view.theme })}
          />
        </>
      }
      result={initiatives}
      resultCount={(total) => t('initiatives.list.resultCount', { count: total, formattedCount: formatNumber(total, language) })}
      caption={t('initiatives.list.caption')}
      columns={columns}
      rowKey={(initiative) => initiative.id}
      noMatch={{ title: t('initiatives.list.noMatchTitle'), body: t('initiatives.list.noMatchHint') }}
      empty={{ title: t('initiatives.list.emptyTitle'), body: t('initiatives.list.emptyBody') }}
      pageSize={DEFAULT_PAGE_SIZE}
    />
  );
}
