import { activityQueries } from '@kompetansebro/api-client';
import { activityCountQuerySchema, activityKinds, countPeriods, type ActivityCountQuery } from '@kompetansebro/domain';
import { formatNumber, useLanguage } from '@kompetansebro/i18n';
import { EmptyState, LoadingState, optionsByLabel, Page, QueryError, Select, TextField, useListSearch } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useActivityFeature } from './activity-feature-context';
import { ActivityViews } from './activity-views';
import { periodLabel } from './period-label';
import './activities.css';

const isDateOrEmpty = (value: string) => value === '' || /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * How many activities per half year (spring/autumn), year or month, for a kind and a period —
 * a table, and bars beside it for a quick look (the table says the same in words).
 */
export function ActivityCountsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { paths } = useActivityFeature();
  const { view, update: updateSearch } = useListSearch(activityCountQuerySchema, paths.counts);
  const counts = useQuery(activityQueries.counts(view));

  const items = counts.data?.items ?? [];
  const total = items.reduce((sum, item) => sum + item.count, 0);
  const largest = Math.max(1, ...items.map((item) => item.count));

  return (
    <Page title={t('activities.counts.title')}>
      <ActivityViews filters={{ kind: view.kind, from: view.from, to: view.to, organiser: view.organiser, participant: view.participant }} />
      <p className="ds-paragraph">{t('activities.counts.intro')}</p>
      <div className="kb-cluster kb-activity-filters" role="group" aria-label={t('common.filters')}>
        <Select
          label={t('activities.filters.kind')}
          emptyOption={t('activities.filters.allKinds')}
          options={optionsByLabel(activityKinds, (kind) => t(`activityKind.${kind}`))}
          value={view.kind ?? ''}
          onChange={(event) => updateSearch({ kind: (event.target.value || undefined) as ActivityCountQuery['kind'] })}
        />
        <TextField
          type="date"
          label={t('activities.filters.from')}
          value={view.from ?? ''}
          onChange={(event) => isDateOrEmpty(event.target.value) && updateSearch({ from: event.target.value || undefined })}
        />
        <TextField
          type="date"
          label={t('activities.filters.to')}
          value={view.to ?? ''}
          onChange={(event) => isDateOrEmpty(event.target.value) && updateSearch({ to: event.target.value || undefined })}
        />
        <Select
          label={t('activities.counts.per')}
          options={countPeriods.map((per) => ({ value: per, label: t(`activities.counts.perOptions.${per}`) }))}
          value={view.per}
          onChange={(event) => updateSearch({ per: event.target.value as ActivityCountQuery['per'] })}
        />
      </div>

      {counts.isError ? (
        <QueryError error={counts.error} onRetry={() => void counts.refetch()} />
      ) : counts.isPending ? (
        <LoadingState />
      ) : items.length === 0 ? (
        <EmptyState title={t('activities.counts.emptyTitle')}>{t('activities.counts.emptyBody')}</EmptyState>
      ) : (
        <>
          <p className="ds-paragraph" role="status">
            {t('activities.counts.total', { count: total, formattedCount: formatNumber(total, language) })}
          </p>
          <div className="kb-table-scroll">
            <table className="ds-table kb-table-narrow" data-border aria-busy={counts.isPlaceholderData || undefined}>
              <caption className="ds-sr-only">{t('activities.counts.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('activities.counts.period')}</th>
                  <th scope="col" className="kb-numeric">
                    {t('activities.counts.count')}
                  </th>
                  <th scope="col" aria-hidden="true" className="kb-count-bar-column">
                    <span className="ds-sr-only">{t('activities.counts.chart')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.period}>
                    <th scope="row">{periodLabel(t, item.period, language)}</th>
                    <td className="kb-numeric">{formatNumber(item.count, language)}</td>
                    <td aria-hidden="true" className="kb-count-bar-column">
                      {/* Decoration: the number beside it says the same. */}
                      <span className="kb-count-bar" style={{ inlineSize: `${(item.count / largest) * 100}%` }} />
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('activities.counts.sum')}</th>
                  <td className="kb-numeric">{formatNumber(total, language)}</td>
                  <td aria-hidden="true" className="kb-count-bar-column" />
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
    </Page>
  );
}
