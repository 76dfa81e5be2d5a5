import { ApiError } from '@kompetansebro/api-client';
import { Alert, Button, httpErrorText } from '@kompetansebro/ui';
import { useTranslation } from 'react-i18next';

/** A failed read: what went wrong, in words, and a way to try again. Stays until dealt with. */
export function QueryError({ error, onRetry, headingLevel = 2 }: { error: unknown; onRetry: () => void; headingLevel?: 2 | 3 | 4 }) {
  const { t } = useTranslation();
  return (
    <Alert color="danger" heading={t('states.errorTitle')} headingLevel={headingLevel}>
      <p className="ds-paragraph">{error instanceof ApiError ? httpErrorText(t, error.status) : t('states.errorBody')}</p>
      <Button variant="secondary" onClick={onRetry}>
        {t('common.retry')}
      </Button>
    </Alert>
  );
}
