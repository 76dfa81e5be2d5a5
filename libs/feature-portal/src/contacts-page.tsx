import { apiUrl, contactQueries, portalQueries } from '@kompetansebro/api-client';
import { contactListQuerySchema, pageRange, type ContactSummary } from '@kompetansebro/domain';
import { buttonLinkProps, DataTable, EmptyState, ListSearchForm, LoadingState, Page, Pagination, QueryError, RecordLink, Section, useListSearch, type TableColumn } from '@kompetansebro/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ForStudyCentre } from './not-a-centre';
import { usePortalFeature } from './portal-feature-context';
import './portal.css';

const PAGE_SIZE = 25;

/** What the URL holds of the contact persons: search, order and page. */
const contactsSearchSchema = contactListQuerySchema.pick({ q: true, sort: true, page: true });

/**
 * The contacts of the catchment area: each library's address, phone and e-mail, and the contact
 * persons the centre may see (search, sort and page in the URL; CSV and Excel of what it shows).
 */
export function ContactsPage() {
  const { t } = useTranslation();
  return <ForStudyCentre title={t('portal.contacts.title')}>{(centreId) => <Contacts centreId={centreId} />}</ForStudyCentre>;
}

function Contacts({ centreId }: { centreId: string }) {
  const { t } = useTranslation();
  const { paths } = usePortalFeature();
  const brochure = useQuery(portalQueries.brochure(centreId));
  const libraries = (brochure.data?.municipalities ?? []).flatMap((m) => m.libraries.map((library) => ({ ...library, municipality: m.name })));
  type LibraryRow = (typeof libraries)[number];

  const libraryColumns: TableColumn<LibraryRow>[] = [
    {
      key: 'library',
      header: t('portal.contacts.columns.library'),
      rowHeader: true,
      cell: (row) => (
        <RecordLink to={paths.actor} id={row.id}>
          {row.name}
        </RecordLink>
      ),
    },
    { key: 'municipality', header: t('portal.contacts.columns.municipality'), cell: (row) => row.municipality },
    { key: 'phone', header: t('portal.contacts.columns.phone'), cell: (row) => (row.phone ? <a className="ds-link" href={`tel:${row.phone.replace(/\s/g, '')}`}>{row.phone}</a> : '–') },
    { key: 'email', header: t('portal.contacts.columns.email'), cell: (row) => (row.email ? <a className="ds-link" href={`mailto:${row.email}`}>{row.email}</a> : '–') },
    { key: 'address', header: t('portal.contacts.columns.address'), cell: (row) => row.address ?? '–' },
  ];

  return (
    <Page title={t('portal.contacts.title')}>
      <p className="ds-paragraph">{t('portal.contacts.intro')}</p>
      <Section id="portal-contact-libraries" title={t('portal.contacts.librariesTitle')} className="kb-stack">
        {brochure.isError ? (
          <QueryError error={brochure.error} onRetry={() => void brochure.refetch()} headingLevel={3} />
        ) : brochure.isSuccess && libraries.length === 0 ? (
          <EmptyState title={t('portal.contacts.noLibraries')} headingLevel={3} />
        ) : (
          <DataTable
            caption={t('portal.contacts.librariesTitle')}
            captionHidden
            columns={libraryColumns}
            rows={brochure.isPending ? undefined : libraries}
            rowKey={(row) => row.id}
            skeletonRows={5}
          />
        )}
      </Section>
      <ContactPersons />
    </Page>
  );
}

function ContactPersons() {
  const { t } = useTranslation();
  const { paths } = usePortalFeature();
  const list = useListSearch(contactsSearchSchema, paths.contacts);
  const search = list.view;
  const sort = search.sort;
  const filters = { ...search, pageSize: PAGE_SIZE };
  const contacts = useQuery({ ...contactQueries.list(filters), placeholderData: keepPreviousData });

  const exportUrl = (format: 'csv' | 'xlsx') => {
    const params = new URLSearchParams({ sort, format });
    if (search.q) params.set('q', search.q);
    return apiUrl(`/api/contacts/export?${params.toString()}`);
  };

  const columns: TableColumn<ContactSummary>[] = [
    { key: 'name', header: t('portal.contacts.columns.name'), rowHeader: true, sortable: true, cell: (row) => row.name },
    { key: 'role', header: t('portal.contacts.columns.role'), cell: (row) => row.role ?? '–' },
    { key: 'actor', header: t('portal.contacts.columns.actor'), sortable: true, cell: (row) => row.actorName },
    { key: 'email', header: t('portal.contacts.columns.email'), cell: (row) => (row.email ? <a className="ds-link" href={`mailto:${row.email}`}>{row.email}</a> : '–') },
    { key: 'phone', header: t('portal.contacts.columns.phone'), cell: (row) => row.phone ?? '–' },
  ];

  return (
    <Section id="portal-contact-persons" title={t('portal.contacts.personsTitle')} className="kb-stack">
      <ListSearchForm label={t('portal.contacts.searchLabel')} description={t('portal.contacts.searchHelp')} q={search.q} onSearch={(q) => list.update({ q })} />
      <div className="kb-cluster">
        <a {...buttonLinkProps('tertiary')} href={exportUrl('csv')} download>
          {t('common.exportCsv')}
        </a>
        <a {...buttonLinkProps('tertiary')} href={exportUrl('xlsx')} download>
          {t('common.exportXlsx')}
        </a>
      </div>
      {contacts.isError ? (
        <QueryError error={contacts.error} onRetry={() => void contacts.refetch()} headingLevel={3} />
      ) : contacts.isSuccess && contacts.data.total === 0 ? (
        <EmptyState title={t('portal.contacts.noPersons')} headingLevel={3}>
          {t('portal.contacts.noPersonsBody')}
        </EmptyState>
      ) : (
        <>
          <DataTable
            caption={t('portal.contacts.personsTitle')}
            captionHidden
            columns={columns}
            rows={contacts.data?.items}
            rowKey={(row) => row.id}
            busy={contacts.isFetching}
            sort={list.sort}
            onSortChange={list.toggleSort}
            skeletonRows={5}
          />
          {contacts.data ? (
            <Pagination
              page={contacts.data.page}
              total={contacts.data.total}
              range={pageRange(contacts.data)}
              onPageChange={list.setPage}
            />
          ) : (
            <LoadingState />
          )}
        </>
      )}
    </Section>
  );
}
