import { accountQueries, meQueries } from '@kompetansebro/api-client';
import type { InboxItem } from '@kompetansebro/domain';
import { formatDate, useLanguage } from '@kompetansebro/i18n';
import { EmptyState, LoadingState, Page, QueryError } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { accountPaths } from './account-paths';

/** Where an inbox item is done, in this app: a record's page (`$id`) or a list; null where the app has no such page. */
export function inboxTarget(item: InboxItem): { to: string; id?: string } | null {
  const paths = accountPaths();
  const record = (path: string | undefined) => (path && item.recordId ? { to: path, id: item.recordId } : null);
  switch (item.kind) {
    case 'agreement_acceptance':
    case 'amendment_acceptance':
      return record(paths.agreement);
    case 'more_acceptances':
      return paths.agreementTasks ? { to: paths.agreementTasks } : null;
    case 'plan_item_due':
      // The owner's own plan-item page; the county console (no such page) opens the initiative, whose id the API sends it.
      return record(paths.planItem ?? paths.initiative);
    case 'unread_notes':
      return paths.notes ? { to: paths.notes } : null;
    case 'services_to_confirm':
      return paths.services ? { to: paths.services } : null;
    case 'survey_to_answer':
      return paths.survey ? { to: paths.survey } : null;
    case 'catchment_request':
      return paths.catchmentRequests ? { to: paths.catchmentRequests } : null;
  }
}

/** "Innboks": what needs the organisation the user acts for now, each a link to where it is done. */
export function InboxPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const inbox = useQuery(accountQueries.inbox());
  const me = useQuery(meQueries.current());
  const organisation = me.data?.memberships.find((m) => m.organisationId === me.data?.activeOrganisationId)?.organisationName ?? '';

  const textOf = (item: InboxItem) => t(`account.inbox.kind.${item.kind}`, { title: item.title, count: item.count, number: item.amendmentNumber ?? '' });

  return (
    <Page title={t('account.inbox.title')}>
      <p className="ds-paragraph">{t('account.inbox.lead', { organisation })}</p>
      {inbox.isPending ? (
        <LoadingState />
      ) : inbox.isError ? (
        <QueryError error={inbox.error} onRetry={() => void inbox.refetch()} />
      ) : inbox.data.items.length === 0 ? (
        <EmptyState title={t('account.inbox.empty')} />
      ) : (
        <ul className="kb-inbox">
          {inbox.data.items.map((item, index) => {
            const target = inboxTarget(item);
            const text = textOf(item);
            return (
              <li key={`${item.kind}-${item.recordId ?? ''}-${index}`} className="kb-inbox__item">
                {target ? (
                  <Link className="ds-link" to={target.to} params={target.id ? { id: target.id } : {}}>
                    {text}
                  </Link>
                ) : (
                  text
                )}
                {item.dueDate && <span className="kb-inbox__due"> {t('account.inbox.due', { date: formatDate(item.dueDate, language) })}</span>}
                {item.overdue && <strong> — {t('initiatives.board.overdue')}</strong>}
              </li>
            );
          })}
        </ul>
      )}
    </Page>
  );
}
