import { agreementQueries } from '@kompetansebro/api-client';
import { MAX_PAGE_SIZE, type ActorDetail, type AgreementSummary } from '@kompetansebro/domain';
import { formatDate, useLanguage } from '@kompetansebro/i18n';
import { agreementStatusColor, DataTable, QueryError, RecordLink, Section, StatusTag, type TableColumn } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useActorFeature } from './actor-feature-context';

/** The agreements the actor is a party to: status as text, its role, the period; links when the app has the agreement screens. */
export function AgreementsSection({ actor }: { actor: ActorDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { links } = useActorFeature();
  const agreements = useQuery(agreementQueries.list({ party: actor.id, pageSize: MAX_PAGE_SIZE, sort: '-start' }));
  const date = (value: string | null) => (value ? formatDate(value, language) : '…');

  const columns: TableColumn<AgreementSummary>[] = [
    {
      key: 'title',
      header: t('actors.agreements.columns.title'),
      rowHeader: true,
      cell: (agreement) => (
        <RecordLink to={links.agreement} id={agreement.id}>
          {agreement.title}
        </RecordLink>
      ),
    },
    {
      key: 'status',
      header: t('actors.agreements.columns.status'),
      cell: (agreement) => <StatusTag color={agreementStatusColor[agreement.status]}>{t(`agreementStatus.${agreement.status}`)}</StatusTag>,
    },
    {
      key: 'role',
      header: t('actors.agreements.columns.role'),
      cell: (agreement) =>
        agreement.parties
          .filter((party) => party.actorId === actor.id)
          .map((party) => t(`partyRole.${party.role}`))
          .join(', '),
    },
    {
      key: 'period',
      header: t('actors.agreements.columns.period'),
      cell: (agreement) => (agreement.startDate || agreement.endDate ? `${date(agreement.startDate)}–${date(agreement.endDate)}` : t('common.notProvided')),
    },
  ];

  const page = agreements.data;
  return (
    <Section id="actor-agreements" title={t('actors.agreements.title')} className="kb-stack">
      {agreements.isError ? (
        <QueryError title={t('actors.agreements.loadFailed')} error={agreements.error} onRetry={() => void agreements.refetch()} />
      ) : page && page.items.length === 0 ? (
        <p className="ds-paragraph">{t('actors.agreements.empty')}</p>
      ) : (
        <>
          <DataTable
            caption={t('actors.agreements.caption', { name: actor.name })}
            captionHidden
            columns={columns}
            rows={page?.items}
            rowKey={(agreement) => agreement.id}
            skeletonRows={2}
          />
          {page && page.total > page.items.length && (
            <p className="ds-paragraph">{t('actors.agreements.more', { shown: page.items.length, total: page.total })}</p>
          )}
        </>
      )}
    </Section>
  );
}
