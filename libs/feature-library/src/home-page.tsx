import { useOwnSurveyLink } from '@kompetansebro/api-client';
import { addDays, todayInNorway, type ServiceSummary } from '@kompetansebro/domain';
import { formatDate, useLanguage } from '@kompetansebro/i18n';
import { ActivityDates, Button, httpErrorText, LoadingState, Page, QueryError, Section } from '@kompetansebro/ui';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLibraryFeature } from './library-feature-context';
import { channelKey } from './channel-key';
import { homeQueries } from './home-data';
import { OpeningNow } from './opening-now';
import { StudentPreview } from './student-preview';
import { ForLibrary } from './use-library';
import './library.css';

export { homeFirstData } from './home-data';

/** A service is due for confirmation when it was never confirmed or last confirmed a year ago or more. */
export function confirmationDue(service: Pick<ServiceSummary, 'confirmedAt'>, today = todayInNorway()): boolean {
  return service.confirmedAt === null || service.confirmedAt <= addDays(today, -365);
}

/**
 * The library portal's first screen: what is due — services not confirmed for a year, agreements
 * awaiting its answer (the app's tasks), the latest notes in its channels, coming activities — and
 * whether it is open now; and a preview of how students see the library. Each section loads and fails on its own.
 */
export function LibraryHomePage() {
  const { t } = useTranslation();
  return <ForLibrary title={t('library.home.title')}>{(library) => <Home libraryId={library.libraryId} name={library.name} />}</ForLibrary>;
}

/** A section's query: loading, its error with a retry, or its content. */
function Loaded<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} headingLevel={3} />;
  return <>{children(query.data)}</>;
}

function Home({ libraryId, name }: { libraryId: string; name: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { paths, HomeTasks, Widget } = useLibraryFeature();
  const hours = useQuery(homeQueries.openingHours(libraryId));
  const services = useQuery(homeQueries.services(libraryId));
  const threads = useQuery(homeQueries.threads());
  const unread = useQuery(homeQueries.unread());
  const activities = useQuery(homeQueries.comingActivities());

  return (
    <Page title={t('library.home.title')}>
      <p className="ds-paragraph">{t('library.home.intro', { library: name })}</p>
      <div className="kb-library-home">
        <Section id="library-now" title={t('library.home.openingTitle')} className="kb-stack">
          <Loaded query={hours}>{(data) => <OpeningNow hours={data} />}</Loaded>
          <p className="ds-paragraph">
            <Link className="ds-link" to={paths.openingHoursList}>
              {t('library.home.editOpeningHours')}
            </Link>
          </p>
        </Section>

        <Section id="library-services" title={t('library.home.servicesTitle')} className="kb-stack">
          <Loaded query={services}>
            {(data) => {
              const due = data.items.filter((service) => confirmationDue(service));
              return due.length === 0 ? (
                <p className="ds-paragraph">{t('library.home.servicesUpToDate')}</p>
              ) : (
                <>
                  <p className="ds-paragraph">{t('library.home.servicesDue', { count: due.length })}</p>
                  <ul className="kb-library-list">
                    {due.map((service) => (
                      <li key={service.id}>
                        <Link className="ds-link" to={paths.actor} params={{ id: service.actorId }} hash={`service-${service.id}`}>
                          {t(`serviceType.${service.type}`)}
                        </Link>{' '}
                        – {service.actorName}{' '}
                        <span className="kb-library-muted">
                          ({service.confirmedAt ? t('library.home.lastConfirmed', { date: formatDate(service.confirmedAt, language) }) : t('library.home.neverConfirmed')})
                        </span>
                      </li>
                    ))}
                  </ul>
                </>
              );
            }}
          </Loaded>
        </Section>

        {paths.survey && <OpenSurvey surveyPath={paths.survey} />}

        <div className="kb-stack">
          {HomeTasks && (
            <Suspense fallback={<LoadingState />}>
              <HomeTasks />
            </Suspense>
          )}
          <p className="ds-paragraph">
            <Link className="ds-link" to={paths.agreements}>
              {t('library.home.allAgreements')}
            </Link>
          </p>
        </div>

        <Section id="library-notes" title={t('library.home.notesTitle')} className="kb-stack">
          {/* "Ingen uleste" only beside notes there are: with none at all, "Ingen notater ennå" says it. */}
          {unread.data && (unread.data.count > 0 || Boolean(threads.data?.items.length)) && (
            <p className="ds-paragraph">
              <strong>{unread.data.count === 0 ? t('library.home.noUnread') : t('library.home.unread', { count: unread.data.count })}</strong>
            </p>
          )}
          <Loaded query={threads}>
            {(data) =>
              data.items.length === 0 ? (
                <p className="ds-paragraph">{t('library.home.noNotes')}</p>
              ) : (
                <ul className="kb-library-list">
                  {data.items.map((thread) => (
                      <li key={channelKey(thread)}>
                        {t('library.home.noteThread', { university: thread.universityName ?? t('library.cooperation.county'), library: thread.targetName, count: thread.notes, date: formatDate(thread.lastNoteAt, language) })}
                      </li>
                    ))}
                </ul>
              )
            }
          </Loaded>
          <p className="ds-paragraph">
            <Link className="ds-link" to={paths.channels}>
              {t('library.home.allNotes')}
            </Link>
          </p>
        </Section>

        <Section id="library-activities" title={t('library.home.activitiesTitle')} className="kb-stack">
          <Loaded query={activities}>
            {(data) =>
              data.items.length === 0 ? (
                <p className="ds-paragraph">{t('library.home.noActivities')}</p>
              ) : (
                <ul className="kb-library-list">
                  {data.items.slice(0, 5).map((activity) => (
                    <li key={activity.id}>
                      <span className="kb-library-date">
                        <ActivityDates {...activity} language={language} />
                      </span>{' '}
                      <Link className="ds-link" to={`${paths.activities}/$id`} params={{ id: activity.id }}>
                        {activity.title}
                      </Link>{' '}
                      <span className="kb-library-muted">
                        ({t(`activityKind.${activity.kind}`)}, {activity.participating ? t('library.activities.signedUpState') : t('library.activities.notSignedUp')})
                      </span>
                    </li>
                  ))}
                </ul>
              )
            }
          </Loaded>
          <p className="ds-paragraph">
            <Link className="ds-link" to={paths.signUps}>
              {t('library.home.allActivities')}
            </Link>
          </p>
        </Section>
      </div>
      {hours.data && services.data && <StudentPreview libraryId={libraryId} name={name} hours={hours.data} services={services.data.items} />}
      {Widget && (
        <Suspense fallback={<LoadingState />}>
          <Widget libraryId={libraryId} />
        </Suspense>
      )}
    </Page>
  );
}

/**
 * The county's survey open to the library, when there is one: its deadline, whether the library
 * has answered, and a button that opens the answer form (a fresh link, the same form and records
 * as the mailed one).
 */
function OpenSurvey({ surveyPath }: { surveyPath: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const survey = useQuery(homeQueries.survey());
  const link = useOwnSurveyLink();
  const navigate = useNavigate();
  const open = survey.data?.survey;
  if (!survey.isError && !open) return null;
  return (
    <Section id="library-survey" title={t('library.home.surveyTitle')} className="kb-stack">
      <Loaded query={survey}>
        {() =>
          open && (
            <>
              <p className="ds-paragraph">{t('library.home.surveyAsk', { survey: open.name, deadline: formatDate(open.deadline, language) })}</p>
              {open.answeredAt && <p className="ds-paragraph">{t('library.home.surveyAnswered', { date: formatDate(open.answeredAt, language) })}</p>}
              <p className="ds-paragraph">
                <Button
                  variant={open.answeredAt ? 'secondary' : 'primary'}
                  loading={link.isPending}
                  onClick={() => link.mutate(undefined, { onSuccess: ({ token }) => void navigate({ to: surveyPath, search: { token } }) })}
                >
                  {open.answeredAt ? t('library.home.surveyChange') : t('library.home.surveyAnswer')}
                </Button>
              </p>
              {link.isError && <p className="ds-paragraph" role="alert">{httpErrorText(t, link.error.status)}</p>}
            </>
          )
        }
      </Loaded>
    </Section>
  );
}
