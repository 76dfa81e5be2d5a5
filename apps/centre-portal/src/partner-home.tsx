import { accountQueries, ownPlanItemQueries } from '@kompetansebro/api-client';
import { planItemOverdue, todayInNorway } from '@kompetansebro/domain';
import { formatDate, formatNumber, useLanguage } from '@kompetansebro/i18n';
import { EmptyState, LoadingState, Page, QueryError, RecordLink, Section } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/** How many of its plan items home lists (all of them on the plan-items page). */
const SHOWN = 10;

/**
 * Home of a partner's contact (a career centre, a university or campus, a school, …), who acts
 * for no study centre: the plan items its organisation is responsible for, and what its inbox
 * holds — nothing the policy would refuse it. Its words are those of the plan-items page and the
 * inbox (no new text in the catalogue every app loads first).
 */
export function PartnerHome() {
  const { t } = useTranslation();
  const language = useLanguage();
  const items = useQuery(ownPlanItemQueries.list({ pageSize: SHOWN }));
  const inbox = useQuery(accountQueries.inbox());
  const today = todayInNorway();

  return (
    <Page title={t('portal.home.title')}>
      <p className="ds-paragraph">{t('initiatives.own.list.intro')}</p>
      <Section id="partner-plan-items" title={t('initiatives.own.list.title')} className="kb-stack">
        {items.isPending ? (
          <LoadingState />
        ) : items.isError ? (
          <QueryError error={items.error} onRetry={() => void items.refetch()} headingLevel={3} />
        ) : items.data.items.length === 0 ? (
          <EmptyState title={t('initiatives.own.list.emptyTitle')} headingLevel={3} />
        ) : (
          <>
            <ul className="kb-portal-activities">
              {items.data.items.map((item) => (
                <li key={item.id}>
                  <RecordLink to="/planpunkter/$id" id={item.id}>
                    {item.title}
                  </RecordLink>{' '}
                  <span className="kb-portal-muted">
                    ({t(`initiatives.planStatus.${item.status}`)}){item.dueDate && <> {t('account.inbox.due', { date: formatDate(item.dueDate, language) })}</>}
                  </span>
                  {planItemOverdue(item.dueDate, item.status, today) && <strong> — {t('initiatives.board.overdue')}</strong>}
                </li>
              ))}
            </ul>
            {items.data.total > items.data.items.length && (
              <p className="ds-paragraph">
                <Link className="ds-link" to="/planpunkter">
                  {t('initiatives.own.list.resultCount', { count: items.data.total, formattedCount: formatNumber(items.data.total, language) })}
                </Link>
              </p>
            )}
          </>
        )}
      </Section>
      <Section id="partner-inbox" title={t('account.inbox.title')} className="kb-stack">
        {inbox.isPending ? (
          <LoadingState />
        ) : inbox.isError ? (
          <QueryError error={inbox.error} onRetry={() => void inbox.refetch()} headingLevel={3} />
        ) : inbox.data.items.length === 0 ? (
          <p className="ds-paragraph">{t('account.inbox.empty')}</p>
        ) : (
          <p className="ds-paragraph">
            <Link className="ds-link" to="/innboks">
              {t('account.inbox.linkWithCount', { count: inbox.data.items.length })}
            </Link>
          </p>
        )}
      </Section>
    </Page>
  );
}
