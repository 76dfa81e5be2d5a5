import { actorQueries, meQueries, municipalityQueries, regionQueries } from '@kompetansebro/api-client';
import { actorKinds, actorListQuerySchema, DEFAULT_PAGE_SIZE, roleOrganisationKinds, type ActorSummary } from '@kompetansebro/domain';
import { formatDate, formatNumber, useLanguage } from '@kompetansebro/i18n';
import { buttonLinkProps, ListScreen, optionsByLabel, Select, StatusTag, type TableColumn, useListSearch } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { useActorFeature } from './actor-feature-context';
import { useCanEditActors } from './use-can-edit-actors';

/** What the URL holds of the actor list: search, filters, order and page. */
export const actorListSearchSchema = actorListQuerySchema.pick({ q: true, kind: true, municipality: true, region: true, sort: true, page: true });

/**
 * The actor register: search, filter by kind, municipality and region, sort by column, page
 * through — all of it in the URL. Loading keeps the table's shape; empty and failed lists
 * say why and what to do.
 */
export function ActorListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { paths, ownOrganisation } = useActorFeature();
  const canEdit = useCanEditActors();
  const list = useListSearch(actorListSearchSchema, paths.list);
  const { view } = list;
  const query = { ...view, pageSize: DEFAULT_PAGE_SIZE };

  const actors = useQuery(actorQueries.list(query));
  const municipalities = useQuery({ ...municipalityQueries.list(), enabled: !ownOrganisation });
  const regions = useQuery({ ...regionQueries.list(), enabled: !ownOrganisation });
  const me = useQuery({ ...meQueries.current(), enabled: ownOrganisation });
  // The own list holds the organisation and its branches: only the kinds the role's organisations
  // can be (a library: library, branch), and no type filter at all when that cannot narrow it.
  const role = me.data?.role;
  const ownKinds = ownOrganisation ? actorKinds.filter((kind) => role !== undefined && roleOrganisationKinds[role].includes(kind)) : actorKinds;
  // A kind in the URL stays a choice, so the filter shows it and can be cleared.
  const kinds = view.kind && !ownKinds.includes(view.kind) ? [...ownKinds, view.kind] : ownKinds;
  const kindFilter: ComponentProps<typeof Select> = {
    label: t('actors.list.kindFilter'),
    emptyOption: t('actors.list.allKinds'),
    options: optionsByLabel(kinds, (kind) => t(`actorKind.${kind}`)),
    value: view.kind ?? '',
    onChange: (event) => list.update({ kind: (event.target.value || undefined) as typeof view.kind }),
  };

  const columns: TableColumn<ActorSummary>[] = [
    {
      key: 'name',
      header: t('actors.list.columns.name'),
      sortable: true,
      rowHeader: true,
      cell: (actor) => (
        <>
          <Link className="ds-link" to={paths.detail} params={{ id: actor.id }}>
            {actor.name}
          </Link>
          {actor.archivedAt && (
            <>
              {' '}
              <StatusTag color="warning">{t('actors.list.archivedTag')}</StatusTag>
            </>
          )}
        </>
      ),
    },
    { key: 'kind', header: t('actors.list.columns.kind'), sortable: true, cell: (actor) => t(`actorKind.${actor.kind}`) },
    {
      key: 'municipality',
      header: t('actors.list.columns.municipality'),
      sortable: true,
      cell: (actor) => actor.municipalityName ?? '–',
    },
    {
      key: 'updated',
      header: t('actors.list.columns.updated'),
      sortable: true,
      cell: (actor) => <time dateTime={actor.updatedAt}>{formatDate(actor.updatedAt, language)}</time>,
    },
  ];

  const createLink = canEdit && (
    <Link to={paths.create} {...buttonLinkProps('primary')}>
      {t('actors.list.newActor')}
    </Link>
  );

  return (
    <ListScreen
      title={t(ownOrganisation ? 'actors.list.ownTitle' : 'actors.list.title')}
      actions={createLink}
      exports={[
        { href: actorQueries.exportUrl(query, 'csv'), label: t('common.exportCsv') },
        { href: actorQueries.exportUrl(query, 'xlsx'), label: t('common.exportXlsx') },
      ]}
      intro={t(ownOrganisation ? 'actors.list.ownIntro' : 'actors.list.intro')}
      list={list}
      searchLabel={t('actors.list.searchLabel')}
      searchHelp={t('actors.list.searchHelp')}
      filters={
        <>
          {kinds.length > 1 && <Select {...kindFilter} />}
          {!ownOrganisation && (
            <>
              <Select
                label={t('actors.list.regionFilter')}
                emptyOption={t('actors.list.allRegions')}
                options={(regions.data?.items ?? []).map((region) => ({ value: region.id, label: region.name }))}
                value={view.region ?? ''}
                onChange={(event) => list.update({ region: event.target.value || undefined, municipality: undefined })}
              />
              <Select
                label={t('actors.list.municipalityFilter')}
                emptyOption={t('actors.list.allMunicipalities')}
                options={(municipalities.data?.items ?? [])
                  .filter((municipality) => !view.region || municipality.regionId === view.region)
                  .map((municipality) => ({ value: municipality.number, label: municipality.name }))}
                value={view.municipality ?? ''}
                onChange={(event) => list.update({ municipality: event.target.value || undefined })}
              />
            </>
          )}
        </>
      }
      result={actors}
      resultCount={(total) => t('actors.list.resultCount', { count: total, formattedCount: formatNumber(total, language) })}
      caption={t('actors.list.caption')}
      columns={columns}
      rowKey={(actor) => actor.id}
      noMatch={{
        title: t('actors.list.noMatchTitle'),
        body: `${view.q ? t('actors.list.noMatchQuery', { query: view.q }) : t('actors.list.noMatchFilters')} ${t('actors.list.noMatchHint')}`,
      }}
      empty={{ title: t('actors.list.emptyTitle'), body: t('actors.list.emptyBody'), action: createLink }}
      pageSize={DEFAULT_PAGE_SIZE}
    />
  );
}
