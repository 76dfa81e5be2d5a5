import { formatDate, useLanguage } from '@kompetansebro/i18n';
import { EmptyState } from '@kompetansebro/ui';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { overviewQueries } from './overview-data';
import { MoreThanShown, OverviewSection, OverviewTable, SectionStates } from './overview-section';

/**
 * Binding agreements that end within the county's expiring window (its agreement setting, the
 * same number of days the calendar turns an agreement "expiring" by), soonest first.
 */
export function ExpiringAgreements() {
  const settings = useQuery(overviewQueries.settings());
  const days = settings.data?.expiringDays;
  return <AgreementsSection id="overview-expiring" texts="expiring" days={days} query={overviewQueries.expiring(days ?? 0)} enabled={days !== undefined} waitFor={settings} />;
}

/** Binding agreements with a committed service no longer met (archived, unconfirmed, hours gone), as the agreement page flags them. */
export function UnmetCommitments() {
  return <AgreementsSection id="overview-unmet" texts="unmet" query={overviewQueries.unmet()} />;
}

function AgreementsSection({
  id,
  texts,
  days,
  query,
  enabled = true,
  waitFor,
}: {
  id: string;
  texts: 'expiring' | 'unmet';
  days?: number;
  query: ReturnType<typeof overviewQueries.unmet>;
  /** False while what the query depends on (the expiring window) is not in yet. */
  enabled?: boolean;
  waitFor?: UseQueryResult<unknown>;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const agreements = useQuery({ ...query, enabled });
  const title = t(`overview.${texts}.title`, { count: days });

  return (
    <OverviewSection id={id} title={title}>
      <SectionStates queries={waitFor ? [waitFor, agreements] : [agreements]}>
        {() =>
          !agreements.data || agreements.data.total === 0 ? (
            <EmptyState title={t(`overview.${texts}.empty`, { count: days })} headingLevel={3} />
          ) : (
            <>
              <OverviewTable
                title={title}
                caption={title}
                columns={[
                  { label: t('overview.expiring.columnTitle') },
                  { label: t('overview.expiring.columnParties') },
                  { label: texts === 'unmet' ? t('overview.unmet.columnUnmet') : t('overview.expiring.columnEnd') },
                ]}
              >
                {agreements.data.items.map((agreement) => (
                  <tr key={agreement.id}>
                    <th scope="row">
                      <Link className="ds-link" to="/avtaler/$id" params={{ id: agreement.id }}>
                        {agreement.title}
                      </Link>
                    </th>
                    <td>{agreement.parties.map((party) => party.actorName).join(', ')}</td>
                    <td>
                      {texts === 'unmet'
                        ? t('overview.unmet.count', { count: agreement.unmetCommitments })
                        : agreement.endDate
                          ? formatDate(agreement.endDate, language)
                          : '–'}
                    </td>
                  </tr>
                ))}
              </OverviewTable>
              <MoreThanShown shown={agreements.data.items.length} total={agreements.data.total} text={(counts) => t(`overview.${texts}.more`, counts)} />
            </>
          )
        }
      </SectionStates>
    </OverviewSection>
  );
}
