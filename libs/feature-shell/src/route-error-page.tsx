import { Alert, Button, Page } from '@kompetansebro/ui';
import { useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/** A page that failed to load or render (e.g. its chunk after a new deploy): say so, offer to retry. */
export function RouteErrorPage({ reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  const router = useRouter();
  return (
    <Page title={t('states.errorTitle')}>
      <Alert color="danger">
        <p className="ds-paragraph">{t('states.errorBody')}</p>
        <Button
          variant="secondary"
          onClick={() => {
            reset();
            void router.invalidate();
          }}
        >
          {t('common.retry')}
        </Button>
      </Alert>
    </Page>
  );
}
