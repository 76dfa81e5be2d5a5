import { agreementQueries } from '@kompetansebro/api-client';
import { formatDate, useLanguage } from '@kompetansebro/i18n';
import { EmptyState } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { MoreThanShown, OverviewSection, OverviewTable, SectionStates } from './overview-section';

const SHOWN = 10;

/** Binding agreements that end within 90 days, soonest first (the API filters by end date). */
export function ExpiringAgreements() {
  const { t } = useTranslation();
  const language = useLanguage();
  const expiring = useQuery(agreementQueries.list({ endingWithinDays: 90, sort: 'end', pageSize: SHOWN }));

  return (
    <OverviewSection id="overview-expiring" title={t('overview.expiring.title')}>
      <SectionStates queries={[expiring]}>
        {() =>
          !expiring.data || expiring.data.total === 0 ? (
            <EmptyState title={t('overview.expiring.empty')} headingLevel={3} />
          ) : (
            <>
              <OverviewTable
                title={t('overview.expiring.title')}
                caption={t('overview.expiring.title')}
                columns={[{ label: t('overview.expiring.columnTitle') }, { label: t('overview.expiring.columnParties') }, { label: t('overview.expiring.columnEnd') }]}
              >
                {expiring.data.items.map((agreement) => (
                  <tr key={agreement.id}>
                    <th scope="row">
                      <Link className="ds-link" to="/avtaler/$id" params={{ id: agreement.id }}>
                        {agreement.title}
                      </Link>
                    </th>
                    <td>{agreement.parties.map((party) => party.actorName).join(', ')}</td>
                    <td>{agreement.endDate ? formatDate(agreement.endDate, language) : '–'}</td>
                  </tr>
                ))}
              </OverviewTable>
              <MoreThanShown shown={expiring.data.items.length} total={expiring.data.total} text={(counts) => t('overview.expiring.more', counts)} />
            </>
          )
        }
      </SectionStates>
    </OverviewSection>
  );
}
