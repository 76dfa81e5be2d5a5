import { meQueries, useCan, userQueries } from '@kompetansebro/api-client';
import { DEFAULT_PAGE_SIZE, userListQuerySchema, type User } from '@kompetansebro/domain';
import { formatNumber, useLanguage } from '@kompetansebro/i18n';
import { buttonLinkProps, ForbiddenPage, ListScreen, StatusTag, useListSearch, type TableColumn } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
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
  const me = useQuery(meQueries.current());
  const mayRead = useCan('user', 'read');
  const mayInvite = useCan('user', 'create');
  const users = useQuery({ ...userQueries.list({ ...search, pageSize: DEFAULT_PAGE_SIZE }), enabled: mayRead });

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
                {t('users.membership', { organisation: membership.organisationName, role: t(`role.${membership.role}`) })}
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

  // Invitations are the admin's: a role that may not create users sees no link to the form.
  const inviteLink = mayInvite ? (
    <Link to={paths.invite} {...buttonLinkProps('primary')}>
      {t('users.list.invite')}
    </Link>
  ) : undefined;
  // A role that may not read users (the county viewer) opens the address: say so, not "try again".
  if (!me.isPending && !mayRead) return <ForbiddenPage title={t('users.list.title')} />;

  return (
    <ListScreen
      title={t('users.list.title')}
      actions={inviteLink}
      intro={t('users.list.intro')}
      list={list}
      searchLabel={t('users.list.searchLabel')}
      searchHelp={t('users.list.searchHelp')}
      clearLabel={t('users.list.clearSearch')}
      result={users}
      resultCount={(total) => t('users.list.resultCount', { count: total, formattedCount: formatNumber(total, language) })}
      caption={t('users.list.caption')}
      columns={columns}
      rowKey={(user) => user.id}
      noMatch={{ title: t('users.list.noMatchTitle'), body: t('users.list.noMatchQuery', { query: search.q }) }}
      empty={{ title: t('users.list.emptyTitle'), body: t('users.list.emptyBody'), action: inviteLink }}
      pageSize={DEFAULT_PAGE_SIZE}
    />
  );
}
