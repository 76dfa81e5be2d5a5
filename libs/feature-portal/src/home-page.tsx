import { brochureServiceLine, type Brochure, type Coverage } from '@kompetansebro/domain';
import { formatDate, formatNumber, useLanguage } from '@kompetansebro/i18n';
import { ActivityDates, EmptyState, LoadingState, Page, QueryError, RecordLink, Section, StatusTag } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { homeQueries } from './home-data';
import { ForStudyCentre } from './not-a-centre';
import { BokmalOnlyNotice, ServiceLineText } from './service-line';
import { usePortalFeature } from './portal-feature-context';
import { useStudyCentre } from './use-study-centre';
import './portal.css';

export { homeFirstData } from './home-data';

/**
 * A study centre's first screen: its catchment municipalities; which libraries there have an
 * agreement with the centre and which are gaps; every library (main and branches) with the
 * services it gives students and on what conditions; coming activities. Each section loads and
 * fails on its own.
 */
export function PortalHomePage() {
  const { t } = useTranslation();
  const { PartnerHome } = usePortalFeature();
  const { pending, centreId } = useStudyCentre();
  // A partner's contact (no study centre) lands on its own home: its plan items and inbox.
  if (!pending && !centreId && PartnerHome) return <PartnerHome />;
  return <ForStudyCentre title={t('portal.home.title')}>{(centreId) => <Home centreId={centreId} />}</ForStudyCentre>;
}

function Home({ centreId }: { centreId: string }) {
  const { t } = useTranslation();
  const { paths, HomeTasks } = usePortalFeature();
  const coverage = useQuery(homeQueries.coverage(centreId));
  const brochure = useQuery(homeQueries.brochure(centreId));
  const centreName = coverage.data?.studyCentres[0]?.name ?? brochure.data?.studyCentre.name ?? '';

  return (
    <Page
      title={t('portal.home.title')}
      actions={
        <Link className="ds-link" to={paths.brochure}>
          {t('portal.home.brochureLink')}
        </Link>
      }
    >
      {centreName && <p className="ds-paragraph">{t('portal.home.intro', { centre: centreName })}</p>}
      {HomeTasks && <HomeTasks />}
      <Section id="portal-area" title={t('portal.home.municipalitiesTitle')} className="kb-stack">
        {coverage.isPending ? (
          <LoadingState />
        ) : coverage.isError ? (
          <QueryError error={coverage.error} onRetry={() => void coverage.refetch()} headingLevel={3} />
        ) : (
          <Municipalities coverage={coverage.data} />
        )}
      </Section>
      <Section id="portal-gaps" title={t('portal.home.gapsTitle')} className="kb-stack">
        {coverage.isPending ? (
          <LoadingState />
        ) : coverage.isError ? (
          <QueryError error={coverage.error} onRetry={() => void coverage.refetch()} headingLevel={3} />
        ) : (
          <Gaps coverage={coverage.data} centreName={centreName} />
        )}
      </Section>
      <Section id="portal-libraries" title={t('portal.home.librariesTitle')} className="kb-stack">
        <p className="ds-paragraph">{t('portal.home.librariesIntro')}</p>
        {brochure.isPending || coverage.isPending ? (
          <LoadingState />
        ) : brochure.isError ? (
          <QueryError error={brochure.error} onRetry={() => void brochure.refetch()} headingLevel={3} />
        ) : (
          <Libraries brochure={brochure.data} coverage={coverage.data} />
        )}
      </Section>
      <ComingActivities />
    </Page>
  );
}

function Municipalities({ coverage }: { coverage: Coverage }) {
  const { t } = useTranslation();
  const { paths } = usePortalFeature();
  const names = coverage.municipalities.map((m) => m.name);
  if (names.length === 0) {
    return (
      <EmptyState
        title={t('portal.home.noMunicipalities')}
        headingLevel={3}
        action={
          <Link className="ds-link" to={paths.profile}>
            {t('portal.home.changeArea')}
          </Link>
        }
      />
    );
  }
  return (
    <>
      <p className="ds-paragraph">
        {t('portal.home.municipalitiesCount', { count: names.length })} {names.join(', ')}.
      </p>
      <p className="ds-paragraph">
        <Link className="ds-link" to={paths.profile}>
          {t('portal.home.changeArea')}
        </Link>
      </p>
    </>
  );
}

function Gaps({ coverage, centreName }: { coverage: Coverage; centreName: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { paths } = usePortalFeature();
  const { summary, gaps } = coverage;
  const municipalityName = (number: string) => coverage.municipalities.find((m) => m.number === number)?.name ?? number;
  return (
    <>
      <p className="ds-paragraph" data-testid="portal-coverage-share">
        {t('portal.home.share', { covered: formatNumber(summary.coveredLibraries, language), total: formatNumber(summary.libraries, language) })}
      </p>
      {gaps.libraries.length === 0 ? (
        <p className="ds-paragraph">{t('portal.home.noGaps')}</p>
      ) : (
        <>
          <p className="ds-paragraph">{t('portal.home.gapsIntro', { centre: centreName })}</p>
          <ul className="kb-portal-gaps" aria-label={t('portal.home.gapsTitle')}>
            {gaps.libraries.map((library) => (
              <li key={library.id}>
                <RecordLink to={paths.actor} id={library.id}>
                  {library.name}
                </RecordLink>{' '}
                ({municipalityName(library.municipalityNumber)})
                {paths.proposeAgreement && (
                  <>
                    {' – '}
                    <Link className="ds-link" to={paths.proposeAgreement} search={{ part: library.id }}>
                      {t('portal.home.proposeWith', { name: library.name })}
                    </Link>
                  </>
                )}
              </li>
            ))}
          </ul>
          {gaps.municipalities.length > 0 && (
            <p className="ds-paragraph">
              {t('portal.home.gapMunicipalities')} {gaps.municipalities.map((m) => m.name).join(', ')}.
            </p>
          )}
        </>
      )}
      <p className="ds-paragraph">
        <Link className="ds-link" to={paths.agreements}>
          {t('portal.home.proposeAgreement')}
        </Link>
      </p>
    </>
  );
}

function Libraries({ brochure, coverage }: { brochure: Brochure; coverage: Coverage | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { paths } = usePortalFeature();
  const status = new Map((coverage?.municipalities ?? []).flatMap((m) => m.libraries.map((l) => [l.id, l] as const)));
  const names = new Map(brochure.municipalities.flatMap((m) => m.libraries.map((l) => [l.id, l.name] as const)));
  if (brochure.municipalities.length === 0) return <p className="ds-paragraph">{t('portal.home.noMunicipalities')}</p>;
  return (
    <div className="kb-stack">
      <BokmalOnlyNotice brochure={brochure} language={language} />
      {brochure.municipalities.map((municipality) => (
        <details key={municipality.number} className="kb-portal-municipality" open={brochure.municipalities.length === 1}>
          <summary>
            <h3 className="ds-heading" data-size="xs">
              {municipality.name}
            </h3>
            <span className="kb-portal-muted">
              {t('portal.home.municipalitySummary', {
                count: municipality.libraries.length,
                gaps: municipality.libraries.filter((library) => status.get(library.id)?.covered === false).length,
              })}
            </span>
          </summary>
          {municipality.libraries.length === 0 ? (
            <p className="ds-paragraph">{t('portal.home.noLibraries')}</p>
          ) : (
            <ul className="kb-portal-libraries">
              {municipality.libraries.map((library) => {
                const coverageOf = status.get(library.id);
                const main = library.parentId ? names.get(library.parentId) : undefined;
                return (
                  <li key={library.id} className="kb-portal-library">
                    <div className="kb-cluster">
                      <h4 className="ds-heading" data-size="2xs">
                        <RecordLink to={paths.actor} id={library.id}>
                          {library.name}
                        </RecordLink>
                      </h4>
                      {coverageOf && (
                        <StatusTag color={coverageOf.covered ? 'success' : 'danger'}>
                          {coverageOf.covered ? t('portal.home.covered') : t('portal.home.gap')}
                        </StatusTag>
                      )}
                    </div>
                    <p className="ds-paragraph" data-size="sm">
                      {main ? t('portal.home.branchOf', { name: main }) : t('portal.home.mainLibrary')}
                      {coverageOf?.coveredThroughMainLibrary && <> {t('portal.home.throughMain')}</>}
                      {coverageOf && coverageOf.agreements.length > 0 && (
                        <>
                          {' · '}
                          {t('portal.home.agreementsLabel')}{' '}
                          {coverageOf.agreements.map((agreement, i) => (
                            <Fragment key={agreement.id}>
                              {i > 0 && ', '}
                              <Link className="ds-link" to={paths.agreement} params={{ id: agreement.id }}>
                                {agreement.title}
                              </Link>
                            </Fragment>
                          ))}
                        </>
                      )}
                    </p>
                    {library.services.length === 0 ? (
                      <p className="ds-paragraph" data-size="sm">
                        {t('portal.home.noServices')}
                      </p>
                    ) : (
                      <ul className="kb-portal-services">
                        {library.services.map((service) => (
                          <li key={service.id}>
                            <ServiceLineText line={brochureServiceLine(service, language)} />
                            <span className="kb-portal-muted">
                              {' '}
                              ({service.confirmedAt ? t('portal.home.confirmed', { date: formatDate(service.confirmedAt, language) }) : t('portal.home.notConfirmed')})
                            </span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </details>
      ))}
    </div>
  );
}

function ComingActivities() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { paths } = usePortalFeature();
  const activities = useQuery(homeQueries.comingActivities());
  return (
    <Section id="portal-activities" title={t('portal.home.activitiesTitle')} className="kb-stack">
      {activities.isPending ? (
        <LoadingState />
      ) : activities.isError ? (
        <QueryError error={activities.error} onRetry={() => void activities.refetch()} headingLevel={3} />
      ) : activities.data.items.length === 0 ? (
        <p className="ds-paragraph">{t('portal.home.noActivities')}</p>
      ) : (
        <ul className="kb-portal-activities">
          {activities.data.items.map((activity) => (
            <li key={activity.id}>
              <span className="kb-portal-date">
                <ActivityDates {...activity} language={language} />
              </span>{' '}
              <Link className="ds-link" to={`${paths.activities}/$id`} params={{ id: activity.id }}>
                {activity.title}
              </Link>{' '}
              <span className="kb-portal-muted">({t(`activityKind.${activity.kind}`)})</span>
            </li>
          ))}
        </ul>
      )}
      <p className="ds-paragraph">
        <Link className="ds-link" to={paths.activities}>
          {t('portal.home.allActivities')}
        </Link>
      </p>
    </Section>
  );
}
