import { actorQueries, agreementQueries, regionQueries, useCan } from '@kompetansebro/api-client';
import {
  agreementKinds,
  agreementListQuerySchema,
  agreementStatuses,
  compareNorwegian,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type AgreementSummary,
} from '@kompetansebro/domain';
import { formatDate, formatNumber, useLanguage } from '@kompetansebro/i18n';
import { agreementStatusColor, buttonLinkProps, ListScreen, Select, StatusTag, useListSearch, type TableColumn } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAgreementFeature } from './agreement-feature-context';
import { PendingAmendments } from './pending-amendments';
import { useCanCreateAgreements } from './use-can-create-agreements';
import { AgreementSettingsForm } from './agreement-settings-form';
import { AgreementTemplatesForm } from './agreement-templates-form';
import { tasksPathOf } from './agreement-tasks-page';

/** The tasks' screen shares this chunk (agreement-routes). */
export { AgreementTasksPage } from './agreement-tasks-page';

/** What the URL holds of the agreement list: search, filters, order and page. */
export const agreementListSearchSchema = agreementListQuerySchema.pick({
  q: true,
  status: true,
  kind: true,
  party: true,
  region: true,
  sort: true,
  page: true,
});

/**
 * The agreements: search, filter by status, kind, party and region, sort by column, page
 * through — all of it in the URL — and export what the filters show.
 */
export function AgreementListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { paths, listFilters, pendingAmendments } = useAgreementFeature();
  const showPartyAndRegion = listFilters?.partyAndRegion ?? true;
  const canCreate = useCanCreateAgreements();
  // The county's agreement settings and templates: its admin changes them here (the policy: a viewer only reads).
  const countySettings = useCan('agreement_template', 'update');
  const list = useListSearch(agreementListSearchSchema, paths.list);
  const { view } = list;
  const query = { ...view, pageSize: DEFAULT_PAGE_SIZE };

  const agreements = useQuery(agreementQueries.list(query));
  const regions = useQuery({ ...regionQueries.list(), enabled: showPartyAndRegion });
  const studyCentres = useQuery({ ...actorQueries.list({ kind: 'study_centre', pageSize: MAX_PAGE_SIZE }), enabled: showPartyAndRegion });

  const columns: TableColumn<AgreementSummary>[] = [
    {
      key: 'title',
      header: t('agreements.list.columns.title'),
      sortable: true,
      rowHeader: true,
      cell: (agreement) => (
        <Link className="ds-link" to={paths.detail} params={{ id: agreement.id }}>
          {agreement.title}
        </Link>
      ),
    },
    {
      key: 'status',
      header: t('agreements.list.columns.status'),
      sortable: true,
      cell: (agreement) => <StatusTag color={agreementStatusColor[agreement.status]}>{t(`agreementStatus.${agreement.status}`)}</StatusTag>,
    },
    { key: 'kind', header: t('agreements.list.columns.kind'), cell: (agreement) => t(`agreementKind.${agreement.kind}`) },
    {
      key: 'parties',
      header: t('agreements.list.columns.parties'),
      cell: (agreement) => agreement.parties.map((party) => party.actorName).join(', '),
    },
    {
      key: 'start',
      header: t('agreements.list.columns.start'),
      sortable: true,
      cell: (agreement) => (agreement.startDate ? <time dateTime={agreement.startDate}>{formatDate(agreement.startDate, language)}</time> : '–'),
    },
    {
      key: 'end',
      header: t('agreements.list.columns.end'),
      sortable: true,
      cell: (agreement) => (agreement.endDate ? <time dateTime={agreement.endDate}>{formatDate(agreement.endDate, language)}</time> : '–'),
    },
  ];

  return (
    <ListScreen
      title={t('agreements.list.title')}
      top={
        <>
          {pendingAmendments && <PendingAmendments agreementPath={paths.detail} tasksPath={tasksPathOf(paths)} />}
          {countySettings && (
            <details className="kb-stack">
              <summary>{t('agreements.settings.title')}</summary>
              <AgreementSettingsForm />
              <AgreementTemplatesForm />
            </details>
          )}
        </>
      }
      actions={
        canCreate && (
          <Link to={paths.create} {...buttonLinkProps('primary')}>
            {t('agreements.list.newAgreement')}
          </Link>
        )
      }
      exports={[
        { href: agreementQueries.exportUrl(query, 'csv'), label: t('common.exportCsv') },
        { href: agreementQueries.exportUrl(query, 'xlsx'), label: t('common.exportXlsx') },
      ]}
      intro={t('agreements.list.intro')}
      list={list}
      searchLabel={t('agreements.list.searchLabel')}
      filters={
        <>
          <Select
            label={t('agreements.list.statusFilter')}
            emptyOption={t('agreements.list.allStatuses')}
            options={agreementStatuses.map((status) => ({ value: status, label: t(`agreementStatus.${status}`) }))}
            value={view.status ?? ''}
            onChange={(event) => list.update({ status: (event.target.value || undefined) as typeof view.status })}
          />
          <Select
            label={t('agreements.list.kindFilter')}
            emptyOption={t('agreements.list.allKinds')}
            options={agreementKinds
              .map((kind) => ({ value: kind, label: t(`agreementKind.${kind}`) }))
              .sort((a, b) => compareNorwegian(a.label, b.label))}
            value={view.kind ?? ''}
            onChange={(event) => list.update({ kind: (event.target.value || undefined) as typeof view.kind })}
          />
          {showPartyAndRegion && (
            <>
              <Select
                label={t('agreements.list.partyFilter')}
                emptyOption={t('agreements.list.allParties')}
                options={(studyCentres.data?.items ?? []).map((actor) => ({ value: actor.id, label: actor.name }))}
                value={view.party ?? ''}
                onChange={(event) => list.update({ party: event.target.value || undefined })}
              />
              <Select
                label={t('agreements.list.regionFilter')}
                emptyOption={t('agreements.list.allRegions')}
                options={(regions.data?.items ?? []).map((region) => ({ value: region.id, label: region.name }))}
                value={view.region ?? ''}
                onChange={(event) => list.update({ region: event.target.value || undefined })}
              />
            </>
          )}
        </>
      }
      result={agreements}
      resultCount={(total) => t('agreements.list.resultCount', { count: total, formattedCount: formatNumber(total, language) })}
      caption={t('agreements.list.caption')}
      columns={columns}
      rowKey={(agreement) => agreement.id}
      noMatch={{ title: t('agreements.list.noMatchTitle'), body: t('agreements.list.noMatchHint') }}
      empty={{ title: t('agreements.list.emptyTitle'), body: t('agreements.list.emptyBody') }}
      pageSize={DEFAULT_PAGE_SIZE}
    />
  );
}
