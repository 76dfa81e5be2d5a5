import { LoadingState, Page, Section } from '@kompetansebro/ui';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { CatchmentRequestSection } from './catchment-request-section';
import { ForStudyCentre } from './not-a-centre';
import { usePortalFeature } from './portal-feature-context';
import './portal.css';

/** The study centre's own record (address, contact details and description) and its catchment-area requests. */
export function ProfilePage() {
  const { t } = useTranslation();
  return <ForStudyCentre title={t('portal.profile.title')}>{(centreId) => <Profile centreId={centreId} />}</ForStudyCentre>;
}

function Profile({ centreId }: { centreId: string }) {
  const { t } = useTranslation();
  const { ProfileForm } = usePortalFeature();
  return (
    <Page title={t('portal.profile.title')}>
      <p className="ds-paragraph">{t('portal.profile.intro')}</p>
      <Section id="portal-profile-contact" title={t('portal.profile.contactTitle')} className="kb-stack">
        <Suspense fallback={<LoadingState />}>
          <ProfileForm actorId={centreId} />
        </Suspense>
      </Section>
      <CatchmentRequestSection centreId={centreId} />
    </Page>
  );
}
