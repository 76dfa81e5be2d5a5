import { auditQueries } from '@kompetansebro/api-client';
import { auditedEntities, auditListQuerySchema, DEFAULT_PAGE_SIZE } from '@kompetansebro/domain';
import { formatDateTime } from '@kompetansebro/i18n';
import { ListScreen, optionsByLabel, Select, useListSearch, type TableColumn } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { actionLabel, entityChoiceLabel, entityLabel, entryName } from './audit-labels';
import { isHistoryEntity, useHistoryFeature } from './history-feature-context';
import './history.css';

interface LogRow {
  id: string;
  occurredAt: string;
  userId: string | null;
  userName: string | null;
  /** The record's name now (its title), where it has one; older servers leave it out. */
  recordName?: string | null;
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

/** What the URL holds of the log: the kind of record and the page. */
const logSearchSchema = auditListQuerySchema.pick({ entity: true, page: true });

/** The whole audit log, newest first: filter by kind of record and page through, both in the URL. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const { paths } = useHistoryFeature();
  const list = useListSearch(logSearchSchema, paths.log);
  const entries = useQuery(auditQueries.list({ ...list.view, pageSize: DEFAULT_PAGE_SIZE }));

  const columns: TableColumn<LogRow>[] = [
    { key: 'when', header: t('history.columns.when'), cell: (row) => formatDateTime(row.occurredAt) },
    {
      key: 'record',
      header: t('history.columns.record'),
      rowHeader: true,
      // The record by its name where the entry carries one; the kind under it.
      cell: (row) => {
        // A record without a name by its kind, never by its id.
        const label = entryName(t, row) ?? t('history.unnamedRecord', { entity: entityLabel(t, row.entity) });
        return (
          <>
            {isHistoryEntity(row.entity) ? (
              <Link className="ds-link" to={paths.record} params={{ entity: row.entity, id: row.entityId }}>
                {label}
              </Link>
            ) : (
              label
            )}
            <span className="kb-history-meta">{entityLabel(t, row.entity)}</span>
          </>
        );
      },
    },
    { key: 'action', header: t('history.columns.action'), cell: (row) => actionLabel(t, row.action, row) },
    {
      key: 'who',
      header: t('history.columns.who'),
      cell: (row) => row.userName ?? (row.userId ? t('history.unknownUser') : t('history.system')),
    },
  ];

  return (
    <ListScreen
      title={t('history.logTitle')}
      intro={t('history.logIntro')}
      list={list}
      filters={
        <Select
          label={t('history.entityFilter')}
          emptyOption={t('history.allEntities')}
          // Every kind the log can hold (the domain's list, which the server's writes are typed by).
          options={optionsByLabel(auditedEntities, (entity) => entityChoiceLabel(t, entity))}
          value={list.view.entity ?? ''}
          onChange={(event) => list.update({ entity: event.target.value || undefined })}
        />
      }
      result={entries}
      caption={t('history.logTitle')}
      columns={columns}
      rowKey={(row) => row.id}
      empty={{ title: t('history.emptyTitle'), body: t('history.emptyLogBody') }}
      pageSize={DEFAULT_PAGE_SIZE}
    />
  );
}
