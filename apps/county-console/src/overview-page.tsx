import { Page } from '@kompetansebro/ui';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ActivitiesRecentComing } from './overview/activities-recent-coming';
import { AgreementsByStatus } from './overview/agreements-by-status';
import { CoverageByRegion } from './overview/coverage-by-region';
import { ExpiringAgreements, UnmetCommitments } from './overview/expiring-agreements';
import { PlanItemsDue } from './overview/plan-items-due';
import './overview/overview.css';

/**
 * The county's first screen: agreements by status, those ending soon and those whose commitments
 * are no longer met, coverage per region
 * with its gaps, recent and coming activities, and plan items due. Each section loads and
 * fails on its own, so one slow or broken source does not blank the page.
 */
export function OverviewPage() {
  const { t } = useTranslation();
  return (
    <Page
      title={t('overview.title')}
      actions={
        <Link className="ds-link" to="/historikk">
          {t('overview.logLink')}
        </Link>
      }
    >
      <p className="ds-paragraph">{t('overview.intro')}</p>
      <div className="kb-overview-grid">
        <AgreementsByStatus />
        <ExpiringAgreements />
      </div>
      <UnmetCommitments />
      <CoverageByRegion />
      <PlanItemsDue />
      <ActivitiesRecentComing />
    </Page>
  );
}
