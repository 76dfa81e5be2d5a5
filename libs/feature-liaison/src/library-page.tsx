import { actorQueries, liaisonQueries, serviceQueries } from '@kompetansebro/api-client';
import { keyStudentServices, municipalityAndRegion, type ServiceSummary } from '@kompetansebro/domain';
import { formatDate, formatNumber, useLanguage } from '@kompetansebro/i18n';
import { Alert, Button, buttonLinkProps, DetailPage, errorStatusOf, Fact, LoadingState, Page, Section } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLiaisonPaths } from './liaison-feature-context';

/** The services that matter most to students first, in the liaison view's order; the rest after. */
function keyRank(type: string): number {
  const rank = (keyStudentServices as readonly string[]).indexOf(type);
  return rank === -1 ? keyStudentServices.length : rank;
}

/** One library: where it is, its services with conditions and hours, and its contact persons. */
export function LibraryPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const paths = useLiaisonPaths();
  const { id } = useParams({ strict: false }) as { id: string };
  const actor = useQuery(actorQueries.detail(id));
  const services = useQuery(serviceQueries.list({ actor: id, pageSize: 100 }));
  const contacts = useQuery(liaisonQueries.contacts(id));

  const conditionsOf = (service: ServiceSummary) =>
    [
      service.conditions.contractRequired ? t('liaison.library.contractRequired') : null,
      service.conditions.ageLimit !== null ? t('liaison.library.ageLimit', { age: service.conditions.ageLimit }) : null,
      service.conditions.bookingLeadTimeDays !== null ? t('liaison.library.bookingLeadTime', { count: service.conditions.bookingLeadTimeDays }) : null,
      service.conditions.capacity !== null ? t('liaison.library.capacity', { capacity: service.conditions.capacity }) : null,
      service.conditions.note,
    ]
      .filter(Boolean)
      .join('. ') || '–';

  const hoursOf = (service: ServiceSummary) =>
    [
      service.conditions.hours ? t(`liaison.hours.${service.conditions.hours}`) : null,
      service.weeklyHours !== null ? t('liaison.library.weeklyHours', { count: service.weeklyHours, hours: formatNumber(service.weeklyHours, language) }) : null,
    ]
      .filter(Boolean)
      .join(', ') || '–';

  const contactItems = contacts.data?.items ?? [];

  // Until the library is there, the page is titled as the list; when it cannot be shown, by what went wrong.
  const title = !actor.isError ? t('liaison.libraries.title') : errorStatusOf(actor.error) === 404 ? t('errors.notFound') : t('states.errorTitle');
  return (
    <DetailPage
      result={actor}
      title={title}
      notFound={t('liaison.library.notFound')}
      back={
        <Link className="ds-link" to={paths.libraries}>
          {t('liaison.library.back')}
        </Link>
      }
    >
      {(library) => (
        <Page
          title={library.name}
          actions={
            <Link to={paths.thread} params={{ kind: 'bibliotek', id: library.id }} {...buttonLinkProps('secondary')}>
              {t('liaison.library.writeNote')}
            </Link>
          }
        >
          <p>
            <Link className="ds-link" to={paths.libraries}>
              {t('liaison.library.back')}
            </Link>
          </p>
          {library.description && <p className="ds-paragraph">{library.description}</p>}

          <Section id="library-facts" title={t('liaison.library.facts')}>
            <dl className="kb-facts">
              <Fact label={t('liaison.library.municipality')}>{municipalityAndRegion(library.municipalityName, library.regionName) || '–'}</Fact>
              {library.parentId && (
                <Fact label={t('liaison.library.mainLibrary')}>
                  <Link className="ds-link" to={paths.library} params={{ id: library.parentId }}>
                    {library.parentName ?? library.parentId}
                  </Link>
                </Fact>
              )}
              {library.website && (
                <Fact label={t('liaison.library.website')}>
                  <a className="ds-link" href={library.website}>
                    {library.website}
                  </a>
                </Fact>
              )}
              {library.children.length > 0 && (
                <Fact label={t('liaison.library.branches')}>
                  {library.children.map((child, index) => (
                    <span key={child.id}>
                      {index > 0 && ', '}
                      <Link className="ds-link" to={paths.library} params={{ id: child.id }}>
                        {child.name}
                      </Link>
                    </span>
                  ))}
                </Fact>
              )}
            </dl>
          </Section>

          <Section id="library-services" title={t('liaison.library.servicesTitle')}>
            {services.isError ? (
              <Alert color="danger">
                <p className="ds-paragraph">{t('states.errorBody')}</p>
                <Button variant="secondary" onClick={() => void services.refetch()}>
                  {t('common.retry')}
                </Button>
              </Alert>
            ) : services.isPending ? (
              <LoadingState />
            ) : services.data.items.length === 0 ? (
              <p className="ds-paragraph">{t('liaison.library.noServices')}</p>
            ) : (
              // One entry per service rather than a wide table: conditions are long and must fit 390 px.
              <ul className="kb-stack" style={{ listStyle: 'none', padding: 0 }} aria-label={t('liaison.library.servicesCaption')}>
                {[...services.data.items].sort((a, b) => keyRank(a.type) - keyRank(b.type)).map((service) => (
                  <li key={service.id}>
                    <h3 className="ds-heading" data-size="xs">
                      {t(`serviceType.${service.type}`)}
                      {service.actorId !== library.id && ` – ${service.actorName}`}
                    </h3>
                    <dl className="kb-facts">
                      <Fact label={t('liaison.library.columns.hours')}>{hoursOf(service)}</Fact>
                      <Fact label={t('liaison.library.columns.conditions')}>{conditionsOf(service)}</Fact>
                      <Fact label={t('liaison.library.columns.confirmed')}>
                        {service.confirmedAt ? <time dateTime={service.confirmedAt}>{formatDate(service.confirmedAt, language)}</time> : t('liaison.library.notConfirmed')}
                      </Fact>
                    </dl>
                  </li>
                ))}
              </ul>
            )}
          </Section>

          <Section id="library-contacts" title={t('liaison.library.contactsTitle')}>
            {contacts.isError ? (
              <Alert color="danger">
                <p className="ds-paragraph">{t('states.errorBody')}</p>
              </Alert>
            ) : contacts.isPending ? (
              <LoadingState />
            ) : contactItems.length === 0 ? (
              <p className="ds-paragraph">{t('liaison.library.noContacts')}</p>
            ) : (
              <ul>
                {contactItems.map((contact) => (
                  <li key={contact.id}>
                    <strong>{contact.name}</strong>
                    {contact.role && `, ${contact.role}`}
                    {contact.email && (
                      <>
                        {' – '}
                        <a className="ds-link" href={`mailto:${contact.email}`}>
                          {contact.email}
                        </a>
                      </>
                    )}
                    {contact.phone && `, ${contact.phone}`}
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </Page>
      )}
    </DetailPage>
  );
}
