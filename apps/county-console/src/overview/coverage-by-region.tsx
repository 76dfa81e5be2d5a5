import { formatNumber, useLanguage } from '@kompetansebro/i18n';
import { BarChart, EmptyState, type BarChartItem } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { overviewQueries } from './overview-data';
import { OverviewSection, SectionStates } from './overview-section';

/**
 * Per region, the share of municipalities whose main library a binding agreement covers: a
 * bar chart with its table, where each region lists its gaps and links to its coverage page.
 */
export function CoverageByRegion() {
  const { t } = useTranslation();
  const language = useLanguage();
  const coverage = useQuery(overviewQueries.coverage());
  const rows = coverage.data?.items ?? [];
  const items: BarChartItem[] = rows.map(({ id, name, summary }) => ({
    key: id,
    label: name,
    value: summary.share,
    valueText: t('overview.coverage.shareText', {
      percent: formatNumber(Math.round(summary.share * 100), language),
      covered: formatNumber(summary.coveredMunicipalities, language),
      total: formatNumber(summary.municipalities, language),
    }),
  }));

  return (
    <OverviewSection id="overview-coverage" title={t('overview.coverage.title')}>
      <SectionStates queries={[coverage]}>
        {() =>
          rows.length === 0 ? (
            <EmptyState title={t('overview.coverage.empty')} headingLevel={3} />
          ) : (
            <>
              <BarChart
                caption={t('overview.coverage.caption')}
                labelHeader={t('overview.coverage.columnRegion')}
                valueHeader={t('overview.coverage.columnShare')}
                items={items}
              />
              <h3 className="ds-heading" data-size="2xs" id="overview-coverage-gaps">
                {t('overview.coverage.columnGaps')}
              </h3>
              {/* A list, not a table column: the names wrap at any width. */}
              <ul className="kb-overview-list" aria-labelledby="overview-coverage-gaps">
                {rows.map(({ id, name, gaps }) => (
                  <li key={id}>
                    <strong>{name}:</strong>{' '}
                    {gaps.municipalities.length === 0 ? t('overview.coverage.noGaps') : gaps.municipalities.map((gap) => gap.name).join(', ')}{' '}
                    <Link className="ds-link" to="/dekning" search={{ region: id }}>
                      {t('overview.coverage.gapsLink', { region: name })}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </SectionStates>
    </OverviewSection>
  );
}
