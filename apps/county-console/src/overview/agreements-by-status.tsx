import { agreementStatuses, type AgreementStatus } from '@kompetansebro/domain';
import { formatNumber, useLanguage } from '@kompetansebro/i18n';
import { EmptyState } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { overviewQueries } from './overview-data';
import { OverviewSection, OverviewTable, SectionStates } from './overview-section';

/** How many agreements each status has, each count a link to the list filtered by it. */
export function AgreementsByStatus() {
  const { t } = useTranslation();
  const language = useLanguage();
  const counts = useQuery(overviewQueries.statusCounts());
  const rows = agreementStatuses.map((status: AgreementStatus) => ({ status, count: counts.data?.byStatus[status] ?? 0 }));
  const total = rows.reduce((sum, row) => sum + row.count, 0);

  return (
    <OverviewSection id="overview-status" title={t('overview.status.title')}>
      <SectionStates queries={[counts]}>
        {() =>
          total === 0 ? (
            <EmptyState title={t('overview.status.empty')} headingLevel={3} />
          ) : (
            <>
              <OverviewTable
                title={t('overview.status.title')}
                caption={t('overview.status.caption')}
                columns={[{ label: t('overview.status.columnStatus') }, { label: t('overview.status.columnCount'), numeric: true }]}
              >
                {rows.map((row) => (
                  <tr key={row.status}>
                    <th scope="row">
                      <Link
                        className="ds-link"
                        to="/avtaler"
                        search={{ status: row.status }}
                        aria-label={t('overview.status.linkLabel', { status: t(`agreementStatus.${row.status}`), count: row.count })}
                      >
                        {t(`agreementStatus.${row.status}`)}
                      </Link>
                    </th>
                    <td className="kb-overview-number">{formatNumber(row.count, language)}</td>
                  </tr>
                ))}
              </OverviewTable>
              <p className="ds-paragraph" data-size="sm">
                {t('overview.status.total', { count: total })}
              </p>
            </>
          )
        }
      </SectionStates>
    </OverviewSection>
  );
}
