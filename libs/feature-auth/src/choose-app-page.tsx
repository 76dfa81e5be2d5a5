import { meQueries, useSwitchOrganisation } from '@kompetansebro/api-client';
import { appNameFits, appOfRole, compareNorwegian, staffApps, type Membership } from '@kompetansebro/domain';
import { Button, FailureAlert, LoadingState, Page } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * "Hvor vil du jobbe?": after logging in, a user whose memberships lead to several apps (a
 * county admin who also edits a library) chooses the organisation to act for, and goes to its
 * app. Acting for another organisation switches to it first.
 */
export function ChooseAppPage() {
  const { t } = useTranslation();
  const me = useQuery(meQueries.current());
  const switchOrganisation = useSwitchOrganisation();
  const [choosing, setChoosing] = useState<string | null>(null);
  if (!me.data) return <LoadingState />;
  const { activeOrganisationId } = me.data;
  const memberships = [...me.data.memberships].sort((a, b) => compareNorwegian(a.organisationName, b.organisationName));

  const choose = async (membership: Membership) => {
    setChoosing(membership.organisationId);
    try {
      if (membership.organisationId !== activeOrganisationId) await switchOrganisation.mutateAsync({ organisationId: membership.organisationId });
      window.location.assign(staffApps[appOfRole[membership.role]]);
    } catch {
      setChoosing(null);
    }
  };

  return (
    <Page title={t('auth.chooseApp.title')}>
      <div className="kb-auth kb-stack">
        <p className="ds-paragraph">{t('auth.chooseApp.intro')}</p>
        <FailureAlert title={t('auth.chooseApp.failed')} message={switchOrganisation.isError ? t('shell.user.switchFailed') : null} />
        <ul className="kb-stack" style={{ listStyle: 'none', padding: 0 }}>
          {memberships.map((membership) => (
            <li key={membership.organisationId}>
              <Button variant={membership.organisationId === activeOrganisationId ? 'primary' : 'secondary'} loading={choosing === membership.organisationId} onClick={() => void choose(membership)}>
                {t('auth.chooseApp.goTo', {
                  organisation: membership.organisationName,
                  // A partner's contact borrows the centre portal: named by the suite, as its header is.
                  app: appNameFits(membership.role) ? t(`app.${appOfRole[membership.role]}.name`) : t('app.suiteName'),
                })}
              </Button>
            </li>
          ))}
        </ul>
      </div>
    </Page>
  );
}
