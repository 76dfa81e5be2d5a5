import { agreementAcceptanceQueries, useCan } from '@kompetansebro/api-client';
import { DEFAULT_PAGE_SIZE, pendingAcceptanceListQuerySchema, type PendingAcceptance } from '@kompetansebro/domain';
import { formatDate, formatNumber, useLanguage } from '@kompetansebro/i18n';
import { ForbiddenPage, ListScreen, RecordLink, Select, useListSearch, type TableColumn } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAgreementFeature, type AgreementPaths } from './agreement-feature-context';

/**
 * Every agreement and amendment waiting for the organisation's answer (`/avtaler/oppgaver`, the
 * `tasks` screen of agreement-routes): named here, in the screens' chunk, not in the app's first one.
 */
export const tasksPathOf = (paths: AgreementPaths) => `${paths.list}/oppgaver`;

/** What the URL holds of the tasks: which kind, and the page. */
const taskSearchSchema = pendingAcceptanceListQuerySchema.pick({ kind: true, page: true });
const taskKinds = ['agreement', 'amendment'] as const;

/**
 * "Avtaler som venter på svar": every agreement and amendment waiting for the answer of the
 * organisation the user acts for, newest first, a page at a time (a home shows the newest few).
 * Each links to the agreement, where the organisation answers; an answer takes it off the list.
 */
export function AgreementTasksPage() {
  const { t } = useTranslation();
  // Tasks are what an organisation answers: a role that answers none (the county's read-only
  // viewer) would find a list that is always empty.
  const answers = useCan('agreement_acceptance', 'create');
  return answers ? <AgreementTasks /> : <ForbiddenPage title={t('agreements.tasks.page.title')} />;
}

function AgreementTasks() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { paths } = useAgreementFeature();
  const list = useListSearch(taskSearchSchema, tasksPathOf(paths));
  const { view } = list;
  const tasks = useQuery(agreementAcceptanceQueries.list({ ...view, pageSize: DEFAULT_PAGE_SIZE }));

  const columns: TableColumn<PendingAcceptance>[] = [
    {
      key: 'title',
      header: t('agreements.tasks.page.columns.title'),
      rowHeader: true,
      cell: (task) => (
        <RecordLink to={paths.detail} id={task.agreementId}>
          {task.title}
        </RecordLink>
      ),
    },
    { key: 'party', header: t('agreements.tasks.page.columns.party'), cell: (task) => task.actorName },
    {
      key: 'state',
      header: t('agreements.tasks.page.columns.state'),
      cell: (task) =>
        task.amendmentNumber !== null
          ? t('agreements.tasks.page.amendment', { number: task.amendmentNumber })
          : task.declined
            ? t('agreements.tasks.page.declinedState')
            : t('agreements.tasks.page.agreement'),
    },
    {
      key: 'period',
      header: t('agreements.tasks.page.columns.period'),
      cell: (task) => [task.startDate, task.endDate].flatMap((date) => (date ? [formatDate(date, language)] : [])).join('–') || '–',
    },
  ];

  return (
    <ListScreen
      title={t('agreements.tasks.page.title')}
      intro={t('agreements.tasks.page.intro')}
      list={list}
      filters={
        <Select
          label={t('agreements.tasks.page.kindFilter')}
          emptyOption={t('agreements.tasks.page.allKinds')}
          options={taskKinds.map((kind) => ({ value: kind, label: t(`agreements.tasks.page.kinds.${kind}`) }))}
          value={view.kind ?? ''}
          onChange={(event) => list.update({ kind: (event.target.value || undefined) as typeof view.kind })}
        />
      }
      result={tasks}
      resultCount={(total) => t('agreements.tasks.page.resultCount', { count: total, formattedCount: formatNumber(total, language) })}
      caption={t('agreements.tasks.page.caption')}
      columns={columns}
      rowKey={(task) => `${task.agreementId}-${task.actorId}-${task.amendmentNumber ?? 0}`}
      noMatch={{ title: t('agreements.tasks.page.noMatchTitle'), body: t('agreements.tasks.page.noMatchBody') }}
      empty={{ title: t('agreements.tasks.page.emptyTitle'), body: <p className="ds-paragraph">{t('agreements.tasks.page.emptyBody')}</p> }}
      pageSize={DEFAULT_PAGE_SIZE}
    />
  );
}
