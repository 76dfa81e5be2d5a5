import { ownPlanItemQueries } from '@kompetansebro/api-client';
import { DEFAULT_PAGE_SIZE, ownPlanItemListQuerySchema, planItemOverdue, planItemStatuses, todayInNorway, type OwnPlanItem } from '@kompetansebro/domain';
import { formatDate, formatNumber, useLanguage } from '@kompetansebro/i18n';
import { Alert, ListScreen, Select, useListSearch, useNoticeForThisVisit, type TableColumn } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useOwnPlanItemFeature } from './own-plan-item-feature-context';
import { PlanStatusTag } from './plan-status-tag';

/** What the URL holds of the list: the status filter and the page. */
const ownPlanItemSearchSchema = ownPlanItemListQuerySchema.pick({ status: true, page: true });

/** "Planpunkter": the plan items the organisation is responsible for, soonest due first, each a link to where it is moved on. */
export function OwnPlanItemListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { paths, saved: savedNow, setSaved } = useOwnPlanItemFeature();
  const saved = useNoticeForThisVisit(savedNow, setSaved);
  const list = useListSearch(ownPlanItemSearchSchema, paths.list);
  const items = useQuery(ownPlanItemQueries.list({ ...list.view, pageSize: DEFAULT_PAGE_SIZE }));
  const today = todayInNorway();

  const columns: TableColumn<OwnPlanItem>[] = [
    {
      key: 'title',
      header: t('initiatives.own.list.columns.title'),
      rowHeader: true,
      cell: (item) => (
        <Link className="ds-link" to={paths.detail} params={{ id: item.id }}>
          {item.title}
        </Link>
      ),
    },
    { key: 'initiative', header: t('initiatives.own.list.columns.initiative'), cell: (item) => item.initiativeTitle },
    {
      key: 'due',
      header: t('initiatives.own.list.columns.due'),
      cell: (item) =>
        item.dueDate ? (
          <>
            <time dateTime={item.dueDate}>{formatDate(item.dueDate, language)}</time>
            {planItemOverdue(item.dueDate, item.status, today) && <strong> — {t('initiatives.board.overdue')}</strong>}
          </>
        ) : (
          t('initiatives.notSet')
        ),
    },
    { key: 'status', header: t('initiatives.own.list.columns.status'), cell: (item) => <PlanStatusTag status={item.status} /> },
  ];

  return (
    <ListScreen
      title={t('initiatives.own.list.title')}
      top={<div role="status">{saved && <Alert color="success">{t('initiatives.own.saved', { title: saved })}</Alert>}</div>}
      intro={t('initiatives.own.list.intro')}
      list={list}
      filters={
        <Select
          label={t('initiatives.own.list.statusFilter')}
          emptyOption={t('initiatives.own.list.allStatuses')}
          options={planItemStatuses.map((status) => ({ value: status, label: t(`initiatives.planStatus.${status}`) }))}
          value={list.view.status ?? ''}
          onChange={(event) => list.update({ status: (event.target.value || undefined) as typeof list.view.status })}
        />
      }
      result={items}
      resultCount={(total) => t('initiatives.own.list.resultCount', { count: total, formattedCount: formatNumber(total, language) })}
      caption={t('initiatives.own.list.caption')}
      columns={columns}
      rowKey={(item) => item.id}
      noMatch={{ title: t('initiatives.own.list.noMatchTitle'), body: t('initiatives.own.list.noMatchHint') }}
      empty={{ title: t('initiatives.own.list.emptyTitle'), body: t('initiatives.own.list.emptyBody') }}
      pageSize={DEFAULT_PAGE_SIZE}
    />
  );
}
