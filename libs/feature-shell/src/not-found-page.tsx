import { Page } from '@kompetansebro/ui';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/** A path the app has no page for. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')}>
      <p className="ds-paragraph">{t('notFound.body')}</p>
      <p className="ds-paragraph">
        <Link className="ds-link" to="/">
          {t('notFound.home')}
        </Link>
      </p>
    </Page>
  );
}
