import { Page } from '@kompetansebro/ui';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/** The console's front page: what is here now, and what is coming. */
export function OverviewPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('overview.title')}>
      <p className="ds-paragraph" data-size="lg">
        {t('overview.intro')}
      </p>
      <section aria-labelledby="overview-now">
        <h2 className="ds-heading" data-size="sm" id="overview-now">
          {t('overview.nowTitle')}
        </h2>
        <ul>
          <li>
            <Link className="ds-link" to="/aktorer">
              {t('overview.actorsLink')}
            </Link>
            : {t('overview.actorsText')}
          </li>
          <li>
            <Link className="ds-link" to="/kommuner">
              {t('overview.municipalitiesLink')}
            </Link>
            : {t('overview.municipalitiesText')}
          </li>
        </ul>
      </section>
      <section aria-labelledby="overview-later">
        <h2 className="ds-heading" data-size="sm" id="overview-later">
          {t('overview.laterTitle')}
        </h2>
        <p className="ds-paragraph">{t('overview.laterText')}</p>
      </section>
    </Page>
  );
}
