import { useTranslation } from 'react-i18next';
import { Alert } from './alert';
import { Button } from './button';
import { errorStatusOf } from './detail-page';
import { httpErrorText } from './error-text';

interface QueryErrorProps {
  /** The failed read's error (an API error says what went wrong by its status). */
  error: unknown;
  onRetry: () => void;
  /** What failed to load, e.g. "The contact persons could not be loaded"; a general heading when left out. */
  title?: string;
  /** One below the heading of the part of the page that failed to load. */
  headingLevel?: 2 | 3 | 4;
}

/** A failed read: what went wrong, in words, and a way to try again. Stays until dealt with. */
export function QueryError({ error, onRetry, title, headingLevel = 2 }: QueryErrorProps) {
  const { t } = useTranslation();
  const status = errorStatusOf(error);
  return (
    <Alert color="danger" heading={title ?? t('states.errorTitle')} headingLevel={headingLevel}>
      <p className="ds-paragraph">{status !== undefined ? httpErrorText(t, status) : t('states.errorBody')}</p>
      <Button variant="secondary" onClick={onRetry}>
        {t('common.retry')}
      </Button>
    </Alert>
  );
}
