import { agreementQueries } from '@kompetansebro/api-client';
import { formatDate, useLanguage } from '@kompetansebro/i18n';
import { EmptyState } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { OverviewSection, SectionStates } from './overview-section';

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
              <div className="kb-table-scroll kb-overview-table" tabIndex={0} role="region" aria-label={t('overview.tableLabel', { title: t('overview.expiring.title') })}>
                <table className="ds-table" data-border="true" data-size="sm">
                  <caption className="ds-sr-only">{t('overview.expiring.title')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('overview.expiring.columnTitle')}</th>
                      <th scope="col">{t('overview.expiring.columnParties')}</th>
                      <th scope="col">{t('overview.expiring.columnEnd')}</th>
                    </tr>
                  </thead>
                  <tbody>
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
                  </tbody>
                </table>
              </div>
              {expiring.data.total > expiring.data.items.length && (
                <p className="ds-paragraph" data-size="sm">
                  {t('overview.expiring.more', { shown: expiring.data.items.length, total: expiring.data.total })}
                </p>
              )}
            </>
          )
        }
      </SectionStates>
    </OverviewSection>
  );
}
