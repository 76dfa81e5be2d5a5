import { accountQueries, meQueries, ownPlanItemQueries } from '@kompetansebro/api-client';
import { formatDate, formatNumber, useLanguage } from '@kompetansebro/i18n';
import { EmptyState, LoadingState, Page, QueryError, RecordLink, Section } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/** How many of its plan items home lists (the rest on the plan-items page). */
const SHOWN = 10;

/**
 * Home of a partner's contact (a career centre, a university or campus, a school, …), who acts
 * for no study centre: the plan items its organisation is responsible for, and what its inbox
 * holds — nothing the policy would refuse it.
 */
export function PartnerHome() {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useQuery(meQueries.current());
  const items = useQuery(ownPlanItemQueries.list({ pageSize: SHOWN }));
  const inbox = useQuery(accountQueries.inbox());
  const organisation = me.data?.memberships.find((m) => m.organisationId === me.data?.activeOrganisationId)?.organisationName ?? '';

  return (
    <Page title={t('portal.partnerHome.title')}>
      {organisation && <p className="ds-paragraph">{t('portal.partnerHome.intro', { organisation })}</p>}
      <Section id="partner-plan-items" title={t('portal.partnerHome.planItemsTitle')} className="kb-stack">
        {items.isPending ? (
          <LoadingState />
        ) : items.isError ? (
          <QueryError error={items.error} onRetry={() => void items.refetch()} headingLevel={3} />
        ) : items.data.items.length === 0 ? (
          <EmptyState title={t('portal.partnerHome.noPlanItems')} headingLevel={3} />
        ) : (
          <ul className="kb-portal-activities">
            {items.data.items.map((item) => (
              <li key={item.id}>
                <RecordLink to="/planpunkter/$id" id={item.id}>
                  {item.title}
                </RecordLink>{' '}
                <span className="kb-portal-muted">
                  ({t(`initiatives.planStatus.${item.status}`)}
                  {item.dueDate && <>, {t('portal.partnerHome.due', { date: formatDate(item.dueDate, language) })}</>})
                </span>
              </li>
            ))}
          </ul>
        )}
        <p className="ds-paragraph">
          <Link className="ds-link" to="/planpunkter">
            {t('portal.partnerHome.allPlanItems')}
          </Link>
        </p>
      </Section>
      <Section id="partner-inbox" title={t('portal.partnerHome.inboxTitle')} className="kb-stack">
        {inbox.isPending ? (
          <LoadingState />
        ) : inbox.isError ? (
          <QueryError error={inbox.error} onRetry={() => void inbox.refetch()} headingLevel={3} />
        ) : (
          <p className="ds-paragraph">
            {inbox.data.items.length === 0
              ? t('portal.partnerHome.inboxEmpty')
              : t('portal.partnerHome.inboxCount', { count: inbox.data.items.length, formattedCount: formatNumber(inbox.data.items.length, language) })}{' '}
            <Link className="ds-link" to="/innboks">
              {t('portal.partnerHome.openInbox')}
            </Link>
          </p>
        )}
      </Section>
    </Page>
  );
}
