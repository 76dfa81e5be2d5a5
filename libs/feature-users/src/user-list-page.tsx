import { userQueries } from '@kompetansebro/api-client';
import { DEFAULT_PAGE_SIZE, pageRange, userListQuerySchema, type User } from '@kompetansebro/domain';
import { formatNumber, useLanguage } from '@kompetansebro/i18n';
import { Button, buttonLinkProps, DataTable, EmptyState, Page, Pagination, QueryError, StatusTag, TextField, useListSearch, type TableColumn } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useUserFeature } from './user-feature-context';
import { userStatus, userStatusColor } from './user-status';

/** What the URL holds of the users list: the search and the page. */
const userListSearchSchema = userListQuerySchema.pick({ q: true, page: true });

/**
 * "Brukere": everyone who can log in, with their access and status; search and page in the
 * URL. Loading keeps the table's shape; an empty or failed list says why and what to do.
 */
export function UserListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { paths } = useUserFeature();
  const list = useListSearch(userListSearchSchema, paths.list);
  const search = list.view;
  const users = useQuery(userQueries.list({ ...search, pageSize: DEFAULT_PAGE_SIZE }));

  // The text box follows the URL (back button, "clear"), and is sent on submit.
  const [queryText, setQueryText] = useState(search.q ?? '');
  useEffect(() => setQueryText(search.q ?? ''), [search.q]);
  const submitSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    list.update({ q: queryText.trim() || undefined });
  };

  const columns: TableColumn<User>[] = [
    {
      key: 'name',
      header: t('users.list.columns.name'),
      rowHeader: true,
      cell: (user) => (
        <Link className="ds-link" to={paths.detail} params={{ id: user.id }}>
          {user.name}
        </Link>
      ),
    },
    { key: 'email', header: t('users.list.columns.email'), cell: (user) => user.email },
    {
      key: 'memberships',
      header: t('users.list.columns.memberships'),
      cell: (user) =>
        user.memberships.length === 0 ? (
          t('common.none')
        ) : (
          <ul className="kb-plain-list">
            {user.memberships.map((membership) => (
              <li key={membership.organisationId}>
                {membership.organisationName} ({t(`role.${membership.role}`)})
              </li>
            ))}
          </ul>
        ),
    },
    {
      key: 'status',
      header: t('users.list.columns.status'),
      cell: (user) => {
        const status = userStatus(user);
        return <StatusTag color={userStatusColor[status]}>{t(`users.status.${status}`)}</StatusTag>;
      },
    },
  ];

  const page = users.data;
  const inviteLink = (
    <Link to={paths.invite} {...buttonLinkProps('primary')}>
      {t('users.list.invite')}
    </Link>
  );

  return (
    <Page title={t('users.list.title')} actions={inviteLink}>
      <p className="ds-paragraph">{t('users.list.intro')}</p>

      <form className="kb-cluster" onSubmit={submitSearch} role="search">
        <TextField
          type="search"
          label={t('users.list.searchLabel')}
          description={t('users.list.searchHelp')}
          value={queryText}
          onChange={(event) => setQueryText(event.target.value)}
        />
        <Button type="submit" variant="secondary">
          {t('common.search')}
        </Button>
      </form>

      {/* Announces the outcome of each search without moving focus. */}
      <p className="ds-sr-only" role="status">
        {page && !users.isPlaceholderData ? t('users.list.resultCount', { count: page.total, formattedCount: formatNumber(page.total, language) }) : ''}
      </p>

      {users.isError ? (
        <QueryError error={users.error} onRetry={() => void users.refetch()} />
      ) : page && page.total === 0 ? (
        search.q ? (
          <EmptyState
            title={t('users.list.noMatchTitle')}
            action={
              <Button variant="secondary" onClick={list.clearFilters}>
                {t('users.list.clearSearch')}
              </Button>
            }
          >
            {t('users.list.noMatchQuery', { query: search.q })}
          </EmptyState>
        ) : (
          <EmptyState title={t('users.list.emptyTitle')} action={inviteLink}>
            {t('users.list.emptyBody')}
          </EmptyState>
        )
      ) : (
        <>
          <DataTable
            caption={t('users.list.caption')}
            captionHidden
            columns={columns}
            rows={page?.items}
            rowKey={(user) => user.id}
            busy={users.isPlaceholderData}
            skeletonRows={DEFAULT_PAGE_SIZE}
          />
          {page && <Pagination page={page.page} total={page.total} range={pageRange(page)} onPageChange={list.setPage} />}
        </>
      )}
    </Page>
  );
}
