import { activityQueries, actorQueries, agreementQueries, ApiError, auditQueries } from '@kompetansebro/api-client';
import { auditListQuerySchema, DEFAULT_PAGE_SIZE, pageRange } from '@kompetansebro/domain';
import { formatDateTime } from '@kompetansebro/i18n';
import { EmptyState, LoadingState, Page, Pagination, QueryError, useListSearch } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AuditChanges } from './audit-changes';
import { actionLabel, entityLabel, entryName } from './audit-labels';
import { isHistoryEntity, recordPathOf, useHistoryFeature, type HistoryEntity } from './history-feature-context';
import './history.css';

/** The record's own name, for the heading; only the kinds with a page of their own are looked up. */
function useRecordName(entity: HistoryEntity | null, id: string) {
  const actor = useQuery({ ...actorQueries.detail(id), enabled: entity === 'actor' });
  const agreement = useQuery({ ...agreementQueries.detail(id), enabled: entity === 'agreement' });
  const activity = useQuery({ ...activityQueries.detail(id), enabled: entity === 'activity' });
  const query = entity === 'actor' ? actor : entity === 'agreement' ? agreement : entity === 'activity' ? activity : null;
  const name = entity === 'actor' ? actor.data?.name : entity === 'agreement' ? agreement.data?.title : activity.data?.title;
  const gone = query?.error instanceof ApiError && query.error.status === 404;
  return { name: query ? name : undefined, pending: query?.isPending ?? false, gone };
}

/** The actor a service or contact belongs to, read from its audit entries (they carry `actorId`). */
function actorIdOf(items: ReadonlyArray<{ before: unknown; after: unknown }>): string | null {
  for (const item of items) {
    for (const value of [item.after, item.before]) {
      if (typeof value === 'object' && value !== null && 'actorId' in value && typeof value.actorId === 'string') return value.actorId;
    }
  }
  return null;
}

/** What the URL holds of one record's history: the page. */
const recordSearchSchema = auditListQuerySchema.pick({ page: true });

/**
 * The audit trail of one record, newest first and paged (page in the URL): when, who, what,
 * and the fields it changed before → after; a link back to the record.
 */
export function RecordHistoryPage() {
  const { t } = useTranslation();
  const { paths } = useHistoryFeature();
  const params: { entity?: string; id?: string } = useParams({ strict: false });
  const rawEntity = params.entity ?? '';
  const id = params.id ?? '';
  const list = useListSearch(recordSearchSchema, paths.record);
  const entity = isHistoryEntity(rawEntity) ? rawEntity : null;
  const { page } = list.view;

  const entries = useQuery({ ...auditQueries.list({ entity: rawEntity, id, page, pageSize: DEFAULT_PAGE_SIZE }), enabled: entity !== null });
  const record = useRecordName(entity, id);
  const entityName = entityLabel(t, rawEntity);

  if (entity === null || (record.gone && entries.data?.total === 0)) {
    return (
      <Page title={t('history.notFoundTitle')}>
        <p className="ds-paragraph">{t('history.notFoundBody')}</p>
        <p className="ds-paragraph">
          <Link className="ds-link" to={paths.log}>
            {t('history.toLog')}
          </Link>
        </p>
      </Page>
    );
  }

  // A kind the app does not look up (a survey, student counts) by the name its entries give it.
  const name = record.name ?? entries.data?.items.map((entry) => entryName(t, entry)).find((found) => found !== null);
  const title = name ? t('history.recordTitle', { name }) : t('history.recordTitleUnnamed', { entity: entityName });
  const recordPath = recordPathOf(paths, entity);
  const ownerActorId = (entity === 'service' || entity === 'contact') && entries.data ? actorIdOf(entries.data.items) : null;

  return (
    <Page title={record.pending ? t('history.title') : title}>
      <p className="ds-paragraph">{t('history.recordIntro')}</p>
      <p className="ds-paragraph">
        {record.gone ? (
          t('history.recordGone')
        ) : recordPath ? (
          <Link className="ds-link" to={recordPath} params={{ id }}>
            {t('history.backToRecord', { entity: entityName })}
          </Link>
        ) : ownerActorId && paths.records.actor ? (
          <Link className="ds-link" to={paths.records.actor} params={{ id: ownerActorId }}>
            {t('history.backToActor')}
          </Link>
        ) : null}
      </p>

      {entries.isPending ? (
        <LoadingState />
      ) : entries.isError ? (
        <QueryError error={entries.error} onRetry={() => void entries.refetch()} />
      ) : entries.data.total === 0 ? (
        <EmptyState title={t('history.emptyTitle')}>{t('history.emptyBody')}</EmptyState>
      ) : (
        <>
          <ol className="kb-history-entries" aria-label={t('history.title')} aria-busy={entries.isPlaceholderData || undefined}>
            {entries.data.items.map((entry) => {
              const when = formatDateTime(entry.occurredAt);
              const action = actionLabel(t, entry.action, entry);
              return (
                <li key={entry.id} className="kb-history-entry">
                  <h2 className="ds-heading" data-size="2xs">
                    {t('history.entryHeading', { action, when })}
                  </h2>
                  <p className="ds-paragraph" data-size="sm">
                    {entry.userName
                      ? t('history.by', { name: entry.userName })
                      : entry.userId
                        ? t('history.byUnknown')
                        : t('history.bySystem')}
                  </p>
                  <AuditChanges before={entry.before} after={entry.after} caption={`${t('history.changesCaption')}: ${action} ${when}`} />
                </li>
              );
            })}
          </ol>
          <Pagination
            page={entries.data.page}
            total={entries.data.total}
            totalCapped={entries.data.totalCapped}
            range={pageRange(entries.data)}
            onPageChange={list.setPage}
          />
        </>
      )}
    </Page>
  );
}
