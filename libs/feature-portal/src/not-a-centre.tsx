import { Alert, LoadingState, Page } from '@kompetansebro/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStudyCentre } from './use-study-centre';

/** Renders the screen for the study centre the user acts for; a notice when it acts for none. */
export function ForStudyCentre({ title, children }: { title: string; children: (centreId: string) => ReactNode }) {
  const { t } = useTranslation();
  const { pending, centreId } = useStudyCentre();
  if (pending) {
    return (
      <Page title={title}>
        <LoadingState />
      </Page>
    );
  }
  if (!centreId) {
    return (
      <Page title={title}>
        <Alert color="warning">{t('portal.noCentre')}</Alert>
      </Page>
    );
  }
  return <>{children(centreId)}</>;
}
